#pragma once

#include "executor/Executor.h"
#include "executor/SharedPool.h"
#include "executor/WarmPool.h"

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace funcdesk {

// Minimum instances (Executor::keepWarm): per action (namespace/name), which version to keep how
// many initialised processes of, idle or busy. The executor's maintenance thread calls pass(),
// which replaces dead idle ones and starts what is missing; a start that fails waits before the
// next try (1 s, doubling up to 60 s), so a broken version does not spin the maintenance thread.
// Thread-safe.
class WarmKeeper
{
public:
    struct Target
    {
        InvocationRequest request; // the version, with its limits resolved (no parameters)
        Runtime runtime;
        std::string key; // the pool key of that version
        int count = 0;
        bool shared = false; // served by one SharedProcess (concurrency > 1): at most one is kept
        qint64 notBeforeMs = 0;
        qint64 backoffMs = 0;
    };
    using Process = std::unique_ptr<RuntimeProcess>;
    // An initialised process for the target (in concurrent mode when shared), or nullptr when
    // it could not be started or its init failed; `initFailure` gets the init's verdict then.
    using Start = std::function<Process(const Target &, std::optional<StepVerdict> &initFailure)>;
    using Retire = std::function<void(std::vector<Process>)>;

    WarmKeeper(WarmPool &warm, SharedPool &shared, Start start, Retire retire);

    // Records the target for its action (count 0: stop keeping). The processes kept for another
    // version of the action so far are no longer kept, and the idle ones retire.
    void keep(const QString &action, Target target);
    // One round of the maintenance thread; returns early once `stopping` says so.
    void pass(const std::function<bool()> &stopping);
    // The kept key of an action, or empty.
    std::string keyOf(const QString &action) const;
    // Stops keeping anything (the executor is going away).
    void clear();

private:
    std::vector<Target> due(qint64 nowMs) const;
    bool startExclusive(const Target &target);
    bool startShared(const Target &target);
    void failed(const std::string &key);
    void succeeded(const std::string &key);

    WarmPool &m_warm;
    SharedPool &m_shared;
    Start m_start;
    Retire m_retire;
    mutable std::mutex m_mutex;
    std::unordered_map<QString, Target> m_targets;
};

} // namespace funcdesk
