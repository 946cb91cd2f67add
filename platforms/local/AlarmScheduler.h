#pragma once

#include "core/Result.h"
#include "platforms/local/AlarmClock.h"

#include <QHash>
#include <QJsonObject>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace funcdesk {

class StoreWorker;

// One trigger's alarms feed, as stored (entities table, collection "alarm_feeds"). Never holds
// the auth key the feed was created with: only the namespace that key reached.
struct AlarmRegistration
{
    QString ns;            // the trigger's namespace
    QString trigger;       // the trigger's name
    QString feed;          // "alarm", "once" or "interval" (the /whisk.system/alarms action)
    QJsonObject config;    // the schedule as AlarmSchedule::config() gives it (no auth key)
    qint64 acceptedMs = 0; // when CREATE or the last UPDATE accepted `config` (its "now")
    bool active = true;
    qint64 dateChangedMs = 0;
    QJsonObject reason;       // why it is inactive: {kind, statusCode?, message}; empty while active
    qint64 handledUpToMs = 0; // every fire scheduled at or before this was fired or skipped

    QJsonObject toJson() const;
    static std::optional<AlarmRegistration> fromJson(const QString &ns, const QString &trigger,
                                                     const QJsonObject &json);
};

// What the schedule maths (core/AlarmSchedule) says about one registration.
struct AlarmPlan
{
    std::function<std::optional<qint64>(qint64 afterMs)> nextAfter; // epoch ms; nullopt: no more fires
    QJsonObject payload;                                            // what a fire posts to the trigger
    QString deleteAfterFire; // once feed: "true" deletes the trigger, "rules" it and its rules
    QString exhaustedReason; // the provider's text when the last fire is done
};

// The local platform's alarm scheduler: fires each active registration's trigger at its
// scheduled times, within 100 ms (one thread sleeps until the earliest due fire; it never polls).
// Registrations persist in the engine's database; after a restart, fires missed while the
// platform was down are skipped and logged (one line per trigger), never replayed. A trigger is
// disabled as openwhisk-package-alarms' provider does: after its one-shot, after the last fire
// before stopDate, and when firing answers 404 (the trigger is gone).
class AlarmScheduler
{
public:
    struct Hooks
    {
        std::function<Result<AlarmPlan>(const AlarmRegistration &)> plan;
        // Fires the trigger; NotFound means the trigger is gone.
        std::function<Result<Done>(const QString &ns, const QString &trigger, const QJsonObject &payload)> fire;
        // deleteAfterFire: deletes the trigger (and its rules when `withRules`); need not wait.
        std::function<void(const QString &ns, const QString &trigger, bool withRules)> deleteTrigger;
    };
    // Sees every fire: the scheduled time and when it was fired (the clock's ms). Tests, benchmark.
    using Observer = std::function<void(const QString &ns, const QString &trigger, qint64 scheduledMs, qint64 firedMs)>;

    static const QString kCollection; // "alarm_feeds"

    AlarmScheduler(StoreWorker &store, std::shared_ptr<AlarmClock> clock, Hooks hooks);
    ~AlarmScheduler(); // stops firing; what was changed is written
    AlarmScheduler(const AlarmScheduler &) = delete;
    AlarmScheduler &operator=(const AlarmScheduler &) = delete;

    // Loads the stored registrations (skipping missed fires) and starts firing.
    Result<Done> start();

    // Creates or replaces a registration (its plan must build) and waits for the write. Fires
    // already due when it is accepted are not fired: the schedule starts at acceptedMs.
    Result<Done> put(AlarmRegistration registration);
    std::optional<AlarmRegistration> find(const QString &ns, const QString &trigger) const;
    // NotFound when there is none.
    Result<Done> remove(const QString &ns, const QString &trigger);
    // Pauses (active=false, `reason`) or resumes one; a resumed alarm fires from now on, never
    // what fell due while it was paused.
    Result<Done> setActive(const QString &ns, const QString &trigger, bool active, const QJsonObject &reason = {});
    // The trigger was deleted: drops its registration once that delete is written (does not wait).
    void forgetDeletedTrigger(const QString &ns, const QString &trigger, std::function<bool()> triggerStillExists);

    std::optional<qint64> nextFireMs(const QString &ns, const QString &trigger) const;
    AlarmClock &clock() const { return *m_clock; }
    void setObserver(Observer observer);
    // Returns once every fire due at the clock's current time was fired (tests move a manual clock).
    void settle();

private:
    struct Entry
    {
        AlarmRegistration registration;
        AlarmPlan plan;
        std::optional<qint64> next;
        quint64 generation = 0;
    };
    struct Due
    {
        QString key;
        quint64 generation;
        QString ns;
        QString trigger;
        qint64 scheduledMs;
        QJsonObject payload;
    };

    static QString keyOf(const QString &ns, const QString &trigger) { return ns + QLatin1Char('/') + trigger; }
    void run();
    void afterFire(const Due &due, const Result<Done> &fired, qint64 nowMs); // holds m_mutex
    void disable(Entry &entry, std::optional<int> statusCode, const QString &message, qint64 nowMs);
    Result<Done> persist(const QString &ns, const QString &trigger, bool wait);
    void wake();

    StoreWorker &m_store;
    std::shared_ptr<AlarmClock> m_clock;
    Hooks m_hooks;
    Observer m_observer;
    int m_clockSubscription = 0;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    QHash<QString, Entry> m_entries; // "ns/trigger"
    quint64 m_nextGeneration = 0;
    quint64 m_wakeups = 0;
    quint64 m_settleRequested = 0;
    quint64 m_settleCompleted = 0;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace funcdesk
