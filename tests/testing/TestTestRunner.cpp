// TestRunner against a real local platform and its executor: the editor's code runs locally,
// the deployed code on the platform, Compare lists the differences, a platform that stops
// waiting (202) still gets its activation, and cancelling stops waiting.

#include "executor/Executor.h"
#include "models/testing/TestRunner.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kDeployed =
    QStringLiteral("function main(params) { console.log('deployed run for ' + params.name);"
                   " return {greeting: 'Hello ' + params.name + params.mark, from: 'deployed'}; }");
const QString kEdited =
    QStringLiteral("function main(params) { console.log('edited run for ' + params.name);"
                   " return {greeting: 'Hello ' + params.name + params.mark, from: 'editor', extra: 1}; }");

} // namespace

class TestTestRunner : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFixture> local;

    Action deploy(const QString &name, const QString &code)
    {
        Action action;
        action.exec = Exec();
        action.exec->kind = QStringLiteral("nodejs:default");
        action.exec->code = code;
        action.parameters = KeyValueList{{QStringLiteral("mark"), QStringLiteral("!"), {}}};
        return take(local->platform->putAction(name, action, PutOptions{true, {}}));
    }

    // Starts a run and waits for its report. The spy comes first: a platform that answers at
    // once (a ready future) reports before the run call returns.
    template <typename Start> RunReport single(TestRunner &runner, Start start)
    {
        QSignalSpy finished(&runner, &TestRunner::runFinished);
        if (!start())
            qFatal("the run did not start");
        if (finished.isEmpty() && !finished.wait(60000))
            qFatal("no report");
        return finished.first().first().value<RunReport>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<RunReport>();
        qRegisterMetaType<CompareReport>();
        LocalConfig config;
        config.maxBlockingWaitMs = 700; // so a slow action makes the platform answer 202
        local = std::make_unique<LocalFixture>(config);
    }
    void cleanupTestCase() { local.reset(); }

    void localRunUsesTheGivenCodeAndTheDeployedDefaults()
    {
        const Action deployed = deploy(QStringLiteral("greet"), kDeployed);
        TestRunner runner;
        runner.setPlatform(local->platform.get());
        runner.setExecutor(&local->engine->executor());
        runner.setFunction(QStringLiteral("greet"), deployed);
        QSignalSpy running(&runner, &TestRunner::runningChanged);
        const RunReport report = single(runner, [&] {
            const bool started = runner.runLocally(kEdited, QString(), QStringLiteral("{\"name\": \"Ada\"}"));
            return started && runner.isRunning() && !runner.runOnPlatform(QStringLiteral("{}")); // one run at a time
        });
        QVERIFY2(report.success, qPrintable(report.status + report.errorMessage));
        QCOMPARE(report.target, RunReport::Target::Local);
        QVERIFY2(report.resultText.contains(QLatin1StringView("\"from\": \"editor\"")), qPrintable(report.resultText));
        QVERIFY(report.resultText.contains(QLatin1StringView("Hello Ada!"))); // default parameter merged
        QVERIFY(report.logs.join(QLatin1Char('\n')).contains(QLatin1StringView("edited run for Ada")));
        QVERIFY(report.costText.startsWith(QLatin1Char('$')));
        QVERIFY(report.enforcementText.contains(QLatin1StringView("memory: ")));
        QVERIFY(report.memoryText != QStringLiteral("\u2014"));
        QCOMPARE(running.size(), 2);
        // Nothing local is recorded on the platform.
        QCOMPARE(take(local->platform->countActivations({})), 0);
    }

    void platformRunUsesTheDeployedCode()
    {
        const Action deployed = deploy(QStringLiteral("greet"), kDeployed);
        TestRunner runner;
        runner.setPlatform(local->platform.get());
        runner.setFunction(QStringLiteral("greet"), deployed);
        QVERIFY(!runner.canRunLocally());
        const RunReport report =
            single(runner, [&] { return runner.runOnPlatform(QStringLiteral("{\"name\": \"Bo\"}")); });
        QVERIFY2(report.success, qPrintable(report.errorMessage));
        QVERIFY(report.resultText.contains(QLatin1StringView("\"from\": \"deployed\"")));
        QVERIFY(report.logs.join(QLatin1Char('\n')).contains(QLatin1StringView("deployed run for Bo")));
        QCOMPARE(report.activationId.size(), 32);
    }

    void compareListsWhatDiffers()
    {
        const Action deployed = deploy(QStringLiteral("greet"), kDeployed);
        TestRunner runner;
        runner.setPlatform(local->platform.get());
        runner.setExecutor(&local->engine->executor());
        runner.setFunction(QStringLiteral("greet"), deployed);
        QSignalSpy compared(&runner, &TestRunner::compareFinished);
        QVERIFY(runner.compare(kEdited, QString(), QStringLiteral("{\"name\": \"Cy\"}")));
        QVERIFY(compared.wait(60000));
        const CompareReport report = compared.first().first().value<CompareReport>();
        QVERIFY(report.local.success && report.platform.success);
        QCOMPARE(report.differenceTexts,
                 (QStringList{QStringLiteral("only locally: $.extra"), QStringLiteral("changed: $.from")}));
        QCOMPARE(report.localLines, (QList<int>{1, 2}));
        QCOMPARE(report.platformLines, QList<int>{1});
    }

    void invalidPayloadOrMissingExecutorDoesNotStart()
    {
        TestRunner runner;
        runner.setPlatform(local->platform.get());
        runner.setFunction(QStringLiteral("greet"), deploy(QStringLiteral("greet"), kDeployed));
        QSignalSpy finished(&runner, &TestRunner::runFinished);
        QVERIFY(runner.runOnPlatform(QStringLiteral("{\"name\": ")));
        QCOMPARE(finished.size(), 1);
        RunReport report = finished.takeFirst().first().value<RunReport>();
        QCOMPARE(report.outcome, RunReport::Outcome::NotStarted);
        QVERIFY(report.errorMessage.contains(QLatin1StringView("Line 1, column 10")));
        QVERIFY(runner.runLocally(kEdited, QString(), QStringLiteral("{}")));
        QCOMPARE(finished.size(), 1);
        report = finished.takeFirst().first().value<RunReport>();
        QCOMPARE(report.errorMessage, QStringLiteral("No local executor is available."));
        QVERIFY(!runner.isRunning());
    }

    void platformErrorsAreReportedWithTheServersMessage()
    {
        TestRunner runner;
        runner.setPlatform(local->platform.get());
        runner.setFunction(QStringLiteral("nowhere"), Action());
        const RunReport report = single(runner, [&] { return runner.runOnPlatform(QStringLiteral("{}")); });
        QCOMPARE(report.outcome, RunReport::Outcome::NotStarted);
        QVERIFY2(report.errorMessage.contains(QLatin1StringView("does not exist")), qPrintable(report.errorMessage));
    }

    void activationIsFetchedWhenThePlatformStopsWaiting()
    {
        const Action deployed = deploy(
            QStringLiteral("slow"),
            QStringLiteral("function main() { return new Promise(r => setTimeout(() => r({done: true}), 1500)); }"));
        TestRunner runner;
        runner.setPlatform(local->platform.get());
        runner.setFunction(QStringLiteral("slow"), deployed);
        QSignalSpy progress(&runner, &TestRunner::progress);
        const RunReport report = single(runner, [&] { return runner.runOnPlatform(QStringLiteral("{}")); });
        QVERIFY2(report.success, qPrintable(report.status + report.errorMessage));
        QVERIFY(report.resultText.contains(QLatin1StringView("\"done\": true")));
        bool saidSo = false;
        for (const QList<QVariant> &signal : std::as_const(progress))
            saidSo = saidSo || signal.first().toString().contains(QLatin1StringView("stopped waiting"));
        QVERIFY(saidSo);
    }

    void cancelStopsWaiting()
    {
        const Action deployed = deploy(
            QStringLiteral("slow"),
            QStringLiteral("function main() { return new Promise(r => setTimeout(() => r({done: true}), 1500)); }"));
        TestRunner runner;
        runner.setPlatform(local->platform.get());
        runner.setExecutor(&local->engine->executor());
        runner.setFunction(QStringLiteral("slow"), deployed);
        QSignalSpy finished(&runner, &TestRunner::runFinished);
        QVERIFY(runner.runLocally(deployed.exec->code.value(), QString(), QStringLiteral("{}")));
        runner.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().value<RunReport>().status, QStringLiteral("Cancelled"));
        QVERIFY(!runner.isRunning());
        QTest::qWait(2500); // the run's own end arrives later and is ignored
        QCOMPARE(finished.size(), 1);

        QSignalSpy compared(&runner, &TestRunner::compareFinished);
        QVERIFY(runner.compare(deployed.exec->code.value(), QString(), QStringLiteral("{}")));
        runner.cancel();
        QCOMPARE(compared.size(), 1);
        const CompareReport report = compared.first().first().value<CompareReport>();
        QCOMPARE(report.local.outcome, RunReport::Outcome::Cancelled);
        QCOMPARE(report.platform.outcome, RunReport::Outcome::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestTestRunner)
#include "TestTestRunner.moc"
