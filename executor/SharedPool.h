#pragma once

#include "executor/SharedProcess.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace funcdesk {

// The processes that serve an action version's activations concurrently (SharedProcess), one
// per action version, kept while idle until the idle timeout. The first caller starts the
// process; callers that arrive meanwhile wait for it instead of starting their own. Thread-safe.
class SharedPool
{
public:
    // The live process for `key` (counted as a user until release()), or nullptr when the caller
    // must start one and then call started() or startFailed().
    std::shared_ptr<SharedProcess> acquire(const std::string &key);
    void started(const std::string &key, const std::shared_ptr<SharedProcess> &process);
    void startFailed(const std::string &key);
    // Ends a use; returns the process to retire when it was the last user of a dead process.
    std::unique_ptr<RuntimeProcess> release(const std::string &key, const std::shared_ptr<SharedProcess> &process,
                                            qint64 nowMs);
    // Idle processes unused since cutoffMs, and dead ones nobody uses, to be retired.
    std::vector<std::unique_ptr<RuntimeProcess>> takeIdleSince(qint64 cutoffMs);
    int size() const;

private:
    struct Entry
    {
        std::shared_ptr<SharedProcess> process;
        bool starting = false;
    };

    mutable std::mutex m_mutex;
    std::condition_variable m_startEnded;
    std::unordered_map<std::string, Entry> m_entries;
    std::vector<std::unique_ptr<RuntimeProcess>> m_deadIdle;  // found dead by acquire()
};

}  // namespace funcdesk
