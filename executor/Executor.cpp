#include "executor/Executor.h"

#include "executor/ConcurrencyGate.h"
#include "executor/RuntimeProcess.h"
#include "executor/StemCellPool.h"
#include "executor/StepOutcome.h"
#include "executor/WarmPool.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <thread>

namespace funcdesk {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString newActivationId()
{
    quint64 words[2];
    QRandomGenerator::global()->fillRange(words);
    return QStringLiteral("%1%2").arg(words[0], 16, 16, QLatin1Char('0')).arg(words[1], 16, 16, QLatin1Char('0'));
}

std::string poolKey(const InvocationRequest &request, const Runtime &runtime, const ActionLimits &limits)
{
    const QByteArray limitsJson = QJsonDocument(limits.toJson()).toJson(QJsonDocument::Compact);
    const QString &code = *request.exec.code;
    QByteArray key = (request.ns + QLatin1Char('/') + request.name + QLatin1Char('@') + request.version + QLatin1Char('|')
                      + runtime.kind + QLatin1Char('|') + request.exec.mainOrDefault())
                         .toUtf8();
    key += '|' + limitsJson + '|' + QByteArray::number(code.size()) + ':'
           + QByteArray::number(qHash(code, 0x5eed)) + ':' + QByteArray::number(qHash(QStringView(code).mid(code.size() / 2), 0xc0de));
    key += request.exec.binary.value_or(false) ? "|b" : "|t";
    return key.toStdString();
}

QList<QByteArray> launcherEnvironment(const QString &scratch)
{
    QList<QByteArray> environment = {
        "PATH=/usr/local/bin:/usr/bin:/bin",
        "LANG=C.UTF-8",
        "HOME=" + QFile::encodeName(scratch),
        "TMPDIR=" + QFile::encodeName(scratch),
        "PYTHONDONTWRITEBYTECODE=1",
        "PYTHONIOENCODING=utf-8",
    };
    return environment;
}

}  // namespace

class Executor::Private
{
public:
    explicit Private(ExecutorConfig configuration);
    ~Private();

    Result<std::unique_ptr<RuntimeProcess>> spawn(const Runtime &runtime);
    void maintain();
    void wakeMaintenance();

    ExecutorConfig config;
    RuntimeCatalog catalog;
    std::shared_ptr<CgroupHost> cgroups;
    QTemporaryDir scratch;
    QList<QByteArray> environment;
    WarmPool warm;
    std::unique_ptr<StemCellPool> stemCells;
    ConcurrencyGate gate;
    QThreadPool threads;

    std::mutex maintenanceMutex;
    std::condition_variable maintenanceWake;
    std::condition_variable stemCellsReady;
    bool stopping = false;
    bool replenishWanted = true;
    std::thread maintenance;
};

Executor::Private::Private(ExecutorConfig configuration)
    : config(std::move(configuration)),
      catalog(config.catalog ? *config.catalog : RuntimeCatalog::discover()),
      scratch(QDir::tempPath() + QStringLiteral("/funcdesk-executor-XXXXXX")),
      warm(config.warmCapacity)
{
    // Writing to a launcher that just died must be an error we handle, not a signal that ends us.
    ::signal(SIGPIPE, SIG_IGN);
    if (config.enforcement == ExecutorConfig::Enforcement::Auto)
        cgroups = CgroupHost::detect();
    environment = launcherEnvironment(scratch.path());
    stemCells = std::make_unique<StemCellPool>(catalog.runtimes(), config.stemCellsPerRuntime,
                                               [this](const Runtime &runtime) { return spawn(runtime); });
    threads.setMaxThreadCount(128);  // invocations block in poll(); queued ones wait in the gate
    maintenance = std::thread([this] { maintain(); });
}

Executor::Private::~Private()
{
    {
        std::lock_guard lock(maintenanceMutex);
        stopping = true;
    }
    maintenanceWake.notify_all();
    maintenance.join();
    threads.waitForDone();
    warm.takeAll();
    stemCells->takeAll();
}

