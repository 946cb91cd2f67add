// Every limit enforced for real, under cgroups (where the machine allows them) and under the
// fallbacks (RSS watchdog, SIGSTOP/SIGCONT duty cycle) that run anywhere.

#include "ExecutorFixture.h"
#include "ProcessProbe.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

// Burns a fixed amount of CPU (not wall time), then reports how long it took.
const QString kCpuBurner = QStringLiteral("function main(p) { const t0 = Date.now(); let x = 0;"
                                          " for (let i = 0; i < p.iterations; i++) { x = (x * 31 + i) % 1000003; }"
                                          " return {x, ms: Date.now() - t0}; }");

std::unique_ptr<Executor> makeExecutor(const QString &mode,
                                       ExecutorConfig::Sandbox sandbox = ExecutorConfig::Sandbox::Auto)
{
    ExecutorConfig config;
    config.sandbox = sandbox;
    config.stemCellsPerRuntime = 0;
    config.enforcement =
        mode == QLatin1String("fallback") ? ExecutorConfig::Enforcement::Fallback : ExecutorConfig::Enforcement::Auto;
    config.systemLimits.cpu.max = SystemLimits::machineCores();
    config.systemLimits.concurrency.max = 10;
    return std::make_unique<Executor>(config);
}

} // namespace

class TestExecutorLimits : public QObject
{
    Q_OBJECT

private:
    void enforcementModes()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("cgroup") << QStringLiteral("cgroup");
        QTest::newRow("fallback") << QStringLiteral("fallback");
    }

    std::unique_ptr<Executor> executorFor(const QString &mode,
                                          ExecutorConfig::Sandbox sandbox = ExecutorConfig::Sandbox::Auto)
    {
        auto executor = makeExecutor(mode, sandbox);
        if (mode == QLatin1String("cgroup") && executor->enforcementName() == QLatin1String("fallback"))
            return nullptr;
        return executor;
    }

