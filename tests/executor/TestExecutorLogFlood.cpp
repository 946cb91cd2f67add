// A function that logs in a loop (issue 18): the launcher's own buffering stays within the
// function's memory limit, and the activation ends at its timeout with OpenWhisk's timeout
// message, not later with a memory error. Real launchers.

#include "ExecutorFixture.h"

#include <QElapsedTimer>

using namespace funcdesk;
using namespace funcdesk::test;

class TestExecutorLogFlood : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aNodeFunctionFloodingItsLogsTimesOutAtItsLimit()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        Executor executor(config);
        auto request = nodeAction(QStringLiteral("function main() { const line = 'x'.repeat(1000);"
                                                 " for (;;) { console.log(line); console.error(line); } }"),
                                  QStringLiteral("flood"));
        request.limits.timeoutMs = 3000;
        request.limits.memoryMb = 128;
        request.limits.logsMb = 1;
        QElapsedTimer timer;
        timer.start();
        INVOKE(executor, request, flooded);
        const qint64 took = timer.elapsed();
        EXPECT_STATUS(flooded, "action developer error");
        QVERIFY2(errorOf(flooded).startsWith(QLatin1String("The action exceeded its time limits of 3000 milliseconds")),
                 qPrintable(describe(flooded)));
        QVERIFY2(took < 3000 + 2000, qPrintable(QString::number(took)));
        QVERIFY(logsOf(flooded).contains(QLatin1String("Logs were truncated")));
    }

    void aNodeFunctionLoggingMoreThanItsLimitStillSucceeds()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        Executor executor(config);
        auto request = nodeAction(QStringLiteral("function main() { const line = 'y'.repeat(1000);"
                                                 " for (let i = 0; i < 20000; i++) console.log(line);"
                                                 " return {done: true}; }"),
                                  QStringLiteral("noisy"));
        request.limits.memoryMb = 128;
        request.limits.logsMb = 1;
        INVOKE(executor, request, noisy);
        EXPECT_STATUS(noisy, "success");
        QVERIFY(logsOf(noisy).contains(QLatin1String("Logs were truncated")));
        INVOKE(executor, request, again); // the process stays usable
        EXPECT_STATUS(again, "success");
    }
};

QTEST_GUILESS_MAIN(TestExecutorLogFlood)
#include "TestExecutorLogFlood.moc"
