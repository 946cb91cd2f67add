#pragma once

#include "executor/SharedProcess.h"
#include "executor/StepOutcome.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace funcdesk {

// The processes that serve an action version's activations concurrently (SharedProcess), one
// per action version, kept while idle until the idle timeout. The first caller starts the
// process; callers that arrive meanwhile wait for it instead of starting their own. Thread-safe.
class SharedPool
{
public:
    struct Acquired
    {
        std::shared_ptr<SharedProcess> process; // counted as a user until release()
        bool mustStart = false;                 // start one, then started() or startFailed()
        std::optional<StepVerdict> failedStart; // the start this caller waited for failed so
    };
    // The live process for `key`; or the duty to start it; or, for a caller that waited for a
    // start that failed, that start's verdict (as the activations waiting for an OpenWhisk
    // container get its init error). A wait past `deadline` ends with an init timeout verdict.
    Acquired acquire(const std::string &key, std::chrono::steady_clock::time_point deadline, qint64 timeoutMs);
    void started(const std::string &key, const std::shared_ptr<SharedProcess> &process);
    // verdict nullopt: the start failed for a reason of its own (no process could be spawned);
    // the waiters try again themselves.
    void startFailed(const std::string &key, const std::optional<StepVerdict> &verdict);
    // Ends a use; returns the process to retire when it was the last user of a dead process, or
    // of one a newer version of the action has replaced.
    std::unique_ptr<RuntimeProcess> release(const std::string &key, const std::shared_ptr<SharedProcess> &process,
                                            qint64 nowMs);
    // Idle processes unused since cutoffMs, and dead ones nobody uses, to be retired.
    std::vector<std::unique_ptr<RuntimeProcess>> takeIdleSince(qint64 cutoffMs);
    int size() const;
    // Freezes the processes nobody has used since cutoffMs; true when idle ones used later remain
    // unfrozen (ask again). acquire() thaws.
    bool freezeIdleSince(qint64 cutoffMs);
    // Minimum instances: a kept key's process is exempt from the idle timeout.
    void setKept(const std::string &key, bool kept);
    // 1 when `key` has a live process (idle or busy), else 0.
    int count(const std::string &key) const;
    // Actions whose latest version the pool remembers (tests: it forgets those with no process).
    int actionsRemembered() const;

private:
    struct Entry
    {
        std::shared_ptr<SharedProcess> process;
        bool starting = false;
        quint64 starts = 0;                     // starts begun so far
        std::optional<StepVerdict> lastFailure; // of start number `failedStart`
        quint64 failedStart = 0;
    };

    // The action part of a key (namespace and name), without version, limits and code.
    static std::string actionOf(const std::string &key);

    mutable std::mutex m_mutex;
    std::condition_variable m_startEnded;
    std::unordered_map<std::string, Entry> m_entries;
    std::unordered_set<std::string> m_kept;
    std::unordered_map<std::string, std::string> m_latest;   // action → the key it was last started with
    std::vector<std::unique_ptr<RuntimeProcess>> m_deadIdle; // found dead by acquire()
};

} // namespace funcdesk