private Q_SLOTS:
    void timeoutKillsTheProcessGroupAndTheNextCallIsCold_data() { enforcementModes(); }
    void timeoutKillsTheProcessGroupAndTheNextCallIsCold()
    {
        QFETCH(QString, mode);
        auto executor = executorFor(mode, ExecutorConfig::Sandbox::Off); // the child's host pid, in a host file
        if (!executor)
            QSKIP("this machine does not let us create cgroups");
        auto request = nodeAction(QStringLiteral("const { spawn } = require('child_process');\n"
                                                 "function main(p) { if (!p.hang) return {pid: process.pid};\n"
                                                 "  const child = spawn('sleep', ['30']);\n"
                                                 "  require('fs').writeFileSync(p.pidFile, String(child.pid));\n"
                                                 "  while (true) {} }"),
                                  QStringLiteral("sleeper"));
        request.limits.timeoutMs = 500;
        QTemporaryDir scratch;
        const QString pidFile = scratch.filePath(QStringLiteral("child.pid"));
        request.params = {{QStringLiteral("hang"), true}, {QStringLiteral("pidFile"), pidFile}};
        QElapsedTimer timer;
        timer.start();
        INVOKE(*executor, request, timedOut);
        EXPECT_STATUS(timedOut, "action developer error");
        QCOMPARE(errorOf(timedOut), QStringLiteral("The action exceeded its time limits of 500 milliseconds."));
        QCOMPARE(timedOut.annotation(QStringLiteral("timeout")).toBool(), true);
        QVERIFY2(timer.elapsed() < 5000, "the deadline is enforced promptly");
        QCOMPARE(enforcementOf(timedOut, "timeout"), QStringLiteral("process-group-kill"));
        QFile childPid(pidFile);
        QVERIFY(childPid.open(QIODevice::ReadOnly));
        const qint64 child = childPid.readAll().toLongLong();
        QVERIFY(child > 0);
        QTRY_VERIFY2_WITH_TIMEOUT(processGone(child), "the action's child process dies with it", 3000);

        request.params = {};
        INVOKE(*executor, request, next);
        EXPECT_STATUS(next, "success");
        QCOMPARE(next.annotation(QStringLiteral("startType")).toString(), QStringLiteral("cold"));
    }

    void memoryLimitAbortsTheActionWithOpenWhisksMessage_data() { enforcementModes(); }
    void memoryLimitAbortsTheActionWithOpenWhisksMessage()
    {
        QFETCH(QString, mode);
        auto executor = executorFor(mode);
        if (!executor)
            QSKIP("this machine does not let us create cgroups");
        auto request =
            nodeAction(QStringLiteral("const hoard = [];\n"
                                      "function main(p) { if (!p.bomb) return {ok: true};\n"
                                      "  for (let i = 0; i < 400; i++) hoard.push(Buffer.alloc(4 * 1024 * 1024, 1));\n"
                                      "  return {survived: true}; }"),
                       QStringLiteral("hoarder"));
        request.limits.memoryMb = 128;
        request.params = {{QStringLiteral("bomb"), true}};
        INVOKE(*executor, request, exhausted);
        EXPECT_STATUS(exhausted, "action developer error");
        QCOMPARE(errorOf(exhausted), QStringLiteral("The action exhausted its memory and was aborted."));
        QCOMPARE(enforcementOf(exhausted, "memory"),
                 mode == QLatin1String("fallback") ? QStringLiteral("rss-watchdog") : executor->enforcementName());

        request.params = {};
        INVOKE(*executor, request, next);
        EXPECT_STATUS(next, "success");
    }

    // The launcher joins its cgroup before its interpreter starts, so the interpreter's own
    // memory is limited and measured too. Joined after the spawn, a fresh Node.js process's
    // early heap stayed charged to the executor: the group then held less than the process.
    void interpreterMemoryIsChargedToTheActionsGroup()
    {
        auto executor = makeExecutor(QStringLiteral("auto"));
        if (executor->enforcementName() == QLatin1String("fallback"))
            QSKIP("this machine does not let us create cgroups");
        const auto request = nodeAction(
            QStringLiteral("function main() { const s = require('fs').readFileSync('/proc/self/status', 'utf8');\n"
                           "  return {anon: Number(/RssAnon:\\s+(\\d+)/.exec(s)[1]) * 1024}; }"),
            QStringLiteral("anon"));
        for (int call = 0; call < 3; ++call) {
            INVOKE(*executor, request, activation);
            EXPECT_STATUS(activation, "success");
            const double anonymous = activation.response->result.toObject().value(QStringLiteral("anon")).toDouble();
            const double peak = activation.annotation(QStringLiteral("peakMemory")).toDouble();
            QVERIFY2(anonymous > 1024 * 1024, qPrintable(describe(activation)));
            QVERIFY2(
                peak >= anonymous,
                qPrintable(QStringLiteral("peak %1 < the process's anonymous memory %2").arg(peak).arg(anonymous)));
        }
    }

    void memoryLimitAppliesToPythonToo()
    {
        auto executor = makeExecutor(QStringLiteral("auto"));
        auto request = pythonAction(QStringLiteral("hoard = []\ndef main(args):\n    for i in range(400):\n        "
                                                   "hoard.append(b'x' * (4 * 1024 * 1024))\n    return {}\n"));
        request.limits.memoryMb = 128;
        INVOKE(*executor, request, exhausted);
        QCOMPARE(errorOf(exhausted), QStringLiteral("The action exhausted its memory and was aborted."));
    }

    void cpuLimitMakesACpuBoundFunctionRunSlower_data() { enforcementModes(); }
    void cpuLimitMakesACpuBoundFunctionRunSlower()
    {
        QFETCH(QString, mode);
        auto executor = executorFor(mode);
        if (!executor)
            QSKIP("this machine does not let us create cgroups");
        auto request = nodeAction(kCpuBurner, QStringLiteral("burner"));
        request.params = {{QStringLiteral("iterations"), 30000000}};
        request.limits.cpu = 0.25;
        INVOKE(*executor, request, warmUp); // cold start and JIT out of the way
        INVOKE(*executor, request, throttled);
        EXPECT_STATUS(throttled, "success");
        const double cpuMs = throttled.annotation(QStringLiteral("cpuTime")).toDouble();
        const double wallMs = static_cast<double>(*throttled.duration);
        QVERIFY2(cpuMs > 20, qPrintable(describe(throttled)));
        // At 0.25 vCPU the action gets at most a quarter of a core: it takes ≥ 2× its CPU time
        // (4× in theory; 2× leaves room for a busy machine's noise).
        QVERIFY2(wallMs >= 2.0 * cpuMs, qPrintable(QStringLiteral("wall %1 ms, cpu %2 ms").arg(wallMs).arg(cpuMs)));
        QCOMPARE(enforcementOf(throttled, "cpu"), mode == QLatin1String("fallback")
                                                      ? QStringLiteral("sigstop-duty-cycle")
                                                      : executor->enforcementName());
    }

    void concurrencyCapQueuesAndThenRefusesWithTooManyRequests()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        config.queuePerAction = 2;
        Executor executor(config);
        auto request = nodeAction(
            QStringLiteral("function main() { return new Promise(r => setTimeout(() => r({t: Date.now()}), 400)); }"),
            QStringLiteral("serial"));
        request.limits.concurrency = 1;
        QList<QFuture<Result<Activation>>> calls;
        for (int i = 0; i < 3; ++i) {
            calls.append(executor.invokeAsync(request));
            QThread::msleep(50); // keep the order: one runs, two wait
        }
        const auto refused = executor.invoke(request);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, PlatformError::Kind::Limit);
        QCOMPARE(refused.error().message,
                 QStringLiteral("Too many concurrent requests in flight (count: 4, allowed: 3)."));
        // Queued calls are admitted in any order; what matters is that they never overlap.
        QList<Activation> done;
        for (auto &call : calls) {
            const auto result = call.result();
            QVERIFY(result.ok());
            done.append(result.value());
        }
        std::sort(done.begin(), done.end(),
                  [](const Activation &a, const Activation &b) { return *a.start < *b.start; });
        for (qsizetype i = 1; i < done.size(); ++i)
            QVERIFY2(*done[i].start >= *done[i - 1].end, "one at a time");
        QVERIFY2(done.last().annotation(QStringLiteral("waitTime")).toInt() >= 600, "queued calls wait their turn");
    }

    void logsAreCappedAtTheLogLimit()
    {
        auto executor = makeExecutor(QStringLiteral("auto"));
        auto request = pythonAction(QStringLiteral(
            "def main(args):\n    for i in range(5000):\n        print('x' * 1000)\n    return {'done': True}\n"));
        request.limits.logsMb = 1;
        INVOKE(*executor, request, activation);
        EXPECT_STATUS(activation, "success");
        QVERIFY(activation.logs->size() < 1100);
        QVERIFY(activation.logs->last().endsWith(
            QLatin1String("Logs were truncated because the total bytes size exceeds the limit of 1048576 bytes.")));
    }

    void payloadLargerThanOneMegabyteIsRefused()
    {
        auto executor = makeExecutor(QStringLiteral("auto"));
        auto request = nodeAction(QStringLiteral("function main() { return {}; }"));
        request.params = {{QStringLiteral("blob"), QString(1100 * 1024, QLatin1Char('a'))}};
        const auto result = executor->invoke(request);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, PlatformError::Kind::TooLarge);
        QVERIFY2(result.error().message.startsWith(QLatin1String("Request larger than allowed: ")),
                 qPrintable(result.error().message));
    }

    void resultLargerThanOneMegabyteIsADeveloperError()
    {
        auto executor = makeExecutor(QStringLiteral("auto"));
        auto request = nodeAction(QStringLiteral("function main(p) { return {blob: 'a'.repeat(p.size)}; }"),
                                  QStringLiteral("big"));
        request.params = {{QStringLiteral("size"), 2 * 1024 * 1024}};
        INVOKE(*executor, request, tooBig);
        EXPECT_STATUS(tooBig, "action developer error");
        QVERIFY2(errorOf(tooBig).startsWith(
                     QLatin1String("The action produced a response that exceeded the allowed length: ")),
                 qPrintable(errorOf(tooBig)));
        request.params = {{QStringLiteral("size"), 900 * 1024}};
        INVOKE(*executor, request, justFits);
        EXPECT_STATUS(justFits, "success");
        QCOMPARE(resultOf(justFits).value(QStringLiteral("blob")).toString().size(), 900 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestExecutorLimits)
#include "TestExecutorLimits.moc"
