// ActionMetrics, the counters behind funcdeskd's GET /metrics, fed activation records as the
// executor writes them: OpenWhisk's user-events names, labels and buckets, exact text, the
// bound on series, the namespace filter, and recording from several threads at once.

#include "server/ActionMetrics.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace funcdesk;

namespace {

// A record as the executor makes one: path, kind, limits, waitTime, initTime (cold only).
Activation activation(const QString &path, qint64 durationMs, ActivationStatus status, qint64 initMs = 0,
                      qint64 waitMs = 0, const QString &kind = QStringLiteral("nodejs:20"), qint64 memoryMb = 256,
                      const QString &initiator = {})
{
    Activation record;
    record.activationId = QStringLiteral("0123456789abcdef0123456789abcdef");
    record.ns = initiator.isEmpty() ? path.section(QLatin1Char('/'), 0, 0) : initiator;
    record.name = path.section(QLatin1Char('/'), -1);
    record.duration = durationMs;
    ActivationResponse response;
    response.setStatus(status);
    record.response = response;
    KeyValueList annotations{
        {QStringLiteral("path"), path, {}},
        {QStringLiteral("kind"), kind, {}},
        {QStringLiteral("limits"), QJsonObject{{QStringLiteral("memory"), memoryMb}}, {}},
        {QStringLiteral("waitTime"), waitMs, {}},
    };
    if (initMs > 0)
        annotations.set(QStringLiteral("initTime"), initMs);
    record.annotations = annotations;
    return record;
}

// The sample lines (no comments) that start with `prefix`.
QList<QByteArray> samples(const QByteArray &text, const QByteArray &prefix)
{
    QList<QByteArray> found;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(prefix))
            found.append(line);
    }
    return found;
}

// The value of the one sample whose name and labels are exactly `series`, or -1.
double value(const QByteArray &text, const QByteArray &series)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(series + ' '))
            return line.mid(series.size() + 1).toDouble();
    }
    return -1;
}

const QByteArray kDemo = "namespace=\"demo\",initiator=\"demo\",action=\"apimgmt/createApiOne\"";

} // namespace

class TestActionMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneColdActivationIsWrittenAsOpenWhisksRecorderWritesIt()
    {
        // PrometheusRecorderTests' event: 1254 ms, wait 30 ms, init 433433 ms, developer error.
        ActionMetrics metrics;
        metrics.record(activation(QStringLiteral("demo/apimgmt/createApiOne"), 1254, ActivationStatus::DeveloperError,
                                  433433, 30));
        const QByteArray labels = '{' + kDemo;
        QByteArray expected = "# HELP funcdeskd_metrics_series_dropped_total Series of openwhisk_action_* metrics "
                              "replaced by newer ones past the server's bound of series (docs/server.md)\n"
                              "# TYPE funcdeskd_metrics_series_dropped_total counter\n"
                              "funcdeskd_metrics_series_dropped_total 0\n"
                              "# HELP openwhisk_action_activations_total Activation Count\n"
                              "# TYPE openwhisk_action_activations_total counter\n"
                              "openwhisk_action_activations_total" +
                              labels +
                              ",kind=\"nodejs:20\",memory=\"256\"} 1\n"
                              "# HELP openwhisk_action_coldStarts_total Cold start counts\n"
                              "# TYPE openwhisk_action_coldStarts_total counter\n"
                              "openwhisk_action_coldStarts_total" +
                              labels + "} 1\n";
        const auto histogram = [&](const char *name, const char *help, int firstFilled, const char *sum) {
            QByteArray text = QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " histogram\n";
            const char *les[] = {"0.005", "0.01", "0.025", "0.05", "0.075", "0.1",  "0.25", "0.5",
                                 "0.75",  "1.0",  "2.5",   "5.0",  "7.5",   "10.0", "+Inf"};
            for (int i = 0; i < 15; ++i)
                text += QByteArray(name) + "_bucket" + labels + ",le=\"" + les[i] + "\"} " +
                        (i >= firstFilled ? "1" : "0") + '\n';
            text += QByteArray(name) + "_count" + labels + "} 1\n";
            text += QByteArray(name) + "_sum" + labels + "} " + sum + '\n';
            return text;
        };
        expected +=
            histogram("openwhisk_action_duration_seconds", "Actual time the action code was running", 10, "1.254");
        expected += histogram("openwhisk_action_initTime_seconds",
                              "Time it took to initialize an action, e.g. docker init", 14, "433.433");
        expected += "# HELP openwhisk_action_memory Memory consumption of the action containers\n"
                    "# TYPE openwhisk_action_memory gauge\n"
                    "openwhisk_action_memory" +
                    labels +
                    "} 256\n"
                    "# HELP openwhisk_action_response_size_bytes Activation Response size\n"
                    "# TYPE openwhisk_action_response_size_bytes histogram\n";
        for (const char *le : {"0.0", "1048576.0", "2097152.0", "3145728.0", "4194304.0", "5242880.0", "6291456.0",
                               "7340032.0", "8388608.0", "9437184.0", "+Inf"})
            expected += "openwhisk_action_response_size_bytes_bucket" + labels + ",le=\"" + le + "\"} 0\n";
        expected += "openwhisk_action_response_size_bytes_count" + labels + "} 0\n";
        expected += "openwhisk_action_response_size_bytes_sum" + labels + "} 0\n";
        expected += "# HELP openwhisk_action_status Activation failure status type\n"
                    "# TYPE openwhisk_action_status counter\n";
        for (const char *status : {"action_developer_error", "application_error", "success", "whisk_internal_error"})
            expected += "openwhisk_action_status" + labels + ",status=\"" + status + "\"} " +
                        (qstrcmp(status, "action_developer_error") == 0 ? "1" : "0") + '\n';
        expected += "# HELP openwhisk_action_status_code status code returned in action result response set by "
                    "developer\n"
                    "# TYPE openwhisk_action_status_code counter\n";
        expected += histogram("openwhisk_action_waitTime_seconds", "Internal system hold time", 3, "0.030");
        QCOMPARE(metrics.render(), expected);
    }

    void bucketEdgesAreInclusiveAndTheCountsCumulative()
    {
        ActionMetrics metrics;
        for (const qint64 ms : {0, 5, 6, 10, 10000, 10001, 60000})
            metrics.record(activation(QStringLiteral("demo/edge"), ms, ActivationStatus::Success));
        const QByteArray text = metrics.render();
        const QByteArray prefix = "openwhisk_action_duration_seconds_bucket{namespace=\"demo\",initiator=\"demo\","
                                  "action=\"edge\",le=\"";
        QCOMPARE(value(text, prefix + "0.005\"}"), 2.0); // 0 and 5 ms: le is "less than or equal"
        QCOMPARE(value(text, prefix + "0.01\"}"), 4.0);
        QCOMPARE(value(text, prefix + "7.5\"}"), 4.0);
        QCOMPARE(value(text, prefix + "10.0\"}"), 5.0);
        QCOMPARE(value(text, prefix + "+Inf\"}"), 7.0);
        const QByteArray labels = "{namespace=\"demo\",initiator=\"demo\",action=\"edge\"}";
        QCOMPARE(value(text, "openwhisk_action_duration_seconds_count" + labels), 7.0);
        QCOMPARE(value(text, "openwhisk_action_duration_seconds_sum" + labels), 80.022);
        // Warm activations observe no init time and count no cold start.
        QCOMPARE(value(text, "openwhisk_action_coldStarts_total" + labels), 0.0);
        QCOMPARE(value(text, "openwhisk_action_initTime_seconds_count" + labels), 0.0);
    }

    void responseSizesAndUserStatusCodesAreCountedAsOpenWhiskCountsThem()
    {
        ActionMetrics metrics;
        Activation large = activation(QStringLiteral("demo/r"), 1, ActivationStatus::ApplicationError);
        large.response->size = 2000000;
        large.response->result =
            QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("statusCode"), 404}}}};
        metrics.record(large);
        Activation created = activation(QStringLiteral("demo/r"), 1, ActivationStatus::Success);
        created.response->size = 0;
        created.response->result = QJsonObject{{QStringLiteral("statusCode"), 201}};
        metrics.record(created);
        Activation odd = activation(QStringLiteral("demo/r"), 1, ActivationStatus::Success);
        odd.response->result = QJsonObject{{QStringLiteral("statusCode"), QStringLiteral("teapot")}};
        metrics.record(odd); // no size: not observed

        const QByteArray text = metrics.render();
        const QByteArray labels = "namespace=\"demo\",initiator=\"demo\",action=\"r\"";
        const QByteArray bucket = "openwhisk_action_response_size_bytes_bucket{" + labels + ",le=\"";
        QCOMPARE(value(text, bucket + "0.0\"}"), 1.0);
        QCOMPARE(value(text, bucket + "1048576.0\"}"), 1.0);
        QCOMPARE(value(text, bucket + "2097152.0\"}"), 2.0);
        QCOMPARE(value(text, bucket + "+Inf\"}"), 2.0);
        QCOMPARE(value(text, "openwhisk_action_response_size_bytes_count{" + labels + '}'), 2.0);
        QCOMPARE(value(text, "openwhisk_action_response_size_bytes_sum{" + labels + '}'), 2000000.0);
        const QByteArray code = "openwhisk_action_status_code{" + labels + ",status_code=\"";
        QCOMPARE(value(text, code + "201\"}"), 1.0);
        QCOMPARE(value(text, code + "404\"}"), 1.0);
        QCOMPARE(value(text, code + "400\"}"), 1.0); // not a number: OpenWhisk's Bad Request
        QCOMPARE(samples(text, "openwhisk_action_status_code{").size(), 3);
    }

    void labelValuesAreEscaped()
    {
        ActionMetrics metrics;
        metrics.record(
            activation(QStringLiteral("demo/odd"), 1, ActivationStatus::Success, 0, 0, QStringLiteral("a\\b\"c\nd")));
        const QByteArray text = metrics.render();
        QCOMPARE(samples(text, "openwhisk_action_activations_total{").size(), 1);
        QVERIFY2(text.contains("kind=\"a\\\\b\\\"c\\nd\""), text.constData());
    }

    void anInitiatorSeesOnlyTheSeriesItInvoked()
    {
        ActionMetrics metrics;
        metrics.record(activation(QStringLiteral("guest/mine"), 1, ActivationStatus::Success));
        metrics.record(activation(QStringLiteral("other/theirs"), 1, ActivationStatus::Success));
        // guest runs a published action of whisk.system: guest's series, recorded in guest.
        metrics.record(activation(QStringLiteral("whisk.system/utils/echo"), 1, ActivationStatus::Success, 0, 0,
                                  QStringLiteral("builtin"), 256, QStringLiteral("guest")));

        const QByteArray guest = metrics.render(QStringLiteral("guest"));
        const QList<QByteArray> lines = samples(guest, "openwhisk_action_activations_total{");
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith("openwhisk_action_activations_total{namespace=\"guest\",initiator=\"guest\""));
        QVERIFY(lines.at(1).startsWith(
            "openwhisk_action_activations_total{namespace=\"whisk.system\",initiator=\"guest\",action=\"utils/echo\""));
        QVERIFY(!guest.contains("namespace=\"other\""));
        QCOMPARE(samples(metrics.render(), "openwhisk_action_activations_total{").size(), 3);
        QCOMPARE(samples(metrics.render(QStringLiteral("nobody")), "openwhisk_action_").size(), 0);
    }

    void pastTheBoundTheLeastRecentlyUpdatedSeriesIsReplacedAndCounted()
    {
        ActionMetrics metrics(2);
        metrics.record(activation(QStringLiteral("demo/a"), 1, ActivationStatus::Success));
        metrics.record(activation(QStringLiteral("demo/b"), 1, ActivationStatus::Success));
        metrics.record(activation(QStringLiteral("demo/a"), 1, ActivationStatus::Success)); // a is newer than b now
        metrics.record(activation(QStringLiteral("demo/c"), 1, ActivationStatus::Success));
        QCOMPARE(metrics.seriesCount(), 2);
        QCOMPARE(metrics.droppedSeries(), quint64(1));
        const QByteArray text = metrics.render();
        QCOMPARE(value(text, "funcdeskd_metrics_series_dropped_total"), 1.0);
        const QByteArray total = "openwhisk_action_activations_total{namespace=\"demo\",initiator=\"demo\",action=\"";
        QCOMPARE(value(text, total + "a\",kind=\"nodejs:20\",memory=\"256\"}"), 2.0);
        QCOMPARE(value(text, total + "c\",kind=\"nodejs:20\",memory=\"256\"}"), 1.0);
        QVERIFY(!text.contains("action=\"b\""));
    }

    void anUpdatedActionKeepsOneSeriesPerActionOutsideActivationsTotal()
    {
        ActionMetrics metrics;
        metrics.record(activation(QStringLiteral("demo/f"), 1, ActivationStatus::Success, 100, 0,
                                  QStringLiteral("nodejs:20"), 256));
        metrics.record(activation(QStringLiteral("demo/f"), 1, ActivationStatus::ApplicationError, 200, 0,
                                  QStringLiteral("python:3"), 512));
        metrics.record(
            activation(QStringLiteral("demo/f"), 1, ActivationStatus::Success, 0, 0, QStringLiteral("nodejs:20"), 128));
        const QByteArray text = metrics.render();
        QCOMPARE(samples(text, "openwhisk_action_activations_total{").size(), 3);
        const QByteArray labels = "{namespace=\"demo\",initiator=\"demo\",action=\"f\"}";
        QCOMPARE(samples(text, "openwhisk_action_coldStarts_total{").size(), 1);
        QCOMPARE(value(text, "openwhisk_action_coldStarts_total" + labels), 2.0);
        QCOMPARE(value(text, "openwhisk_action_duration_seconds_count" + labels), 3.0);
        QCOMPARE(value(text, "openwhisk_action_memory" + labels), 128.0); // the last one it ran with
        QCOMPARE(
            value(text,
                  "openwhisk_action_status{namespace=\"demo\",initiator=\"demo\",action=\"f\",status=\"success\"}"),
            2.0);
    }

    void triggerActivationsAreNotActionActivations()
    {
        ActionMetrics metrics;
        Activation trigger;
        trigger.activationId = QStringLiteral("0123456789abcdef0123456789abcdef");
        trigger.ns = QStringLiteral("demo");
        trigger.name = QStringLiteral("tick");
        trigger.annotations = KeyValueList{{QStringLiteral("path"), QStringLiteral("demo/tick"), {}}};
        metrics.record(trigger);
        QCOMPARE(metrics.seriesCount(), 0);
    }

    void recordsFromManyThreadsAreAllCounted()
    {
        ActionMetrics metrics(8);
        constexpr int kThreads = 4;
        constexpr int kEach = 5000;
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&metrics, t] {
                const Activation record =
                    activation(QStringLiteral("demo/a%1").arg(t % 2), 3, ActivationStatus::Success, 0, 1);
                for (int i = 0; i < kEach; ++i) {
                    metrics.record(record);
                    if (i % 1000 == 0)
                        (void)metrics.render(); // scrapes while recording
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        const QByteArray text = metrics.render();
        const QByteArray total = "openwhisk_action_activations_total{namespace=\"demo\",initiator=\"demo\",action=\"";
        QCOMPARE(value(text, total + "a0\",kind=\"nodejs:20\",memory=\"256\"}"), double(2 * kEach));
        QCOMPARE(value(text, total + "a1\",kind=\"nodejs:20\",memory=\"256\"}"), double(2 * kEach));
    }
};

QTEST_GUILESS_MAIN(TestActionMetrics)
#include "TestActionMetrics.moc"
