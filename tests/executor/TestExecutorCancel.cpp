// Cancellation: Executor::cancel() ends a running activation at once (its whole process tree is
// killed), records it as cancelled, and the next call starts clean; shutdown() does the same for
// every running activation instead of waiting for their timeouts.

#include "ExecutorFixture.h"
#include "ProcessProbe.h"

#include "core/ActivationId.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QThread>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kSpin = QStringLiteral("function main(p) { while (p.loop) {} return {done: true}; }");

std::unique_ptr<Executor> makeExecutor()
{
    ExecutorConfig config;
    config.stemCellsPerRuntime = 0;
    return std::make_unique<Executor>(config);
}

qsizetype ourProcesses()
{
    return descendantsOf(QCoreApplication::applicationPid()).size();
}

// Waits until the executor's launcher runs, and a little more: the function is in its loop.
bool running()
{
    QElapsedTimer waited;
    waited.start();
    while (ourProcesses() == 0 && waited.elapsed() < 20000)
        QThread::msleep(10);
    QThread::msleep(300);
    return ourProcesses() > 0;
}

} // namespace

class TestExecutorCancel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cancelKillsTheTreeAtOnceAndTheNextCallStartsClean()
    {
        auto executor = makeExecutor();
        auto request = nodeAction(kSpin, QStringLiteral("spin"));
        request.params = {{QStringLiteral("loop"), true}};
        request.activationId = newActivationId();
        auto future = executor->invokeAsync(request);
        QVERIFY(running());
        QCOMPARE(executor->runningCount(), 1);

        QElapsedTimer sinceCancel;
        sinceCancel.start();
        executor->cancel(request.activationId);
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(ourProcesses(), 0, 5000);
        QVERIFY2(sinceCancel.elapsed() < 1000, qPrintable(QString::number(sinceCancel.elapsed())));
        const auto cancelled = future.result();
        QVERIFY(cancelled.ok());
        EXPECT_STATUS(cancelled.value(), "action developer error");
        QCOMPARE(errorOf(cancelled.value()), QStringLiteral("Cancelled by the user."));
        QCOMPARE(cancelled.value().annotation(QStringLiteral("cancelled")).toBool(), true);
        QCOMPARE(cancelled.value().activationId, request.activationId);
        QCOMPARE(executor->runningCount(), 0);

        request.params = {};
        request.activationId.clear();
        INVOKE(*executor, request, next);
        EXPECT_STATUS(next, "success");
        QCOMPARE(next.annotation(QStringLiteral("startType")).toString(), QStringLiteral("cold"));
        QVERIFY(next.annotation(QStringLiteral("cancelled")).isUndefined());
    }

    void aCancelBeforeTheCallStartsIsNotLost()
    {
        auto executor = makeExecutor();
        auto request = nodeAction(kSpin, QStringLiteral("spin"));
        request.params = {{QStringLiteral("loop"), true}};
        request.activationId = newActivationId();
        executor->cancel(request.activationId);
        INVOKE(*executor, request, cancelled);
        QCOMPARE(errorOf(cancelled), QStringLiteral("Cancelled by the user."));
        QCOMPARE(ourProcesses(), 0);
    }

    void shutdownEndsEveryRunningActivationAndRefusesNewOnes()
    {
        auto executor = makeExecutor();
        auto first = nodeAction(kSpin, QStringLiteral("one"));
        first.params = {{QStringLiteral("loop"), true}};
        auto second = first;
        second.name = QStringLiteral("two");
        auto one = executor->invokeAsync(first);
        auto two = executor->invokeAsync(second);
        QVERIFY(running());
        QTRY_COMPARE_WITH_TIMEOUT(executor->runningCount(), 2, 20000);

        QElapsedTimer sinceShutdown;
        sinceShutdown.start();
        executor->shutdown();
        QTRY_VERIFY_WITH_TIMEOUT(one.isFinished() && two.isFinished(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(ourProcesses(), 0, 5000);
        QVERIFY2(sinceShutdown.elapsed() < 1000, qPrintable(QString::number(sinceShutdown.elapsed())));
        for (const auto &ended : {one.result(), two.result()}) {
            QVERIFY(ended.ok());
            QCOMPARE(errorOf(ended.value()), QStringLiteral("Cancelled: the platform is shutting down."));
        }
        first.params = {};
        INVOKE(*executor, first, refused);
        QCOMPARE(errorOf(refused), QStringLiteral("Cancelled: the platform is shutting down."));
        QCOMPARE(ourProcesses(), 0);
    }

    void destroyingTheExecutorDoesNotWaitForALoopingFunction()
    {
        auto executor = makeExecutor();
        auto request = nodeAction(kSpin, QStringLiteral("spin"));
        request.params = {{QStringLiteral("loop"), true}};
        auto future = executor->invokeAsync(request);
        QVERIFY(running());
        QElapsedTimer destroying;
        destroying.start();
        executor.reset();
        QVERIFY2(destroying.elapsed() < 1000, qPrintable(QString::number(destroying.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(ourProcesses(), 0, 5000);
    }
};

QTEST_GUILESS_MAIN(TestExecutorCancel)
#include "TestExecutorCancel.moc"
