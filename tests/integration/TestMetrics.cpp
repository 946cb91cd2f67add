// GET /metrics on a real funcdeskd: opt-in with `serve --metrics`, Prometheus' text format under
// OpenWhisk's user-events names. Activations that succeed, fail in the action and time out are
// counted exactly, with OpenWhisk's status labels and consistent histograms; a namespace's key
// reads that namespace's series only, no key gets 401; without --metrics the path is unknown
// (404), and --metrics-public serves every namespace without a key.

#include "IntegrationFixture.h"
#include "RawHttp.h"

#include "TestSuites.h"

#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>

using namespace funcdesk;

namespace {
const QString kOther = QStringLiteral("other");
const QString kOk = QStringLiteral("function main(params) { return {ok: true}; }");
const QString kFails = QStringLiteral("function main(params) { return {error: 'refused'}; }");
const QString kSleeps = QStringLiteral(
    "function main(params) { return new Promise(resolve => setTimeout(() => resolve({late: true}), 5000)); }");

QByteArray basic(const QString &auth)
{
    return "Basic " + auth.toUtf8().toBase64();
}

// Sample lines ("name{labels} value") as name{labels} → value; comments left out.
QMap<QByteArray, double> parseSamples(const QByteArray &text)
{
    QMap<QByteArray, double> samples;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype space = line.lastIndexOf(' ');
        samples.insert(line.left(space), line.mid(space + 1).toDouble());
    }
    return samples;
}

QByteArray labelsOf(const QString &ns, const QString &action, const QString &initiator = {})
{
    return QStringLiteral("namespace=\"%1\",initiator=\"%2\",action=\"%3\"")
        .arg(ns, initiator.isEmpty() ? ns : initiator, action)
        .toUtf8();
}

// The sum of activations_total over the kinds and memory sizes of one action.
double activationsOf(const QMap<QByteArray, double> &samples, const QByteArray &labels)
{
    double total = 0;
    const QByteArray prefix = "openwhisk_action_activations_total{" + labels + ',';
    for (auto it = samples.begin(); it != samples.end(); ++it) {
        if (it.key().startsWith(prefix))
            total += it.value();
    }
    return total;
}

