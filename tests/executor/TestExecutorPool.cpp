// Warm processes, stem cells and the rules that decide when a process may be reused.

#include "ExecutorFixture.h"

#include <QFile>
#include <QThread>

#include <csignal>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {
// "pid": an identity per process (process.pid is the same in every sandbox's pid namespace).
const QString kCounter = QStringLiteral("let calls = 0; const pid = Math.floor(Math.random() * 2 ** 40);\n"
                                        "function main() { calls++; return {calls, pid}; }");
} // namespace

class TestExecutorPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void warmProcessServesTheNextCallAndKeepsModuleState()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        Executor executor(config);
        const auto request = nodeAction(kCounter, QStringLiteral("counter"));
        INVOKE(executor, request, first);
        INVOKE(executor, request, second);
        INVOKE(executor, request, third);
        QCOMPARE(first.annotation(QStringLiteral("startType")).toString(), QStringLiteral("cold"));
        QCOMPARE(third.annotation(QStringLiteral("startType")).toString(), QStringLiteral("warm"));
        QCOMPARE(resultOf(third).value(QStringLiteral("calls")).toInt(), 3);
        QCOMPARE(resultOf(third).value(QStringLiteral("pid")), resultOf(first).value(QStringLiteral("pid")));
        QCOMPARE(executor.warmProcessCount(), 1);
    }

    void pythonModuleStatePersistsToo()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        Executor executor(config);
        const auto request =
            pythonAction(QStringLiteral("import random\ncalls = 0\npid = random.getrandbits(40)\ndef main(args):\n"
                                        "    global calls\n    calls += 1\n    return {'calls': calls, 'pid': pid}\n"));
        INVOKE(executor, request, first);
        INVOKE(executor, request, second);
        QCOMPARE(resultOf(second).value(QStringLiteral("calls")).toInt(), 2);
        QCOMPARE(resultOf(second).value(QStringLiteral("pid")), resultOf(first).value(QStringLiteral("pid")));
    }

    void aCodeChangeNeverReusesTheOldProcess()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        Executor executor(config);
        auto request = nodeAction(kCounter, QStringLiteral("versioned"));
        INVOKE(executor, request, before);
        request.exec.code = kCounter + QStringLiteral("\n// edited");
        INVOKE(executor, request, after);
        QCOMPARE(after.annotation(QStringLiteral("startType")).toString(), QStringLiteral("cold"));
        QVERIFY(resultOf(after).value(QStringLiteral("pid")) != resultOf(before).value(QStringLiteral("pid")));
        QCOMPARE(resultOf(after).value(QStringLiteral("calls")).toInt(), 1);
    }

    void aLimitsChangeNeverReusesTheOldProcess()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        Executor executor(config);
        auto request = nodeAction(kCounter, QStringLiteral("limited"));
        request.limits.memoryMb = 128;
        INVOKE(executor, request, before);
        request.limits.memoryMb = 256;
        INVOKE(executor, request, after);
        QVERIFY(resultOf(after).value(QStringLiteral("pid")) != resultOf(before).value(QStringLiteral("pid")));
        QCOMPARE(after.annotation(QStringLiteral("limits")).toObject().value(QStringLiteral("memory")).toInt(), 256);
    }

    void aNewVersionNeverReusesTheOldProcess()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        Executor executor(config);
        auto request = nodeAction(kCounter, QStringLiteral("bumped"));
        INVOKE(executor, request, before);
        request.version = QStringLiteral("0.0.2");
        INVOKE(executor, request, after);
        QVERIFY(resultOf(after).value(QStringLiteral("pid")) != resultOf(before).value(QStringLiteral("pid")));
        QCOMPARE(after.version, QStringLiteral("0.0.2"));
    }

    void stemCellTakesTheColdStartAndIsReplaced()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 1;
        Executor executor(config);
        executor.waitForStemCells();
        QCOMPARE(executor.stemCellCount(), eagerStemCellRuntimes(executor)); // Node.js, Python
        INVOKE(executor, nodeAction(kCounter, QStringLiteral("stem")), activation);
        EXPECT_STATUS(activation, "success");
        QCOMPARE(activation.annotation(QStringLiteral("startType")).toString(), QStringLiteral("prewarm"));
        QVERIFY(activation.annotation(QStringLiteral("initTime")).isDouble());
        executor.waitForStemCells();
        QCOMPARE(executor.stemCellCount(), eagerStemCellRuntimes(executor));
        INVOKE(executor, pythonAction(QStringLiteral("def main(a):\n    return {}\n")), python);
        QCOMPARE(python.annotation(QStringLiteral("startType")).toString(), QStringLiteral("prewarm"));
    }

    // A runtime outside stemCellFamilies keeps no idle process until it is used; from its first
    // (cold) start on it is stocked like the others.
    void stemCellsOfOtherRuntimesStartAfterTheirFirstUse()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 1;
        config.stemCellFamilies = {QStringLiteral("nodejs")};
        Executor executor(config);
        QVERIFY(executor.waitForStemCells(30000));
        QCOMPARE(executor.stemCellCount(), 1); // Node.js only
        INVOKE(executor, pythonAction(QStringLiteral("def main(a):\n    return {}\n"), QStringLiteral("first")), first);
        EXPECT_STATUS(first, "success");
        QCOMPARE(first.annotation(QStringLiteral("startType")).toString(), QStringLiteral("cold"));
        QVERIFY(executor.waitForStemCells(30000));
        QCOMPARE(executor.stemCellCount(), 2); // and now Python's
        INVOKE(executor, pythonAction(QStringLiteral("def main(a):\n    return {}\n"), QStringLiteral("second")),
               second);
        QCOMPARE(second.annotation(QStringLiteral("startType")).toString(), QStringLiteral("prewarm"));
    }

    void idleProcessesAreStoppedAfterTheTimeoutAndTheirFilesRemoved()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        config.idleTimeoutMs = 200;
        // The host's scratch folder and pid: the unsandboxed path (a sandbox's /tmp is its own tmpfs).
        config.sandbox = ExecutorConfig::Sandbox::Off;
        Executor executor(config);
        INVOKE(executor,
               nodeAction(
                   QStringLiteral(
                       "const path = require('path').join(require('os').tmpdir(), 'left-behind');\n"
                       "function main() { require('fs').writeFileSync(path, 'x'); return {pid: process.pid, path}; }"),
                   QStringLiteral("idle")),
               activation);
        const qint64 pid = resultOf(activation).value(QStringLiteral("pid")).toInteger();
        const QString leftBehind = resultOf(activation).value(QStringLiteral("path")).toString();
        QVERIFY(QFile::exists(leftBehind));
        QCOMPARE(executor.warmProcessCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(executor.warmProcessCount(), 0, 5000); // the maintenance thread reaps it
        QTRY_VERIFY_WITH_TIMEOUT(::kill(static_cast<pid_t>(pid), 0) != 0, 5000);
        QTRY_VERIFY2_WITH_TIMEOUT(!QFile::exists(leftBehind), "the process's scratch folder goes with it", 5000);
    }
};

QTEST_GUILESS_MAIN(TestExecutorPool)
#include "TestExecutorPool.moc"
