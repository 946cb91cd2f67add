// Issue 18, bounds of the executor:
// - a timeout is reported within 1 s of the limit whatever the function does: it ignores SIGTERM,
//   forks children that ignore it too and spin, and runs on a 0.125 vCPU quota;
// - two executors in one process never share cgroups: destroying one leaves the other's warm
//   launcher alive;
// - the shared pool's map of latest versions forgets actions that have no process any more.

#include "ExecutorFixture.h"

#include <QElapsedTimer>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

std::unique_ptr<Executor> makeExecutor(const QString &mode)
{
    ExecutorConfig config;
    config.stemCellsPerRuntime = 0;
    config.enforcement =
        mode == QLatin1String("fallback") ? ExecutorConfig::Enforcement::Fallback : ExecutorConfig::Enforcement::Auto;
    auto executor = std::make_unique<Executor>(config);
    if (mode == QLatin1String("cgroup") && executor->enforcementName() == QLatin1String("fallback"))
        return nullptr;
    return executor;
}

// Ignores SIGTERM, starts five children that ignore it too and spin, and spins itself.
const QString kStubborn =
    QStringLiteral("const { spawn } = require('child_process');\n"
                   "function main(p) {\n"
                   "  if (!p.stubborn) return {ready: true};\n"
                   "  process.on('SIGTERM', () => {});\n"
                   "  for (let i = 0; i < 5; i++)\n"
                   "    spawn('sh', ['-c', 'trap \"\" TERM; while :; do :; done'], {stdio: 'ignore'});\n"
                   "  while (true) {}\n"
                   "}");

// Counts its calls in a global: a launcher that lived on answers 2 on its second call.
const QString kCounter = QStringLiteral("let calls = 0; function main() { calls++; return {calls}; }");

} // namespace

class TestExecutorBounds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aTimeoutIsReportedWithinASecondOfTheLimit_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("cgroup") << QStringLiteral("cgroup");
        QTest::newRow("fallback") << QStringLiteral("fallback");
    }
    void aTimeoutIsReportedWithinASecondOfTheLimit()
    {
        QFETCH(QString, mode);
        auto executor = makeExecutor(mode);
        if (!executor)
            QSKIP("this machine does not let us create cgroups");
        auto request = nodeAction(kStubborn, QStringLiteral("stubborn"));
        request.limits.timeoutMs = 1000;
        request.limits.cpu = 0.125;
        INVOKE(*executor, request, warmUp); // initialised: what follows is the run alone
        EXPECT_STATUS(warmUp, "success");

        request.params = {{QStringLiteral("stubborn"), true}};
        QElapsedTimer timer;
        timer.start();
        INVOKE(*executor, request, timedOut);
        const qint64 tookMs = timer.elapsed();
        qInfo("%s: timeout of 1000 ms reported after %lld ms", qPrintable(mode), tookMs);
        EXPECT_STATUS(timedOut, "action developer error");
        QCOMPARE(errorOf(timedOut), QStringLiteral("The action exceeded its time limits of 1000 milliseconds."));
        QVERIFY2(tookMs < 2000, QByteArray::number(tookMs).constData());

        request.params = {};
        INVOKE(*executor, request, after); // a fresh process, not held up by the old tree
        EXPECT_STATUS(after, "success");
    }

    void destroyingOneExecutorLeavesTheOthersLaunchersAlive()
    {
        auto first = makeExecutor(QStringLiteral("cgroup"));
        auto second = makeExecutor(QStringLiteral("cgroup"));
        if (!first || !second)
            QSKIP("this machine does not let us create cgroups");
        const auto request = nodeAction(kCounter, QStringLiteral("counter"));
        INVOKE(*first, request, inFirst);
        EXPECT_STATUS(inFirst, "success");
        INVOKE(*second, request, once);
        QCOMPARE(resultOf(once).value(QStringLiteral("calls")).toInt(), 1);
        first.reset(); // removes its own groups, killing what is in them
        INVOKE(*second, request, twice);
        QCOMPARE(resultOf(twice).value(QStringLiteral("calls")).toInt(), 2); // the same launcher
        QCOMPARE(twice.annotation(QStringLiteral("startType")).toString(), QStringLiteral("warm"));
    }

    void sharedProcessesForgetActionsThatAreGone()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        config.idleTimeoutMs = 0; // reapIdleProcesses() stops every idle process
        config.systemLimits.concurrency.max = 10;
        Executor executor(config);
        if (executor.enforcementName() == QLatin1String("fallback"))
            QSKIP("shared processes need cgroups, which this machine does not let us create");
        for (int i = 0; i < 3; ++i) {
            auto request =
                nodeAction(QStringLiteral("function main() { return {}; }"), QStringLiteral("shared%1").arg(i));
            request.limits.concurrency = 4;
            INVOKE(executor, request, ran);
            EXPECT_STATUS(ran, "success");
        }
        executor.reapIdleProcesses(); // (the maintenance thread reaps them too, every second)
        QTRY_COMPARE_WITH_TIMEOUT(executor.warmProcessCount(), 0, 5000);
        // Before: one entry per action ever run, forever.
        QTRY_COMPARE_WITH_TIMEOUT(executor.sharedActionsRemembered(), 0, 5000);
    }

    void exclusiveProcessesForgetActionsThatAreGone()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        config.idleTimeoutMs = 0; // reapIdleProcesses() stops every idle process
        Executor executor(config);
        for (int i = 0; i < 3; ++i) {
            INVOKE(executor,
                   nodeAction(QStringLiteral("function main() { return {}; }"), QStringLiteral("own%1").arg(i)), ran);
            EXPECT_STATUS(ran, "success");
        }
        executor.reapIdleProcesses(); // (the maintenance thread reaps them too, every second)
        QTRY_COMPARE_WITH_TIMEOUT(executor.warmProcessCount(), 0, 5000);
        // Before: one entry per action ever run, forever (the latest version of each).
        QCOMPARE(executor.warmActionsRemembered(), 0);
    }
};

QTEST_GUILESS_MAIN(TestExecutorBounds)
#include "TestExecutorBounds.moc"
