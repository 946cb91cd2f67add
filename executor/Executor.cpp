#include "executor/Executor.h"
#include "executor/ExecutorPrivate.h"

#include "core/ActivationId.h"
#include "executor/ActivationRecord.h"
#include "executor/MemoryTrim.h"
#include "executor/PoolKey.h"
#include "executor/StepOutcome.h"

#include <QDir>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QtConcurrent/QtConcurrentRun>

#include <chrono>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace funcdesk {

using executor_detail::nowMs;

namespace {

// HOME and TMPDIR are added per process (its own scratch folder, or the sandbox's /tmp).
QList<QByteArray> launcherEnvironment()
{
    return {
        "PATH=/usr/local/bin:/usr/bin:/bin",
        "LANG=C.UTF-8",
        "PYTHONDONTWRITEBYTECODE=1",
        "PYTHONIOENCODING=utf-8",
    };
}

// The runtimes that get stem cells: Go and native actions start their own executable.
QList<Runtime> launchedRuntimes(const RuntimeCatalog &catalog)
{
    QList<Runtime> launched;
    for (const Runtime &runtime : catalog.runtimes()) {
        if (!runtime.actionloop)
            launched.append(runtime);
    }
    return launched;
}

// PATH and the modification time of each of its folders (adding or removing a file changes it).
QByteArray pathFingerprint()
{
    QByteArray fingerprint = qgetenv("PATH");
    for (const QByteArray &folder : fingerprint.split(':')) {
        struct stat info = {};
        if (!folder.isEmpty() && ::stat(folder.constData(), &info) == 0)
            fingerprint += '\0' + QByteArray::number(qint64(info.st_mtim.tv_sec)) + '.' +
                           QByteArray::number(qint64(info.st_mtim.tv_nsec));
        else
            fingerprint += "\0-";
    }
    return fingerprint;
}

// The warm pool's memory budget: ExecutorConfig::warmMemoryMb, or half of the machine's memory.
qint64 warmMemoryBudget(const ExecutorConfig &config)
{
    if (config.warmMemoryMb > 0)
        return config.warmMemoryMb * 1024 * 1024;
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long pageSize = ::sysconf(_SC_PAGE_SIZE);
    return pages > 0 && pageSize > 0 ? qint64(pages) * pageSize / 2 : std::numeric_limits<qint64>::max();
}

} // namespace

Executor::Private::Private(ExecutorConfig configuration)
    : config(std::move(configuration)), scratch(QDir::tempPath() + QStringLiteral("/funcdesk-executor-XXXXXX")),
      warm(config.warmCapacity, warmMemoryBudget(config))
{
    // Writing to a launcher that just died must be an error we handle, not a signal that ends us.
    ::signal(SIGPIPE, SIG_IGN);
    MemoryTrim::configureAllocator();
    if (config.enforcement == ExecutorConfig::Enforcement::Auto)
        cgroups = CgroupHost::detect();
    freezing = cgroups && cgroups->freezes() && config.freezeAfterMs >= 0;
    sandbox = std::make_unique<Sandbox>(Sandbox::Settings{config.sandbox == ExecutorConfig::Sandbox::Auto,
                                                          config.bubblewrap, config.sandboxUid, config.sandboxGid});
    pathFingerprint = funcdesk::pathFingerprint();
    catalog = std::make_shared<const RuntimeCatalog>(findRuntimes());
    environment = launcherEnvironment();
    const SandboxOptions defaults = sandboxOptions(config.systemLimits.withDefaults({}));
    stemCells =
        std::make_unique<StemCellPool>(launchedRuntimes(*catalog), config.stemCellsPerRuntime, config.stemCellFamilies,
                                       [this, defaults](const Runtime &runtime) { return spawn(runtime, defaults); });
    threads.setMaxThreadCount(128); // invocations block in poll(); queued ones wait in the gate
    maintenance = std::thread([this] { maintain(); });
}

RuntimeCatalog Executor::Private::findRuntimes() const
{
    const RuntimeCatalog found = config.catalog ? *config.catalog : RuntimeCatalog::discover();
    return sandbox->available() ? sandbox->reachableRuntimes(found, nullptr) : found;
}

Executor::Private::~Private()
{
    gate.close();       // queued ones are refused
    running.shutdown(); // running activations end now, not at their timeouts
    {
        std::lock_guard lock(maintenanceMutex);
        stopping = true;
    }
    maintenanceWake.notify_all();
    maintenance.join();
    threads.waitForDone();
    // Nothing starts a process from here on: the sandbox's forking thread ends now. Joining it
    // orders everything it made before the reaping below (ThreadSanitizer saw no other order
    // between that thread and this one for a stem cell); its sandboxed children die with it
    // (bubblewrap's --die-with-parent), the rest are killed and reaped below as before.
    sandbox.reset();
    keeper.clear();
    warm.takeAll();
    shared.takeIdleSince(std::numeric_limits<qint64>::max());
    stemCells->takeAll();
}

