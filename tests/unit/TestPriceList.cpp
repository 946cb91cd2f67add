// PriceList: every shipped list against bills computed by hand in the comments (granularity
// edges, minimums, vCPUs by memory, disk beyond the free disk, a month with and without the
// free tier exceeded).

#include "core/PriceList.h"

#include <QTest>

#include <cmath>

using namespace funcdesk;

namespace {

bool near(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-15 + std::abs(expected) * 1e-9;
}

#define QVERIFY_NEAR(actual, expected)                                                                                 \
    do {                                                                                                               \
        const double a_ = (actual);                                                                                    \
        const double e_ = (expected);                                                                                  \
        QVERIFY2(near(a_, e_), qPrintable(QStringLiteral("%1 != %2").arg(a_, 0, 'g', 17).arg(e_, 0, 'g', 17)));        \
    } while (false)

// `count` activations of the same shape, summed one by one as a month's bill is.
BilledUsage month(const PriceList &list, int count, qint64 durationMs, qint64 memoryMb)
{
    const BilledUsage one = list.usageOf(durationMs, memoryMb);
    BilledUsage total;
    for (int i = 0; i < count; ++i)
        total += one;
    return total;
}

} // namespace

class TestPriceList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presetsAreTheDocumentedListsWithRegionDateAndSource()
    {
        const QList<PriceList> lists = PriceList::presets();
        QStringList ids;
        for (const PriceList &list : lists) {
            ids << list.id;
            QVERIFY(!list.name.isEmpty());
            QCOMPARE(list.currency, QStringLiteral("USD"));
            if (list.id == PriceList::customId())
                continue;
            QVERIFY2(!list.region.isEmpty(), qPrintable(list.id));
            QCOMPARE(list.takenOn, QDate(2026, 12, 6));
            QVERIFY2(list.source.startsWith(QLatin1StringView("https://")), qPrintable(list.id));
        }
        QCOMPARE(ids, QStringList({QStringLiteral("aws-lambda-x86"), QStringLiteral("aws-lambda-arm"),
                                   QStringLiteral("alibaba-fc3"), QStringLiteral("ibm-functions"),
                                   QStringLiteral("gcp-functions"), QStringLiteral("azure-consumption"),
                                   QStringLiteral("custom")}));
    }

    void byIdFindsAListAndFallsBackToTheFirst()
    {
        QCOMPARE(PriceList::byId(QStringLiteral("gcp-functions")).name, QStringLiteral("Google Cloud Run functions"));
        QCOMPARE(PriceList::byId(QStringLiteral("no-such-list")).id, QStringLiteral("aws-lambda-x86"));
        QCOMPARE(PriceList::byId(QString()).id, QStringLiteral("aws-lambda-x86"));
    }

    void customStartsAsACopyOfAwsX86()
    {
        PriceList custom = PriceList::byId(QStringLiteral("custom"));
        QCOMPARE(custom.id, QStringLiteral("custom"));
        QVERIFY(custom.region.isEmpty());
        const PriceList x86 = PriceList::byId(QStringLiteral("aws-lambda-x86"));
        // Same figures: only the identity differs.
        custom.id = x86.id;
        custom.name = x86.name;
        custom.region = x86.region;
        custom.takenOn = x86.takenOn;
        custom.source = x86.source;
        QCOMPARE(custom, x86);
    }

    void billedUsageSums()
    {
        BilledUsage sum{1.0, 2.0, 3.0, 4.0};
        sum += BilledUsage{0.5, 0.25, 0.125, 1.0};
        QCOMPARE(sum, (BilledUsage{1.5, 2.25, 3.125, 5.0}));
        BilledUsage empty;
        empty += sum;
        QCOMPARE(empty, sum);
    }

    void awsX86BillsEveryMillisecond()
    {
        const PriceList aws = PriceList::byId(QStringLiteral("aws-lambda-x86"));
        QCOMPARE(aws.billedMs(0), 1); // the 1 ms minimum
        QCOMPARE(aws.billedMs(1), 1);
        QCOMPARE(aws.billedMs(101), 101);
        // 128 MB for 1 ms: 0.125 GB × 0.001 s = 0.000125 GB-s × 0.0000166667 = 0.0000000020833375,
        // + one request 0.0000002 = 0.0000002020833375.
        BilledUsage usage = aws.usageOf(1, 128);
        QCOMPARE(usage.requests, 1.0);
        QVERIFY_NEAR(usage.gbSeconds, 0.000125);
        QCOMPARE(usage.vcpuSeconds, 0.0); // Lambda bills no vCPU
        QVERIFY_NEAR(aws.price(usage), 0.0000002020833375);
        // 1024 MB for 101 ms: 0.101 GB-s × 0.0000166667 = 0.0000016833367, + 0.0000002.
        QVERIFY_NEAR(aws.price(aws.usageOf(101, 1024)), 0.0000018833367);
    }

    void awsBillsEphemeralStorageBeyond512Mb()
    {
        const PriceList aws = PriceList::byId(QStringLiteral("aws-lambda-x86"));
        QCOMPARE(aws.usageOf(1000, 1024, 0.0, 512).diskGbSeconds, 0.0);
        // 1024 MB of /tmp for 1 s: (1024 − 512) / 1024 = 0.5 GB × 1 s = 0.5 GB-s × 0.0000000309
        // = 0.00000001545; + 1 GB-s 0.0000166667 + request 0.0000002 = 0.00001688215.
        const BilledUsage usage = aws.usageOf(1000, 1024, 0.0, 1024);
        QVERIFY_NEAR(usage.diskGbSeconds, 0.5);
        QVERIFY_NEAR(aws.price(usage), 0.00001688215);
    }

    void awsX86MonthAppliesTheFreeTier()
    {
        const PriceList aws = PriceList::byId(QStringLiteral("aws-lambda-x86"));
        // 3M requests of 1 s at 1024 MB: 3,000,000 GB-s. After the free tier: 2,000,000 requests
        // × 0.0000002 = 0.40 and 2,600,000 GB-s × 0.0000166667 = 43.33342: 43.73342.
        const BilledUsage big = month(aws, 3'000'000, 1000, 1024);
        QVERIFY_NEAR(big.requests, 3'000'000.0);
        QVERIFY_NEAR(big.gbSeconds, 3'000'000.0);
        QVERIFY_NEAR(aws.monthPrice(big), 43.73342);
        // Gross: 0.60 + 50.0001 = 50.6001.
        QVERIFY_NEAR(aws.price(big), 50.6001);
        // 500,000 requests of 100 ms at 1024 MB: 50,000 GB-s, inside both allowances: free.
        const BilledUsage small = month(aws, 500'000, 100, 1024);
        QCOMPARE(aws.monthPrice(small), 0.0);
        // Gross: 0.10 + 50,000 × 0.0000166667 = 0.933335.
        QVERIFY_NEAR(aws.price(small), 0.933335);
    }

    void awsArmIsCheaperPerGbSecond()
    {
        const PriceList arm = PriceList::byId(QStringLiteral("aws-lambda-arm"));
        // 1 GB-s × 0.0000133334 + 0.0000002 = 0.0000135334.
        QVERIFY_NEAR(arm.price(arm.usageOf(1000, 1024)), 0.0000135334);
        // 3M × 1 s at 1024 MB: 2,600,000 × 0.0000133334 = 34.66684, + 0.40 = 35.06684.
        QVERIFY_NEAR(arm.monthPrice(month(arm, 3'000'000, 1000, 1024)), 35.06684);
    }

    void alibabaBillsTheLeastVcpusFc3AllowsForTheMemory()
    {
        const PriceList fc = PriceList::byId(QStringLiteral("alibaba-fc3"));
        // memory / 4 GB, in steps of 0.05 vCPU, at least 0.05.
        QVERIFY_NEAR(fc.vcpusFor(128), 0.05); // 0.03125 → 0.05
        QVERIFY_NEAR(fc.vcpusFor(512), 0.15); // 0.125 → 0.15
        QVERIFY_NEAR(fc.vcpusFor(1024), 0.25);
        QVERIFY_NEAR(fc.vcpusFor(2048), 0.5);
        QVERIFY_NEAR(fc.vcpusFor(3072), 0.75);
        QCOMPARE(fc.billedMs(101), 101);
        // 512 MB for 1 s: 0.15 vCPU-s × 0.00002 = 0.000003; 0.5 GB-s × 0.000003 = 0.0000015;
        // request 75 CU / 10,000 × 0.00002 = 0.00000015: 0.00000465.
        const BilledUsage usage = fc.usageOf(1000, 512);
        QVERIFY_NEAR(usage.vcpuSeconds, 0.15);
        QVERIFY_NEAR(fc.price(usage), 0.00000465);
        // No monthly free tier (FC 3.0 has a one-off trial quota only).
        QVERIFY_NEAR(fc.monthPrice(usage), 0.00000465);
    }

    void alibabaBillsDiskBeyond512MbAndTheFunctionsOwnVcpus()
    {
        const PriceList fc = PriceList::byId(QStringLiteral("alibaba-fc3"));
        // 1024 MB, 1 vCPU, 10,240 MB disk, 2 s: disk (10240 − 512) / 1024 = 9.5 GB × 2 s = 19 GB-s
        // × 0.000001 = 0.000019; memory 2 GB-s × 0.000003 = 0.000006; 2 vCPU-s × 0.00002 = 0.00004;
        // request 0.00000015: 0.00006515.
        const BilledUsage usage = fc.usageOf(2000, 1024, 1.0, 10240);
        QVERIFY_NEAR(usage.diskGbSeconds, 19.0);
        QVERIFY_NEAR(usage.vcpuSeconds, 2.0);
        QVERIFY_NEAR(fc.price(usage), 0.00006515);
        QCOMPARE(fc.usageOf(2000, 1024, 1.0, 512).diskGbSeconds, 0.0);
    }

    void ibmRoundsUpTo100Ms()
    {
        const PriceList ibm = PriceList::byId(QStringLiteral("ibm-functions"));
        QCOMPARE(ibm.billedMs(1), 100);
        QCOMPARE(ibm.billedMs(100), 100);
        QCOMPARE(ibm.billedMs(101), 200); // rounded up, never down
        // 256 MB for 101 ms → 200 ms: 0.25 × 0.2 = 0.05 GB-s × 0.000017 = 0.00000085, no request
        // charge.
        QVERIFY_NEAR(ibm.price(ibm.usageOf(101, 256)), 0.00000085);
        // 3M × 1 s at 1024 MB: (3,000,000 − 400,000) GB-s × 0.000017 = 44.2.
        QVERIFY_NEAR(ibm.monthPrice(month(ibm, 3'000'000, 1000, 1024)), 44.2);
        // 300,000 × 1 s at 1024 MB: inside the 400,000 GB-s.
        QCOMPARE(ibm.monthPrice(month(ibm, 300'000, 1000, 1024)), 0.0);
    }

    void googleBillsVcpusByMemoryTier()
    {
        const PriceList gcp = PriceList::byId(QStringLiteral("gcp-functions"));
        QCOMPARE(gcp.vcpusFor(128), 0.083);
        QCOMPARE(gcp.vcpusFor(200), 0.167);
        QCOMPARE(gcp.vcpusFor(256), 0.167);
        QCOMPARE(gcp.vcpusFor(512), 0.333);
        QCOMPARE(gcp.vcpusFor(1024), 0.583);
        QCOMPARE(gcp.vcpusFor(2048), 1.0);
        QCOMPARE(gcp.vcpusFor(2049), 2.0); // between two rows: the larger row's
        QCOMPARE(gcp.vcpusFor(4096), 2.0);
        QCOMPARE(gcp.vcpusFor(8192), 2.0);
        QCOMPARE(gcp.vcpusFor(16384), 4.0);
        QCOMPARE(gcp.vcpusFor(65536), 8.0); // beyond the table: its last row
        // 256 MB for 101 ms → 200 ms: 0.167 × 0.2 = 0.0334 vCPU-s × 0.000024 = 0.0000008016;
        // 0.25 × 0.2 = 0.05 GiB-s × 0.0000025 = 0.000000125; request 0.0000004: 0.0000013266.
        const BilledUsage usage = gcp.usageOf(101, 256);
        QVERIFY_NEAR(usage.vcpuSeconds, 0.0334);
        QVERIFY_NEAR(gcp.price(usage), 0.0000013266);
        // A function that sets its vCPUs is billed for those: 1 vCPU × 0.2 s.
        QVERIFY_NEAR(gcp.usageOf(101, 256, 1.0).vcpuSeconds, 0.2);
    }

    void googleMonthAppliesEachAllowance()
    {
        const PriceList gcp = PriceList::byId(QStringLiteral("gcp-functions"));
        // 3M × 1 s at 1024 MB: 1,749,000 vCPU-s − 180,000 = 1,569,000 × 0.000024 = 37.656;
        // 3,000,000 GiB-s − 360,000 = 2,640,000 × 0.0000025 = 6.6; 1,000,000 requests × 0.0000004
        // = 0.4: 44.656.
        QVERIFY_NEAR(gcp.monthPrice(month(gcp, 3'000'000, 1000, 1024)), 44.656);
        // 1.5M × 100 ms at 256 MB: 25,050 vCPU-s, 37,500 GiB-s, 1.5M requests: all free.
        QCOMPARE(gcp.monthPrice(month(gcp, 1'500'000, 100, 256)), 0.0);
    }

    void azureHasA100MsMinimumAnd128MbMemorySteps()
    {
        const PriceList azure = PriceList::byId(QStringLiteral("azure-consumption"));
        QCOMPARE(azure.billedMs(50), 100);
        QCOMPARE(azure.billedMs(100), 100);
        QCOMPARE(azure.billedMs(101), 101); // 1 ms steps above the minimum
        QCOMPARE(azure.billedMemoryMb(0), 128);
        QCOMPARE(azure.billedMemoryMb(100), 128);
        QCOMPARE(azure.billedMemoryMb(200), 256);
        QCOMPARE(azure.billedMemoryMb(2048), 1536); // the Consumption plan's largest size
        // 200 MB → 256 MB for 101 ms: 0.25 × 0.101 = 0.02525 GB-s × 0.000016 = 0.000000404,
        // + 0.0000002 = 0.000000604.
        QVERIFY_NEAR(azure.price(azure.usageOf(101, 200)), 0.000000604);
        // 3M × 1 s at 1024 MB: 2,600,000 GB-s × 0.000016 = 41.6, + 2,000,000 × 0.0000002 = 0.4: 42.
        QVERIFY_NEAR(azure.monthPrice(month(azure, 3'000'000, 1000, 1024)), 42.0);
    }

    void otherListsBillMemoryAsConfigured()
    {
        const PriceList aws = PriceList::byId(QStringLiteral("aws-lambda-x86"));
        QCOMPARE(aws.billedMemoryMb(200), 200);
        QCOMPARE(aws.billedMemoryMb(10240), 10240);
        QCOMPARE(aws.vcpusFor(1769), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestPriceList)
#include "TestPriceList.moc"
