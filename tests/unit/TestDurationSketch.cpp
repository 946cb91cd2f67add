#include "core/metrics/DurationSketch.h"

#include <QDataStream>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace funcdesk;

namespace {

// The order statistic DurationSketch::quantile promises to approximate: the nearest rank ⌈qn⌉.
double exactQuantile(std::vector<double> sorted, double q)
{
    std::sort(sorted.begin(), sorted.end());
    // Nearest rank: the ⌈qn⌉-th smallest (1-based).
    const double nearest = std::ceil(q * double(sorted.size()));
    return sorted[std::min(sorted.size() - 1, nearest < 1.0 ? size_t(0) : size_t(nearest) - 1)];
}

void expectWithinBound(const DurationSketch &sketch, const std::vector<double> &values)
{
    for (double q : {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999}) {
        const double exact = exactQuantile(values, q);
        const double estimate = sketch.quantile(q);
        const double relative = exact == 0.0 ? estimate : std::abs(estimate - exact) / exact;
        if (relative > DurationSketch::kRelativeAccuracy + 1e-9)
            QFAIL(qPrintable(QStringLiteral("q=%1: %2 vs exact %3").arg(q).arg(estimate).arg(exact)));
    }
}

enum class Distribution { Uniform, LogNormal, Bimodal };

std::vector<double> generate(Distribution distribution, int n, unsigned seed)
{
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> uniform(1.0, 5000.0);
    std::lognormal_distribution<double> lognormal(4.0, 1.2);
    std::normal_distribution<double> fast(20.0, 3.0);
    std::normal_distribution<double> slow(900.0, 80.0);
    std::bernoulli_distribution coldStart(0.2);
    std::vector<double> values;
    values.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        switch (distribution) {
        case Distribution::Uniform:
            values.push_back(uniform(random));
            break;
        case Distribution::LogNormal:
            values.push_back(lognormal(random));
            break;
        case Distribution::Bimodal:
            values.push_back(std::max(0.5, coldStart(random) ? slow(random) : fast(random)));
            break;
        }
    }
    return values;
}

} // namespace

class TestDurationSketch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptySketchAnswersZero()
    {
        const DurationSketch sketch;
        QVERIFY(sketch.isEmpty());
        QCOMPARE(sketch.quantile(0.5), 0.0);
        QCOMPARE(sketch.count(), quint64(0));
    }

    void quantilesWithinOnePercentOfSortedReference_data()
    {
        QTest::addColumn<int>("distribution");
        QTest::newRow("uniform") << int(Distribution::Uniform);
        QTest::newRow("lognormal") << int(Distribution::LogNormal);
        QTest::newRow("bimodal") << int(Distribution::Bimodal);
    }
    void quantilesWithinOnePercentOfSortedReference()
    {
        QFETCH(int, distribution);
        const std::vector<double> values = generate(Distribution(distribution), 50'000, 7);
        DurationSketch sketch;
        for (double v : values)
            sketch.add(v);
        QCOMPARE(sketch.count(), quint64(values.size()));
        QCOMPARE(sketch.min(), *std::min_element(values.begin(), values.end()));
        QCOMPARE(sketch.max(), *std::max_element(values.begin(), values.end()));
        expectWithinBound(sketch, values);
    }

    void mergedSketchesKeepTheBound_data() { quantilesWithinOnePercentOfSortedReference_data(); }
    void mergedSketchesKeepTheBound()
    {
        QFETCH(int, distribution);
        // Three parts of different sizes and ranges, as buckets of three functions would be.
        std::vector<double> all;
        DurationSketch merged;
        for (unsigned part = 0; part < 3; ++part) {
            std::vector<double> values = generate(Distribution(distribution), 10'000 * int(part + 1), 11 + part);
            for (double &v : values)
                v *= double(part + 1);
            DurationSketch sketch;
            for (double v : values)
                sketch.add(v);
            merged.merge(sketch);
            all.insert(all.end(), values.begin(), values.end());
        }
        QCOMPARE(merged.count(), quint64(all.size()));
        expectWithinBound(merged, all);
    }

    void highQuantilesOfFewDurationsAreTheSlowest()
    {
        // Three activations, one slow: p90 and p99 are the slow one (nearest rank), not the middle.
        DurationSketch sketch;
        sketch.add(1.0);
        sketch.add(1.0);
        sketch.add(50.0);
        QVERIFY(std::abs(sketch.quantile(0.99) - 50.0) <= 0.5);
        QVERIFY(std::abs(sketch.quantile(0.9) - 50.0) <= 0.5);
        QVERIFY(std::abs(sketch.quantile(0.5) - 1.0) <= 0.01);
    }

    void mergeIntoEmptyAndWithZerosIsExactInCounts()
    {
        DurationSketch zeros;
        zeros.add(0.0, 5);
        DurationSketch values;
        values.add(10.0, 3);
        DurationSketch merged;
        merged.merge(zeros);
        merged.merge(values);
        QCOMPARE(merged.count(), quint64(8));
        QCOMPARE(merged.sum(), 30.0);
        QCOMPARE(merged.quantile(0.5), 0.0); // rank 3 of 0..7: a zero
        QVERIFY(std::abs(merged.quantile(0.9) - 10.0) <= 0.1);
    }

    void bucketArrayIsBoundedAndHighQuantilesKeepTheirBound()
    {
        DurationSketch sketch;
        // From 0.01 ms to 10^30 ms: far more than 2048 buckets of ratio 1.02.
        std::vector<double> values;
        for (double v = 0.01; v < 1e30; v *= 1.01)
            values.push_back(v);
        for (double v : values)
            sketch.add(v);
        QVERIFY(sketch.memoryBytes() <= qsizetype(sizeof(DurationSketch)) + DurationSketch::kMaxBuckets * 4 + 64);
        for (double q : {0.9, 0.99}) {
            const double exact = exactQuantile(values, q);
            QVERIFY(std::abs(sketch.quantile(q) - exact) / exact <= DurationSketch::kRelativeAccuracy);
        }
        QCOMPARE(sketch.count(), quint64(values.size()));
    }

    void snapshotRoundTripsAndRejectsTruncation()
    {
        DurationSketch sketch;
        for (double v : generate(Distribution::LogNormal, 1000, 3))
            sketch.add(v);
        QByteArray bytes;
        {
            QDataStream out(&bytes, QIODevice::WriteOnly);
            sketch.writeTo(out);
        }
        DurationSketch read;
        {
            QDataStream in(bytes);
            QVERIFY(read.readFrom(in));
        }
        QCOMPARE(read.count(), sketch.count());
        QCOMPARE(read.quantile(0.99), sketch.quantile(0.99));
        DurationSketch untouched;
        untouched.add(5.0);
        QDataStream truncated(bytes.left(bytes.size() / 2));
        QVERIFY(!untouched.readFrom(truncated));
        QCOMPARE(untouched.count(), quint64(1));
    }
};

QTEST_GUILESS_MAIN(TestDurationSketch)
#include "TestDurationSketch.moc"
