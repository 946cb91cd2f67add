#include "core/PriceList.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

// Every figure below is a public list price, checked on the date in `takenOn` against the page in
// `source`; docs/pricing.md lists them with what is modelled and what is not.

namespace funcdesk {

namespace {

constexpr double kMbPerGb = 1024.0; // the lists count binary GB (GiB)

// Rounds `value` up to a whole number of `step`s. The tiny slack keeps exact products such as
// 3 × 0.05 from rounding up one step further because of binary floating point.
double roundUpToStep(double value, double step)
{
    return std::ceil(value / step - 1e-9) * step;
}

// A shipped list's identity: what it is, where its figures apply, when and where they were read.
PriceList listed(const QString &id, const QString &name, const QString &region, const QString &source)
{
    PriceList list;
    list.id = id;
    list.name = name;
    list.region = region;
    list.takenOn = QDate(2026, 12, 6);
    list.source = source;
    return list;
}

PriceList awsLambda(const QString &id, const QString &name, double pricePerGbSecond)
{
    PriceList list =
        listed(id, name, QStringLiteral("us-east-1"), QStringLiteral("https://aws.amazon.com/lambda/pricing/"));
    list.pricePerRequest = 0.20 / 1'000'000.0;
    list.pricePerGbSecond = pricePerGbSecond;
    // Ephemeral storage (/tmp) beyond the 512 MB every function gets.
    list.pricePerDiskGbSecond = 0.0000000309;
    list.freeDiskMb = 512;
    list.granularityMs = 1;
    list.minimumMs = 1;
    list.freeTier = FreeTier{1'000'000.0, 400'000.0, 0.0};
    return list;
}

PriceList alibabaFc3()
{
    // FC 3.0 bills compute units (CU), 1 CU = USD 0.000020 (first tier): 1 vCPU-s = 1 CU,
    // 1 GB-s of memory = 0.15 CU, 1 GB-s of disk beyond 512 MB = 0.05 CU, 10,000 calls = 75 CU.
    constexpr double cu = 0.000020;
    PriceList list =
        listed(QStringLiteral("alibaba-fc3"), QStringLiteral("Alibaba Cloud Function Compute 3.0"),
               QStringLiteral("International site, all regions"),
               QStringLiteral("https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/product-overview/"
                              "pay-as-you-go-billing-method-1"));
    list.pricePerRequest = 75.0 * cu / 10'000.0;
    list.pricePerVcpuSecond = 1.0 * cu;
    list.pricePerGbSecond = 0.15 * cu;
    list.pricePerDiskGbSecond = 0.05 * cu;
    list.freeDiskMb = 512;
    list.granularityMs = 1;
    list.minimumMs = 1;
    // vCPU:memory between 1:1 and 1:4 (GB), vCPUs in steps of 0.05: the least is memory / 4.
    list.vcpusPerGb = 0.25;
    list.vcpuStep = 0.05;
    return list;
}

PriceList ibmFunctions()
{
    PriceList list =
        listed(QStringLiteral("ibm-functions"), QStringLiteral("IBM Cloud Functions"), QStringLiteral("us-south"),
               QStringLiteral("https://cloud.ibm.com/functions/learn/pricing"));
    list.pricePerGbSecond = 0.000017;
    list.granularityMs = 100;
    list.minimumMs = 100;
    list.freeTier = FreeTier{0.0, 400'000.0, 0.0};
    return list;
}

PriceList gcpFunctions()
{
    PriceList list =
        listed(QStringLiteral("gcp-functions"), QStringLiteral("Google Cloud Run functions"),
               QStringLiteral("us-central1 (Tier 1)"), QStringLiteral("https://cloud.google.com/run/pricing"));
    list.pricePerRequest = 0.40 / 1'000'000.0;
    list.pricePerVcpuSecond = 0.000024;
    list.pricePerGbSecond = 0.0000025;
    list.granularityMs = 100;
    list.minimumMs = 100;
    list.freeTier = FreeTier{2'000'000.0, 360'000.0, 180'000.0};
    // The vCPUs a function gets when it sets only memory (Cloud Run functions' memory table):
    // 128 MiB 0.083, 256 MiB 0.167, 512 MiB 0.333, 1 GiB 0.583, 2 GiB 1, 4 GiB 2, 8 GiB 2,
    // 16 GiB 4, 32 GiB 8; sizes between two rows get the larger row's.
    list.vcpuTiers = {{128, 0.083}, {256, 0.167}, {512, 0.333}, {1024, 0.583}, {2048, 1.0},
                      {4096, 2.0},  {8192, 2.0},  {16384, 4.0}, {32768, 8.0}};
    return list;
}

PriceList azureConsumption()
{
    PriceList list = listed(QStringLiteral("azure-consumption"), QStringLiteral("Azure Functions Consumption"),
                            QStringLiteral("East US"),
                            QStringLiteral("https://azure.microsoft.com/en-us/pricing/details/functions/"));
    list.pricePerRequest = 0.20 / 1'000'000.0;
    list.pricePerGbSecond = 0.000016;
    // Execution time rounds up to 1 ms with a 100 ms minimum; memory rounds up to 128 MB steps,
    // at least 128 MB, at most 1,536 MB.
    list.granularityMs = 1;
    list.minimumMs = 100;
    list.memoryStepMb = 128;
    list.maximumMemoryMb = 1536;
    list.freeTier = FreeTier{1'000'000.0, 400'000.0, 0.0};
    return list;
}

} // namespace

BilledUsage &BilledUsage::operator+=(const BilledUsage &other)
{
    requests += other.requests;
    gbSeconds += other.gbSeconds;
    vcpuSeconds += other.vcpuSeconds;
    diskGbSeconds += other.diskGbSeconds;
    return *this;
}

qint64 PriceList::billedMs(qint64 durationMs) const
{
    const qint64 granularity = std::max<qint64>(1, granularityMs);
    const qint64 rounded = (std::max<qint64>(0, durationMs) + granularity - 1) / granularity * granularity;
    return std::max(rounded, minimumMs);
}

qint64 PriceList::billedMemoryMb(qint64 memoryMb) const
{
    qint64 billed = std::max<qint64>(0, memoryMb);
    if (memoryStepMb > 1)
        billed = std::max<qint64>(1, (billed + memoryStepMb - 1) / memoryStepMb) * memoryStepMb;
    if (maximumMemoryMb > 0)
        billed = std::min(billed, maximumMemoryMb);
    return billed;
}

double PriceList::vcpusFor(qint64 memoryMb) const
{
    if (!vcpuTiers.isEmpty()) {
        for (const VcpuTier &tier : vcpuTiers) {
            if (memoryMb <= tier.memoryMb)
                return tier.vcpus;
        }
        return vcpuTiers.constLast().vcpus;
    }
    if (vcpusPerGb > 0.0 && vcpuStep > 0.0) {
        const double least = static_cast<double>(std::max<qint64>(0, memoryMb)) / kMbPerGb * vcpusPerGb;
        return std::max(vcpuStep, roundUpToStep(least, vcpuStep));
    }
    return 0.0;
}

BilledUsage PriceList::usageOf(qint64 durationMs, qint64 memoryMb, double vcpus, qint64 diskMb) const
{
    const double seconds = static_cast<double>(billedMs(durationMs)) / 1000.0;
    const double cpus = vcpus > 0.0 ? vcpus : vcpusFor(memoryMb);
    BilledUsage usage;
    usage.requests = 1.0;
    usage.gbSeconds = static_cast<double>(billedMemoryMb(memoryMb)) / kMbPerGb * seconds;
    usage.vcpuSeconds = cpus * seconds;
    usage.diskGbSeconds = static_cast<double>(std::max<qint64>(0, diskMb - freeDiskMb)) / kMbPerGb * seconds;
    return usage;
}

double PriceList::price(const BilledUsage &usage) const
{
    return usage.requests * pricePerRequest + usage.gbSeconds * pricePerGbSecond +
           usage.vcpuSeconds * pricePerVcpuSecond + usage.diskGbSeconds * pricePerDiskGbSecond;
}

double PriceList::monthPrice(const BilledUsage &monthUsage) const
{
    BilledUsage billed = monthUsage;
    billed.requests = std::max(0.0, monthUsage.requests - freeTier.requests);
    billed.gbSeconds = std::max(0.0, monthUsage.gbSeconds - freeTier.gbSeconds);
    billed.vcpuSeconds = std::max(0.0, monthUsage.vcpuSeconds - freeTier.vcpuSeconds);
    return price(billed);
}

const QString &PriceList::customId()
{
    static const QString id = QStringLiteral("custom");
    return id;
}

QList<PriceList> PriceList::presets()
{
    const PriceList x86 = awsLambda(QStringLiteral("aws-lambda-x86"), QStringLiteral("AWS Lambda (x86)"), 0.0000166667);
    PriceList custom = x86;
    custom.id = customId();
    custom.name = QCoreApplication::translate("PriceList", "Custom");
    custom.region.clear();
    custom.source.clear();
    custom.takenOn = QDate();
    return {x86,
            awsLambda(QStringLiteral("aws-lambda-arm"), QStringLiteral("AWS Lambda (Arm)"), 0.0000133334),
            alibabaFc3(),
            ibmFunctions(),
            gcpFunctions(),
            azureConsumption(),
            custom};
}

PriceList PriceList::byId(const QString &id)
{
    const QList<PriceList> lists = presets();
    const auto found =
        std::find_if(lists.cbegin(), lists.cend(), [&id](const PriceList &list) { return list.id == id; });
    return found != lists.cend() ? *found : lists.constFirst();
}

} // namespace funcdesk
