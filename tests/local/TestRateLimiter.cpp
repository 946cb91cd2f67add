// RateLimiter: OpenWhisk's namespace throttles, on a clock the test moves by hand, so a minute
// passes at once.

#include "platforms/local/RateLimiter.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace funcdesk;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private:
    qint64 now = 0;
    RateLimiter::Clock clock()
    {
        return [this] { return now; };
    }

private Q_SLOTS:
    void init() { now = 0; }

    void invocationsPastThePerMinuteLimitAreRefusedWithOpenWhisksText()
    {
        RateLimiter limiter({3, 100, 60}, clock());
        for (int i = 0; i < 3; ++i) {
            const auto slot = limiter.admitInvocation(QStringLiteral("guest"));
            QVERIFY(slot.ok());
            slot->release();
        }
        const auto refused = limiter.admitInvocation(QStringLiteral("guest"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, PlatformError::Kind::Limit);
        QCOMPARE(refused.error().message,
                 QStringLiteral("Too many requests in the last minute (count: 4, allowed: 3)."));
        // Refused calls are charged too, as OpenWhisk's RateThrottler charges every check.
        QCOMPARE(limiter.admitInvocation(QStringLiteral("guest")).error().message,
                 QStringLiteral("Too many requests in the last minute (count: 5, allowed: 3)."));
        QCOMPARE(limiter.inFlight(QStringLiteral("guest")), 0);
    }

    void theNextMinuteStartsAFreshCount()
    {
        RateLimiter limiter({2, 100, 60}, clock());
        now = 59999; // still the first minute
        QVERIFY(limiter.admitInvocation(QStringLiteral("guest")).ok());
        QVERIFY(limiter.admitInvocation(QStringLiteral("guest")).ok());
        QVERIFY(!limiter.admitInvocation(QStringLiteral("guest")).ok());
        now = 60000;
        QVERIFY(limiter.admitInvocation(QStringLiteral("guest")).ok());
        QVERIFY(limiter.admitInvocation(QStringLiteral("guest")).ok());
        QVERIFY(!limiter.admitInvocation(QStringLiteral("guest")).ok());
        now = 10 * 60000 + 5; // minutes without calls in between
        QVERIFY(limiter.admitInvocation(QStringLiteral("guest")).ok());
    }

    void eachNamespaceHasItsOwnBudget()
    {
        RateLimiter limiter({1, 1, 1}, clock());
        QVERIFY(limiter.admitInvocation(QStringLiteral("guest")).ok());
        QVERIFY(!limiter.admitInvocation(QStringLiteral("guest")).ok());
        QVERIFY(limiter.admitInvocation(QStringLiteral("team")).ok());
        QVERIFY(!limiter.admitFire(QStringLiteral("guest")).has_value());
        QVERIFY(!limiter.admitFire(QStringLiteral("team")).has_value());
    }

    void invocationsInFlightAreCappedUntilReleased()
    {
        RateLimiter limiter({1000, 2, 60}, clock());
        const auto first = limiter.admitInvocation(QStringLiteral("guest"));
        const auto second = limiter.admitInvocation(QStringLiteral("guest"));
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(limiter.inFlight(QStringLiteral("guest")), 2);
        const auto refused = limiter.admitInvocation(QStringLiteral("guest"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, PlatformError::Kind::Limit);
        QCOMPARE(refused.error().message,
                 QStringLiteral("Too many concurrent requests in flight (count: 2, allowed: 2)."));
        QCOMPARE(limiter.inFlight(QStringLiteral("guest")), 2); // the refused one took no slot
        first->release();
        QCOMPARE(limiter.inFlight(QStringLiteral("guest")), 1);
        const auto third = limiter.admitInvocation(QStringLiteral("guest"));
        QVERIFY(third.ok());
        second->release();
        third->release();
        QCOMPARE(limiter.inFlight(QStringLiteral("guest")), 0);
    }

    void firesHaveTheirOwnPerMinuteLimit()
    {
        RateLimiter limiter({1000, 100, 2}, clock());
        QVERIFY(!limiter.admitFire(QStringLiteral("guest")).has_value());
        QVERIFY(!limiter.admitFire(QStringLiteral("guest")).has_value());
        const auto refused = limiter.admitFire(QStringLiteral("guest"));
        QVERIFY(refused.has_value());
        QCOMPARE(refused->kind, PlatformError::Kind::Limit);
        QCOMPARE(refused->message, QStringLiteral("Too many requests in the last minute (count: 3, allowed: 2)."));
        QVERIFY(limiter.admitInvocation(QStringLiteral("guest")).ok()); // invocations are counted apart
        now += RateLimiter::kWindowMs;
        QVERIFY(!limiter.admitFire(QStringLiteral("guest")).has_value());
    }

    void zeroRefusesEveryCall()
    {
        RateLimiter limiter({0, 0, 0}, clock());
        QCOMPARE(limiter.admitInvocation(QStringLiteral("guest")).error().message,
                 QStringLiteral("Too many requests in the last minute (count: 1, allowed: 0)."));
        RateLimiter noRoom({10, 0, 0}, clock());
        QCOMPARE(noRoom.admitInvocation(QStringLiteral("guest")).error().message,
                 QStringLiteral("Too many concurrent requests in flight (count: 0, allowed: 0)."));
        QVERIFY(noRoom.admitFire(QStringLiteral("guest")).has_value());
    }

    void concurrentCallersNeverExceedTheLimits()
    {
        // 4 threads × 5,000 calls against 10,000 a minute and 3 in flight: exactly 10,000 are
        // charged within the minute, and no more than 3 ever hold a slot at once.
        RateLimiter limiter({10000, 3, 60}, clock());
        std::atomic<int> admitted{0};
        std::atomic<int> holding{0};
        std::atomic<int> mostHeld{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 5000; ++i) {
                    const auto slot = limiter.admitInvocation(QStringLiteral("guest"));
                    if (!slot.ok())
                        continue;
                    const int held = holding.fetch_add(1) + 1;
                    int seen = mostHeld.load();
                    while (held > seen && !mostHeld.compare_exchange_weak(seen, held)) {
                    }
                    admitted.fetch_add(1);
                    holding.fetch_sub(1);
                    slot->release();
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QVERIFY(admitted.load() <= 10000);
        QVERIFY2(admitted.load() > 0, "nothing was admitted");
        QVERIFY(mostHeld.load() <= 3);
        QCOMPARE(limiter.inFlight(QStringLiteral("guest")), 0);
        QCOMPARE(limiter.admitInvocation(QStringLiteral("guest")).error().message,
                 QStringLiteral("Too many requests in the last minute (count: 20001, allowed: 10000)."));
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "TestRateLimiter.moc"