Action withLimits(Action action, qint64 memoryMb, qint64 timeoutMs)
{
    ActionLimits limits;
    limits.memoryMb = memoryMb;
    limits.timeoutMs = timeoutMs;
    action.limits = limits;
    return action;
}
} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture fixture{QStringList{QStringLiteral("--metrics"), QStringLiteral("--namespace"), kOther}};
    IntegrationFixture publicFixture{QStringList{QStringLiteral("--metrics"), QStringLiteral("--metrics-public"),
                                                 QStringLiteral("--namespace"), kOther}};
    IntegrationFixture withoutMetrics;

    HttpAnswer scrape(IntegrationFixture &server, const QByteArray &authorization = {},
                      const QByteArray &method = "GET")
    {
        return rawRequest(server.server().port(), authorization, method, QStringLiteral("/metrics"));
    }

    // Scrapes until `done(samples)` holds (activations are counted just after they are
    // recorded, so a scrape right after an invoke may not have them yet); the last samples.
    template <typename Done>
    QMap<QByteArray, double> scrapeUntil(IntegrationFixture &server, const QByteArray &authorization, Done done)
    {
        QMap<QByteArray, double> samples;
        QElapsedTimer clock;
        clock.start();
        do {
            samples = parseSamples(scrape(server, authorization).body);
            if (done(samples))
                break;
            QTest::qWait(50);
        } while (clock.elapsed() < 30000);
        return samples;
    }

    // For every histogram of `labels`: buckets cumulative, +Inf bucket = _count, _sum ≥ 0.
    static void verifyHistograms(const QMap<QByteArray, double> &samples, const QByteArray &labels)
    {
        for (const char *name : {"openwhisk_action_duration_seconds", "openwhisk_action_initTime_seconds",
                                 "openwhisk_action_waitTime_seconds"}) {
            const QByteArray bucketPrefix = QByteArray(name) + "_bucket{" + labels + ",le=\"";
            double previous = 0;
            int buckets = 0;
            for (const char *le : {"0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0",
                                   "2.5", "5.0", "7.5", "10.0", "+Inf"}) {
                const QByteArray key = bucketPrefix + le + "\"}";
                QVERIFY2(samples.contains(key), key.constData());
                QVERIFY2(samples.value(key) >= previous, key.constData());
                previous = samples.value(key);
                ++buckets;
            }
            QCOMPARE(buckets, 15);
            const QByteArray count = QByteArray(name) + "_count{" + labels + '}';
            QVERIFY2(samples.contains(count), count.constData());
            QCOMPARE(previous, samples.value(count));
            QVERIFY(samples.value(QByteArray(name) + "_sum{" + labels + '}', -1) >= 0);
        }
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(fixture.start(), qPrintable(fixture.errorText())); }

    void countsSuccessesApplicationErrorsAndTimeoutsExactly()
    {
        auto guest = fixture.connect();
        const QString ok = uniqueName("ok");
        const QString fails = uniqueName("fails");
        const QString sleeps = uniqueName("sleeps");
        VERIFY_OK(wait(guest->putAction(ok, withLimits(nodeAction(kOk), 128, 60000), PutOptions{})));
        VERIFY_OK(wait(guest->putAction(fails, withLimits(nodeAction(kFails), 256, 60000), PutOptions{})));
        VERIFY_OK(wait(guest->putAction(sleeps, withLimits(nodeAction(kSleeps), 256, 500), PutOptions{})));
        for (int i = 0; i < 3; ++i)
            VERIFY_OK(wait(guest->invokeAction(ok, {}, InvokeOptions{})));
        for (int i = 0; i < 2; ++i)
            (void)wait(guest->invokeAction(fails, {}, InvokeOptions{})); // an application error, 502
        (void)wait(guest->invokeAction(sleeps, {}, InvokeOptions{}));    // killed at 500 ms

        const QByteArray auth = basic(fixture.server().guestKey());
        const QByteArray okLabels = labelsOf(QStringLiteral("guest"), ok);
        const QByteArray failsLabels = labelsOf(QStringLiteral("guest"), fails);
        const QByteArray sleepsLabels = labelsOf(QStringLiteral("guest"), sleeps);
        const auto samples = scrapeUntil(fixture, auth, [&](const QMap<QByteArray, double> &s) {
            return activationsOf(s, okLabels) == 3 && activationsOf(s, failsLabels) == 2 &&
                   activationsOf(s, sleepsLabels) == 1;
        });
        QCOMPARE(activationsOf(samples, okLabels), 3.0);
        QCOMPARE(activationsOf(samples, failsLabels), 2.0);
        QCOMPARE(activationsOf(samples, sleepsLabels), 1.0);

        const auto status = [&](const QByteArray &labels, const char *value) {
            return samples.value("openwhisk_action_status{" + labels + ",status=\"" + value + "\"}", -1);
        };
        QCOMPARE(status(okLabels, "success"), 3.0);
        QCOMPARE(status(okLabels, "application_error"), 0.0);
        QCOMPARE(status(failsLabels, "application_error"), 2.0);
        QCOMPARE(status(failsLabels, "success"), 0.0);
        QCOMPARE(status(sleepsLabels, "action_developer_error"), 1.0); // OpenWhisk's status of a timeout
        QCOMPARE(status(sleepsLabels, "whisk_internal_error"), 0.0);

        QCOMPARE(samples.value("openwhisk_action_memory{" + okLabels + '}', -1), 128.0);
        QCOMPARE(samples.value("openwhisk_action_memory{" + failsLabels + '}', -1), 256.0);
        for (const QByteArray &labels : {okLabels, failsLabels, sleepsLabels}) {
            verifyHistograms(samples, labels);
            if (QTest::currentTestFailed())
                return;
            // Every activation is observed once in duration and wait time; cold ones in init time.
            QCOMPARE(samples.value("openwhisk_action_duration_seconds_count{" + labels + '}'),
                     activationsOf(samples, labels));
            QCOMPARE(samples.value("openwhisk_action_waitTime_seconds_count{" + labels + '}'),
                     activationsOf(samples, labels));
            QCOMPARE(samples.value("openwhisk_action_initTime_seconds_count{" + labels + '}'),
                     samples.value("openwhisk_action_coldStarts_total{" + labels + '}'));
        }
        QVERIFY(samples.value("openwhisk_action_coldStarts_total{" + okLabels + '}') >= 1); // the first run
        // The timed-out run lasted until its 500 ms limit: far past the 0.25 s bucket.
        QCOMPARE(samples.value("openwhisk_action_duration_seconds_bucket{" + sleepsLabels + ",le=\"0.25\"}"), 0.0);
        QVERIFY(samples.value("openwhisk_action_duration_seconds_sum{" + sleepsLabels + '}') >= 0.4);
    }

    void answersWithPrometheusContentTypeAndFamilies()
    {
        const HttpAnswer answer = scrape(fixture, basic(fixture.server().guestKey()));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.headers.value("content-type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QVERIFY(!answer.headers.contains("access-control-allow-origin"));
        for (const char *family :
             {"openwhisk_action_activations_total counter", "openwhisk_action_coldStarts_total counter",
              "openwhisk_action_waitTime_seconds histogram", "openwhisk_action_initTime_seconds histogram",
              "openwhisk_action_duration_seconds histogram", "openwhisk_action_status counter",
              "openwhisk_action_memory gauge", "funcdeskd_metrics_series_dropped_total counter"})
            QVERIFY2(answer.body.contains(QByteArray("# TYPE ") + family + '\n'), family);
        QCOMPARE(scrape(fixture, basic(fixture.server().guestKey()), "HEAD").status, 200);
        QCOMPARE(scrape(fixture, basic(fixture.server().guestKey()), "POST").status, 405);
    }

    void aNamespaceReadsOnlyItsOwnSeries()
    {
        auto other = fixture.connect(fixture.namespaceAuth(kOther));
        const QString name = uniqueName("theirs");
        VERIFY_OK(wait(other->putAction(name, nodeAction(kOk), PutOptions{})));
        VERIFY_OK(wait(other->invokeAction(name, {}, InvokeOptions{})));

        const QByteArray theirs = labelsOf(kOther, name);
        const auto otherSamples = scrapeUntil(fixture, basic(fixture.namespaceAuth(kOther)),
                                              [&](const auto &s) { return activationsOf(s, theirs) == 1; });
        QCOMPARE(activationsOf(otherSamples, theirs), 1.0);
        for (auto it = otherSamples.begin(); it != otherSamples.end(); ++it) {
            if (it.key().startsWith("openwhisk_"))
                QVERIFY2(it.key().contains("initiator=\"other\""), it.key().constData());
        }
        const QByteArray guestText = scrape(fixture, basic(fixture.server().guestKey())).body;
        QVERIFY(!guestText.contains(name.toUtf8()));
        QVERIFY(!guestText.contains("initiator=\"other\""));
    }

    void withoutCredentialsTheAnswerIs401()
    {
        const HttpAnswer none = scrape(fixture);
        QCOMPARE(none.status, 401);
        QVERIFY(!none.body.contains("openwhisk_action"));
        QCOMPARE(scrape(fixture, basic(QStringLiteral("nobody:wrong"))).status, 401);
    }

    void withoutTheFlagMetricsIsNotFound()
    {
        QVERIFY2(withoutMetrics.start(), qPrintable(withoutMetrics.errorText()));
        QCOMPARE(scrape(withoutMetrics, basic(withoutMetrics.server().guestKey())).status, 404);
        withoutMetrics.stop();
    }

    void publicMetricsServeEveryNamespaceWithoutCredentials()
    {
        QVERIFY2(publicFixture.start(), qPrintable(publicFixture.errorText()));
        auto guest = publicFixture.connect();
        auto other = publicFixture.connect(publicFixture.namespaceAuth(kOther));
        VERIFY_OK(wait(guest->putAction(QStringLiteral("mine"), nodeAction(kOk), PutOptions{})));
        VERIFY_OK(wait(other->putAction(QStringLiteral("theirs"), nodeAction(kOk), PutOptions{})));
        VERIFY_OK(wait(guest->invokeAction(QStringLiteral("mine"), {}, InvokeOptions{})));
        VERIFY_OK(wait(other->invokeAction(QStringLiteral("theirs"), {}, InvokeOptions{})));

        const QByteArray mine = labelsOf(QStringLiteral("guest"), QStringLiteral("mine"));
        const QByteArray theirs = labelsOf(kOther, QStringLiteral("theirs"));
        const auto samples = scrapeUntil(publicFixture, {}, [&](const auto &s) {
            return activationsOf(s, mine) == 1 && activationsOf(s, theirs) == 1;
        });
        QCOMPARE(activationsOf(samples, mine), 1.0);
        QCOMPARE(activationsOf(samples, theirs), 1.0);
        publicFixture.stop();
    }

    void metricsPublicAloneIsAUsageError()
    {
        QProcess serve;
        serve.start(funcdesk::test::FuncdeskdProcess::binary(),
                    {QStringLiteral("serve"), QStringLiteral("--metrics-public"), QStringLiteral("--port"),
                     QStringLiteral("0"), QStringLiteral("--data-dir"),
                     fixture.server().dataDir() + QStringLiteral("-unused")});
        QVERIFY(serve.waitForFinished(30000));
        QCOMPARE(serve.exitCode(), 2);
        QVERIFY(serve.readAllStandardError().contains("--metrics-public needs --metrics"));
    }
};

FUNCDESK_INTEGRATION_SUITE(TestMetrics)
#include "TestMetrics.moc"
