// A minimal stand-in for core/PriceList.cpp (the `pricing` branch) so that the metrics tests
// link before that branch is merged. Removed at the merge.

#include "core/PriceList.h"

#include <cmath>

namespace funcdesk {

BilledUsage &BilledUsage::operator+=(const BilledUsage &other)
{
    requests += other.requests;
    gbSeconds += other.gbSeconds;
    vcpuSeconds += other.vcpuSeconds;
    diskGbSeconds += other.diskGbSeconds;
    return *this;
}

BilledUsage PriceList::usageOf(qint64 durationMs, qint64 memoryMb, double vcpus, qint64 diskMb) const
{
    const qint64 granularity = std::max<qint64>(1, granularityMs);
    const qint64 billedMs = std::max(minimumMs, (durationMs + granularity - 1) / granularity * granularity);
    const double seconds = double(billedMs) / 1000.0;
    return {1.0, seconds * double(memoryMb) / 1024.0, seconds * vcpus,
            seconds * double(std::max<qint64>(0, diskMb - freeDiskMb)) / 1024.0};
}

double PriceList::vcpusFor(qint64) const
{
    return 0.0;
}

double PriceList::price(const BilledUsage &u) const
{
    return u.requests * pricePerRequest + u.gbSeconds * pricePerGbSecond + u.vcpuSeconds * pricePerVcpuSecond +
           u.diskGbSeconds * pricePerDiskGbSecond;
}

double PriceList::monthPrice(const BilledUsage &u) const
{
    BilledUsage billed = u;
    billed.requests = std::max(0.0, u.requests - freeTier.requests);
    billed.gbSeconds = std::max(0.0, u.gbSeconds - freeTier.gbSeconds);
    billed.vcpuSeconds = std::max(0.0, u.vcpuSeconds - freeTier.vcpuSeconds);
    return price(billed);
}

QList<PriceList> PriceList::presets()
{
    return {};
}

PriceList PriceList::byId(const QString &)
{
    return {};
}

} // namespace funcdesk
