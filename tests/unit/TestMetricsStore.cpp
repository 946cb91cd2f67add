#include "core/metrics/MetricsStore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>

#include <random>

using namespace funcdesk;

namespace {

qint64 ms(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

const qint64 kT0 = ms("2026-11-20T10:00:00Z");

QString hexId(qint64 n)
{
    return QStringLiteral("%1").arg(n, 32, 16, QLatin1Char('0'));
}

struct Spec
{
    qint64 id = 0;
    QString function = QStringLiteral("hello");
    qint64 startMs = kT0;
    qint64 durationMs = 100;
    ActivationStatus status = ActivationStatus::Success;
    bool cold = false;
    qint64 memoryMb = 256;
};

Activation record(const Spec &spec)
{
    Activation a;
    a.activationId = hexId(spec.id);
    a.ns = QStringLiteral("guest");
    a.name = spec.function.section(QLatin1Char('/'), -1);
    a.start = spec.startMs;
    a.end = spec.startMs + spec.durationMs;
    a.duration = spec.durationMs;
    ActivationResponse response;
    response.setStatus(spec.status);
    a.response = response;
    KeyValueList annotations{
        {QStringLiteral("path"), QStringLiteral("guest/") + spec.function, {}},
        {QStringLiteral("limits"), QJsonObject{{QStringLiteral("memory"), spec.memoryMb}}, {}},
        {QStringLiteral("waitTime"), 3, {}},
    };
    if (spec.cold)
        annotations.set(QStringLiteral("initTime"), 40);
    a.annotations = annotations;
    return a;
}

Activation fromJson(const char *text)
{
    auto parsed = Activation::fromJson(QJsonDocument::fromJson(QByteArray(text)).object());
    if (!parsed)
        qFatal("%s", qPrintable(parsed.error().message));
    return parsed.value();
}

// AWS Lambda x86's figures, written here so the tests do not depend on the shipped presets.
PriceList lambdaPrices()
{
    PriceList prices;
    prices.id = QStringLiteral("custom");
    prices.pricePerRequest = 0.20 / 1e6;
    prices.pricePerGbSecond = 0.0000166667;
    return prices;
}

SeriesQuery range(qint64 fromMs, qint64 toMs, int maxPoints = 600)
{
    SeriesQuery query;
    query.fromMs = fromMs;
    query.toMs = toMs;
    query.maxPoints = maxPoints;
    query.prices = lambdaPrices();
    return query;
}

QList<Activation> stream(int n, qint64 fromMs, qint64 spanMs, unsigned seed, qint64 firstId = 1)
{
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<qint64> at(0, spanMs - 1);
    std::uniform_int_distribution<qint64> duration(1, 3000);
    std::uniform_int_distribution<int> function(0, 4);
    std::uniform_int_distribution<int> status(0, 9);
    QList<Activation> list;
    for (int i = 0; i < n; ++i) {
        Spec spec;
        spec.id = firstId + i;
        const int f = function(random);
        spec.function = QStringLiteral("f%1").arg(f);
        spec.startMs = fromMs + at(random);
        spec.durationMs = duration(random);
        const int s = status(random);
        spec.status = s < 7 ? ActivationStatus::Success : ActivationStatus(s - 6);
        spec.cold = s == 0;
        spec.memoryMb = 128 << f % 3; // one configuration per function, as deployed
        list.append(record(spec));
    }
    return list;
}

bool near(double a, double b, double relative = 1e-9)
{
    return std::abs(a - b) <= relative * std::max(std::abs(a), std::abs(b)) + 1e-15;
}

} // namespace

class TestMetricsStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleFromFuncdeskLocalRecord()
    {
        const Activation a = fromJson(R"({"namespace":"guest","name":"resize","version":"0.0.1",
            "activationId":"0192abcdef0123456789abcdef012345","start":1764000000000,"end":1764000000250,
            "duration":250,"response":{"status":"success","statusCode":0,"success":true,"result":{}},
            "logs":[],"annotations":[{"key":"path","value":"guest/images/resize"},{"key":"kind","value":"nodejs:20"},
            {"key":"limits","value":{"memory":512,"timeout":60000,"logs":10,"concurrency":1,"cpu":0.5,"storage":1024}},
            {"key":"timeout","value":false},{"key":"waitTime","value":7},{"key":"initTime","value":120},
            {"key":"startType","value":"cold"},{"key":"cpuTime","value":12.345},{"key":"peakMemory","value":10485760}]})");
        const auto sample = ActivationSample::from(a);
        QVERIFY(sample);
        QCOMPARE(sample->id[0], quint8(0x01));
        QCOMPARE(sample->id[15], quint8(0x45));
        QCOMPARE(sample->startMs, 1764000000000);
        QCOMPARE(sample->durationMs, 250u);
        QCOMPARE(sample->outcome, SampleOutcome::Success);
        QVERIFY(sample->cold);
        QCOMPARE(sample->initMs, 120u);
        QCOMPARE(sample->waitMs, 7u);
        QCOMPARE(sample->cpuMicros, 12345u);
        QCOMPARE(sample->peakMemoryKb, 10240u);
        QCOMPARE(sample->memoryMb, quint16(512));
        QCOMPARE(sample->cpuMilli, quint16(500));
        QCOMPARE(sample->diskMb, quint16(1024));
        QCOMPARE(ActivationSample::functionNameOf(a), QStringLiteral("images/resize"));
    }

    void sampleFromOpenWhiskRecordWithoutAnnotations()
    {
        const Activation a = fromJson(R"({"namespace":"guest","name":"hello",
            "activationId":"ABCDEF0123456789ABCDEF0123456789","start":1000,"end":1300,"duration":300,
            "response":{"status":"application error","success":false,"result":{"error":"no"}}})");
        const auto sample = ActivationSample::from(a);
        QVERIFY(sample);
        QCOMPARE(sample->id[0], quint8(0xab));
        QCOMPARE(sample->outcome, SampleOutcome::ApplicationError);
        QVERIFY(!sample->cold);
        QCOMPARE(sample->memoryMb, quint16(256)); // OpenWhisk's default, as CostModel assumes
        QCOMPARE(sample->peakMemoryKb, 0u);
        QCOMPARE(ActivationSample::functionNameOf(a), QStringLiteral("hello"));
    }

    void triggerActivationsAreNotInvocations()
    {
        // A fired trigger's record, as RuleBook writes it (and OpenWhisk): it ends at 0.
        const Activation trigger = fromJson(R"({"namespace":"guest","name":"every-10s",
            "activationId":"00000000000000000000000000000abc","start":1000,"end":0,
            "response":{"status":"success","success":true,"result":{}},
            "annotations":[{"key":"path","value":"guest/every-10s"}]})");
        QVERIFY(!ActivationSample::from(trigger));
        // The same without annotations (a remote summary): still not an invocation.
        const Activation summary = fromJson(R"({"namespace":"guest","name":"every-10s",
            "activationId":"00000000000000000000000000000abd","start":1000,"end":0,"statusCode":0})");
        QVERIFY(!ActivationSample::from(summary));
        MetricsStore store;
        QCOMPARE(store.ingest(QList<Activation>{trigger, summary}), qsizetype(0));
    }

    void timeoutsCountAsTimeoutNotDeveloperError()
    {
        const Activation byText = fromJson(R"({"name":"slow","activationId":"00000000000000000000000000000001",
            "start":1000,"duration":500,"response":{"status":"action developer error","success":false,
            "result":{"error":"The action exceeded its time limits of 500 milliseconds."}}})");
        QCOMPARE(ActivationSample::from(byText)->outcome, SampleOutcome::Timeout);
        const Activation byAnnotation = fromJson(R"({"name":"slow","activationId":"00000000000000000000000000000002",
            "start":1000,"duration":500,"response":{"status":"action developer error","success":false,"result":{}},
            "annotations":[{"key":"timeout","value":true}]})");
        QCOMPARE(ActivationSample::from(byAnnotation)->outcome, SampleOutcome::Timeout);
        const Activation otherError = fromJson(R"({"name":"bad","activationId":"00000000000000000000000000000003",
            "start":1000,"duration":5,"response":{"status":"action developer error","success":false,
            "result":{"error":"The action did not return a dictionary."}}})");
        QCOMPARE(ActivationSample::from(otherError)->outcome, SampleOutcome::DeveloperError);
    }

    void summaryWithoutDurationUsesEndMinusStartAndStatusCode()
    {
        const Activation summary = fromJson(R"({"namespace":"guest","name":"hello","version":"0.0.1",
            "activationId":"00000000000000000000000000000004","start":5000,"end":5420,"statusCode":2,
            "annotations":[{"key":"path","value":"guest/hello"}]})");
        const auto sample = ActivationSample::from(summary);
        QVERIFY(sample);
        QCOMPARE(sample->durationMs, 420u);
        QCOMPARE(sample->outcome, SampleOutcome::DeveloperError);
    }

    void recordsWithoutStartOrWithBadIdAreRejected()
    {
        Activation a = record({});
        QVERIFY(ActivationSample::from(a));
        a.start.reset();
        QVERIFY(!ActivationSample::from(a));
        a = record({});
        a.activationId = QStringLiteral("not-an-id");
        QVERIFY(!ActivationSample::from(a));
        a.activationId = QStringLiteral("0000000000000000000000000000000g");
        QVERIFY(!ActivationSample::from(a));
        MetricsStore store;
        QCOMPARE(store.ingest({a}), 0);
    }

    void countsAreExact()
    {
        MetricsStore store;
        const QList<Activation> activations = stream(5000, kT0, 3'600'000, 1);
        QCOMPARE(store.ingest(activations), 5000);
        QCOMPARE(store.sampleCount(), 5000);
        std::array<qint64, 5> outcomes{};
        qint64 cold = 0;
        QHash<QString, qint64> perFunction;
        for (const Activation &a : activations) {
            const auto s = ActivationSample::from(a);
            ++outcomes[size_t(s->outcome)];
            cold += s->cold;
            ++perFunction[ActivationSample::functionNameOf(a)];
        }
        const MetricsSeries series = store.query(range(kT0, kT0 + 3'600'000));
        QCOMPARE(series.total.invocations, 5000);
        QCOMPARE(series.total.byOutcome, outcomes);
        QCOMPARE(series.total.coldStarts, cold);
        QCOMPARE(series.total.durations.count(), quint64(5000));
        QCOMPARE(series.functions.size(), perFunction.size());
        for (int i = 0; i < series.functions.size(); ++i) {
            QCOMPARE(series.functions[i].invocations, perFunction.value(series.functions[i].name));
            if (i > 0)
                QVERIFY(series.functions[i - 1].cost >= series.functions[i].cost);
        }
        QCOMPARE(series.oldestMs, store.oldestMs());
    }

    void stepIsTheSmallestThatFitsAndBoundariesGoToTheLaterBucket()
    {
        MetricsStore store;
        store.ingest({record({1, QStringLiteral("a"), kT0 + 59'999}), record({2, QStringLiteral("a"), kT0 + 60'000}),
                      record({3, QStringLiteral("a"), kT0 + 3'600'000})});
        const MetricsSeries series = store.query(range(kT0, kT0 + 3'600'000, 60));
        QCOMPARE(series.stepMs, 60'000);
        QCOMPARE(series.buckets.size(), 60);
        QCOMPARE(series.buckets[0].invocations, 1);
        QCOMPARE(series.buckets[1].invocations, 1);
        QCOMPARE(series.buckets[1].startMs, kT0 + 60'000);
        QCOMPARE(series.total.invocations, 2); // toMs is excluded
        QCOMPARE(store.query(range(kT0, kT0 + 3'600'000, 59)).stepMs, 5 * 60'000);
        QCOMPARE(store.query(range(kT0, kT0 + 600'000, 600)).stepMs, 1000);
        QCOMPARE(store.query(range(kT0, kT0 + 30 * 86'400'000LL, 600)).stepMs, 3 * 3'600'000);
    }

    void resolutionsRollUpToEqualSums()
    {
        MetricsStore store;
        store.ingest(stream(3000, kT0, 2 * 3'600'000, 2));
        const MetricsSeries seconds = store.query(range(kT0, kT0 + 2 * 3'600'000, 7200));
        const MetricsSeries minutes = store.query(range(kT0, kT0 + 2 * 3'600'000, 120));
        const MetricsSeries hours = store.query(range(kT0, kT0 + 2 * 3'600'000, 2));
        QCOMPARE(seconds.stepMs, resolutionMs(Resolution::Second));
        QCOMPARE(minutes.stepMs, resolutionMs(Resolution::Minute));
        QCOMPARE(hours.stepMs, resolutionMs(Resolution::Hour));
        for (int m = 0; m < 120; ++m) {
            qint64 invocations = 0;
            qint64 errors = 0;
            double cost = 0;
            for (int s = 0; s < 60; ++s) {
                invocations += seconds.buckets[m * 60 + s].invocations;
                errors += seconds.buckets[m * 60 + s].errors();
                cost += seconds.buckets[m * 60 + s].cost;
            }
            QCOMPARE(minutes.buckets[m].invocations, invocations);
            QCOMPARE(minutes.buckets[m].errors(), errors);
            QVERIFY(near(minutes.buckets[m].cost, cost));
        }
        QCOMPARE(hours.buckets[0].invocations + hours.buckets[1].invocations, 3000);
        QCOMPARE(hours.total.byOutcome, seconds.total.byOutcome);
        QVERIFY(near(hours.total.cost, seconds.total.cost));
        QCOMPARE(hours.total.durations.quantile(0.99), seconds.total.durations.quantile(0.99));
    }

    void concurrencyCountsActivationsInFlight()
    {
        MetricsStore store;
        // Before the range and still running at its start; a, b and d overlap; c starts as b ends.
        store.ingest({record({1, QStringLiteral("x"), kT0 - 500, 1450}), record({2, QStringLiteral("x"), kT0, 1000}),
                      record({3, QStringLiteral("x"), kT0 + 500, 1000}),
                      record({4, QStringLiteral("x"), kT0 + 1500, 500}),
                      record({5, QStringLiteral("y"), kT0 + 900, 1600})});
        const MetricsSeries series = store.query(range(kT0, kT0 + 4000, 4));
        QCOMPARE(series.stepMs, 1000);
        QCOMPARE(series.buckets[0].concurrencyMax, 4); // 1 (until 950), 2, 3 and 5 at 900 ms
        QCOMPARE(series.buckets[1].concurrencyMax, 2); // 3 and 5 carried in; 4 starts as 3 ends
        QCOMPARE(series.buckets[2].concurrencyMax, 1); // 5 until 2500
        QCOMPARE(series.buckets[3].concurrencyMax, 0);
        QCOMPARE(series.total.concurrencyMax, 4);
        SeriesQuery onlyX = range(kT0, kT0 + 4000, 4);
        onlyX.function = QStringLiteral("x");
        QCOMPARE(store.query(onlyX).buckets[0].concurrencyMax, 3);
    }

    void ingestingTheSameRecordsAgainCountsThemOnce()
    {
        MetricsStore store;
        const QList<Activation> first = stream(1000, kT0, 3'600'000, 3, 1);
        const QList<Activation> second = stream(1000, kT0, 3'600'000, 4, 501); // ids 501..1500
        QCOMPARE(store.ingest(first), 1000);
        QCOMPARE(store.ingest(first), 0);
        // Overlap: ids 501..1000 again, with the same records.
        QList<Activation> overlapping = first.mid(500);
        overlapping += second.mid(500);
        QCOMPARE(store.ingest(overlapping), 500);
        QCOMPARE(store.sampleCount(), 1500);
        QVERIFY(store.contains(ActivationSample::from(first[0])->id));
        MetricsStore restored;
        QVERIFY(restored.load(store.save()));
        QCOMPARE(restored.ingest(first + second.mid(500)), 0);
        QCOMPARE(restored.query(range(kT0, kT0 + 3'600'000)).total.invocations, 1500);
    }

    void outOfOrderArrivalsAreSortedIn()
    {
        MetricsStore store;
        store.ingest({record({1, QStringLiteral("a"), kT0 + 5000})});
        store.ingest({record({2, QStringLiteral("a"), kT0 + 1000}), record({3, QStringLiteral("a"), kT0 + 9000})});
        store.ingest({record({4, QStringLiteral("a"), kT0 + 3000})});
        const MetricsSeries series = store.query(range(kT0, kT0 + 10'000, 10));
        for (int i : {1, 3, 5, 9})
            QCOMPARE(series.buckets[i].invocations, 1);
        QCOMPARE(series.total.invocations, 4);
        QCOMPARE(store.oldestMs(), kT0 + 1000);
        QCOMPARE(store.newestMs(), kT0 + 9000);
    }

    void boundsFoldOldestSamplesIntoHourlyRollUps()
    {
        MetricsStore::Bounds bounds;
        bounds.maxSamples = 1000;
        bounds.detailDays = 2;
        bounds.retentionDays = 4;
        MetricsStore store(bounds);
        // 1500 samples over one hour: the oldest past 1000 fold into roll-ups.
        const QList<Activation> hour = stream(1500, kT0, 3'600'000, 5);
        store.ingest(hour);
        QVERIFY(store.sampleCount() <= 1000);
        QVERIFY(store.sampleCount() >= 1000 - 1000 / 64);
        const MetricsSeries all = store.query(range(kT0, kT0 + 3'600'000, 1));
        QCOMPARE(all.total.invocations, 1500);
        MetricsStore unbounded;
        unbounded.ingest(hour);
        const MetricsSeries exact = unbounded.query(range(kT0, kT0 + 3'600'000, 1));
        QCOMPARE(all.total.byOutcome, exact.total.byOutcome);
        // Rolled-up cost comes from the durations sketch: within its 1 %.
        QVERIFY(near(all.total.cost, exact.total.cost, 0.01));

        // Three days later: the first hour is beyond detailDays (only roll-ups), still counted.
        store.ingest({record({9001, QStringLiteral("a"), kT0 + 3 * 86'400'000LL})});
        QCOMPARE(store.sampleCount(), 1);
        QCOMPARE(store.oldestMs(), kT0);
        QCOMPARE(store.query(range(kT0, kT0 + 3'600'000, 1)).total.invocations, 1500);
        // A record from the rolled-up range arriving again is not counted twice.
        QCOMPARE(store.ingest(hour.mid(0, 10)), 0);
        // Five days later: the first hour is past retentionDays and gone.
        store.ingest({record({9002, QStringLiteral("a"), kT0 + 5 * 86'400'000LL})});
        QCOMPARE(store.query(range(kT0, kT0 + 3'600'000, 1)).total.invocations, 0);
        QCOMPARE(store.oldestMs(), kT0 + 3 * 86'400'000LL - (kT0 + 3 * 86'400'000LL) % 3'600'000);
    }

    void anotherPriceListRepricesTheSameHistory()
    {
        MetricsStore store;
        store.ingest(stream(2000, kT0, 3'600'000, 6));
        SeriesQuery query = range(kT0, kT0 + 3'600'000);
        const MetricsSeries base = store.query(query);
        query.prices.pricePerRequest *= 3;
        query.prices.pricePerGbSecond *= 3;
        const MetricsSeries tripled = store.query(query);
        QVERIFY(base.total.cost > 0);
        QVERIFY(near(tripled.total.cost, 3 * base.total.cost));
        QVERIFY(near(tripled.functions[0].cost, 3 * base.functions[0].cost));
        QVERIFY(near(tripled.month.toDate, 3 * base.month.toDate));
        // Only requests priced: the cost is the count of requests times the price.
        query.prices.pricePerGbSecond = 0;
        QVERIFY(near(store.query(query).total.cost, 2000 * query.prices.pricePerRequest));
    }

    void monthCostProjectsTheRateToMonthEnd()
    {
        MetricsStore store;
        const qint64 november = ms("2026-11-01T00:00:00Z");
        // Ten days of November (30 days), queried over its last day only: the month still counts all.
        QCOMPARE(store.ingest(stream(3000, november, 10 * 86'400'000LL, 7)), 3000);
        store.ingest({record({99999, QStringLiteral("f0"), november - 1000})}); // October: not in the month
        SeriesQuery query = range(november + 9 * 86'400'000LL, november + 10 * 86'400'000LL);
        MetricsSeries series = store.query(query);
        QCOMPARE(series.month.month, QDate(2026, 11, 1));
        QCOMPARE(series.month.usageToDate.requests, 3000.0);
        QVERIFY(near(series.month.toDate, store.query(range(november, november + 10 * 86'400'000LL)).total.cost));
        QVERIFY(near(series.month.projected, 3 * series.month.toDate));
        // With a free tier of 2,000 requests and no GB-s price: 1,000 billed so far, and of the
        // projected 9,000, 7,000.
        query.prices.pricePerGbSecond = 0;
        query.prices.freeTier.requests = 2000;
        series = store.query(query);
        QVERIFY(near(series.month.toDate, 1000 * query.prices.pricePerRequest));
        QVERIFY(near(series.month.projected, 7000 * query.prices.pricePerRequest));
    }

    void costSeriesHasTopFunctionsThenOther()
    {
        MetricsStore store;
        store.ingest(stream(2000, kT0, 3'600'000, 8));
        SeriesQuery query = range(kT0, kT0 + 3'600'000, 60);
        query.costBreakdownTop = 2;
        const MetricsSeries series = store.query(query);
        QCOMPARE(series.costSeriesNames.size(), 3);
        QCOMPARE(series.costSeriesNames[0], series.functions[0].name);
        QCOMPARE(series.costSeriesNames[2], QString());
        double layers = 0;
        for (const QList<double> &layer : series.costSeries) {
            QCOMPARE(layer.size(), series.buckets.size());
            for (double c : layer)
                layers += c;
        }
        QVERIFY(near(layers, series.total.cost));
        qint64 histogram = 0;
        for (const HistogramBin &bin : series.durationHistogram)
            histogram += bin.count;
        QCOMPARE(series.durationHistogram.size(), 40);
        QCOMPARE(histogram, 2000);
        query.function = QStringLiteral("f1");
        const MetricsSeries one = store.query(query);
        QCOMPARE(one.functions.size(), 1);
        QCOMPARE(one.total.invocations, one.functions[0].invocations);
        query.function = QStringLiteral("nobody");
        QCOMPARE(store.query(query).total.invocations, 0);
    }

    void snapshotRoundTripsAndDamageIsRejected()
    {
        MetricsStore::Bounds bounds;
        bounds.maxSamples = 500;
        MetricsStore store(bounds);
        store.ingest(stream(800, kT0, 3'600'000, 9)); // roll-ups too
        const QByteArray snapshot = store.save();
        MetricsStore restored;
        QVERIFY(restored.load(snapshot));
        QCOMPARE(restored.sampleCount(), store.sampleCount());
        QCOMPARE(restored.functions(), store.functions());
        const MetricsSeries a = store.query(range(kT0, kT0 + 3'600'000, 60));
        const MetricsSeries b = restored.query(range(kT0, kT0 + 3'600'000, 60));
        QCOMPARE(b.total.invocations, 800);
        QCOMPARE(b.total.byOutcome, a.total.byOutcome);
        QCOMPARE(b.total.cost, a.total.cost);

        QByteArray flipped = snapshot;
        flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x10);
        QByteArray otherVersion = snapshot;
        otherVersion[7] = char(otherVersion[7] + 1);
        for (const QByteArray &damaged :
             {snapshot.left(snapshot.size() - 1), flipped, otherVersion, QByteArray(), QByteArray("FDMS\0\0\0\1", 8)}) {
            QVERIFY(!restored.load(damaged));
            QCOMPARE(restored.sampleCount(), store.sampleCount());
            QCOMPARE(restored.query(range(kT0, kT0 + 3'600'000, 60)).total.invocations, 800);
        }
    }

    void keepsAtMost64BytesPerActivation()
    {
        MetricsStore store;
        // Ten days of live-like arrivals in batches of 100.
        const QList<Activation> activations = stream(50'000, kT0, 10 * 86'400'000LL, 10);
        for (qsizetype i = 0; i < activations.size(); i += 100)
            store.ingest(activations.mid(i, 100));
        QCOMPARE(store.sampleCount(), 50'000);
        QVERIFY2(store.memoryBytes() <= 64 * store.sampleCount(),
                 qPrintable(QString::number(double(store.memoryBytes()) / double(store.sampleCount()))));
    }
};

QTEST_GUILESS_MAIN(TestMetricsStore)
#include "TestMetricsStore.moc"
