#include "core/PlatformInfo.h"

#include "core/JsonFields.h"

#include <QJsonArray>

namespace funcdesk {

namespace {
constexpr qint64 kMb = 1024 * 1024;
const QLatin1StringView kDescription("description");
const QLatin1StringView kLimits("limits");
const QLatin1StringView kRuntimes("runtimes");
const QLatin1StringView kFuncdesk("funcdesk");

QJsonObject rangeJson(const SystemLimits::Range<qint64> &range)
{
    return {{QLatin1StringView("min"), range.min},
            {QLatin1StringView("max"), range.max},
            {QLatin1StringView("default"), range.defaultValue}};
}

void readRange(const QJsonObject &object, QLatin1StringView key, SystemLimits::Range<qint64> &range)
{
    const QJsonObject r = object.value(key).toObject();
    range.min = r.value(QLatin1StringView("min")).toInteger(range.min);
    range.max = r.value(QLatin1StringView("max")).toInteger(range.max);
    range.defaultValue = r.value(QLatin1StringView("default")).toInteger(range.defaultValue);
}

// OpenWhisk's own keys: durations in ms, memory and logs in bytes.
void readStandardLimits(const QJsonObject &limits, SystemLimits &out)
{
    auto read = [&limits](const char *key, qint64 fallback, qint64 unit) {
        const QJsonValue value = limits.value(QLatin1StringView(key));
        return value.isDouble() ? value.toInteger() / unit : fallback;
    };
    out.timeoutMs.min = read("min_action_duration", out.timeoutMs.min, 1);
    out.timeoutMs.max = read("max_action_duration", out.timeoutMs.max, 1);
    out.memoryMb.min = read("min_action_memory", out.memoryMb.min, kMb);
    out.memoryMb.max = read("max_action_memory", out.memoryMb.max, kMb);
    out.logsMb.min = read("min_action_logs", out.logsMb.min, kMb);
    out.logsMb.max = read("max_action_logs", out.logsMb.max, kMb);
    out.invocationsPerMinute = read("actions_per_minute", out.invocationsPerMinute, 1);
    out.firesPerMinute = read("triggers_per_minute", out.firesPerMinute, 1);
    out.concurrentInvocations = read("concurrent_actions", out.concurrentInvocations, 1);
}
} // namespace

Result<PlatformInfo> PlatformInfo::fromJson(const QJsonObject &object)
{
    PlatformInfo info;
    info.raw = object;
    info.description = object.value(kDescription).toString(info.description);
    readStandardLimits(object.value(kLimits).toObject(), info.limits);

    const QJsonObject funcdesk = object.value(kFuncdesk).toObject();
    if (!funcdesk.isEmpty()) {
        const QJsonObject limits = funcdesk.value(kLimits).toObject();
        readRange(limits, QLatin1StringView("memory"), info.limits.memoryMb);
        readRange(limits, QLatin1StringView("timeout"), info.limits.timeoutMs);
        readRange(limits, QLatin1StringView("logs"), info.limits.logsMb);
        readRange(limits, QLatin1StringView("concurrency"), info.limits.concurrency);
        readRange(limits, QLatin1StringView("storage"), info.limits.storageMb);
        readRange(limits, QLatin1StringView("minInstances"), info.limits.minInstances);
        const QJsonObject cpu = limits.value(QLatin1StringView("cpu")).toObject();
        info.limits.cpu.min = cpu.value(QLatin1StringView("min")).toDouble(info.limits.cpu.min);
        info.limits.cpu.max = cpu.value(QLatin1StringView("max")).toDouble(info.limits.cpu.max);
        info.limits.cpuPerGbMemory = cpu.value(QLatin1StringView("perGbMemory")).toDouble(info.limits.cpuPerGbMemory);
        info.limits.maxPayloadBytes =
            limits.value(QLatin1StringView("maxPayloadBytes")).toInteger(info.limits.maxPayloadBytes);
        info.limits.maxResultBytes =
            limits.value(QLatin1StringView("maxResultBytes")).toInteger(info.limits.maxResultBytes);
        info.cpuLimits = funcdesk.value(QLatin1StringView("cpuLimits")).toBool();
        info.enforcement = funcdesk.value(QLatin1StringView("enforcement")).toString();
        info.sandbox = funcdesk.value(QLatin1StringView("sandbox")).toString();
        info.storageLimits = funcdesk.value(QLatin1StringView("storageLimits")).toBool();
    }

    const QJsonValue runtimes = object.value(kRuntimes);
    if (!runtimes.isUndefined() && !runtimes.isObject())
        return JsonFields::malformed(QStringLiteral("'runtimes' must be an object of runtime families."));
    const QJsonObject families = runtimes.toObject();
    for (auto it = families.begin(); it != families.end(); ++it) {
        for (const QJsonValue &entry : it.value().toArray()) {
            const QJsonObject e = entry.toObject();
            const QString kind = e.value(QLatin1StringView("kind")).toString();
            if (kind.isEmpty())
                continue;
            info.runtimes.append({it.key(), kind, e.value(QLatin1StringView("default")).toBool(),
                                  e.value(QLatin1StringView("deprecated")).toBool()});
        }
    }
    return info;
}

QJsonObject PlatformInfo::toJson() const
{
    const SystemLimits &l = limits;
    QJsonObject standard{
        {QLatin1StringView("min_action_duration"), l.timeoutMs.min},
        {QLatin1StringView("max_action_duration"), l.timeoutMs.max},
        {QLatin1StringView("min_action_memory"), l.memoryMb.min * kMb},
        {QLatin1StringView("max_action_memory"), l.memoryMb.max * kMb},
        {QLatin1StringView("min_action_logs"), l.logsMb.min * kMb},
        {QLatin1StringView("max_action_logs"), l.logsMb.max * kMb},
        {QLatin1StringView("std_action_duration"), l.timeoutMs.defaultValue},
        {QLatin1StringView("std_action_memory"), l.memoryMb.defaultValue * kMb},
        {QLatin1StringView("std_action_logs"), l.logsMb.defaultValue * kMb},
        // The namespace rate limits, as OpenWhisk's controller root names them.
        {QLatin1StringView("actions_per_minute"), l.invocationsPerMinute},
        {QLatin1StringView("triggers_per_minute"), l.firesPerMinute},
        {QLatin1StringView("concurrent_actions"), l.concurrentInvocations},
    };
    QJsonObject cpu{{QLatin1StringView("min"), l.cpu.min},
                    {QLatin1StringView("max"), l.cpu.max},
                    {QLatin1StringView("perGbMemory"), l.cpuPerGbMemory}};
    QJsonObject funcdeskLimits{{QLatin1StringView("memory"), rangeJson(l.memoryMb)},
                               {QLatin1StringView("timeout"), rangeJson(l.timeoutMs)},
                               {QLatin1StringView("logs"), rangeJson(l.logsMb)},
                               {QLatin1StringView("concurrency"), rangeJson(l.concurrency)},
                               {QLatin1StringView("storage"), rangeJson(l.storageMb)},
                               {QLatin1StringView("minInstances"), rangeJson(l.minInstances)},
                               {QLatin1StringView("cpu"), cpu},
                               {QLatin1StringView("maxPayloadBytes"), l.maxPayloadBytes},
                               {QLatin1StringView("maxResultBytes"), l.maxResultBytes}};
    QJsonObject funcdesk{{kLimits, funcdeskLimits},
                         {QLatin1StringView("cpuLimits"), cpuLimits},
                         {QLatin1StringView("enforcement"), enforcement},
                         {QLatin1StringView("sandbox"), sandbox},
                         {QLatin1StringView("storageLimits"), storageLimits}};

    QJsonObject families;
    for (const RuntimeKind &runtime : runtimes) {
        QJsonArray list = families.value(runtime.family).toArray();
        list.append(QJsonObject{{QLatin1StringView("kind"), runtime.kind},
                                {QLatin1StringView("default"), runtime.isDefault},
                                {QLatin1StringView("deprecated"), runtime.deprecated}});
        families.insert(runtime.family, list);
    }
    QJsonObject object = raw;
    object.insert(kDescription, description);
    object.insert(kLimits, standard);
    object.insert(kRuntimes, families);
    object.insert(kFuncdesk, funcdesk);
    return object;
}

QStringList PlatformInfo::kinds() const
{
    QStringList kinds;
    for (const RuntimeKind &runtime : runtimes) {
        kinds.append(runtime.kind);
        if (runtime.isDefault)
            kinds.append(runtime.family + QStringLiteral(":default"));
    }
    kinds.removeDuplicates();
    kinds.sort();
    return kinds;
}

} // namespace funcdesk
