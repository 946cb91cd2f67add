// Executor::Private's process lifecycle: spawning (sandboxed or in a scratch folder), the pool
// key, starting a process for an action (stem cell or cold, limits, init), retiring processes,
// and the maintenance thread (stem cells, idle timeouts, freezing, minimum instances).

#include "executor/ActivationRecord.h"
#include "executor/ExecutorPrivate.h"
#include "executor/MemoryTrim.h"
#include "executor/PoolKey.h"

#include <QDir>
#include <QFile>

#include <chrono>
#include <utility>

namespace funcdesk {

using executor_detail::nowMs;

SandboxOptions Executor::Private::sandboxOptions(const ActionLimits &limits) const
{
    return {*limits.storageMb * 1024 * 1024, *limits.network != QLatin1String("off")};
}

Result<std::unique_ptr<RuntimeProcess>> Executor::Private::spawn(const Runtime &runtime, const SandboxOptions &options,
                                                                 const QList<QByteArray> &extraEnvironment)
{
    const QList<QByteArray> processEnvironment =
        extraEnvironment.isEmpty() ? environment : environment + extraEnvironment;
    if (sandbox->available()) // its /tmp is the scratch folder, and goes with the sandbox
        return RuntimeProcess::start(runtime, cgroups.get(), processEnvironment, {}, sandbox.get(), options);
    // Each process gets its own HOME/TMPDIR/working folder, removed with the process: files an
    // action leaves (unpacked zip actions among them) cannot pile up for the executor's lifetime.
    const QString folder = scratch.filePath(QStringLiteral("p%1").arg(scratchCounter.fetch_add(1)));
    if (!QDir().mkdir(folder))
        return PlatformError{PlatformError::Kind::Server,
                             QStringLiteral("Cannot create the scratch folder %1").arg(folder)};
    return RuntimeProcess::start(runtime, cgroups.get(), processEnvironment, folder);
}

std::string Executor::Private::actionKey(const InvocationRequest &request, const Runtime &runtime,
                                         const ActionLimits &limits)
{
    const QString &code = *request.exec.code;
    const QString action = request.ns + QLatin1Char('/') + request.name +
                           (request.poolTag.isEmpty() ? QString() : QLatin1Char('#') + request.poolTag);
    const bool binary = request.exec.binary.value_or(false);
    const QString main = request.exec.mainOrDefault();
    QByteArray digest;
    {
        std::lock_guard lock(digestMutex);
        const auto it = digests.constFind(action);
        if (it != digests.cend() && it->code.constData() == code.constData() && it->code.size() == code.size()) {
            if (it->version == request.version && it->kind == runtime.kind && it->main == main &&
                it->binary == binary && it->limits == limits)
                return it->key;
            digest = it->digest;
        }
    }
    if (digest.isEmpty())
        digest = digestOf(code);
    std::string key = poolKey(request, runtime, limits, digest);
    std::lock_guard lock(digestMutex);
    if (digests.size() > 4096)
        digests.clear();
    digests.insert(action, Digest{code, digest, request.version, runtime.kind, main, binary, limits, key});
    return key;
}

void Executor::Private::retire(std::vector<std::unique_ptr<RuntimeProcess>> processes)
{
    if (processes.empty())
        return;
    {
        std::lock_guard lock(maintenanceMutex);
        for (auto &process : processes)
            retired.push_back(std::move(process));
    }
    maintenanceWake.notify_all();
}

void Executor::Private::retire(std::unique_ptr<RuntimeProcess> process)
{
    std::vector<std::unique_ptr<RuntimeProcess>> processes;
    processes.push_back(std::move(process));
    retire(std::move(processes));
}

Result<std::unique_ptr<RuntimeProcess>>
Executor::Private::startProcess(const InvocationRequest &request, const Runtime &runtime, const ActionLimits &limits,
                                qint64 concurrency, ActivationFacts &facts, LogCapture &logs, StepVerdict &verdict)
{
    if (runtime.actionloop)
        return startActionloop(request, runtime, limits, facts, logs, verdict);
    // Stem cells are sandboxed for the default storage and network; other settings start cold.
    const SandboxOptions options = sandboxOptions(limits);
    const SandboxOptions defaults = sandboxOptions(config.systemLimits.withDefaults({}));
    const bool fitsStemCell =
        !sandbox->available() || (options.storageBytes == defaults.storageBytes && options.network == defaults.network);
    std::unique_ptr<RuntimeProcess> process = fitsStemCell ? stemCells->take(runtime.kind) : nullptr;
    facts.startType = process ? QStringLiteral("prewarm") : QStringLiteral("cold");
    if (fitsStemCell)
        wakeMaintenance(); // refills the cell taken, or stocks a kind used for the first time
    if (!process) {
        auto spawned = spawn(runtime, options);
        if (!spawned)
            return spawned.error();
        process = std::move(spawned).value();
    }
    initialise(*process, initLine(request, concurrency), limits, facts, logs, verdict);
    return process;
}

void Executor::Private::initialise(RuntimeProcess &process, const std::optional<QByteArray> &line,
                                   const ActionLimits &limits, ActivationFacts &facts, LogCapture &logs,
                                   StepVerdict &verdict)
{
    const qint64 timeoutMs = *limits.timeoutMs;
    process.setCancelFlag(facts.cancelFlag);
    process.applyLimits({*limits.memoryMb * 1024 * 1024, *limits.cpu, config.maxProcessesPerActivation,
                         *limits.storageMb * 1024 * 1024});
    if (line) {
        const StepResult init = process.step(*line, timeoutMs, 1024 * 1024, logs);
        verdict = verdictForInit(init, timeoutMs);
        facts.cpuNanos = std::max<qint64>(0, init.cpuNanos);
        facts.peakMemoryBytes = init.peakMemoryBytes;
    }
    facts.initTime = nowMs() - facts.start;
    facts.enforcement = process.enforcement();
}

Result<std::unique_ptr<RuntimeProcess>>
Executor::Private::startActionloop(const InvocationRequest &request, const Runtime &runtime, const ActionLimits &limits,
                                   ActivationFacts &facts, LogCapture &logs, StepVerdict &verdict)
{
    facts.startType = QStringLiteral("cold"); // the executable is the code: no stem cell can hold it
    auto prepared =
        builds.prepare(runtime, *request.exec.code, request.exec.binary.value_or(false), request.exec.mainOrDefault());
    if (!prepared)
        return prepared.error();
    if (!prepared->developerError.isEmpty()) {
        verdict = developerErrorVerdict(prepared->developerError);
        facts.initTime = nowMs() - facts.start;
        return std::unique_ptr<RuntimeProcess>();
    }
    Runtime executable = runtime;
    executable.program = QFile::encodeName(prepared->program);
    executable.arguments.clear();
    QList<QByteArray> initEnv = initEnvironment(request);
    const bool acks = runtime.family == QLatin1String("go"); // the shipped Go launcher acknowledges its start
    if (acks)
        initEnv << "__OW_WAIT_FOR_ACK=1";
    auto spawned = spawn(executable, sandboxOptions(limits), initEnv);
    if (!spawned)
        return spawned.error();
    std::unique_ptr<RuntimeProcess> process = std::move(spawned).value();
    // Nothing to send: an acknowledging executable is waited for (its {"ok":true} on fd 3).
    initialise(*process, acks ? std::optional<QByteArray>(QByteArray()) : std::nullopt, limits, facts, logs, verdict);
    return process;
}

void Executor::Private::wakeMaintenance()
{
    {
        std::lock_guard lock(maintenanceMutex);
        replenishWanted = true;
    }
    maintenanceWake.notify_all();
}

void Executor::Private::maintain()
{
    std::unique_lock lock(maintenanceMutex);
    while (!stopping) {
        if (!retired.empty()) {
            auto dying = std::move(retired);
            retired.clear();
            lock.unlock();
            dying.clear();
            lock.lock();
            continue;
        }
        if (replenishWanted) {
            replenishWanted = false;
            lock.unlock();
            const bool failed = !stemCells->replenish();
            lock.lock();
            stemCellsFailed = failed; // under the mutex waitForStemCells() reads it with
            stemCellsReady.notify_all();
            continue;
        }
        maintenanceWake.wait_for(lock, freezeScheduled
                                           ? std::chrono::milliseconds(std::max<qint64>(10, config.freezeAfterMs / 2))
                                           : std::chrono::milliseconds(1000));
        if (stopping)
            break;
        // Minimum instances: at once after keepWarm(), else every second (dead ones are replaced).
        const bool keepDue = std::exchange(keepWanted, false) || nowMs() - lastKeepPass >= 1000;
        lock.unlock();
        MemoryTrim::trimIfDue(nowMs());
        warm.takeIdleSince(nowMs() - config.idleTimeoutMs); // destroyed here, off every caller's path
        shared.takeIdleSince(nowMs() - config.idleTimeoutMs);
        freezeIdleProcesses();
        if (keepDue) {
            lastKeepPass = nowMs();
            keeper.pass([this] {
                std::lock_guard stopLock(maintenanceMutex);
                return stopping;
            });
        }
        lock.lock();
    }
}

void Executor::Private::freezeIdleProcesses()
{
    if (!freezing)
        return;
    freezeScheduled = false; // a put from now on schedules again (and wakes this thread)
    const qint64 cutoff = nowMs() - config.freezeAfterMs;
    const bool warmPending = warm.freezeIdleSince(cutoff);
    if (shared.freezeIdleSince(cutoff) || warmPending)
        freezeScheduled = true;
}

} // namespace funcdesk
