// The warm pool's bounds (issue 18, "Memory that has a bound"): older versions' idle processes
// retire when a newer version starts, and the idle processes' memory limits, summed, stay
// within the budget. Real launchers.

#include "ExecutorFixture.h"

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kHello = QStringLiteral("function main() { return {ok: true}; }");

InvocationRequest version(int n, const QString &name = QStringLiteral("updated"))
{
    InvocationRequest request = nodeAction(kHello + QStringLiteral("\n// version %1").arg(n), name);
    request.version = QStringLiteral("0.0.%1").arg(n);
    return request;
}

ExecutorConfig withoutStemCells()
{
    ExecutorConfig config;
    config.stemCellsPerRuntime = 0;
    return config;
}

} // namespace

class TestExecutorWarmBounds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tenUpdatesLeaveOneIdleProcessOfTheAction()
    {
        Executor executor(withoutStemCells());
        for (int n = 1; n <= 10; ++n) {
            INVOKE(executor, version(n), activation);
            EXPECT_STATUS(activation, "success");
        }
        QCOMPARE(executor.warmProcessCount(), 1);
        QCOMPARE(executor.warmInstances(QStringLiteral("guest"), QStringLiteral("updated")), 1);
    }

    void anUpdateLeavesOtherActionsAndTestRunsWarm()
    {
        Executor executor(withoutStemCells());
        INVOKE(executor, version(1, QStringLiteral("other")), other);
        InvocationRequest testRun = version(1);
        testRun.poolTag = QStringLiteral("test"); // the Test panel's runs keep their own processes
        INVOKE(executor, testRun, tested);
        INVOKE(executor, version(1), first);
        INVOKE(executor, version(2), second);
        QCOMPARE(executor.warmProcessCount(), 3); // other, the test run's, version 2
    }

    void aProcessOfAVersionReplacedWhileItRanIsNotKept()
    {
        Executor executor(withoutStemCells());
        InvocationRequest slow = version(1);
        slow.exec.code = QStringLiteral("function main() { return new Promise(r => setTimeout(() => r({}), 1500)); }");
        auto running = executor.invokeAsync(slow);
        INVOKE(executor, version(2), newer);
        running.waitForFinished();
        QVERIFY(running.result().ok());
        QCOMPARE(executor.warmProcessCount(), 1);
    }

    void idleProcessesStayWithinTheMemoryBudget()
    {
        ExecutorConfig config = withoutStemCells();
        config.warmMemoryMb = 600;
        Executor executor(config);
        for (int n = 0; n < 4; ++n) {
            InvocationRequest request = version(1, QStringLiteral("action%1").arg(n));
            request.limits.memoryMb = 256;
            INVOKE(executor, request, activation);
            EXPECT_STATUS(activation, "success");
            QVERIFY2(executor.warmProcessCount() * 256 <= 600,
                     qPrintable(QString::number(executor.warmProcessCount())));
        }
        QCOMPARE(executor.warmProcessCount(), 2);
        // The least recently used went: the last two actions are warm.
        QCOMPARE(executor.warmInstances(QStringLiteral("guest"), QStringLiteral("action3")), 1);
        QCOMPARE(executor.warmInstances(QStringLiteral("guest"), QStringLiteral("action2")), 1);
        QCOMPARE(executor.warmInstances(QStringLiteral("guest"), QStringLiteral("action0")), 0);
    }
};

QTEST_GUILESS_MAIN(TestExecutorWarmBounds)
#include "TestExecutorWarmBounds.moc"
