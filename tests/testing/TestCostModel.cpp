// The default cost estimate: AWS Lambda x86 prices, 1 ms billing, memory from the record's
// limits; any PriceList prices through the same API. Every expected figure below is computed by hand in its comment.

#include "core/CostModel.h"

#include <QTest>

using namespace funcdesk;

namespace {

Activation record(std::optional<qint64> duration, std::optional<qint64> memoryMb, std::optional<double> cpu = {})
{
    Activation activation;
    activation.activationId = QStringLiteral("a");
    activation.duration = duration;
    QJsonObject limits;
    if (memoryMb)
        limits.insert(QStringLiteral("memory"), *memoryMb);
    if (cpu)
        limits.insert(QStringLiteral("cpu"), *cpu);
    activation.annotations = KeyValueList{{QStringLiteral("limits"), limits, {}}};
    return activation;
}

bool near(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-15 + std::abs(expected) * 1e-9;
}

} // namespace

class TestCostModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultListIsAwsLambdaX86()
    {
        const PriceList preset = CostModel().prices();
        QCOMPARE(preset.id, QStringLiteral("aws-lambda-x86"));
        QCOMPARE(preset.name, QStringLiteral("AWS Lambda (x86)"));
        QCOMPARE(preset.currency, QStringLiteral("USD"));
        QVERIFY(near(preset.pricePerRequest, 0.0000002)); // $0.20 / 1,000,000
        QVERIFY(near(preset.pricePerGbSecond, 0.0000166667));
        QCOMPARE(preset.pricePerVcpuSecond, 0.0);
        QCOMPARE(preset.granularityMs, 1);
    }

    void costIsRequestPlusGbSeconds()
    {
        const CostModel model;
        // 128 MB for 100 ms: 0.125 GB x 0.1 s = 0.0125 GB-s; 0.0125 x 0.0000166667 = 0.00000020833375;
        // plus one request 0.0000002 = 0.00000040833375.
        CostEstimate cost = model.estimate(100, 128);
        QCOMPARE(cost.billedMs, 100);
        QVERIFY(near(cost.gbSeconds, 0.0125));
        QVERIFY2(near(cost.total, 0.00000040833375), qPrintable(QString::number(cost.total, 'g', 17)));
        // 1024 MB for 1 s: 1 GB-s = 0.0000166667, plus 0.0000002 = 0.0000168667.
        cost = model.estimate(1000, 1024);
        QVERIFY(near(cost.gbSeconds, 1.0));
        QVERIFY(near(cost.total, 0.0000168667));
    }

    void durationIsRoundedUpToTheGranularityWithAMinimum()
    {
        const CostModel lambda;
        // 0 ms bills the 1 ms minimum: 256 MB = 0.25 GB x 0.001 s = 0.00025 GB-s.
        CostEstimate cost = lambda.estimate(0, 256);
        QCOMPARE(cost.billedMs, 1);
        QVERIFY(near(cost.gbSeconds, 0.00025));
        QVERIFY(near(cost.total, 0.0000002 + 0.00025 * 0.0000166667));

        PriceList coarse = PriceList::byId(QStringLiteral("aws-lambda-x86"));
        coarse.granularityMs = 100;
        coarse.minimumMs = 100;
        const CostModel hundred(coarse);
        QCOMPARE(hundred.estimate(1, 128).billedMs, 100);
        QCOMPARE(hundred.estimate(100, 128).billedMs, 100);
        QCOMPARE(hundred.estimate(101, 128).billedMs, 200); // rounded up, never down
        QCOMPARE(hundred.estimate(250, 128).billedMs, 300);
    }

    void vcpuSecondsArePricedWhenThePresetHasACpuPrice()
    {
        PriceList preset;
        preset.name = QStringLiteral("cpu-priced");
        preset.pricePerRequest = 0.0000004;
        preset.pricePerGbSecond = 0.0000025;
        preset.pricePerVcpuSecond = 0.000024;
        preset.granularityMs = 100;
        preset.minimumMs = 100;
        const CostModel model(preset);
        // 0.5 vCPU x 2 s = 1 vCPU-s = 0.000024; 512 MB x 2 s = 1 GB-s = 0.0000025;
        // request 0.0000004: 0.0000269.
        const CostEstimate cost = model.estimate(2000, 512, 0.5);
        QVERIFY(near(cost.vcpuSeconds, 1.0));
        QVERIFY(near(cost.total, 0.0000269));
        // The default preset has no CPU price: the same run costs only memory and the request.
        QVERIFY(near(CostModel().estimate(2000, 512, 0.5).total, 0.0000002 + 0.0000166667));
    }

    void estimateFollowsThePriceListsRules()
    {
        // Google Cloud Run functions: 256 MB without a cpu limit bills 0.167 vCPU; 101 ms → 200 ms.
        // 0.0334 vCPU-s × 0.000024 + 0.05 GiB-s × 0.0000025 + 0.0000004 = 0.0000013266.
        const CostEstimate google = CostModel(PriceList::byId(QStringLiteral("gcp-functions"))).estimate(101, 256);
        QCOMPARE(google.billedMs, 200);
        QCOMPARE(google.vcpus, 0.167);
        QVERIFY(near(google.total, 0.0000013266));
        // Alibaba FC 3.0 with 1,536 MB of disk from the record's `limits.storage`: 1 GB beyond
        // 512 MB × 1 s = 1 GB-s of disk; 1024 MB memory: 0.25 vCPU.
        // 0.25 × 0.00002 + 1 × 0.000003 + 1 × 0.000001 + 0.00000015 = 0.00000915.
        Activation activation = record(1000, 1024);
        activation.annotations =
            KeyValueList{{QStringLiteral("limits"),
                          QJsonObject{{QStringLiteral("memory"), 1024}, {QStringLiteral("storage"), 1536}},
                          {}}};
        const std::optional<CostEstimate> alibaba =
            CostModel(PriceList::byId(QStringLiteral("alibaba-fc3"))).estimate(activation);
        QVERIFY(alibaba);
        QVERIFY(near(alibaba->diskGbSeconds, 1.0));
        QVERIFY(near(alibaba->total, 0.00000915));
    }

    void activationIsPricedFromItsLimitsAnnotation()
    {
        const CostModel model;
        // 512 MB for 250 ms: 0.5 x 0.25 = 0.125 GB-s x 0.0000166667 = 0.0000020833375,
        // + 0.0000002 = 0.0000022833375.
        const std::optional<CostEstimate> cost = model.estimate(record(250, 512, 0.5));
        QVERIFY(cost);
        QCOMPARE(cost->memoryMb, 512);
        QCOMPARE(cost->vcpus, 0.5);
        QVERIFY(near(cost->total, 0.0000022833375));
        QCOMPARE(model.format(cost->total), QStringLiteral("$0.0000023"));
        // No limits: OpenWhisk's default 256 MB. 256 MB for 1 s = 0.25 GB-s.
        QVERIFY(near(model.estimate(record(1000, std::nullopt))->gbSeconds, 0.25));
        // start and end without duration still price; nothing at all does not.
        Activation span = record(std::nullopt, 128);
        span.start = 1000;
        span.end = 1100;
        QCOMPARE(model.estimate(span)->billedMs, 100);
        QVERIFY(!model.estimate(record(std::nullopt, 128)));
    }

    void formatShowsTwoSignificantDigitsOfSmallAmounts()
    {
        const CostModel model;
        QCOMPARE(model.format(0.0000021), QStringLiteral("$0.0000021"));
        QCOMPARE(model.format(0.00000040833375), QStringLiteral("$0.00000041"));
        QCOMPARE(model.format(0.05), QStringLiteral("$0.050"));
        QCOMPARE(model.format(1.5), QStringLiteral("$1.50"));
        QCOMPARE(model.format(0.0), QStringLiteral("$0.00"));
        PriceList pounds = PriceList::byId(QStringLiteral("aws-lambda-x86"));
        pounds.currency = QStringLiteral("GBP");
        QCOMPARE(CostModel(pounds).format(0.25), QStringLiteral("0.25 GBP"));
    }
};

QTEST_GUILESS_MAIN(TestCostModel)
#include "TestCostModel.moc"
