// The default cost estimate: AWS-Lambda-like prices, 1 ms billing, memory from the record's
// limits. Every expected figure below is computed by hand in its comment.

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
    void defaultPresetIsAwsLambdaLike()
    {
        const PricingPreset preset = PricingPreset::awsLambdaLike();
        QCOMPARE(preset.name, QStringLiteral("AWS-Lambda-like"));
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

        PricingPreset coarse = PricingPreset::awsLambdaLike();
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
        PricingPreset preset;
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
        PricingPreset pounds = PricingPreset::awsLambdaLike();
        pounds.currency = QStringLiteral("GBP");
        QCOMPARE(CostModel(pounds).format(0.25), QStringLiteral("0.25 GBP"));
    }
};

QTEST_GUILESS_MAIN(TestCostModel)
#include "TestCostModel.moc"
