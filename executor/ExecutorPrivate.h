#pragma once

// Executor's private half, shared by Executor.cpp (the public calls, invoke) and
// ExecutorProcesses.cpp (starting, retiring and freezing runtime processes, the maintenance
// thread). Not part of the executor's interface: only those two files include it.

#include "executor/ActionloopBuild.h"
#include "executor/ConcurrencyGate.h"
#include "executor/Executor.h"
#include "executor/RunningActivations.h"
#include "executor/RuntimeProcess.h"
#include "executor/Sandbox.h"
#include "executor/SharedPool.h"
#include "executor/StemCellPool.h"
#include "executor/StepOutcome.h"
#include "executor/WarmKeeper.h"
#include "executor/WarmPool.h"

#include <QDateTime>
#include <QHash>
#include <QTemporaryDir>
#include <QThreadPool>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace funcdesk {

namespace executor_detail {

inline qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace executor_detail

class Executor::Private
{
public:
    explicit Private(ExecutorConfig configuration);
    ~Private();

    // `extraEnvironment`: "KEY=value" for this process only (Go and native actions' init env).
    Result<std::unique_ptr<RuntimeProcess>> spawn(const Runtime &runtime, const SandboxOptions &options,
                                                  const QList<QByteArray> &extraEnvironment = {});
    // What a function with these limits gets; stem cells are made for the defaults.
    SandboxOptions sandboxOptions(const ActionLimits &limits) const;
    std::string actionKey(const InvocationRequest &request, const Runtime &runtime, const ActionLimits &limits);
    // Hands processes to the maintenance thread to be stopped (killing and removing a cgroup
    // takes milliseconds that no caller should wait for).
    void retire(std::vector<std::unique_ptr<RuntimeProcess>> processes);
    void retire(std::unique_ptr<RuntimeProcess> process);
    // A new process for the action: a stem cell, else a cold spawn, with the action's limits
    // applied and its code initialised (concurrency > 1: in concurrent mode). The init's verdict
    // (empty status: ready) goes to `verdict`, its measurements and startType to `facts`. Go and
    // native actions: their executable, prepared (ActionloopBuild), is started cold; when that
    // fails (a compile error) the process is null and `verdict` says why.
    Result<std::unique_ptr<RuntimeProcess>> startProcess(const InvocationRequest &request, const Runtime &runtime,
                                                         const ActionLimits &limits, qint64 concurrency,
                                                         ActivationFacts &facts, LogCapture &logs,
                                                         StepVerdict &verdict);
    void maintain();
    void wakeMaintenance();
    // A process went idle: the maintenance thread freezes it once idle for config.freezeAfterMs.
    // An atomic exchange on the caller's path; the first after a quiet spell wakes the thread.
    void scheduleFreeze()
    {
        if (freezing && !freezeScheduled.exchange(true))
            maintenanceWake.notify_all();
    }
    void freezeIdleProcesses();
    // Whether activations of this action share one process (OpenWhisk's intra-container
    // concurrency): Node.js actions with concurrency > 1, where cgroups enforce the limits.
    bool sharesProcesses(const Runtime &runtime, const ActionLimits &limits) const;
    // Runs the activation in the action's shared process, starting it when there is none.
    // Applies the action's limits to a new process and sends `line` (none: nothing to wait for),
    // recording the init's verdict and measurements.
    void initialise(RuntimeProcess &process, const std::optional<QByteArray> &line, const ActionLimits &limits,
                    ActivationFacts &facts, LogCapture &logs, StepVerdict &verdict);
    Result<std::unique_ptr<RuntimeProcess>> startActionloop(const InvocationRequest &request, const Runtime &runtime,
                                                            const ActionLimits &limits, ActivationFacts &facts,
                                                            LogCapture &logs, StepVerdict &verdict);
    Result<StepVerdict> runShared(const InvocationRequest &request, const Runtime &runtime, const ActionLimits &limits,
                                  const std::string &key, const QByteArray &params, ActivationFacts &facts,
                                  LogCapture &logs);

    ExecutorConfig config;
    std::unique_ptr<Sandbox> sandbox; // always there: when unavailable, it says why
    // The runtimes offered, replaced whole by Executor::refreshRuntimes(): readers take the
    // pointer under catalogMutex and keep using their copy.
    std::shared_ptr<const RuntimeCatalog> currentCatalog() const
    {
        std::lock_guard lock(catalogMutex);
        return catalog;
    }
    // RuntimeCatalog::discover() (or the configuration's catalog), less what the sandbox cannot reach.
    RuntimeCatalog findRuntimes() const;
    mutable std::mutex catalogMutex;
    std::shared_ptr<const RuntimeCatalog> catalog;
    std::mutex refreshMutex;    // one discovery at a time
    qint64 lastRefreshMs = 0;   // when the last refresh's discovery started (under refreshMutex)
    QByteArray pathFingerprint; // PATH and its folders' mtimes when the last discovery began (catalogMutex)
    ActionloopBuild builds{config.cacheDirectory, config.compileTimeoutMs};
    std::shared_ptr<CgroupHost> cgroups;
    QTemporaryDir scratch;
    QList<QByteArray> environment;
    std::atomic<int> scratchCounter{0};
    WarmPool warm;
    SharedPool shared;
    WarmKeeper keeper{warm, shared, config.spinMicros,
                      [this](auto &&...args) { return startProcess(std::forward<decltype(args)>(args)...); },
                      [this](std::vector<std::unique_ptr<RuntimeProcess>> processes) { retire(std::move(processes)); }};
    std::unique_ptr<StemCellPool> stemCells;
    ConcurrencyGate gate;
    QThreadPool threads;

    std::mutex maintenanceMutex;
    std::condition_variable maintenanceWake;
    std::condition_variable stemCellsReady;
    std::vector<std::unique_ptr<RuntimeProcess>> retired;
    bool stopping = false;
    bool replenishWanted = true;
    qint64 lastKeepPass = 0;
    bool keepWanted = false;
    bool freezing = false; // cgroups with a freezer, and config.freezeAfterMs >= 0
    std::atomic<bool> freezeScheduled{false};
    bool stemCellsFailed = false;
    std::thread maintenance;

    // Last pool key per action: holding the code string keeps its buffer alive, so the same
    // buffer address means the same code, and with the same version, kind, main and limits the
    // key is reused without hashing the code or building the key again.
    struct Digest
    {
        QString code;
        QByteArray digest;
        QString version;
        QString kind;
        QString main;
        bool binary = false;
        ActionLimits limits;
        std::string key;
    };
    std::mutex digestMutex;
    QHash<QString, Digest> digests;

    RunningActivations running; // for cancel() and shutdown()
};

} // namespace funcdesk
