#include "core/ActionLimits.h"

#include "core/JsonFields.h"

namespace funcdesk {

namespace {
const QLatin1StringView kTimeout("timeout");
const QLatin1StringView kMemory("memory");
const QLatin1StringView kLogs("logs");
const QLatin1StringView kConcurrency("concurrency");
const QLatin1StringView kInstances("instances");
const QLatin1StringView kCpu("cpu");
const QLatin1StringView kStorage("storage");
const QLatin1StringView kNetwork("network");
const QLatin1StringView kMinInstances("minInstances");
} // namespace

Result<ActionLimits> ActionLimits::fromJson(const QJsonObject &object)
{
    JsonFields fields(object);
    ActionLimits limits;
    limits.timeoutMs = fields.integer(kTimeout);
    limits.memoryMb = fields.integer(kMemory);
    limits.logsMb = fields.integer(kLogs);
    limits.concurrency = fields.integer(kConcurrency);
    limits.instances = fields.integer(kInstances);
    limits.cpu = fields.number(kCpu);
    limits.storageMb = fields.integer(kStorage);
    limits.network = fields.string(kNetwork);
    limits.minInstances = fields.integer(kMinInstances);
    if (fields.error())
        return *fields.error();
    limits.extra = fields.rest();
    return limits;
}

QJsonObject ActionLimits::toJson() const
{
    QJsonObject object = extra;
    insertIfSet(object, kTimeout, timeoutMs);
    insertIfSet(object, kMemory, memoryMb);
    insertIfSet(object, kLogs, logsMb);
    insertIfSet(object, kConcurrency, concurrency);
    insertIfSet(object, kInstances, instances);
    insertIfSet(object, kCpu, cpu);
    insertIfSet(object, kStorage, storageMb);
    insertIfSet(object, kNetwork, network);
    insertIfSet(object, kMinInstances, minInstances);
    return object;
}

ActionLimits ActionLimits::mergedWith(const ActionLimits &update) const
{
    ActionLimits merged = *this;
    auto take = [](auto &mine, const auto &theirs) {
        if (theirs)
            mine = theirs;
    };
    take(merged.timeoutMs, update.timeoutMs);
    take(merged.memoryMb, update.memoryMb);
    take(merged.logsMb, update.logsMb);
    take(merged.concurrency, update.concurrency);
    take(merged.instances, update.instances);
    take(merged.cpu, update.cpu);
    take(merged.storageMb, update.storageMb);
    take(merged.network, update.network);
    take(merged.minInstances, update.minInstances);
    for (auto it = update.extra.begin(); it != update.extra.end(); ++it)
        merged.extra.insert(it.key(), it.value());
    return merged;
}

} // namespace funcdesk