bool Executor::Private::sharesProcesses(const Runtime &runtime, const ActionLimits &limits) const
{
    return *limits.concurrency > 1 && runtime.family == QLatin1StringView("nodejs") && cgroups;
}

Result<StepVerdict> Executor::Private::runShared(const InvocationRequest &request, const Runtime &runtime,
                                                 const ActionLimits &limits, const std::string &key,
                                                 const QByteArray &params, ActivationFacts &facts, LogCapture &logs)
{
    const qint64 timeoutMs = *limits.timeoutMs;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (int attempt = 0;; ++attempt) {
        SharedPool::Acquired acquired = shared.acquire(key, deadline, timeoutMs);
        facts.start = nowMs();
        if (acquired.failedStart)
            return *acquired.failedStart; // waited for a process whose init failed: its verdict
        std::shared_ptr<SharedProcess> process = std::move(acquired.process);
        if (acquired.mustStart) { // none running: this caller starts it; others arriving meanwhile wait in acquire()
            std::optional<StepVerdict> failure; // what the waiters get if this start fails
            auto startFailed = qScopeGuard([&] { shared.startFailed(key, failure); });
            StepVerdict verdict;
            auto started = startProcess(request, runtime, limits, *limits.concurrency, facts, logs, verdict);
            if (!started)
                return started.error();
            std::unique_ptr<RuntimeProcess> fresh = std::move(started).value();
            fresh->setCancelFlag(nullptr); // shared by many activations: never ended by one's cancel
            if (!verdict.response.status.isEmpty()) {
                failure = verdict;
                retire(std::move(fresh));
                return verdict;
            }
            startFailed.dismiss();
            fresh->setSpinBudget(config.spinMicros);
            process = std::make_shared<SharedProcess>(std::move(fresh));
            shared.started(key, process);
        }
        facts.enforcement = process->enforcement();
        const QByteArray line = runLine(request, params, facts.activationId, nowMs() + timeoutMs);
        std::optional<StepResult> run = process->run(line, timeoutMs, config.systemLimits.maxResultBytes + 64, logs);
        if (auto dead = shared.release(key, process, nowMs()))
            retire(std::move(dead));
        scheduleFreeze();
        if (!run && attempt == 0)
            continue; // the process ended between acquire() and run(): nothing was sent; once more
        if (!run) {
            run.emplace();
            run->end = StepResult::End::Exited;
        }
        StepVerdict verdict = verdictForRun(*run, timeoutMs, config.systemLimits.maxResultBytes);
        facts.cpuNanos += std::max<qint64>(0, run->cpuNanos);
        facts.peakMemoryBytes = std::max(facts.peakMemoryBytes, run->peakMemoryBytes);
        return verdict;
    }
}

Executor::Executor(ExecutorConfig config) : d(std::make_unique<Private>(std::move(config)))
{
}

Executor::~Executor() = default;

