#include "core/NamespaceLimits.h"

#include "core/JsonFields.h"

namespace funcdesk {

namespace {
const QLatin1StringView kInvocationsPerMinute("invocationsPerMinute");
const QLatin1StringView kConcurrentInvocations("concurrentInvocations");
const QLatin1StringView kFiresPerMinute("firesPerMinute");
const QLatin1StringView kAllowedKinds("allowedKinds");
const QLatin1StringView kStoreActivations("storeActivations");
const QLatin1StringView kMaxParameterSize("maxParameterSize");
const QLatin1StringView kMinActionMemory("minActionMemory");
const QLatin1StringView kMaxActionMemory("maxActionMemory");
const QLatin1StringView kMinActionTimeout("minActionTimeout");
const QLatin1StringView kMaxActionTimeout("maxActionTimeout");
const QLatin1StringView kMinActionLogs("minActionLogs");
const QLatin1StringView kMaxActionLogs("maxActionLogs");
const QLatin1StringView kMinActionConcurrency("minActionConcurrency");
const QLatin1StringView kMaxActionConcurrency("maxActionConcurrency");
const QLatin1StringView kMaxActionInstances("maxActionInstances");
// An entity's parameters, as OpenWhisk's parameter-size-limit (the same on every platform here).
constexpr qint64 kMaxParameterBytes = 1024 * 1024;

// OpenWhisk's ByteSize text: the largest whole unit, e.g. "1 MB", "512 KB", "100 B".
QString sizeText(qint64 bytes)
{
    const char *units[] = {"B", "KB", "MB", "GB"};
    int unit = 0;
    while (unit < 3 && bytes >= 1024 && bytes % 1024 == 0) {
        bytes /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(bytes).arg(QLatin1StringView(units[unit]));
}
} // namespace

NamespaceLimits NamespaceLimits::fromSystem(const SystemLimits &limits)
{
    NamespaceLimits out;
    out.invocationsPerMinute = limits.invocationsPerMinute;
    out.concurrentInvocations = limits.concurrentInvocations;
    out.firesPerMinute = limits.firesPerMinute;
    out.maxParameterSize = sizeText(kMaxParameterBytes);
    out.minActionMemory = limits.memoryMb.min;
    out.maxActionMemory = limits.memoryMb.max;
    out.minActionTimeout = limits.timeoutMs.min;
    out.maxActionTimeout = limits.timeoutMs.max;
    out.minActionLogs = limits.logsMb.min;
    out.maxActionLogs = limits.logsMb.max;
    out.minActionConcurrency = limits.concurrency.min;
    out.maxActionConcurrency = limits.concurrency.max;
    return out;
}

Result<NamespaceLimits> NamespaceLimits::fromJson(const QJsonObject &object)
{
    JsonFields fields(object);
    NamespaceLimits limits;
    limits.invocationsPerMinute = fields.integer(kInvocationsPerMinute);
    limits.concurrentInvocations = fields.integer(kConcurrentInvocations);
    limits.firesPerMinute = fields.integer(kFiresPerMinute);
    if (const auto kinds = fields.array(kAllowedKinds)) {
        QStringList list;
        for (const QJsonValue &kind : *kinds) {
            if (!kind.isString())
                return JsonFields::malformed(QStringLiteral("'allowedKinds' must be an array of strings."));
            list.append(kind.toString());
        }
        limits.allowedKinds = list;
    }
    limits.storeActivations = fields.boolean(kStoreActivations);
    limits.maxParameterSize = fields.string(kMaxParameterSize);
    limits.minActionMemory = fields.integer(kMinActionMemory);
    limits.maxActionMemory = fields.integer(kMaxActionMemory);
    limits.minActionTimeout = fields.integer(kMinActionTimeout);
    limits.maxActionTimeout = fields.integer(kMaxActionTimeout);
    limits.minActionLogs = fields.integer(kMinActionLogs);
    limits.maxActionLogs = fields.integer(kMaxActionLogs);
    limits.minActionConcurrency = fields.integer(kMinActionConcurrency);
    limits.maxActionConcurrency = fields.integer(kMaxActionConcurrency);
    limits.maxActionInstances = fields.integer(kMaxActionInstances);
    if (fields.error())
        return *fields.error();
    limits.extra = fields.rest();
    return limits;
}

QJsonObject NamespaceLimits::toJson() const
{
    QJsonObject object = extra;
    insertIfSet(object, kInvocationsPerMinute, invocationsPerMinute);
    insertIfSet(object, kConcurrentInvocations, concurrentInvocations);
    insertIfSet(object, kFiresPerMinute, firesPerMinute);
    if (allowedKinds)
        object.insert(kAllowedKinds, QJsonArray::fromStringList(*allowedKinds));
    insertIfSet(object, kStoreActivations, storeActivations);
    insertIfSet(object, kMaxParameterSize, maxParameterSize);
    insertIfSet(object, kMinActionMemory, minActionMemory);
    insertIfSet(object, kMaxActionMemory, maxActionMemory);
    insertIfSet(object, kMinActionTimeout, minActionTimeout);
    insertIfSet(object, kMaxActionTimeout, maxActionTimeout);
    insertIfSet(object, kMinActionLogs, minActionLogs);
    insertIfSet(object, kMaxActionLogs, maxActionLogs);
    insertIfSet(object, kMinActionConcurrency, minActionConcurrency);
    insertIfSet(object, kMaxActionConcurrency, maxActionConcurrency);
    insertIfSet(object, kMaxActionInstances, maxActionInstances);
    return object;
}

} // namespace funcdesk
