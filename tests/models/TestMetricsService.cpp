// MetricsService and BudgetMonitor over a real local platform (temporary data folder, real
// Node.js invocations): the backfill finds what ran before, live activations are counted
// exactly once, a restart loads the snapshot and drops the backfill's overlap, connections
// switch and come back, a platform that cannot list activations leaves the service Offline with
// the platform's message and it resumes, and the budget alert fires once per crossing.

#include "models/metrics/MetricsService.h"
#include "platforms/openwhisk/OpenWhiskPlatform.h"
#include "support/FlakyPlatform.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {
// A cold Node.js start on a machine running the other suites (ctest -j2).
constexpr int kWaitMs = 30000;
using State = MetricsService::State;

MetricsSeries lastHour(const MetricsService &service, std::optional<QString> function = {})
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    SeriesQuery query;
    query.fromMs = now - 3600 * 1000;
    query.toMs = now + 60 * 1000;
    query.maxPoints = 60;
    query.function = std::move(function);
    QFuture<MetricsSeries> future = service.query(std::move(query));
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, kWaitMs) || future.resultCount() != 1)
        qFatal("MetricsService::query gave no answer");
    return future.result();
}

qint64 invocationsOf(const MetricsSeries &series, const QString &function)
{
    for (const FunctionTotals &totals : series.functions)
        if (totals.name == function)
            return totals.invocations;
    return 0;
}

quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// Custom prices that make counting easy: one unit per request, nothing else, no free tier.
PriceList onePerRequest()
{
    PriceList prices = PriceList::byId(QStringLiteral("custom"));
    prices.pricePerRequest = 1.0;
    prices.pricePerGbSecond = 0.0;
    prices.pricePerVcpuSecond = 0.0;
    prices.pricePerDiskGbSecond = 0.0;
    prices.freeTier = FreeTier{};
    return prices;
}
} // namespace

class TestMetricsService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFixture> local;
    std::unique_ptr<QTemporaryDir> cache;

    void invokeTimes(LocalFixture &on, const QString &name, int times)
    {
        for (int i = 0; i < times; ++i)
            on.invoke(name, {{QStringLiteral("n"), i}});
    }

