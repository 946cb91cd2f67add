// Minimum instances: Executor::keepWarm keeps that many initialised processes of the exact action
// version ready, replaces them when they die or the version changes, and spares them the idle
// timeout.

#include "ExecutorFixture.h"
#include "ProcessProbe.h"

#include <QDir>
#include <QFile>

#include <csignal>
#include <unistd.h>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kCounter =
    QStringLiteral("let calls = 0;\nfunction main() { calls++; return {calls, pid: process.pid}; }");

// The live child processes of this test process: the executor's launchers (or their sandboxes).
QList<qint64> launcherPids()
{
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs);
    for (const QString &entry : entries) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields[1].toLongLong() == ::getpid() && fields[0] != "Z")
            pids.append(entry.toLongLong());
    }
    return pids;
}

} // namespace

class TestExecutorKeepWarm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keptCountIsHeldThroughKillsAndIdleTimeout()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        config.idleTimeoutMs = 200;
        Executor executor(config);
        const auto request = nodeAction(kCounter, QStringLiteral("kept"));
        QCOMPARE(executor.warmInstances(request.ns, request.name), 0);
        executor.keepWarm(request, 2);
        QTRY_COMPARE_WITH_TIMEOUT(executor.warmInstances(request.ns, request.name), 2, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(launcherPids().size(), 2, 5000);

        // Killed from outside: replaced by the maintenance thread.
        const qint64 victim = launcherPids().constFirst();
        QCOMPARE(::kill(static_cast<pid_t>(victim), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(processGone(victim), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(launcherPids().size() == 2 && !launcherPids().contains(victim), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(executor.warmInstances(request.ns, request.name), 2, 5000);

        // Far past the idle timeout (the maintenance thread reaps every second): still there.
        const QList<qint64> before = launcherPids();
        QTest::qWait(1500);
        QCOMPARE(launcherPids(), before);
        QCOMPARE(executor.warmInstances(request.ns, request.name), 2);
        INVOKE(executor, request, activation);
        QCOMPARE(activation.annotation(QStringLiteral("startType")).toString(), QStringLiteral("warm"));

        // Count 0: no longer kept, so the idle timeout takes them.
        executor.keepWarm(request, 0);
        QTRY_COMPARE_WITH_TIMEOUT(executor.warmInstances(request.ns, request.name), 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(launcherPids().size(), 0, 5000);
    }

    void aNewVersionReplacesTheKeptProcesses()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        Executor executor(config);
        auto request = nodeAction(kCounter, QStringLiteral("deployed"));
        executor.keepWarm(request, 2);
        QTRY_COMPARE_WITH_TIMEOUT(executor.warmInstances(request.ns, request.name), 2, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(launcherPids().size(), 2, 5000);
        const QList<qint64> old = launcherPids();

        request.version = QStringLiteral("0.0.2");
        request.exec.code = kCounter + QStringLiteral("\n// 0.0.2");
        executor.keepWarm(request, 2);
        for (const qint64 pid : old)
            QTRY_VERIFY2_WITH_TIMEOUT(processGone(pid), "the old version's kept processes retire", 5000);
        QTRY_COMPARE_WITH_TIMEOUT(executor.warmInstances(request.ns, request.name), 2, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(launcherPids().size(), 2, 5000);
        INVOKE(executor, request, activation);
        QCOMPARE(activation.annotation(QStringLiteral("startType")).toString(), QStringLiteral("warm"));
        QVERIFY(!old.contains(resultOf(activation).value(QStringLiteral("pid")).toInteger()));
    }

    void noColdStartUnderSteadyLoad()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 1;
        Executor executor(config);
        const auto request = pythonAction(
            QStringLiteral("import os\ndef main(args):\n    return {'pid': os.getpid()}\n"), QStringLiteral("steady"));
        executor.keepWarm(request, 2);
        QTRY_COMPARE_WITH_TIMEOUT(executor.warmInstances(request.ns, request.name), 2, 15000);
        QStringList startTypes;
        for (int call = 0; call < 50; ++call) {
            INVOKE(executor, request, activation);
            EXPECT_STATUS(activation, "success");
            startTypes.append(activation.annotation(QStringLiteral("startType")).toString());
        }
        QCOMPARE(startTypes.count(QStringLiteral("warm")), 50);
        QCOMPARE(executor.warmInstances(request.ns, request.name), 2);
    }

    void theCountIsBounded()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        config.systemLimits.minInstances.max = 3;
        Executor executor(config);
        const auto request = nodeAction(kCounter, QStringLiteral("many"));
        executor.keepWarm(request, 50);
        QTRY_COMPARE_WITH_TIMEOUT(executor.warmInstances(request.ns, request.name), 3, 15000);
        QTest::qWait(1200); // a maintenance round more: no fourth
        QCOMPARE(executor.warmInstances(request.ns, request.name), 3);
        QCOMPARE(launcherPids().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestExecutorKeepWarm)
#include "TestExecutorKeepWarm.moc"
