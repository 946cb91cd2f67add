// Actions with limits.concurrency > 1: OpenWhisk's intra-container concurrency. Node.js
// activations share one launcher process (where cgroups enforce the limits); Python, and Node.js
// without cgroups, get one process per activation in flight.

#include "ExecutorFixture.h"

#include "executor/LogCapture.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QSet>
#include <QThread>

#include <csignal>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

// Each activation waits until `want` activations have started in its process, so it can only
// succeed when they overlap there. It ends with sawAll false after 5 s if they do not.
const QString kBarrier =
    QStringLiteral("let started = 0;\n"
                   "async function main(p) {\n"
                   "  started++;\n"
                   "  const until = Date.now() + 5000;\n"
                   "  while (started < p.want && Date.now() < until) await new Promise(r => setTimeout(r, 5));\n"
                   "  return {pid: process.pid, sawAll: started >= p.want, id: process.env.__OW_ACTIVATION_ID};\n"
                   "}");

QList<Result<Activation>> invokeAll(Executor &executor, const QList<InvocationRequest> &requests)
{
    QList<QFuture<Result<Activation>>> calls;
    for (const auto &request : requests)
        calls.append(executor.invokeAsync(request));
    QList<Result<Activation>> results;
    for (auto &call : calls)
        results.append(call.result());
    return results;
}

ExecutorConfig concurrentConfig()
{
    ExecutorConfig config;
    config.stemCellsPerRuntime = 0;
    config.systemLimits.concurrency.max = 16;
    return config;
}

InvocationRequest withParams(InvocationRequest request, const QJsonObject &params)
{
    request.params = params;
    return request;
}

} // namespace

// Shared processes need cgroups (docs/executor.md); without them each activation gets its own.
#define REQUIRE_SHARING(executor)                                                                                      \
    if ((executor).enforcementName() == QLatin1String("fallback"))                                                     \
    QSKIP("this machine gives the executor no cgroups: concurrent activations get a process each")

class TestExecutorConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodeActivationsOverlapInOneProcess()
    {
        ExecutorConfig config = concurrentConfig();
        Executor executor(config);
        REQUIRE_SHARING(executor);
        auto request = nodeAction(kBarrier, QStringLiteral("overlap"));
        request.limits.concurrency = 4;
        const auto results =
            invokeAll(executor, QList<InvocationRequest>(4, withParams(request, {{QStringLiteral("want"), 4}})));
        QSet<qint64> pids;
        for (const auto &result : results) {
            QVERIFY(result.ok());
            const Activation &activation = result.value();
            EXPECT_STATUS(activation, "success");
            QVERIFY2(resultOf(activation).value(QStringLiteral("sawAll")).toBool(), qPrintable(describe(activation)));
            // Each activation sees its own id, although all four are in flight in one process.
            QCOMPARE(resultOf(activation).value(QStringLiteral("id")).toString(), activation.activationId);
            QVERIFY(activation.annotation(QStringLiteral("cpuTime")).toDouble() >= 0);
            QVERIFY2(activation.annotation(QStringLiteral("peakMemory")).toDouble() > 1 << 20,
                     qPrintable(describe(activation)));
            pids.insert(resultOf(activation).value(QStringLiteral("pid")).toInteger());
        }
        QCOMPARE(pids.size(), 1);
        QCOMPARE(executor.warmProcessCount(), 1);

        // The process stays warm and serves the next call alone.
        INVOKE(executor, withParams(request, {{QStringLiteral("want"), 1}}), later);
        QCOMPARE(later.annotation(QStringLiteral("startType")).toString(), QStringLiteral("warm"));
        QCOMPARE(resultOf(later).value(QStringLiteral("pid")).toInteger(), *pids.begin());
    }

    void pythonAndFallbackGetAProcessPerActivation()
    {
        for (const bool fallback : {false, true}) {
            ExecutorConfig config = concurrentConfig();
            if (fallback)
                config.enforcement = ExecutorConfig::Enforcement::Fallback;
            Executor executor(config);
            auto request =
                fallback
                    ? nodeAction(QStringLiteral("function main() { return new Promise(r => setTimeout(() => "
                                                "r({pid}), 300)); }\nconst pid = Math.floor(Math.random() * 2 ** 40);"))
                    : pythonAction(QStringLiteral("import random, time\npid = random.getrandbits(40)\n"
                                                  "def main(args):\n    time.sleep(0.3)\n"
                                                  "    return {'pid': pid}\n"));
            request.limits.concurrency = 3;
            const auto results = invokeAll(executor, QList<InvocationRequest>(3, request));
            QSet<qint64> pids;
            for (const auto &result : results) {
                QVERIFY(result.ok());
                pids.insert(resultOf(result.value()).value(QStringLiteral("pid")).toInteger());
            }
            QCOMPARE(pids.size(), 3);
            QCOMPARE(executor.warmProcessCount(), 3);
        }
    }

    void logsStayWithTheirActivation()
    {
        ExecutorConfig config = concurrentConfig();
        Executor executor(config);
        REQUIRE_SHARING(executor);
        auto request = nodeAction(
            QStringLiteral("let started = 0;\n"
                           "async function main(p) {\n"
                           "  started++;\n"
                           "  for (let i = 0; i < 3; i++) {\n"
                           "    console.log(`${p.who} out ${i}`);\n"
                           "    console.error(`${p.who} err ${i}`);\n"
                           "    await new Promise(r => setTimeout(r, 10));\n"
                           "  }\n"
                           "  process.stdout.write(Buffer.from(`${p.who} buffer\\n`));\n"
                           "  if (p.who === 'c') console.log('x'.repeat(200000));\n" // several records, one line
                           "  return {started};\n"
                           "}"),
            QStringLiteral("chatty"));
        request.limits.concurrency = 3;
        QList<InvocationRequest> requests;
        for (const char *who : {"a", "b", "c"})
            requests.append(withParams(request, {{QStringLiteral("who"), QString::fromLatin1(who)}}));
        const auto results = invokeAll(executor, requests);
        int overlapped = 0;
        for (int i = 0; i < 3; ++i) {
            QVERIFY(results[i].ok());
            const Activation &activation = results[i].value();
            EXPECT_STATUS(activation, "success");
            overlapped += resultOf(activation).value(QStringLiteral("started")).toInt() > 1 ? 1 : 0;
            const QString who = QString::fromLatin1("abc" + i, 1);
            const QStringList lines = *activation.logs;
            QCOMPARE(lines.size(), who == QLatin1String("c") ? 8 : 7);
            for (const QString &line : lines) {
                const QString text = line.mid(LogCapture::kLinePrefixBytes);
                QVERIFY2(text.startsWith(who + QLatin1Char(' ')) || text == QString(200000, QLatin1Char('x')),
                         qPrintable(line.left(80)));
            }
            QVERIFY(lines[1].contains(QStringLiteral(" stderr: ") + who + QStringLiteral(" err 0")));
        }
        QVERIFY2(overlapped > 0, "the three activations ran one after another");
    }

    void aTimeoutEndsEveryActivationInTheProcess()
    {
        ExecutorConfig config = concurrentConfig();
        Executor executor(config);
        REQUIRE_SHARING(executor);
        auto request = nodeAction(QStringLiteral("async function main(p) {\n"
                                                 "  if (p.quick) return {quick: true};\n"
                                                 "  if (p.spin) { const until = Date.now() + 10000; while (Date.now() "
                                                 "< until) {} return {spun: true}; }\n"
                                                 "  await new Promise(r => setTimeout(r, 10000));\n"
                                                 "  return {waited: true};\n"
                                                 "}"),
                                  QStringLiteral("stuck"));
        request.limits.concurrency = 2;
        request.limits.timeoutMs = 600;
        INVOKE(executor, request, warmup); // times out itself; starts no process for the others
        EXPECT_STATUS(warmup, "action developer error");
        // A warm process for the two below, so the first is in it well before the second: a cold
        // start under load could take longer than the pause between them and swap their order.
        INVOKE(executor, withParams(request, {{QStringLiteral("quick"), true}}), ready);
        EXPECT_STATUS(ready, "success");
        auto waiting = executor.invokeAsync(request);
        QThread::msleep(150);
        auto spinning = executor.invokeAsync(withParams(request, {{QStringLiteral("spin"), true}}));
        const auto waited = waiting.result();
        const auto spun = spinning.result();
        QVERIFY(waited.ok() && spun.ok());
        EXPECT_STATUS(waited.value(), "action developer error");
        QCOMPARE(errorOf(waited.value()), QStringLiteral("The action exceeded its time limits of 600 milliseconds."));
        EXPECT_STATUS(spun.value(), "action developer error");
        QCOMPARE(errorOf(spun.value()),
                 QStringLiteral("The action's process was stopped because another activation in it "
                                "exceeded its time limit."));
        QVERIFY2(spun.value().duration < 5000, qPrintable(describe(spun.value())));

        // The next call gets a fresh process and is not blamed for the old one.
        request.exec.code = QStringLiteral("function main() { return {pid: process.pid}; }");
        INVOKE(executor, request, after);
        EXPECT_STATUS(after, "success");
    }

    void aCrashEndsEveryActivationInFlightAndTheNextGetsAFreshProcess()
    {
        ExecutorConfig config = concurrentConfig();
        Executor executor(config);
        REQUIRE_SHARING(executor);
        auto request = nodeAction(
            QStringLiteral(
                "async function main(p) {\n"
                "  if (p.boom) { setTimeout(() => { throw new Error('boom'); }, 100); return new Promise(() => {}); }\n"
                "  if (p.wait) await new Promise(r => setTimeout(r, 3000));\n"
                "  return {pid};\n"
                "}\n"
                "const pid = Math.floor(Math.random() * 2 ** 40);"),
            QStringLiteral("crashy"));
        request.limits.concurrency = 2;
        INVOKE(executor, request, before);
        const qint64 firstPid = resultOf(before).value(QStringLiteral("pid")).toInteger();
        const auto results = invokeAll(executor, {withParams(request, {{QStringLiteral("wait"), true}}),
                                                  withParams(request, {{QStringLiteral("boom"), true}})});
        for (const auto &result : results) {
            QVERIFY(result.ok());
            EXPECT_STATUS(result.value(), "action developer error");
            QCOMPARE(errorOf(result.value()), QStringLiteral("An error has occurred: Error: boom"));
            QVERIFY2(logsOf(result.value()).contains(QStringLiteral("Error: boom")),
                     qPrintable(describe(result.value())));
        }
        INVOKE(executor, request, after);
        EXPECT_STATUS(after, "success");
        QVERIFY(resultOf(after).value(QStringLiteral("pid")).toInteger() != firstPid);
        QCOMPARE(after.annotation(QStringLiteral("startType")).toString(), QStringLiteral("cold"));
    }

    void anOversizedResultIsRefusedWithoutHarmingTheOthers()
    {
        ExecutorConfig config = concurrentConfig();
        config.systemLimits.maxResultBytes = 64 * 1024;
        Executor executor(config);
        REQUIRE_SHARING(executor);
        auto request = nodeAction(QStringLiteral("async function main(p) {\n"
                                                 "  await new Promise(r => setTimeout(r, 50));\n"
                                                 "  return p.big ? {text: 'y'.repeat(100000)} : {small: true};\n"
                                                 "}"),
                                  QStringLiteral("big"));
        request.limits.concurrency = 2;
        const auto results = invokeAll(executor, {withParams(request, {{QStringLiteral("big"), true}}), request});
        QVERIFY(results[0].ok() && results[1].ok());
        EXPECT_STATUS(results[0].value(), "action developer error");
        QVERIFY2(errorOf(results[0].value())
                     .startsWith(QStringLiteral("The action produced a response that exceeded the allowed length")),
                 qPrintable(describe(results[0].value())));
        EXPECT_STATUS(results[1].value(), "success");
        QCOMPARE(resultOf(results[1].value()).value(QStringLiteral("small")).toBool(), true);
    }

    void manyCallersWithLargeRequestsAndOutputAllFinish()
    {
        // Requests larger than the stdin pipe, output larger than the fd 3 pipe: a writer that
        // waits for room must keep the launcher's output moving, and the reader role must never
        // be left with nobody to take it (a review found rounds stalling until the timeout).
        ExecutorConfig config = concurrentConfig();
        Executor executor(config);
        REQUIRE_SHARING(executor);
        auto request = nodeAction(QStringLiteral("async function main(p) {\n"
                                                 "  await new Promise(r => setTimeout(r, Math.random() * 5));\n"
                                                 "  console.log('z'.repeat(100000));\n"
                                                 "  return {n: p.pad.length, r: 'q'.repeat(100000)};\n"
                                                 "}"),
                                  QStringLiteral("bulky"));
        request.limits.concurrency = 16;
        request.limits.timeoutMs = 20000;
        const auto padded = withParams(request, {{QStringLiteral("pad"), QString(300000, QLatin1Char('p'))}});
        for (int round = 0; round < 6; ++round) {
            const auto results = invokeAll(executor, QList<InvocationRequest>(16, padded));
            for (const auto &result : results) {
                QVERIFY(result.ok());
                EXPECT_STATUS(result.value(), "success");
                QCOMPARE(resultOf(result.value()).value(QStringLiteral("n")).toInt(), 300000);
                QCOMPARE(result.value().logs->size(), 1);
                QVERIFY2(result.value().duration < 10000, qPrintable(describe(result.value()).left(300)));
            }
        }
    }

    void callersWaitingForAFailedStartGetItsVerdict()
    {
        ExecutorConfig config = concurrentConfig();
        Executor executor(config);
        REQUIRE_SHARING(executor);
        // An init that never ends: the first caller's init times out after 1 s, and the three that
        // waited for that process get the same verdict then, instead of starting one after another.
        auto request = nodeAction(QStringLiteral("const until = Date.now() + 60000; while (Date.now() < until) {}\n"
                                                 "function main() { return {}; }"),
                                  QStringLiteral("hang"));
        request.limits.concurrency = 4;
        request.limits.timeoutMs = 1000;
        QElapsedTimer clock;
        clock.start();
        const auto results = invokeAll(executor, QList<InvocationRequest>(4, request));
        const qint64 elapsed = clock.elapsed();
        for (const auto &result : results) {
            QVERIFY(result.ok());
            EXPECT_STATUS(result.value(), "action developer error");
            QCOMPARE(errorOf(result.value()),
                     QStringLiteral("The action exceeded its time limits of 1000 milliseconds during initialization."));
        }
        QVERIFY2(elapsed < 3500,
                 qPrintable(QStringLiteral("four callers took %1 ms: starts ran one after another").arg(elapsed)));
    }

    void aProcessThatDiesIdleIsReplacedWithoutBlame()
    {
        ExecutorConfig config = concurrentConfig();
        Executor executor(config);
        REQUIRE_SHARING(executor);
        auto request = nodeAction(QStringLiteral("const pid = Math.random();\n"
                                                 "function main(p) { if (p.quit) setTimeout(() => process.exit(3), 20);"
                                                 " return {pid}; }"),
                                  QStringLiteral("quitter"));
        request.limits.concurrency = 2;
        INVOKE(executor, withParams(request, {{QStringLiteral("quit"), true}}), first);
        EXPECT_STATUS(first, "success");
        QThread::msleep(300); // the process exits meanwhile, with nothing in flight
        INVOKE(executor, request, second);
        EXPECT_STATUS(second, "success");
        QVERIFY(resultOf(second).value(QStringLiteral("pid")) != resultOf(first).value(QStringLiteral("pid")));
        QCOMPARE(second.annotation(QStringLiteral("startType")).toString(), QStringLiteral("cold"));
    }

    void anUpdatedActionRetiresItsOldSharedProcess()
    {
        ExecutorConfig config = concurrentConfig();
        config.sandbox = ExecutorConfig::Sandbox::Off; // checks the host's pid of the old process
        Executor executor(config);
        REQUIRE_SHARING(executor);
        auto request =
            nodeAction(QStringLiteral("function main() { return {pid: process.pid}; }"), QStringLiteral("edited"));
        request.limits.concurrency = 2;
        INVOKE(executor, request, before);
        const qint64 oldPid = resultOf(before).value(QStringLiteral("pid")).toInteger();
        request.version = QStringLiteral("0.0.2");
        request.exec.code = *request.exec.code + QStringLiteral("\n// edited");
        INVOKE(executor, request, after);
        QVERIFY(resultOf(after).value(QStringLiteral("pid")).toInteger() != oldPid);
        // The old version's process serves nobody any more: it is not kept warm for 10 minutes.
        QCOMPARE(executor.warmProcessCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(::kill(static_cast<pid_t>(oldPid), 0) != 0, 5000);
    }
};

QTEST_GUILESS_MAIN(TestExecutorConcurrency)
#include "TestExecutorConcurrency.moc"
