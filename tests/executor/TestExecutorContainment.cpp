// Hostile or broken functions: each is contained and reported, the executor survives, and the
// next invocation of the same function succeeds.

#include "ExecutorFixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QThread>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

// Every case is one action whose `misbehave` parameter switches the bad behaviour on; without
// it the same code returns {ok: true}.
InvocationRequest nodeCase(const QString &misbehaviour, const QString &name)
{
    auto request = nodeAction(
        QStringLiteral("function main(p) { if (!p.misbehave) return {ok: true};\n%1\n}").arg(misbehaviour), name);
    request.limits.timeoutMs = 1500;
    return request;
}

InvocationRequest pythonCase(const QString &misbehaviour, const QString &name)
{
    auto request =
        pythonAction(QStringLiteral("import os, signal, sys\ndef main(args):\n    if not args.get('misbehave'):\n"
                                    "        return {'ok': True}\n%1\n")
                         .arg(misbehaviour),
                     name);
    request.limits.timeoutMs = 1500;
    return request;
}

int processCount()
{
    return QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs).size();
}

} // namespace

class TestExecutorContainment : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Executor> executor;

    // Runs the misbehaving call, checks its verdict, then checks the well-behaved call works.
    void expectContained(InvocationRequest request, const QString &expectedError)
    {
        request.params = {{QStringLiteral("misbehave"), true}};
        QElapsedTimer timer;
        timer.start();
        const auto bad = executor->invoke(request);
        QVERIFY2(bad.ok(), qPrintable(bad.ok() ? QString() : bad.error().message));
        QVERIFY2(statusOf(bad.value()) == QLatin1String("action developer error"), qPrintable(describe(bad.value())));
        if (!expectedError.isEmpty())
            QVERIFY2(errorOf(bad.value()) == expectedError, qPrintable(describe(bad.value())));
        QVERIFY2(timer.elapsed() < 20000, "contained in bounded time");

        request.params = {};
        const auto good = executor->invoke(request);
        QVERIFY2(good.ok(), qPrintable(good.ok() ? QString() : good.error().message));
        QVERIFY2(resultOf(good.value()).value(QStringLiteral("ok")).toBool(), qPrintable(describe(good.value())));
    }

