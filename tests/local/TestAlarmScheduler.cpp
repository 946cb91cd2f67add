// AlarmScheduler on a clock the test moves and a real database: fire times, pause, the
// provider's disabling (one-shot, stop date, trigger gone), deleteAfterFire, and a restart that
// skips the fires missed while down. The schedules here are plain "every N ms" plans, so these
// tests check the scheduler alone; the alarms feeds' own schedules are tested with the engine.

#include "platforms/local/AlarmScheduler.h"
#include "platforms/local/StoreWorker.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;

namespace {

const QString kNs = QStringLiteral("guest");
constexpr qint64 kT0 = 1'800'000'000'000; // a fixed epoch ms, 2027-01-15

struct Fire
{
    QString trigger;
    qint64 scheduledMs;
    QJsonObject payload;
};

// {everyMs, stopMs?, once?, deleteAfterFire?}: fires at acceptedMs + k * everyMs (k >= 1); a
// "once" plan fires at acceptedMs + everyMs only.
Result<AlarmPlan> everyPlan(const AlarmRegistration &registration)
{
    const qint64 every = registration.config.value(QLatin1StringView("everyMs")).toInteger();
    if (every <= 0)
        return PlatformError{PlatformError::Kind::Invalid, QStringLiteral("everyMs must be positive")};
    const qint64 start = registration.acceptedMs;
    const qint64 stop = registration.config.value(QLatin1StringView("stopMs")).toInteger(0);
    const bool once = registration.config.value(QLatin1StringView("once")).toBool();
    AlarmPlan plan;
    plan.payload = {{QLatin1StringView("payload"), registration.trigger}};
    plan.deleteAfterFire = registration.config.value(QLatin1StringView("deleteAfterFire")).toString();
    plan.exhaustedReason = once ? QStringLiteral("Automatically disabled after firing once")
                                : QStringLiteral("Automatically disabled after firing last scheduled interval trigger");
    plan.nextAfter = [=](qint64 after) -> std::optional<qint64> {
        if (once)
            return after < start + every ? std::optional<qint64>(start + every) : std::nullopt;
        const qint64 next = start + ((std::max(after, start) - start) / every + 1) * every;
        if (stop > 0 && next >= stop)
            return std::nullopt;
        return next;
    };
    return plan;
}

} // namespace

class TestAlarmScheduler : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<StoreWorker> store;
    std::shared_ptr<ManualAlarmClock> clock;
    std::unique_ptr<AlarmScheduler> scheduler;
    QList<Fire> fires;
    QStringList gone;                        // triggers whose fire answers 404
    QList<std::pair<QString, bool>> deleted; // deleteAfterFire's calls
    std::mutex firesMutex;

    void openScheduler()
    {
        scheduler.reset();
        store.reset();
        auto started = StoreWorker::start(dir->filePath(QStringLiteral("funcdesk.db")), {});
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        store = std::move(started).value();
        AlarmScheduler::Hooks hooks;
        hooks.plan = everyPlan;
        hooks.fire = [this](const QString &ns, const QString &trigger, const QJsonObject &payload) -> Result<Done> {
            Q_UNUSED(ns);
            std::lock_guard lock(firesMutex);
            if (gone.contains(trigger))
                return PlatformError{PlatformError::Kind::NotFound, QStringLiteral("gone")};
            fires.append({trigger, 0, payload});
            return Done{};
        };
        hooks.deleteTrigger = [this](const QString &, const QString &trigger, bool withRules) {
            std::lock_guard lock(firesMutex);
            deleted.append({trigger, withRules});
        };
        scheduler = std::make_unique<AlarmScheduler>(*store, clock, hooks);
        scheduler->setObserver([this](const QString &, const QString &, qint64 scheduledMs, qint64) {
            std::lock_guard lock(firesMutex);
            lastScheduled = scheduledMs;
        });
        QVERIFY(scheduler->start().ok());
    }

    void add(const QString &trigger, QJsonObject params)
    {
        AlarmRegistration registration;
        registration.ns = kNs;
        registration.trigger = trigger;
        registration.feed =
            params.value(QLatin1StringView("once")).toBool() ? QStringLiteral("once") : QStringLiteral("interval");
        registration.config = params;
        registration.acceptedMs = clock->nowMs();
        registration.dateChangedMs = clock->nowMs();
        const auto put = scheduler->put(registration);
        QVERIFY2(put.ok(), qPrintable(put.ok() ? QString() : put.error().message));
    }

    // Moves the clock and waits until everything due is fired.
    void advance(qint64 ms)
    {
        clock->advance(ms);
        scheduler->settle();
    }

    int fireCount()
    {
        std::lock_guard lock(firesMutex);
        return int(fires.size());
    }

    qint64 lastScheduled = 0;

