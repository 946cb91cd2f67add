// What the dashboards draw and export, from a MetricsSeries built in the test.

#include "models/metrics/ChartData.h"
#include "models/metrics/MetricsRange.h"

#include <QTest>

using namespace funcdesk;

namespace {
constexpr qint64 kFrom = 1'796'000'000'000;
constexpr qint64 kStep = 60'000;

MetricsSeries threeMinutes()
{
    MetricsSeries series;
    series.fromMs = kFrom;
    series.toMs = kFrom + 3 * kStep;
    series.stepMs = kStep;
    for (int i = 0; i < 3; ++i) {
        MetricsBucket bucket;
        bucket.startMs = kFrom + i * kStep;
        series.buckets.append(bucket);
    }
    MetricsBucket &busy = series.buckets[1];
    busy.invocations = 4;
    busy.byOutcome = {3, 1, 0, 0, 0};
    busy.coldStarts = 1;
    for (double ms : {10.0, 20.0, 30.0, 400.0})
        busy.durations.add(ms);
    busy.cost = 0.0000125;
    series.costSeriesNames = {QStringLiteral("resize"), QString()};
    series.costSeries = {{0.0, 0.00001, 0.0}, {0.0, 0.0000025}}; // "other" is short a bucket
    return series;
}
} // namespace

class TestChartData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invocationsAndErrorsPerBucket()
    {
        const ChartData data = ChartData::invocations(threeMinutes());
        QCOMPARE(data.names.size(), 2);
        QCOMPARE(data.values.at(0), QList<double>({0.0, 4.0, 0.0}));
        QCOMPARE(data.values.at(1), QList<double>({0.0, 1.0, 0.0}));
        QCOMPARE(data.timeOf(2), kFrom + 2 * kStep);
        QCOMPARE(data.toMs, kFrom + 3 * kStep);
    }

    void coldStartRatioIsAPercentageAndZeroWhenIdle()
    {
        const ChartData data = ChartData::coldStartRatio(threeMinutes());
        QCOMPARE(data.values.at(0), QList<double>({0.0, 25.0, 0.0}));
    }

    void percentilesComeFromTheBucketSketch()
    {
        const ChartData data = ChartData::durations(threeMinutes());
        QCOMPARE(data.names, QStringList({QStringLiteral("p50"), QStringLiteral("p90"), QStringLiteral("p99")}));
        QCOMPARE(data.values.at(0).at(0), 0.0);
        // Within the sketch's 1 % of the nearest-rank order statistics of {10, 20, 30, 400}: p50 is
        // the 2nd, p99 the 4th (the slow one).
        QVERIFY(std::abs(data.values.at(0).at(1) - 20.0) <= 0.2);
        QVERIFY(std::abs(data.values.at(2).at(1) - 400.0) <= 4.0);
    }

    void costLayersNameTheRestAndFillEveryBucket()
    {
        const ChartData data = ChartData::costByFunction(threeMinutes());
        QCOMPARE(data.names, QStringList({QStringLiteral("resize"), QStringLiteral("Other functions")}));
        QCOMPARE(data.values.at(1).size(), 3);
        QCOMPARE(data.values.at(1).at(2), 0.0);
    }

    void csvHasOneRowPerBucketInUtc()
    {
        const QStringList lines = ChartData::csv(threeMinutes()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), QStringLiteral("time,invocations,errors,cold_starts,p50_ms,p90_ms,p99_ms,max_ms,cost"));
        const QStringList busy = lines.at(2).split(QLatin1Char(','));
        QCOMPARE(busy.size(), 9);
        QCOMPARE(busy.at(0), QDateTime::fromMSecsSinceEpoch(kFrom + kStep, Qt::UTC).toString(Qt::ISODate));
        QVERIFY(busy.at(0).endsWith(QLatin1Char('Z')));
        QCOMPARE(busy.mid(1, 3), QStringList({QStringLiteral("4"), QStringLiteral("1"), QStringLiteral("1")}));
        QCOMPARE(busy.at(7), QStringLiteral("400"));
        QCOMPARE(busy.at(8).toDouble(), 0.0000125);
        QCOMPARE(lines.at(1).split(QLatin1Char(',')).at(1), QStringLiteral("0"));
    }
};

QTEST_MAIN(TestChartData)
#include "TestChartData.moc"