Result<Activation> Executor::invoke(const InvocationRequest &request)
{
    const qint64 received = nowMs();
    const auto runtime = d->currentCatalog()->resolve(request.exec.kind);
    if (!runtime)
        return runtime.error();
    if (!request.exec.code)
        return PlatformError{PlatformError::Kind::Invalid, QStringLiteral("The action has no code to run.")};
    if (auto invalid = d->config.systemLimits.validate(request.limits))
        return *invalid;
    const ActionLimits limits = d->config.systemLimits.withDefaults(request.limits);

    const QByteArray params = request.paramsJson.isEmpty()
                                  ? QJsonDocument(request.params).toJson(QJsonDocument::Compact)
                                  : request.paramsJson;
    if (params.size() > d->config.systemLimits.maxPayloadBytes) {
        return PlatformError{PlatformError::Kind::TooLarge,
                             QStringLiteral("Request larger than allowed: %1 > %2 bytes.")
                                 .arg(params.size())
                                 .arg(d->config.systemLimits.maxPayloadBytes)};
    }

    const std::string key = d->actionKey(request, *runtime, limits);
    const QString activationId = request.activationId.isEmpty() ? newActivationId() : request.activationId;
    const std::shared_ptr<RunningActivations::Entry> token = d->running.enter(activationId);
    auto leave = qScopeGuard([&] { d->running.leave(activationId, token.get()); });
    auto ticket = d->gate.enter(key, static_cast<int>(*limits.concurrency), d->config.queuePerAction);
    if (!ticket)
        return ticket.error();

    const qint64 timeoutMs = *limits.timeoutMs;
    LogCapture logs(*limits.logsMb * 1024 * 1024);
    ActivationFacts facts;
    facts.received = received;
    facts.kind = runtime->kind;
    facts.limits = limits;
    facts.startType = QStringLiteral("warm");
    facts.activationId = activationId;
    facts.cancelFlag = &token->cancelled;
    StepVerdict verdict;
    // Cancelled while queued, or the executor shuts down (refused in the gate): nothing runs.
    if (token->cancelled || ticket->refused()) {
        facts.start = facts.end = nowMs();
        facts.cancelled = true;
        verdict = cancelledVerdict(d->running.shuttingDown() || ticket->refused());
        return makeActivationRecord(request, std::move(facts), std::move(verdict.response), {});
    }

    if (d->sharesProcesses(*runtime, limits)) {
        auto shared = d->runShared(request, *runtime, limits, key, params, facts, logs);
        if (!shared)
            return shared.error();
        facts.end = nowMs();
        facts.timedOut = shared->timedOut;
        facts.memoryExceeded = shared->memoryExceeded;
        logs.finish();
        MemoryTrim::activationEnded(logs.bytesSeen());
        return makeActivationRecord(request, std::move(facts), std::move(shared.value().response), logs.takeLines());
    }

    // Taken or started, the process counts as busy for its key (warmInstances) until put back.
    std::unique_ptr<RuntimeProcess> process = d->warm.take(key);
    while (process && !process->usable()) { // died while idle (a stray async error, say)
        d->retire(std::move(process));
        d->warm.checkIn(key);
        process = d->warm.take(key);
    }
    facts.start = nowMs();
    if (!process) {
        d->retire(d->warm.checkOut(key));
        auto started = d->startProcess(request, *runtime, limits, 1, facts, logs, verdict);
        if (!started) {
            d->warm.checkIn(key);
            return started.error();
        }
        process = std::move(started).value();
        if (!process) { // a Go or native action that could not be prepared (a compile error)
            d->warm.checkIn(key);
            facts.end = nowMs();
            logs.finish();
            return makeActivationRecord(request, std::move(facts), std::move(verdict.response), logs.takeLines());
        }
        if (!verdict.response.status.isEmpty())
            process->markUnusable(); // a failed init leaves nothing worth keeping
    }

    process->setSpinBudget(d->config.spinMicros);
    process->setCancelFlag(&token->cancelled);
    if (verdict.response.status.isEmpty()) { // initialised (now or before): run
        const QByteArray line = runLine(request, params, facts.activationId, nowMs() + timeoutMs);
        const StepResult run = process->step(line, timeoutMs, d->config.systemLimits.maxResultBytes + 64, logs);
        verdict = runtime->actionloop ? verdictForActionloopRun(run, timeoutMs, d->config.systemLimits.maxResultBytes)
                                      : verdictForRun(run, timeoutMs, d->config.systemLimits.maxResultBytes);
        facts.cpuNanos += std::max<qint64>(0, run.cpuNanos);
        facts.peakMemoryBytes = std::max(facts.peakMemoryBytes, run.peakMemoryBytes);
        facts.storageUsedBytes = run.storageUsedBytes;
    }
    facts.end = nowMs();
    facts.enforcement = process->enforcement();
    facts.timedOut = verdict.timedOut;
    facts.memoryExceeded = verdict.memoryExceeded;
    process->setCancelFlag(nullptr);
    if (token->cancelled && !process->reusable()) { // killed by cancel(), in its init or its run
        facts.cancelled = true;
        verdict = cancelledVerdict(d->running.shuttingDown());
    }
    std::vector<std::unique_ptr<RuntimeProcess>> leaving;
    if (process->reusable()) {
        leaving = d->warm.put(key, std::move(process), facts.end);
        d->scheduleFreeze();
    } else {
        leaving.push_back(std::move(process));
        d->warm.checkIn(key);
    }
    d->retire(std::move(leaving));
    logs.finish();
    MemoryTrim::activationEnded(logs.bytesSeen());
    return makeActivationRecord(request, std::move(facts), std::move(verdict.response), logs.takeLines());
}

void Executor::cancel(const QString &activationId)
{
    d->running.cancel(activationId);
}

void Executor::shutdown()
{
    d->gate.close();
    d->running.shutdown();
}

void Executor::refuseQueued()
{
    d->gate.close();
}

