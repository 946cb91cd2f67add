// Issue 18, fairness: queued calls wait as data, not on the invoker's threads, and namespaces get
// a fair share of them. Namespace A has three slow concurrency-1 actions with 100 calls queued
// behind each (303 in flight, more than the 256 threads); namespace B's invoke is still answered
// within its own run time and a small bound (before: after ~30 s, behind A's calls holding every
// thread while waiting in the executor's per-action gates).

#include "platforms/local/LocalEngine.h"
#include "support/Futures.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

Action nodeAction(const QString &code, qint64 concurrency = 1)
{
    Action action;
    action.exec = Exec::withCode(QStringLiteral("nodejs:default"), code);
    action.limits = ActionLimits();
    action.limits->concurrency = concurrency;
    return action;
}

} // namespace

class TestInvokerFairness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneNamespacesQueueDoesNotHoldAnothersInvoke()
    {
        QTemporaryDir dir;
        LocalConfig config;
        config.dataDir = dir.path();
        config.executor.stemCellsPerRuntime = 0;
        config.limits.invocationsPerMinute = 10000; // the throttles are not what is tested here
        config.limits.concurrentInvocations = 10000;
        auto opened = LocalEngine::open(config);
        QVERIFY(opened.ok());
        std::unique_ptr<LocalEngine> engine = std::move(opened).value();
        const QString a = QStringLiteral("teama");
        const QString b = QStringLiteral("teamb");

        const QString slow = QStringLiteral("function main(){return new Promise(r => setTimeout(() => r({}), 2000))}");
        for (int i = 0; i < 3; ++i)
            take(engine->putAction(a, QStringLiteral("slow%1").arg(i), nodeAction(slow), {}));
        take(engine->putAction(b, QStringLiteral("quick"), nodeAction(QStringLiteral("function main(){return {}}")),
                               {}));
        InvokeOptions nonBlocking;
        nonBlocking.blocking = false;
        for (int call = 0; call < 101; ++call) {
            for (int i = 0; i < 3; ++i)
                take(engine->invokeAction(a, QStringLiteral("slow%1").arg(i), {}, nonBlocking));
        }

        QElapsedTimer timer;
        timer.start();
        const InvokeOutcome answered = take(engine->invokeAction(b, QStringLiteral("quick"), {}, {}));
        const qint64 tookMs = timer.elapsed();
        QVERIFY(answered.activation);
        QVERIFY(answered.activation->succeeded());
        const qint64 ranMs = answered.activation->duration.value_or(0) +
                             answered.activation->annotation(QStringLiteral("initTime")).toInteger();
        qInfo("namespace B answered after %lld ms (its own run: %lld ms) with 303 of A's calls in flight", tookMs,
              ranMs);
        QVERIFY2(tookMs < ranMs + 3000, QByteArray::number(tookMs).constData());
        engine.reset(); // A's queued calls are refused by the shutdown, at once
    }
};

QTEST_GUILESS_MAIN(TestInvokerFairness)
#include "TestInvokerFairness.moc"
