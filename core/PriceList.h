#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace funcdesk {

// What a set of activations is billed for, in the units price lists charge: requests, GB-seconds
// of memory, vCPU-seconds and GB-seconds of disk, each already rounded to the list's billing
// granularity and minimum. Sums of usages are usages: a month's bill is the sum of its
// activations' usages, priced once with the free tier.
struct BilledUsage
{
    double requests = 0.0;
    double gbSeconds = 0.0;
    double vcpuSeconds = 0.0;
    double diskGbSeconds = 0.0; // disk beyond the list's free disk (Alibaba: beyond 512 MB)

    BilledUsage &operator+=(const BilledUsage &other);
    friend bool operator==(const BilledUsage &, const BilledUsage &) = default;
};

// A monthly free allowance (AWS Lambda: 1M requests and 400,000 GB-s). Zero = none.
struct FreeTier
{
    double requests = 0.0;
    double gbSeconds = 0.0;
    double vcpuSeconds = 0.0;
    friend bool operator==(const FreeTier &, const FreeTier &) = default;
};

// One row of a memory-tier table: functions configured with up to `memoryMb` get `vcpus`
// (Google Cloud Run functions: 128 MB → 0.083 vCPU ... 8192 MB → 2 vCPU).
struct VcpuTier
{
    qint64 memoryMb = 0;
    double vcpus = 0.0;
    friend bool operator==(const VcpuTier &, const VcpuTier &) = default;
};

// One provider's public list prices, with where and when they were taken, or the user's Custom
// list. cost = requests × pricePerRequest + GB-s × pricePerGbSecond + vCPU-s × pricePerVcpuSecond
// + disk GB-s × pricePerDiskGbSecond, with the billed duration rounded up to `granularityMs` and
// at least `minimumMs`. GB are binary (1024 MB), as the lists count them.
struct PriceList
{
    QString id;     // stable: "aws-lambda-x86", "aws-lambda-arm", "alibaba-fc3", "ibm-functions",
                    // "gcp-functions", "azure-consumption", "custom"
    QString name;   // shown to the user (a translated provider name is not needed: brand names)
    QString region; // "us-east-1", ...
    QDate takenOn;  // the date the figures were checked against the provider's pricing page
    QString source; // the pricing page's URL
    QString currency = QStringLiteral("USD");
    double pricePerRequest = 0.0;
    double pricePerGbSecond = 0.0;
    double pricePerVcpuSecond = 0.0;
    double pricePerDiskGbSecond = 0.0;
    qint64 freeDiskMb = 0; // disk up to this size is not billed
    qint64 granularityMs = 1;
    qint64 minimumMs = 1;
    FreeTier freeTier;
    // Billed memory (Azure Consumption: rounded up to 128 MB steps, at least one step, at most
    // 1,536 MB). 1 and 0 = the memory as given.
    qint64 memoryStepMb = 1;
    qint64 maximumMemoryMb = 0;
    // The vCPUs billed when a function sets none (see vcpusFor): a memory-tier table, else
    // memory × `vcpusPerGb` rounded up to `vcpuStep` and at least one step (Alibaba FC 3.0:
    // 0.25 vCPU per GB, steps of 0.05), else none.
    QList<VcpuTier> vcpuTiers;
    double vcpusPerGb = 0.0;
    double vcpuStep = 0.0;

    // The billed duration: rounded up to `granularityMs`, never below `minimumMs`.
    qint64 billedMs(qint64 durationMs) const;
    // The memory billed for `memoryMb` configured (memoryStepMb, maximumMemoryMb).
    qint64 billedMemoryMb(qint64 memoryMb) const;

    // The usage of one activation of `durationMs` with `memoryMb` configured, `vcpus` allocated
    // (0 = the list's default for that memory, see vcpusFor) and `diskMb` of storage.
    BilledUsage usageOf(qint64 durationMs, qint64 memoryMb, double vcpus = 0.0, qint64 diskMb = 0) const;
    // The vCPUs a list bills for a memory size when the function sets none (Google: by memory
    // tier; Alibaba: the smallest FC 3.0 allows; AWS, IBM, Azure: 0, they bill no vCPU).
    double vcpusFor(qint64 memoryMb) const;
    // Gross price of a usage (no free tier).
    double price(const BilledUsage &usage) const;
    // The price of a whole month's usage after the free tier.
    double monthPrice(const BilledUsage &monthUsage) const;

    // The shipped lists (public list prices) and a Custom list with AWS x86's figures.
    static QList<PriceList> presets();
    static PriceList byId(const QString &id); // presets()' first when unknown
    static const QString &customId();         // "custom"

    friend bool operator==(const PriceList &, const PriceList &) = default;
};

// Month-to-date and a projection to month end: the month's usage so far extrapolated by the
// elapsed fraction of the month (UTC), priced after the free tier.
struct MonthCost
{
    QDate month;            // first day of the month
    double toDate = 0.0;    // after the free tier
    double projected = 0.0; // at month end, same rate as so far
    BilledUsage usageToDate;
};

} // namespace funcdesk