private Q_SLOTS:
    void initTestCase()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 1;
        executor = std::make_unique<Executor>(config);
    }
    void cleanupTestCase() { executor.reset(); }

    void infiniteLoop()
    {
        expectContained(nodeCase(QStringLiteral("while (true) {}"), QStringLiteral("loop")),
                        QStringLiteral("The action exceeded its time limits of 1500 milliseconds."));
        expectContained(pythonCase(QStringLiteral("    while True: pass"), QStringLiteral("pyloop")),
                        QStringLiteral("The action exceeded its time limits of 1500 milliseconds."));
    }

    void promiseThatNeverResolves()
    {
        expectContained(nodeCase(QStringLiteral("return new Promise(() => {});"), QStringLiteral("forever")),
                        QStringLiteral("The action exceeded its time limits of 1500 milliseconds."));
    }

    void memoryBomb()
    {
        auto request = nodeCase(QStringLiteral("const a = []; while (true) a.push(Buffer.alloc(8 << 20, 1));"),
                                QStringLiteral("bomb"));
        request.limits.memoryMb = 128;
        expectContained(request, QStringLiteral("The action exhausted its memory and was aborted."));
    }

    void forkBomb()
    {
        if (executor->enforcementName() == QLatin1String("fallback"))
            QSKIP("without a pids cgroup a fork bomb as this user could hurt the machine; not run");
        const int before = processCount();
        auto request = nodeCase(
            QStringLiteral("require('child_process').spawn('sh', ['-c', 'f() { f | f & }; f'], {stdio: 'ignore'});\n"
                           "return new Promise(() => {});"),
            QStringLiteral("forkbomb"));
        expectContained(request, QStringLiteral("The action exceeded its time limits of 1500 milliseconds."));
        QTRY_VERIFY2_WITH_TIMEOUT(processCount() < before + 20, "every bomb process is gone", 10000);
    }

    void logFloodOfOneHundredMegabytes()
    {
        auto request = nodeCase(QStringLiteral("const line = 'x'.repeat(1023) + '\\n'; const fs = require('fs');\n"
                                               "for (let i = 0; i < 100 * 1024; i++) fs.writeSync(1, line);\n"
                                               "return {flooded: true};"),
                                QStringLiteral("flood"));
        request.limits.timeoutMs = 60000;
        request.params = {{QStringLiteral("misbehave"), true}};
        const auto flood = executor->invoke(request);
        QVERIFY(flood.ok());
        // Not an error: the function finished; its logs were capped at 10 MB and say so.
        QVERIFY2(statusOf(flood.value()) == QLatin1String("success"), qPrintable(describe(flood.value())));
        QVERIFY(flood->logs->size() < 11000);
        QVERIFY(flood->logs->last().contains(QLatin1String("Logs were truncated")));
        request.params = {};
        const auto next = executor->invoke(request);
        QVERIFY(next.ok() && next->succeeded());
    }

    void processThatExitsMidCall()
    {
        expectContained(nodeCase(QStringLiteral("process.exit(3);"), QStringLiteral("quitter")),
                        QStringLiteral("The action did not produce a valid response and exited unexpectedly."));
        expectContained(pythonCase(QStringLiteral("    os._exit(3)"), QStringLiteral("pyquitter")),
                        QStringLiteral("The action did not produce a valid response and exited unexpectedly."));
    }

    void processThatExitsWhileAForkedChildFloodsItsOutput()
    {
        // The forked child keeps fd 3 and the output pipes open and busy: only the launcher's own
        // exit tells that the activation is over.
        auto request = pythonCase(QStringLiteral("    if os.fork() == 0:\n"
                                                 "        while True:\n"
                                                 "            os.write(1, b'x' * 65536)\n"
                                                 "    os._exit(1)"),
                                  QStringLiteral("forkflood"));
        request.limits.timeoutMs = 20000;
        QElapsedTimer timer;
        timer.start();
        expectContained(request,
                        QStringLiteral("The action did not produce a valid response and exited unexpectedly."));
        QVERIFY2(timer.elapsed() < 10000, "seen as an exit, not waited out as a timeout");
    }

    void processThatSegfaults()
    {
        expectContained(nodeCase(QStringLiteral("process.kill(process.pid, 'SIGSEGV');"), QStringLiteral("segv")),
                        QStringLiteral("The action did not produce a valid response and exited unexpectedly."));
        expectContained(
            pythonCase(QStringLiteral("    import ctypes\n    ctypes.string_at(0)"), QStringLiteral("pysegv")),
            QStringLiteral("The action did not produce a valid response and exited unexpectedly."));
    }

    void backgroundChildCannotForgeALaterOutcome()
    {
        auto request = pythonAction(
            QStringLiteral(
                "import os\n"
                "def main(args):\n"
                "    if args.get('plant'):\n"
                "        os.system(\"(sleep 0.3; echo "
                "'{\\\"status\\\":\\\"success\\\",\\\"result\\\":{\\\"forged\\\":true}}' >&3) 2>/dev/null &\")\n"
                "    return {'call': args.get('n', 0)}\n"),
            QStringLiteral("forger"));
        request.params = {{QStringLiteral("plant"), true}};
        INVOKE(*executor, request, planted);
        EXPECT_STATUS(planted, "success");
        QThread::msleep(500);
        for (int n = 1; n <= 3; ++n) {
            request.params = {{QStringLiteral("n"), n}};
            INVOKE(*executor, request, later);
            QVERIFY2(resultOf(later).value(QStringLiteral("call")).toInt() == n, qPrintable(describe(later)));
        }
    }
};

QTEST_GUILESS_MAIN(TestExecutorContainment)
#include "TestExecutorContainment.moc"