Result<std::unique_ptr<RuntimeProcess>> Executor::Private::spawn(const Runtime &runtime)
{
    return RuntimeProcess::start(runtime, cgroups.get(), environment, QFile::encodeName(scratch.path()));
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
        if (replenishWanted) {
            replenishWanted = false;
            lock.unlock();
            stemCells->replenish();
            lock.lock();
            stemCellsReady.notify_all();
            continue;
        }
        maintenanceWake.wait_for(lock, std::chrono::seconds(1));
        if (stopping)
            break;
        lock.unlock();
        warm.takeIdleSince(nowMs() - config.idleTimeoutMs);  // destroyed here, off every caller's path
        lock.lock();
    }
}

Executor::Executor(ExecutorConfig config) : d(std::make_unique<Private>(std::move(config))) {}

Executor::~Executor() = default;

Result<Activation> Executor::invoke(const InvocationRequest &request)
{
    const qint64 received = nowMs();
    const auto runtime = d->catalog.resolve(request.exec.kind);
    if (!runtime)
        return runtime.error();
    if (!request.exec.code)
        return PlatformError{PlatformError::Kind::Invalid, QStringLiteral("The action has no code to run.")};
    if (auto invalid = d->config.systemLimits.validate(request.limits))
        return *invalid;
    const ActionLimits limits = d->config.systemLimits.withDefaults(request.limits);

    const QByteArray params = QJsonDocument(request.params).toJson(QJsonDocument::Compact);
    if (params.size() > d->config.systemLimits.maxPayloadBytes) {
        return PlatformError{PlatformError::Kind::TooLarge, QStringLiteral("Request larger than allowed: %1 > %2 bytes.")
                                                                .arg(params.size())
                                                                .arg(d->config.systemLimits.maxPayloadBytes)};
    }

    const std::string key = poolKey(request, *runtime, limits);
    auto ticket = d->gate.enter(key, static_cast<int>(*limits.concurrency), d->config.queuePerAction);
    if (!ticket)
        return ticket.error();

    const QString fullName = QLatin1Char('/') + request.ns + QLatin1Char('/') + request.name;
    const qint64 timeoutMs = *limits.timeoutMs;
    LogCapture logs(*limits.logsMb * 1024 * 1024);
    QString startType = QStringLiteral("warm");
    std::optional<qint64> initTime;
    StepVerdict verdict;
    qint64 cpuNanos = 0;
    qint64 peakMemory = -1;

    std::unique_ptr<RuntimeProcess> process = d->warm.take(key);
    const qint64 start = nowMs();
    if (!process) {
        process = d->stemCells->take(runtime->kind);
        startType = process ? QStringLiteral("prewarm") : QStringLiteral("cold");
        if (process) {
            d->wakeMaintenance();
        } else {
            auto spawned = d->spawn(*runtime);
            if (!spawned)
                return spawned.error();
            process = std::move(spawned).value();
        }
        process->applyLimits({*limits.memoryMb * 1024 * 1024, *limits.cpu, d->config.maxProcessesPerActivation});
        QJsonObject init{{QStringLiteral("name"), fullName},
                         {QStringLiteral("main"), request.exec.mainOrDefault()},
                         {QStringLiteral("code"), *request.exec.code},
                         {QStringLiteral("binary"), request.exec.binary.value_or(false)},
                         {QStringLiteral("env"), QJsonObject{{QStringLiteral("__OW_NAMESPACE"), request.ns},
                                                             {QStringLiteral("__OW_ACTION_NAME"), fullName},
                                                             {QStringLiteral("__OW_ACTION_VERSION"), request.version}}}};
        const QByteArray initLine = QJsonDocument(QJsonObject{{QStringLiteral("init"), init}}).toJson(QJsonDocument::Compact) + '\n';
        const StepResult initStep = process->step(initLine, timeoutMs, 1024 * 1024, logs);
        verdict = verdictForInit(initStep, timeoutMs);
        cpuNanos = std::max<qint64>(0, initStep.cpuNanos);
        peakMemory = initStep.peakMemoryBytes;
        initTime = nowMs() - start;
    }

    const QString activationId = request.activationId.isEmpty() ? newActivationId() : request.activationId;
    if (verdict.response.status.isEmpty()) {  // initialised (now or before): run
        QByteArray line;
        line.reserve(params.size() + 256);
        line += "{\"value\":" + params + ",\"namespace\":";
        appendJsonString(line, request.ns);
        line += ",\"action_name\":";
        appendJsonString(line, fullName);
        line += ",\"action_version\":";
        appendJsonString(line, request.version);
        line += ",\"activation_id\":\"" + activationId.toLatin1() + "\",\"transaction_id\":\"" + activationId.toLatin1()
                + "\",\"deadline\":\"" + QByteArray::number(nowMs() + timeoutMs) + "\"}\n";
        const StepResult run = process->step(line, timeoutMs, d->config.systemLimits.maxResultBytes + 64, logs);
        verdict = verdictForRun(run, timeoutMs, d->config.systemLimits.maxResultBytes);
        cpuNanos += std::max<qint64>(0, run.cpuNanos);
        peakMemory = std::max(peakMemory, run.peakMemoryBytes);
    }
    const qint64 end = nowMs();
    const Enforcement enforcement = process->enforcement();
    if (process->usable())
        d->warm.put(key, std::move(process), end);
    process.reset();
    logs.finish();

    Activation activation;
    activation.ns = request.ns;
    activation.name = request.name;
    activation.version = request.version;
    activation.publish = false;
    activation.subject = request.ns;
    activation.activationId = activationId;
    activation.start = start;
    activation.end = end;
    activation.duration = end - start;
    activation.response = std::move(verdict.response);
    activation.logs = logs.takeLines();
    QJsonObject limitsJson = limits.toJson();
    KeyValueList annotations{
        {QStringLiteral("path"), request.ns + QLatin1Char('/') + request.name, {}},
        {QStringLiteral("kind"), runtime->kind, {}},
        {QStringLiteral("limits"), limitsJson, {}},
        {QStringLiteral("timeout"), verdict.timedOut, {}},
        {QStringLiteral("waitTime"), start - received, {}},
    };
    if (initTime)
        annotations.set(QStringLiteral("initTime"), *initTime);
    annotations.set(QStringLiteral("startType"), startType);
    annotations.set(QStringLiteral("cpuTime"), static_cast<double>(cpuNanos / 1000) / 1000.0);
    if (peakMemory >= 0)
        annotations.set(QStringLiteral("peakMemory"), peakMemory);
    annotations.set(QStringLiteral("enforcement"), QJsonObject{{QStringLiteral("memory"), enforcement.memory},
                                                               {QStringLiteral("cpu"), enforcement.cpu},
                                                               {QStringLiteral("processes"), enforcement.processes},
                                                               {QStringLiteral("timeout"), enforcement.timeout}});
    activation.annotations = std::move(annotations);
    return activation;
}

QFuture<Result<Activation>> Executor::invokeAsync(InvocationRequest request)
{
    return QtConcurrent::run(&d->threads, [this, request = std::move(request)] { return invoke(request); });
}

const RuntimeCatalog &Executor::catalog() const
{
    return d->catalog;
}

const SystemLimits &Executor::systemLimits() const
{
    return d->config.systemLimits;
}

QString Executor::enforcementName() const
{
    return d->cgroups ? d->cgroups->name() : QStringLiteral("fallback");
}

int Executor::warmProcessCount() const
{
    return d->warm.size();
}

int Executor::stemCellCount() const
{
    return d->stemCells->size();
}

void Executor::reapIdleProcesses()
{
    d->warm.takeIdleSince(nowMs() - d->config.idleTimeoutMs);
}

void Executor::waitForStemCells()
{
    std::unique_lock lock(d->maintenanceMutex);
    d->stemCellsReady.wait(lock, [this] { return !d->replenishWanted && d->stemCells->size() >= d->config.stemCellsPerRuntime * d->catalog.runtimes().size(); });
}

}  // namespace funcdesk
