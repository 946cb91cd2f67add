// What the Test panel shows about a run, from the executor's activation record: status, the
// action's error message, cold or warm, the measured figures, cost and enforcement.

#include "models/testing/RunReport.h"

#include <QJsonDocument>
#include <QTest>

using namespace funcdesk;

namespace {

Activation executorRecord()
{
    Activation activation;
    activation.activationId = QStringLiteral("0123456789abcdef0123456789abcdef");
    activation.start = 1000;
    activation.end = 1250;
    activation.duration = 250;
    activation.logs = QStringList{QStringLiteral("2024-01-01T00:00:00.000Z stdout: hi")};
    activation.response = ActivationResponse();
    activation.response->setStatus(ActivationStatus::Success);
    activation.response->result = QJsonObject{{QStringLiteral("greeting"), QStringLiteral("Hello")}};
    // Shapes as executor/ActivationRecord.cpp writes them.
    activation.annotations = KeyValueList{
        {QStringLiteral("limits"),
         QJsonObject{{QStringLiteral("memory"), 512}, {QStringLiteral("timeout"), 60000}},
         {}},
        {QStringLiteral("initTime"), 42, {}},
        {QStringLiteral("startType"), QStringLiteral("cold"), {}},
        {QStringLiteral("cpuTime"), 12.345, {}},
        {QStringLiteral("peakMemory"), 25 * 1024 * 1024 + 512 * 1024, {}},
        {QStringLiteral("enforcement"),
         QJsonObject{{QStringLiteral("memory"), QStringLiteral("cgroup-v2")},
                     {QStringLiteral("cpu"), QStringLiteral("cgroup-v2")},
                     {QStringLiteral("processes"), QStringLiteral("cgroup-v2")},
                     {QStringLiteral("timeout"), QStringLiteral("process-group-kill")}},
         {}},
    };
    return activation;
}

} // namespace

class TestRunReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void successfulColdRunShowsEveryFigure()
    {
        const RunReport report = RunReport::fromActivation(RunReport::Target::Local, executorRecord(), CostModel());
        QVERIFY(report.finished());
        QVERIFY(report.success);
        QCOMPARE(report.status, QStringLiteral("success"));
        QVERIFY(report.errorMessage.isEmpty());
        QCOMPARE(report.resultText, QStringLiteral("{\n  \"greeting\": \"Hello\"\n}"));
        QCOMPARE(report.logs.size(), 1);
        QCOMPARE(report.durationText, QStringLiteral("250 ms"));
        QVERIFY(report.coldStart);
        QCOMPARE(report.initTimeMs, 42);
        QCOMPARE(report.startText, QStringLiteral("Cold start, init 42 ms"));
        QCOMPARE(report.memoryText, QStringLiteral("25.5 MB"));
        QCOMPARE(report.cpuText, QStringLiteral("12 ms"));
        // 512 MB x 250 ms = 0.125 GB-s: 0.0000020833375 + 0.0000002 per request.
        QCOMPARE(report.costText, QStringLiteral("$0.0000023"));
        QCOMPARE(report.costDetail, QStringLiteral("AWS Lambda (x86) pricing: 250 ms billed at 512 MB"));
        QCOMPARE(
            report.enforcementText,
            QStringLiteral("memory: cgroup-v2, CPU: cgroup-v2, processes: cgroup-v2, timeout: process-group-kill"));
        QVERIFY(report.enforcementNote.contains(QLatin1StringView("cgroups")));
    }

    void warmAndPrewarmedStarts()
    {
        Activation warm = executorRecord();
        warm.annotations->remove(QStringLiteral("initTime"));
        warm.annotations->set(QStringLiteral("startType"), QStringLiteral("warm"));
        RunReport report = RunReport::fromActivation(RunReport::Target::Local, warm, CostModel());
        QVERIFY(!report.coldStart);
        QCOMPARE(report.startText, QStringLiteral("Warm"));

        Activation prewarm = executorRecord();
        prewarm.annotations->set(QStringLiteral("startType"), QStringLiteral("prewarm"));
        report = RunReport::fromActivation(RunReport::Target::Local, prewarm, CostModel());
        QVERIFY(report.coldStart);
        QCOMPARE(report.startText, QStringLiteral("Cold start (pre-warmed process), init 42 ms"));

        // A stock OpenWhisk record has no startType: initTime alone means cold.
        Activation stock = executorRecord();
        stock.annotations->remove(QStringLiteral("startType"));
        stock.annotations->remove(QStringLiteral("enforcement"));
        stock.annotations->remove(QStringLiteral("peakMemory"));
        stock.annotations->remove(QStringLiteral("cpuTime"));
        report = RunReport::fromActivation(RunReport::Target::Platform, stock, CostModel());
        QVERIFY(report.coldStart);
        QCOMPARE(report.memoryText, QStringLiteral("\u2014"));
        QCOMPARE(report.enforcementText, QStringLiteral("not reported by the platform"));
    }

    void failedActionShowsItsStatusAndMessage()
    {
        Activation thrown = executorRecord();
        thrown.response->setStatus(ActivationStatus::DeveloperError);
        thrown.response->result =
            QJsonObject{{QStringLiteral("error"), QStringLiteral("An error has occurred: Error: boom")}};
        RunReport report = RunReport::fromActivation(RunReport::Target::Local, thrown, CostModel());
        QVERIFY(!report.success);
        QCOMPARE(report.status, QStringLiteral("action developer error"));
        QCOMPARE(report.errorMessage, QStringLiteral("An error has occurred: Error: boom"));

        Activation rejected = executorRecord();
        rejected.response->setStatus(ActivationStatus::ApplicationError);
        rejected.response->result = QJsonObject{
            {QStringLiteral("error"), QJsonObject{{QStringLiteral("name"), QStringLiteral("TypeError")},
                                                  {QStringLiteral("message"), QStringLiteral("x is undefined")}}}};
        report = RunReport::fromActivation(RunReport::Target::Local, rejected, CostModel());
        QCOMPARE(report.status, QStringLiteral("application error"));
        QCOMPARE(report.errorMessage, QStringLiteral("TypeError: x is undefined"));
    }

    void sandboxNetworkAndTmpUseComeFromTheRecord()
    {
        Activation sandboxed = executorRecord();
        QJsonObject enforcement = sandboxed.annotation(QStringLiteral("enforcement")).toObject();
        enforcement.insert(QStringLiteral("sandbox"), QStringLiteral("bubblewrap"));
        enforcement.insert(QStringLiteral("storage"), QStringLiteral("tmpfs"));
        enforcement.insert(QStringLiteral("network"), QStringLiteral("off"));
        sandboxed.annotations->set(QStringLiteral("enforcement"), enforcement);
        sandboxed.annotations->set(QStringLiteral("limits"),
                                   QJsonObject{{QStringLiteral("memory"), 512},
                                               {QStringLiteral("storage"), 1024},
                                               {QStringLiteral("network"), QStringLiteral("off")}});
        sandboxed.annotations->set(QStringLiteral("storageUsed"), 3 * 1024 * 1024 + 512 * 1024);
        RunReport report = RunReport::fromActivation(RunReport::Target::Local, sandboxed, CostModel());
        QCOMPARE(report.sandboxText, QStringLiteral("isolated (bubblewrap)"));
        QVERIFY(!report.sandboxWarning);
        QCOMPARE(report.networkText, QStringLiteral("off"));
        QCOMPARE(report.storageText, QStringLiteral("3.5 MB of 1024 MB"));
        QCOMPARE(report.storageUsedBytes, 3 * 1024 * 1024 + 512 * 1024);

        // A few kilobytes are not "0.0 MB"; an empty /tmp is 0.
        sandboxed.annotations->set(QStringLiteral("storageUsed"), 4096);
        QCOMPARE(RunReport::fromActivation(RunReport::Target::Local, sandboxed, CostModel()).storageText,
                 QStringLiteral("< 0.1 MB of 1024 MB"));
        sandboxed.annotations->set(QStringLiteral("storageUsed"), 0);
        QCOMPARE(RunReport::fromActivation(RunReport::Target::Local, sandboxed, CostModel()).storageText,
                 QStringLiteral("0 MB of 1024 MB"));
    }

    void anUnsandboxedRunIsAWarning()
    {
        Activation open = executorRecord();
        QJsonObject enforcement = open.annotation(QStringLiteral("enforcement")).toObject();
        enforcement.insert(QStringLiteral("sandbox"), QStringLiteral("none"));
        enforcement.insert(QStringLiteral("network"), QStringLiteral("host"));
        open.annotations->set(QStringLiteral("enforcement"), enforcement);
        const RunReport report = RunReport::fromActivation(RunReport::Target::Local, open, CostModel());
        QCOMPARE(report.sandboxText, QStringLiteral("not isolated"));
        QVERIFY(report.sandboxWarning);
        QVERIFY(report.sandboxNote.contains(QLatin1StringView("without a sandbox")));
        QCOMPARE(report.networkText, QStringLiteral("on (not isolated)"));
        QCOMPARE(report.storageText, QStringLiteral("\u2014")); // no storageUsed annotation

        // Network off asked for, but nothing could take it away: said so, not "off".
        enforcement.remove(QStringLiteral("network"));
        open.annotations->set(QStringLiteral("enforcement"), enforcement);
        open.annotations->set(QStringLiteral("limits"),
                              QJsonObject{{QStringLiteral("network"), QStringLiteral("off")}});
        QCOMPARE(RunReport::fromActivation(RunReport::Target::Local, open, CostModel()).networkText,
                 QStringLiteral("on (not isolated, although set to off)"));

        // A stock OpenWhisk says nothing about either: no warning, just unknown.
        const RunReport stock = RunReport::fromActivation(RunReport::Target::Platform, executorRecord(), CostModel());
        QVERIFY(!stock.sandboxWarning);
        QCOMPARE(stock.sandboxText, QStringLiteral("\u2014"));
        QCOMPARE(stock.networkText, QStringLiteral("\u2014"));
    }

    void runsWithoutARecordSayWhy()
    {
        const RunReport failed = RunReport::notStarted(RunReport::Target::Platform,
                                                       QStringLiteral("The requested resource does not exist."));
        QVERIFY(!failed.finished());
        QCOMPARE(failed.status, QStringLiteral("Could not run"));
        QCOMPARE(failed.errorMessage, QStringLiteral("The requested resource does not exist."));
        QCOMPARE(failed.costText, QStringLiteral("\u2014"));
        QCOMPARE(RunReport::cancelled(RunReport::Target::Local).status, QStringLiteral("Cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestRunReport)
#include "TestRunReport.moc"
