#include "platforms/local/LocalConfig.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <algorithm>

namespace funcdesk {

namespace {

PlatformError configError(const QString &what)
{
    return {PlatformError::Kind::Invalid, what};
}

// Sets one numeric field addressed by a dotted path; the names are the config file's.
std::optional<PlatformError> setField(LocalConfig &config, const QString &path, double value)
{
    SystemLimits &l = config.limits;
    const QHash<QString, std::function<void(double)>> fields = {
        {QStringLiteral("limits.memory.min"), [&](double v) { l.memoryMb.min = qint64(v); }},
        {QStringLiteral("limits.memory.max"), [&](double v) { l.memoryMb.max = qint64(v); }},
        {QStringLiteral("limits.memory.default"), [&](double v) { l.memoryMb.defaultValue = qint64(v); }},
        {QStringLiteral("limits.timeout.min"), [&](double v) { l.timeoutMs.min = qint64(v); }},
        {QStringLiteral("limits.timeout.max"), [&](double v) { l.timeoutMs.max = qint64(v); }},
        {QStringLiteral("limits.timeout.default"), [&](double v) { l.timeoutMs.defaultValue = qint64(v); }},
        {QStringLiteral("limits.logs.min"), [&](double v) { l.logsMb.min = qint64(v); }},
        {QStringLiteral("limits.logs.max"), [&](double v) { l.logsMb.max = qint64(v); }},
        {QStringLiteral("limits.logs.default"), [&](double v) { l.logsMb.defaultValue = qint64(v); }},
        {QStringLiteral("limits.concurrency.min"), [&](double v) { l.concurrency.min = qint64(v); }},
        {QStringLiteral("limits.concurrency.max"), [&](double v) { l.concurrency.max = qint64(v); }},
        {QStringLiteral("limits.concurrency.default"), [&](double v) { l.concurrency.defaultValue = qint64(v); }},
        {QStringLiteral("limits.storage.min"), [&](double v) { l.storageMb.min = qint64(v); }},
        {QStringLiteral("limits.storage.max"), [&](double v) { l.storageMb.max = qint64(v); }},
        {QStringLiteral("limits.storage.default"), [&](double v) { l.storageMb.defaultValue = qint64(v); }},
        {QStringLiteral("limits.minInstances.max"), [&](double v) { l.minInstances.max = qint64(v); }},
        // The pids limit of one function process and everything it forks (ExecutorConfig).
        {QStringLiteral("limits.processes"),
         [&](double v) { config.executor.maxProcessesPerActivation = int(std::min(v, 1e6)); }},
        {QStringLiteral("limits.cpu.min"), [&](double v) { l.cpu.min = v; }},
        {QStringLiteral("limits.cpu.max"), [&](double v) { l.cpu.max = v; }},
        {QStringLiteral("limits.cpu.perGbMemory"), [&](double v) { l.cpuPerGbMemory = v; }},
        {QStringLiteral("limits.maxPayloadBytes"), [&](double v) { l.maxPayloadBytes = qint64(v); }},
        {QStringLiteral("limits.invocationsPerMinute"), [&](double v) { l.invocationsPerMinute = qint64(v); }},
        {QStringLiteral("limits.concurrentInvocations"), [&](double v) { l.concurrentInvocations = qint64(v); }},
        {QStringLiteral("limits.firesPerMinute"), [&](double v) { l.firesPerMinute = qint64(v); }},
        {QStringLiteral("retention.maxAgeDays"),
         [&](double v) { config.retention.maxAgeMs = qint64(v * 24 * 3600 * 1000); }},
        {QStringLiteral("retention.maxCount"), [&](double v) { config.retention.maxCount = qint64(v); }},
        {QStringLiteral("retention.maxBytes"), [&](double v) { config.retention.maxBytes = qint64(v); }},
        // The memory limits of idle warm processes, summed (0: half of the machine's memory).
        {QStringLiteral("warmPool.maxMemoryMB"), [&](double v) { config.executor.warmMemoryMb = qint64(v); }},
        {QStringLiteral("maxBlockingWaitMs"), [&](double v) { config.maxBlockingWaitMs = int(v); }},
        {QStringLiteral("objects.maxBytes"), [&](double v) { config.maxObjectBytes = qint64(v); }},
    };
    const auto field = fields.constFind(path);
    if (field == fields.cend())
        return configError(QStringLiteral("Unknown setting '%1'. Known settings: %2.")
                               .arg(path, QStringList(fields.keys()).join(QStringLiteral(", "))));
    if (value < 0)
        return configError(QStringLiteral("Setting '%1' must not be negative.").arg(path));
    (*field)(value);
    return std::nullopt;
}

std::optional<PlatformError> applyObject(LocalConfig &config, const QJsonObject &object, const QString &prefix)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject()) {
            if (auto problem = applyObject(config, it.value().toObject(), path))
                return problem;
        } else if (it.value().isDouble()) {
            if (auto problem = setField(config, path, it.value().toDouble()))
                return problem;
        } else {
            return configError(QStringLiteral("Setting '%1' must be a number.").arg(path));
        }
    }
    return std::nullopt;
}