int Executor::runningCount() const
{
    return d->running.count();
}

QFuture<Result<Activation>> Executor::invokeAsync(InvocationRequest request)
{
    return QtConcurrent::run(&d->threads, [this, request = std::move(request)] { return invoke(request); });
}

RuntimeCatalog Executor::catalog() const
{
    return *d->currentCatalog();
}

RuntimeCatalog Executor::refreshRuntimes()
{
    std::lock_guard lock(d->refreshMutex);
    const qint64 now = nowMs();
    if (d->config.catalog || (d->lastRefreshMs > 0 && now - d->lastRefreshMs < d->config.runtimeRefreshIntervalMs))
        return catalog();
    d->lastRefreshMs = now;
    const QByteArray fingerprint = pathFingerprint(); // before: a change while it looks shows next time
    auto found = std::make_shared<const RuntimeCatalog>(d->findRuntimes());
    {
        std::lock_guard swap(d->catalogMutex);
        d->catalog = found;
        d->pathFingerprint = fingerprint;
    }
    d->retire(d->stemCells->setRuntimes(launchedRuntimes(*found))); // the cells of runtimes gone or changed
    d->wakeMaintenance();                                           // restocks a kind in use whose interpreter changed
    return *found;
}

bool Executor::runtimesMayHaveChanged() const
{
    if (d->config.catalog)
        return false;
    const QByteArray now = pathFingerprint();
    std::lock_guard lock(d->catalogMutex);
    return now != d->pathFingerprint;
}

const SystemLimits &Executor::systemLimits() const
{
    return d->config.systemLimits;
}

QString Executor::enforcementName() const
{
    return d->cgroups ? d->cgroups->name() : QStringLiteral("fallback");
}

QString Executor::sandboxName() const
{
    return d->sandbox->available() ? QStringLiteral("bubblewrap") : QStringLiteral("none");
}

QString Executor::sandboxProblem() const
{
    return d->sandbox->problem();
}

void Executor::keepWarm(const InvocationRequest &action, int count)
{
    WarmKeeper::Target target;
    const auto runtime = d->currentCatalog()->resolve(action.exec.kind);
    // An action that cannot run (unknown kind, no code, invalid limits) is not kept: its
    // invocations say why.
    if (runtime && action.exec.code && !d->config.systemLimits.validate(action.limits)) {
        target.request = action;
        target.request.limits = d->config.systemLimits.withDefaults(action.limits);
        target.request.params = {};
        target.request.paramsJson.clear();
        target.runtime = *runtime;
        target.key = d->actionKey(action, *runtime, target.request.limits);
        target.shared = d->sharesProcesses(*runtime, target.request.limits);
        target.count = std::clamp<int>(count, 0, static_cast<int>(d->config.systemLimits.minInstances.max));
        if (target.shared)
            target.count = std::min(target.count, 1); // one shared process serves them all
    }
    const bool wanted = target.count > 0;
    d->keeper.keep(action.ns + QLatin1Char('/') + action.name, std::move(target));
    if (wanted) {
        {
            std::lock_guard lock(d->maintenanceMutex);
            d->keepWanted = true;
        }
        d->maintenanceWake.notify_all();
    }
}

int Executor::warmInstances(const QString &ns, const QString &name) const
{
    const QString action = ns + QLatin1Char('/') + name;
    std::string key = d->keeper.keyOf(action);
    if (key.empty()) {
        std::lock_guard lock(d->digestMutex);
        const auto it = d->digests.constFind(action);
        if (it == d->digests.cend())
            return 0;
        key = it->key;
    }
    return d->warm.count(key) + d->shared.count(key);
}

int Executor::warmProcessCount() const
{
    return d->warm.size() + d->shared.size();
}

int Executor::stemCellCount() const
{
    return d->stemCells->size();
}

int Executor::sharedActionsRemembered() const
{
    return d->shared.actionsRemembered();
}

int Executor::warmActionsRemembered() const
{
    return d->warm.actionsRemembered();
}

void Executor::reapIdleProcesses()
{
    d->warm.takeIdleSince(nowMs() - d->config.idleTimeoutMs);
    d->shared.takeIdleSince(nowMs() - d->config.idleTimeoutMs);
}

bool Executor::waitForStemCells(int timeoutMs)
{
    std::unique_lock lock(d->maintenanceMutex);
    const int quota = d->stemCells->quota();
    return d->stemCellsReady.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this, quota] {
        return d->stemCellsFailed || (!d->replenishWanted && d->stemCells->size() >= quota);
    }) && !d->stemCellsFailed;
}

} // namespace funcdesk