private Q_SLOTS:
    void init()
    {
        local = std::make_unique<LocalFixture>();
        cache = std::make_unique<QTemporaryDir>();
        local->put(QStringLiteral("hello"), kSucceeds);
        local->put(QStringLiteral("broken"), kThrows);
    }
    void cleanup()
    {
        local.reset();
        cache.reset();
    }

    void backfillFindsActivationsThatRanBefore()
    {
        invokeTimes(*local, QStringLiteral("hello"), 3);
        local->invoke(QStringLiteral("broken"));
        local->flush();
        MetricsService service(cache->path());
        QSignalSpy coverage(&service, &MetricsService::coverageChanged);
        service.setPlatform(local->platform.get(), QStringLiteral("local"));
        QCOMPARE(service.state(), State::Backfilling);
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), State::Live, kWaitMs);
        QCOMPARE(service.sampleCount(), 4);
        QVERIFY(!coverage.isEmpty());
        QCOMPARE(coverage.last().at(1).toLongLong(), 4);
        QVERIFY(service.oldestMs() > 0);
        const MetricsSeries series = lastHour(service);
        QCOMPARE(series.total.invocations, 4);
        QCOMPARE(series.total.errors(), 1);
        QCOMPARE(invocationsOf(series, QStringLiteral("hello")), 3);
        QCOMPARE(invocationsOf(series, QStringLiteral("broken")), 1);
    }

    void liveActivationsAreCountedOnce()
    {
        MetricsService service(cache->path());
        service.setPlatform(local->platform.get(), QStringLiteral("local"));
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), State::Live, kWaitMs);
        QCOMPARE(service.sampleCount(), 0);
        QSignalSpy updated(&service, &MetricsService::updated);
        invokeTimes(*local, QStringLiteral("hello"), 5);
        local->invoke(QStringLiteral("broken"));
        QTRY_COMPARE_WITH_TIMEOUT(service.sampleCount(), 6, kWaitMs);
        QVERIFY(!updated.isEmpty());
        const MetricsSeries series = lastHour(service);
        QCOMPARE(series.total.invocations, 6);
        QCOMPARE(series.total.errors(), 1);
        QCOMPARE(lastHour(service, QStringLiteral("hello")).total.invocations, 5);
    }

    void aRestartLoadsTheSnapshotAndDropsTheBackfillOverlap()
    {
        invokeTimes(*local, QStringLiteral("hello"), 3);
        local->flush();
        {
            MetricsService first(cache->path());
            first.setPlatform(local->platform.get(), QStringLiteral("local"));
            QTRY_COMPARE_WITH_TIMEOUT(first.state(), State::Live, kWaitMs);
            QCOMPARE(first.sampleCount(), 3);
        } // saves the snapshot
        QCOMPARE(QDir(cache->path()).entryList({QStringLiteral("metrics-*.bin")}),
                 QStringList{QStringLiteral("metrics-local.bin")});
        invokeTimes(*local, QStringLiteral("hello"), 2);
        local->flush();

        MetricsService second(cache->path());
        QSignalSpy coverage(&second, &MetricsService::coverageChanged);
        second.setPlatform(local->platform.get(), QStringLiteral("local"));
        QTRY_COMPARE_WITH_TIMEOUT(second.state(), State::Live, kWaitMs);
        QCOMPARE(coverage.first().at(1).toLongLong(), 3); // the snapshot, before any page
        QCOMPARE(second.sampleCount(), 5);                // the 3 again in the overlap are not counted twice
        QCOMPARE(lastHour(second).total.invocations, 5);
    }

    void anUnreadableSnapshotIsKeptAsideAndTheHistoryReadAgain()
    {
        invokeTimes(*local, QStringLiteral("hello"), 2);
        local->flush();
        QFile damaged(QDir(cache->path()).filePath(QStringLiteral("metrics-local.bin")));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("not a snapshot");
        damaged.close();
        MetricsService service(cache->path());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("damaged or of another version")));
        service.setPlatform(local->platform.get(), QStringLiteral("local"));
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), State::Live, kWaitMs);
        QCOMPARE(service.sampleCount(), 2);
        QFile aside(damaged.fileName() + QStringLiteral(".unreadable"));
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QCOMPARE(aside.readAll(), QByteArray("not a snapshot"));
    }

    void switchingConnectionsAndBackKeepsEachOnesCounts()
    {
        LocalFixture other;
        other.put(QStringLiteral("elsewhere"), kSucceeds);
        invokeTimes(*local, QStringLiteral("hello"), 2);
        other.invoke(QStringLiteral("elsewhere"));
        local->flush();
        other.flush();

        MetricsService service(cache->path());
        service.setPlatform(local->platform.get(), QStringLiteral("first"));
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), State::Live, kWaitMs);
        QCOMPARE(service.sampleCount(), 2);
        service.setPlatform(other.platform.get(), QStringLiteral("second"));
        QCOMPARE(service.platform(), other.platform.get());
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), State::Live, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(service.sampleCount(), 1, kWaitMs);
        const MetricsSeries second = lastHour(service);
        QCOMPARE(invocationsOf(second, QStringLiteral("elsewhere")), 1);
        QCOMPARE(invocationsOf(second, QStringLiteral("hello")), 0);
        // Live activations of the connection left behind are not counted into this one.
        local->invoke(QStringLiteral("hello"));
        other.invoke(QStringLiteral("elsewhere"));
        QTRY_COMPARE_WITH_TIMEOUT(service.sampleCount(), 2, kWaitMs);

        service.setPlatform(local->platform.get(), QStringLiteral("first"));
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), State::Live, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(service.sampleCount(), 3, kWaitMs);
        QCOMPARE(invocationsOf(lastHour(service), QStringLiteral("hello")), 3);
        service.setPlatform(nullptr, {});
        QCOMPARE(service.state(), State::Idle);
    }

    void aFailingPlatformIsOfflineWithItsMessageAndResumes()
    {
        invokeTimes(*local, QStringLiteral("hello"), 2);
        local->flush();
        FlakyPlatform flaky(local->platform.get());
        flaky.setFailing(true);
        MetricsService service(cache->path());
        QSignalSpy errors(&service, &MetricsService::errorOccurred);
        service.setPlatform(&flaky, QStringLiteral("flaky"));
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), State::Offline, kWaitMs);
        QCOMPARE(errors.first().first().toString(), FlakyPlatform::failureMessage());
        flaky.setFailing(false); // the next retry (1 s, then 2 s, ...) goes through
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), State::Live, kWaitMs);
        QCOMPARE(service.sampleCount(), 2);
    }

    void anUnreachableRemotePlatformIsOffline()
    {
        OpenWhiskConfig config;
        config.apiHost = QStringLiteral("http://127.0.0.1:%1").arg(closedPort());
        config.auth = QStringLiteral("u:k");
        config.ns = QStringLiteral("guest");
        config.requestTimeoutMs = 5000;
        OpenWhiskPlatform remote(config);
        MetricsService service(cache->path());
        QSignalSpy errors(&service, &MetricsService::errorOccurred);
        service.setPlatform(&remote, QStringLiteral("remote"));
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), State::Offline, kWaitMs);
        QTRY_VERIFY(!errors.isEmpty());
        QVERIFY(!errors.first().first().toString().isEmpty());
        QCOMPARE(service.sampleCount(), 0);
        service.setPlatform(nullptr, {});
        QCOMPARE(service.state(), State::Idle);
    }

    void theBudgetAlertFiresOncePerCrossingAndAgainAfterRaising()
    {
        MetricsService service(cache->path());
        service.setPriceList(onePerRequest());
        BudgetMonitor monitor(&service);
        QSignalSpy exceeded(&monitor, &BudgetMonitor::budgetExceeded);
        service.setPlatform(local->platform.get(), QStringLiteral("local"));
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), State::Live, kWaitMs);

        local->invoke(QStringLiteral("hello"));
        QTRY_COMPARE_WITH_TIMEOUT(monitor.month().toDate, 1.0, kWaitMs);
        const double one = monitor.month().projected;
        QVERIFY(one >= 1.0);
        QCOMPARE(monitor.month().month.day(), 1);
        monitor.setBudget(one * 1.5);
        local->invoke(QStringLiteral("hello"));
        QTRY_COMPARE_WITH_TIMEOUT(monitor.month().toDate, 2.0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(exceeded.size(), 1, kWaitMs); // projected about 2 × one
        QVERIFY(exceeded.first().at(0).toDouble() > one * 1.5);
        QCOMPARE(exceeded.first().at(1).toDouble(), one * 1.5);
        local->invoke(QStringLiteral("hello"));
        QTRY_COMPARE_WITH_TIMEOUT(monitor.month().toDate, 3.0, kWaitMs);
        monitor.checkNow();
        QTest::qWait(200);
        QCOMPARE(exceeded.size(), 1); // still over, not told again

        const double raised = monitor.month().projected * 1.5;
        monitor.setBudget(raised);
        QTest::qWait(200);
        QCOMPARE(exceeded.size(), 1); // under the raised budget
        invokeTimes(*local, QStringLiteral("hello"), 2);
        QTRY_COMPARE_WITH_TIMEOUT(monitor.month().toDate, 5.0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(exceeded.size(), 2, kWaitMs);
        QCOMPARE(exceeded.last().at(1).toDouble(), raised);
    }
};

QTEST_GUILESS_MAIN(TestMetricsService)
#include "TestMetricsService.moc"