constexpr qint64 kMaxStorageMb = 102400;
constexpr qint64 kMaxMinInstances = 32;
// A launcher alone is a few processes (bubblewrap, its init, the interpreter); past 4096 the
// limit no longer contains a fork bomb on a small machine.
constexpr int kMinProcesses = 8;
constexpr int kMaxProcesses = 4096;

std::optional<PlatformError> checkConsistent(const LocalConfig &config)
{
    const SystemLimits &l = config.limits;
    auto bad = [](const auto &range) {
        return range.min > range.max || range.defaultValue < range.min || range.defaultValue > range.max;
    };
    if (bad(l.memoryMb) || bad(l.timeoutMs) || bad(l.logsMb) || bad(l.concurrency) || bad(l.storageMb) ||
        bad(l.minInstances) || l.cpu.min > l.cpu.max)
        return configError(QStringLiteral("Each limit needs min <= default <= max."));
    // A tmpfs of size 0 has no limit at all; the largest is Lambda's 10 GB times ten.
    if (l.storageMb.min < 1 || l.storageMb.max > kMaxStorageMb)
        return configError(QStringLiteral("limits.storage goes from 1 to %1 MB.").arg(kMaxStorageMb));
    // Kept processes count against the executor's warm capacity (64), shared by every action.
    if (l.minInstances.max > kMaxMinInstances)
        return configError(QStringLiteral("limits.minInstances.max goes up to %1.").arg(kMaxMinInstances));
    if (config.executor.maxProcessesPerActivation < kMinProcesses ||
        config.executor.maxProcessesPerActivation > kMaxProcesses)
        return configError(
            QStringLiteral("limits.processes goes from %1 to %2.").arg(kMinProcesses).arg(kMaxProcesses));
    // The throttles count in 32 bits; 0 refuses every call, as OpenWhisk's 0 does.
    constexpr qint64 kMaxRate = 1000000000;
    if (l.invocationsPerMinute > kMaxRate || l.concurrentInvocations > kMaxRate || l.firesPerMinute > kMaxRate)
        return configError(QStringLiteral("Rate limits go up to %1.").arg(kMaxRate));
    if (config.maxBlockingWaitMs <= 0)
        return configError(QStringLiteral("maxBlockingWaitMs must be positive."));
    return std::nullopt;
}

} // namespace

Result<LocalConfig> LocalConfig::fromDataDir(const QString &dataDir)
{
    LocalConfig config;
    config.dataDir = dataDir;
    QFile file(QDir(dataDir).filePath(configFileName()));
    if (!file.exists())
        return config;
    if (!file.open(QIODevice::ReadOnly))
        return configError(QStringLiteral("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return configError(
            QStringLiteral("%1 is not a JSON object: %2").arg(file.fileName(), parseError.errorString()));
    if (auto problem = applyObject(config, document.object(), QString()))
        return configError(file.fileName() + QStringLiteral(": ") + problem->message);
    if (auto problem = checkConsistent(config))
        return configError(file.fileName() + QStringLiteral(": ") + problem->message);
    return config;
}

std::optional<PlatformError> LocalConfig::apply(const QString &setting)
{
    const qsizetype equals = setting.indexOf(QLatin1Char('='));
    bool ok = false;
    const double value = equals > 0 ? setting.mid(equals + 1).toDouble(&ok) : 0.0;
    if (!ok)
        return configError(
            QStringLiteral("A setting has the form name=number, e.g. limits.memory.max=4096; got '%1'.").arg(setting));
    LocalConfig changed = *this;
    if (auto problem = setField(changed, setting.left(equals), value))
        return problem;
    if (auto problem = checkConsistent(changed))
        return problem;
    *this = changed;
    return std::nullopt;
}

SystemLimits LocalConfig::defaultLimits()
{
    SystemLimits limits;
    limits.memoryMb = {128, 2048, 256};
    limits.timeoutMs = {100, 300000, 60000};
    limits.logsMb = {0, 10, 10};
    limits.concurrency = {1, 100, 1};
    limits.cpu = {0.05, SystemLimits::machineCores(), 0.25};
    limits.cpuPerGbMemory = 1.0;
    // Namespace throttles for one node (docs/local-platform.md): far above OpenWhisk's
    // multi-tenant 60/30/60, low enough to stop a runaway loop; one invocation in flight per
    // thread of the invoker's pool (256).
    limits.invocationsPerMinute = 60000;
    limits.concurrentInvocations = 256;
    limits.firesPerMinute = 6000;
    return limits;
}

} // namespace funcdesk