private Q_SLOTS:
    void init()
    {
        dir = std::make_unique<QTemporaryDir>();
        clock = std::make_shared<ManualAlarmClock>(kT0);
        fires.clear();
        gone.clear();
        deleted.clear();
        lastScheduled = 0;
        openScheduler();
    }
    void cleanup()
    {
        scheduler.reset();
        store.reset();
    }

    void firesAtEachScheduledTimeAndNotBefore()
    {
        add(QStringLiteral("tick"), {{QLatin1StringView("everyMs"), 1000}});
        QCOMPARE(scheduler->nextFireMs(kNs, QStringLiteral("tick")), std::optional<qint64>(kT0 + 1000));
        advance(999);
        QCOMPARE(fireCount(), 0);
        advance(1);
        QCOMPARE(fireCount(), 1);
        QCOMPARE(lastScheduled, kT0 + 1000);
        QCOMPARE(fires.first().payload.value(QLatin1StringView("payload")).toString(), QStringLiteral("tick"));
        advance(1000);
        QCOMPARE(fireCount(), 2);
        QCOMPARE(lastScheduled, kT0 + 2000);
        QCOMPARE(scheduler->nextFireMs(kNs, QStringLiteral("tick")), std::optional<qint64>(kT0 + 3000));
    }

    void pausedAlarmStaysSilentAndResumesFromNowWithoutCatchingUp()
    {
        add(QStringLiteral("tick"), {{QLatin1StringView("everyMs"), 1000}});
        const QJsonObject reason{{QLatin1StringView("kind"), QStringLiteral("USER")}};
        QVERIFY(scheduler->setActive(kNs, QStringLiteral("tick"), false, reason).ok());
        advance(5000);
        QCOMPARE(fireCount(), 0);
        QCOMPARE(scheduler->find(kNs, QStringLiteral("tick"))->reason, reason);
        QVERIFY(scheduler->setActive(kNs, QStringLiteral("tick"), true).ok());
        scheduler->settle();
        QCOMPARE(fireCount(), 0); // the five fires due while paused are not replayed
        advance(1000);
        QCOMPARE(fireCount(), 1);
        QCOMPARE(lastScheduled, kT0 + 6000);
        QVERIFY(scheduler->find(kNs, QStringLiteral("tick"))->reason.isEmpty());
    }

    void oneShotIsDisabledAfterItsFire()
    {
        add(QStringLiteral("once"), {{QLatin1StringView("everyMs"), 500}, {QLatin1StringView("once"), true}});
        advance(500);
        advance(5000);
        QCOMPARE(fireCount(), 1);
        const AlarmRegistration after = *scheduler->find(kNs, QStringLiteral("once"));
        QVERIFY(!after.active);
        QCOMPARE(after.dateChangedMs, kT0 + 500);
        QCOMPARE(after.reason.value(QLatin1StringView("kind")).toString(), QStringLiteral("AUTO"));
        QCOMPARE(after.reason.value(QLatin1StringView("message")).toString(),
                 QStringLiteral("Automatically disabled after firing once"));
    }

    void lastFireBeforeStopDateDisablesTheAlarm()
    {
        add(QStringLiteral("until"), {{QLatin1StringView("everyMs"), 1000}, {QLatin1StringView("stopMs"), kT0 + 2500}});
        for (int i = 0; i < 5; ++i)
            advance(1000);
        QCOMPARE(fireCount(), 2);
        const AlarmRegistration after = *scheduler->find(kNs, QStringLiteral("until"));
        QVERIFY(!after.active);
        QCOMPARE(after.reason.value(QLatin1StringView("message")).toString(),
                 QStringLiteral("Automatically disabled after firing last scheduled interval trigger"));
        QCOMPARE(after.dateChangedMs, kT0 + 2000); // disabled right after the last fire
    }

    void fireAnswering404DisablesTheAlarm()
    {
        add(QStringLiteral("deleted"), {{QLatin1StringView("everyMs"), 1000}});
        gone.append(QStringLiteral("deleted"));
        advance(1000);
        advance(1000);
        const AlarmRegistration after = *scheduler->find(kNs, QStringLiteral("deleted"));
        QVERIFY(!after.active);
        QCOMPARE(after.reason.value(QLatin1StringView("statusCode")).toInt(), 404);
        QCOMPARE(after.reason.value(QLatin1StringView("message")).toString(),
                 QStringLiteral("Trigger automatically disabled: Received a 404 status code when firing the trigger"));
        QCOMPARE(scheduler->nextFireMs(kNs, QStringLiteral("deleted")), std::nullopt);
    }

    void deleteAfterFireDeletesTheTriggerAndDropsTheRegistration()
    {
        add(QStringLiteral("bye"), {{QLatin1StringView("everyMs"), 100},
                                    {QLatin1StringView("once"), true},
                                    {QLatin1StringView("deleteAfterFire"), QStringLiteral("rules")}});
        add(QStringLiteral("keep"), {{QLatin1StringView("everyMs"), 100},
                                     {QLatin1StringView("once"), true},
                                     {QLatin1StringView("deleteAfterFire"), QStringLiteral("true")}});
        advance(100);
        QCOMPARE(fireCount(), 2);
        QCOMPARE(deleted.size(), 2);
        QVERIFY(deleted.contains(std::pair{QStringLiteral("bye"), true}));
        QVERIFY(deleted.contains(std::pair{QStringLiteral("keep"), false}));
        QVERIFY(!scheduler->find(kNs, QStringLiteral("bye")));
        openScheduler(); // and it is gone from the database too
        QVERIFY(!scheduler->find(kNs, QStringLiteral("bye")));
        QVERIFY(!scheduler->find(kNs, QStringLiteral("keep")));
    }

    void restartSkipsAndLogsMissedFiresInsteadOfReplayingThem()
    {
        add(QStringLiteral("tick"), {{QLatin1StringView("everyMs"), 1000}});
        advance(1000);
        QCOMPARE(fireCount(), 1);
        scheduler.reset(); // the platform stops for 10.5 s
        clock->advance(10500);
        QTest::ignoreMessage(QtInfoMsg,
                             "alarm trigger /guest/tick: skipped 10 fire(s) missed while the platform was down");
        openScheduler();
        scheduler->settle();
        QCOMPARE(fireCount(), 1);
        QCOMPARE(scheduler->nextFireMs(kNs, QStringLiteral("tick")), std::optional<qint64>(kT0 + 12000));
        advance(500);
        QCOMPARE(fireCount(), 2);
        QCOMPARE(lastScheduled, kT0 + 12000);
    }

    void restartKeepsPausedStateAndSchedule()
    {
        add(QStringLiteral("a"), {{QLatin1StringView("everyMs"), 1000}});
        add(QStringLiteral("b"), {{QLatin1StringView("everyMs"), 1000}});
        QVERIFY(scheduler->setActive(kNs, QStringLiteral("b"), false, {}).ok());
        openScheduler();
        QVERIFY(scheduler->find(kNs, QStringLiteral("a"))->active);
        QVERIFY(!scheduler->find(kNs, QStringLiteral("b"))->active);
        advance(1000);
        QCOMPARE(fireCount(), 1);
        QCOMPARE(fires.first().trigger, QStringLiteral("a"));
    }

    void oneShotMissedWhileDownIsDisabledNotFired()
    {
        add(QStringLiteral("once"), {{QLatin1StringView("everyMs"), 1000}, {QLatin1StringView("once"), true}});
        scheduler.reset();
        clock->advance(2000);
        QTest::ignoreMessage(QtInfoMsg,
                             "alarm trigger /guest/once: skipped 1 fire(s) missed while the platform was down");
        QTest::ignoreMessage(QtInfoMsg, "alarm trigger /guest/once: disabled: Automatically disabled after receiving "
                                        "error on trigger initialization: the fire once date has expired");
        openScheduler();
        scheduler->settle();
        QCOMPARE(fireCount(), 0);
        QVERIFY(!scheduler->find(kNs, QStringLiteral("once"))->active);
    }

    void removeAndTriggerDeletionDropTheRegistration()
    {
        add(QStringLiteral("a"), {{QLatin1StringView("everyMs"), 1000}});
        add(QStringLiteral("b"), {{QLatin1StringView("everyMs"), 1000}});
        QVERIFY(scheduler->remove(kNs, QStringLiteral("a")).ok());
        QCOMPARE(scheduler->remove(kNs, QStringLiteral("a")).error().kind, PlatformError::Kind::NotFound);
        scheduler->forgetDeletedTrigger(kNs, QStringLiteral("b"), [] { return true; }); // delete failed: kept
        store->flush();
        QVERIFY(scheduler->find(kNs, QStringLiteral("b")));
        scheduler->forgetDeletedTrigger(kNs, QStringLiteral("b"), [] { return false; });
        store->flush();
        QVERIFY(!scheduler->find(kNs, QStringLiteral("b")));
        advance(5000);
        QCOMPARE(fireCount(), 0);
        openScheduler();
        QVERIFY(!scheduler->find(kNs, QStringLiteral("b")));
    }

    void aPlanThatDoesNotBuildIsRefused()
    {
        AlarmRegistration registration;
        registration.ns = kNs;
        registration.trigger = QStringLiteral("bad");
        registration.feed = QStringLiteral("interval");
        registration.acceptedMs = kT0;
        const auto refused = scheduler->put(registration);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().message, QStringLiteral("everyMs must be positive"));
        QVERIFY(!scheduler->find(kNs, QStringLiteral("bad")));
    }
};

QTEST_GUILESS_MAIN(TestAlarmScheduler)
#include "TestAlarmScheduler.moc"
