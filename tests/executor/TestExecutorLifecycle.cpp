// Between and after activations: idle processes are frozen with everything they started, a
// timeout ends the whole process tree at once (fork bombs included), and nothing a function
// started outlives its process.

#include "ExecutorFixture.h"
#include "ProcessProbe.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

// Processes on the machine whose command line holds `marker` (sandboxed or not, /proc shows them).
int processesWith(const QByteArray &marker)
{
    int count = 0;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs);
    for (const QString &entry : entries) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(marker) && !processGone(entry.toLongLong()))
            ++count;
    }
    return count;
}

} // namespace

class TestExecutorLifecycle : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Executor> executor;

private Q_SLOTS:
    void initTestCase()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        config.idleTimeoutMs = 2500;
        executor = std::make_unique<Executor>(config);
        if (executor->enforcementName() == QLatin1String("fallback"))
            QSKIP("no cgroups here: nothing is frozen, and a fork bomb could hurt the machine");
    }
    void cleanupTestCase() { executor.reset(); }

    void backgroundWorkIsFrozenWhileIdleAndGoneWithTheProcess()
    {
        // A detached child ticks into a file in /tmp every 10 ms; 20 more detached children sleep.
        // Each call reports the ticks so far.
        const auto request = nodeAction(
            QStringLiteral(
                "const fs = require('fs'), cp = require('child_process');\n"
                "const file = require('os').tmpdir() + '/ticks';\n"
                "function main(p) {\n"
                "  if (p.start) {\n"
                "    fs.writeFileSync(file, '');\n"
                "    cp.spawn(process.execPath, ['-e', `setInterval(() => require('fs').appendFileSync('${file}', "
                "'x'), 10)`, 'lifecycle-ticker'], {detached: true, stdio: 'ignore'}).unref();\n"
                "    for (let i = 0; i < 20; i++)\n"
                "      cp.spawn('sleep', ['987.654321'], {detached: true, stdio: 'ignore'}).unref();\n"
                "  }\n"
                "  return {ticks: fs.statSync(file).size};\n"
                "}"),
            QStringLiteral("ticker"));
        auto start = request;
        start.params = {{QStringLiteral("start"), true}};
        INVOKE(*executor, start, started);
        EXPECT_STATUS(started, "success");
        QTRY_COMPARE_WITH_TIMEOUT(processesWith("lifecycle-ticker"), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(processesWith("987.654321"), 20, 5000);

        QTest::qWait(400); // idle: frozen by now
        INVOKE(*executor, request, before);
        QTest::qWait(1000); // 100 ticks if it ran
        INVOKE(*executor, request, after);
        const int ticked = resultOf(after).value(QStringLiteral("ticks")).toInt() -
                           resultOf(before).value(QStringLiteral("ticks")).toInt();
        QVERIFY2(ticked < 40, qPrintable(QStringLiteral("%1 ticks while idle for a second").arg(ticked)));
        QVERIFY2(resultOf(after).value(QStringLiteral("ticks")).toInt() > 0, qPrintable(describe(after)));

        // Retired at the idle timeout: every process it started goes with it.
        QTRY_COMPARE_WITH_TIMEOUT(executor->warmProcessCount(), 0, 8000);
        QTRY_COMPARE_WITH_TIMEOUT(processesWith("lifecycle-ticker"), 0, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(processesWith("987.654321"), 0, 3000);
    }

    void forkBombTimeoutIsReportedWithinASecond()
    {
        // Every process of the bomb holds 4 MB and forks on: the group sits at its pids limit
        // and its memory limit at once.
        auto bomb = pythonAction(QStringLiteral("import os\n"
                                                "def main(args):\n"
                                                "    if not args.get('bomb'):\n"
                                                "        return {'ok': True}\n"
                                                "    while True:\n"
                                                "        ballast = bytearray(4 << 20)\n"
                                                "        try:\n"
                                                "            os.fork()\n"
                                                "        except OSError:\n"
                                                "            pass\n"),
                                 QStringLiteral("forkbomb"));
        bomb.limits.memoryMb = 128;
        bomb.limits.timeoutMs = 2000;
        INVOKE(*executor, bomb, warmUp); // the clock below is the run's, without the cold start
        EXPECT_STATUS(warmUp, "success");
        bomb.params = {{QStringLiteral("bomb"), true}};
        QElapsedTimer timer;
        timer.start();
        INVOKE(*executor, bomb, exploded);
        const qint64 elapsed = timer.elapsed();
        EXPECT_STATUS(exploded, "action developer error");
        QVERIFY2(elapsed < 2000 + 1000,
                 qPrintable(QStringLiteral("reported after %1 ms: %2").arg(elapsed).arg(describe(exploded))));
        QVERIFY2(exploded.annotation(QStringLiteral("timeout")).toBool() ||
                     errorOf(exploded).contains(QLatin1String("memory")),
                 qPrintable(describe(exploded)));

        INVOKE(*executor, nodeAction(QStringLiteral("function main() { return {ok: true}; }"), QStringLiteral("next")),
               next);
        EXPECT_STATUS(next, "success");
        bomb.params = {};
        INVOKE(*executor, bomb, again);
        EXPECT_STATUS(again, "success");
    }
};

QTEST_GUILESS_MAIN(TestExecutorLifecycle)
#include "TestExecutorLifecycle.moc"
