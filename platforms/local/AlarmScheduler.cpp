#include "platforms/local/AlarmScheduler.h"

#include "platforms/local/EngineState.h"
#include "platforms/local/StoreWorker.h"

#include <QLoggingCategory>

#include <algorithm>
#include <vector>

Q_LOGGING_CATEGORY(lcAlarms, "funcdesk.alarms", QtInfoMsg)

namespace funcdesk {

namespace {
// Counting the fires missed while the platform was down stops here ("more than N"): a
// one-second cron down for a day is 86,400, which is still counted exactly.
constexpr qint64 kMaxCountedMisses = 1000000;
// A fire found more than this late (the machine was suspended, the clock jumped) is skipped and
// logged like a missed one rather than fired late, so a backlog is never replayed in a burst.
constexpr qint64 kMaxLatenessMs = 1000;

const QString kNotFoundMessage =
    QStringLiteral("Trigger automatically disabled: Received a 404 status code when firing the trigger");
const QString kExpiredOnceMessage = QStringLiteral(
    "Automatically disabled after receiving error on trigger initialization: the fire once date has expired");

QString fullName(const QString &ns, const QString &trigger)
{
    return QLatin1Char('/') + ns + QLatin1Char('/') + trigger;
}
} // namespace

const QString AlarmScheduler::kCollection = QStringLiteral("alarm_feeds");

QJsonObject AlarmRegistration::toJson() const
{
    QJsonObject status{{QLatin1StringView("active"), active}, {QLatin1StringView("dateChanged"), dateChangedMs}};
    if (!reason.isEmpty())
        status.insert(QLatin1StringView("reason"), reason);
    return {{QLatin1StringView("feed"), feed},
            {QLatin1StringView("config"), config},
            {QLatin1StringView("acceptedMs"), acceptedMs},
            {QLatin1StringView("handledUpToMs"), handledUpToMs},
            {QLatin1StringView("status"), status}};
}

std::optional<AlarmRegistration> AlarmRegistration::fromJson(const QString &ns, const QString &trigger,
                                                             const QJsonObject &json)
{
    AlarmRegistration r;
    r.ns = ns;
    r.trigger = trigger;
    r.feed = json.value(QLatin1StringView("feed")).toString();
    r.config = json.value(QLatin1StringView("config")).toObject();
    r.acceptedMs = json.value(QLatin1StringView("acceptedMs")).toInteger();
    r.handledUpToMs = json.value(QLatin1StringView("handledUpToMs")).toInteger();
    const QJsonObject status = json.value(QLatin1StringView("status")).toObject();
    r.active = status.value(QLatin1StringView("active")).toBool(true);
    r.dateChangedMs = status.value(QLatin1StringView("dateChanged")).toInteger();
    r.reason = status.value(QLatin1StringView("reason")).toObject();
    if (r.feed.isEmpty() || r.acceptedMs <= 0)
        return std::nullopt;
    return r;
}

AlarmScheduler::AlarmScheduler(StoreWorker &store, std::shared_ptr<AlarmClock> clock, Hooks hooks)
    : m_store(store), m_clock(clock ? std::move(clock) : std::make_shared<AlarmClock>()), m_hooks(std::move(hooks))
{
}

AlarmScheduler::~AlarmScheduler()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    m_clock->unsubscribe(m_clockSubscription);
    // Writes posted earlier read this scheduler when they run: let them run first.
    m_store.post<int>([](StoreWorker::Store &) { return 0; }).waitForFinished();
}

Result<Done> AlarmScheduler::start()
{
    auto loaded = m_store
                      .post<Result<QList<EntityRepository::Document>>>(
                          [](StoreWorker::Store &store) { return store.entities.all(kCollection); })
                      .result();
    if (!loaded)
        return loaded.error();
    const qint64 now = m_clock->nowMs();
    QStringList changed;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &document : loaded.value()) {
            auto registration = AlarmRegistration::fromJson(document.ns, document.name, document.body);
            if (!registration) {
                qCWarning(lcAlarms, "alarm trigger %s: the stored registration cannot be read; ignored",
                          qPrintable(fullName(document.ns, document.name)));
                continue;
            }
            Entry entry{*registration, {}, std::nullopt, ++m_nextGeneration};
            auto plan = m_hooks.plan(entry.registration);
            if (!plan) {
                entry.plan.nextAfter = [](qint64) { return std::optional<qint64>(); };
                if (entry.registration.active)
                    disable(entry, std::nullopt, plan.error().message, now);
            } else {
                entry.plan = std::move(plan).value();
            }
            AlarmRegistration &r = entry.registration;
            if (r.active) {
                std::optional<qint64> next = entry.plan.nextAfter(r.handledUpToMs);
                qint64 missed = 0;
                while (next && *next <= now && missed < kMaxCountedMisses) {
                    ++missed;
                    next = entry.plan.nextAfter(*next);
                }
                if (missed > 0) {
                    qCInfo(lcAlarms, "alarm trigger %s: skipped %s%lld fire(s) missed while the platform was down",
                           qPrintable(fullName(r.ns, r.trigger)), missed >= kMaxCountedMisses ? "more than " : "",
                           static_cast<long long>(missed));
                    if (missed >= kMaxCountedMisses)
                        next = entry.plan.nextAfter(now);
                    r.handledUpToMs = now;
                    changed.append(keyOf(r.ns, r.trigger));
                }
                entry.next = next;
                if (!next) {
                    disable(entry, std::nullopt,
                            r.feed == QLatin1StringView("once") && missed > 0 ? kExpiredOnceMessage
                                                                              : entry.plan.exhaustedReason,
                            now);
                    changed.append(keyOf(r.ns, r.trigger));
                }
            }
            m_entries.insert(keyOf(r.ns, r.trigger), entry);
        }
        for (const QString &key : std::as_const(changed)) {
            const Entry &entry = m_entries.value(key);
            persist(entry.registration.ns, entry.registration.trigger, false);
        }
    }
    if (m_clock->isManual())
        m_clockSubscription = m_clock->subscribe([this] { wake(); });
    m_thread = std::thread([this] { run(); });
    return Done{};
}

Result<Done> AlarmScheduler::put(AlarmRegistration registration)
{
    auto plan = m_hooks.plan(registration);
    if (!plan)
        return plan.error();
    if (registration.handledUpToMs < registration.acceptedMs)
        registration.handledUpToMs = registration.acceptedMs;
    const QString key = keyOf(registration.ns, registration.trigger);
    std::optional<Entry> previous;
    {
        std::lock_guard lock(m_mutex);
        Entry entry{registration, std::move(plan).value(), std::nullopt, ++m_nextGeneration};
        entry.next = entry.plan.nextAfter(registration.handledUpToMs);
        if (m_entries.contains(key))
            previous = m_entries.take(key);
        m_entries.insert(key, entry);
    }
    wake();
    auto written = persist(registration.ns, registration.trigger, true);
    if (!written) {
        std::lock_guard lock(m_mutex);
        m_entries.remove(key);
        if (previous)
            m_entries.insert(key, *previous);
    }
    return written;
}

std::optional<AlarmRegistration> AlarmScheduler::find(const QString &ns, const QString &trigger) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.constFind(keyOf(ns, trigger));
    if (it == m_entries.cend())
        return std::nullopt;
    return it->registration;
}

Result<Done> AlarmScheduler::remove(const QString &ns, const QString &trigger)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_entries.remove(keyOf(ns, trigger)))
            return notFoundError();
    }
    wake();
    return persist(ns, trigger, true);
}

Result<Done> AlarmScheduler::setActive(const QString &ns, const QString &trigger, bool active,
                                       const QJsonObject &reason)
{
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(keyOf(ns, trigger));
        if (it == m_entries.end())
            return notFoundError();
        const qint64 now = m_clock->nowMs();
        AlarmRegistration &r = it->registration;
        r.active = active;
        r.dateChangedMs = now;
        r.reason = active ? QJsonObject() : reason;
        if (active) {
            r.handledUpToMs = std::max(r.handledUpToMs, now);
            it->next = it->plan.nextAfter(r.handledUpToMs);
        }
        ++it->generation; // a fire running now leaves this state alone
    }
    wake();
    return persist(ns, trigger, true);
}

void AlarmScheduler::forgetDeletedTrigger(const QString &ns, const QString &trigger,
                                          std::function<bool()> triggerStillExists)
{
    // Posted behind the trigger's delete on the same store thread, so it sees its outcome.
    m_store.post<Result<Done>>([this, ns, trigger, triggerStillExists](StoreWorker::Store &store) -> Result<Done> {
        if (triggerStillExists())
            return Done{};
        {
            std::lock_guard lock(m_mutex);
            if (!m_entries.remove(keyOf(ns, trigger)))
                return Done{};
        }
        wake();
        return store.entities.remove(kCollection, ns, trigger);
    });
}

std::optional<qint64> AlarmScheduler::nextFireMs(const QString &ns, const QString &trigger) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.constFind(keyOf(ns, trigger));
    if (it == m_entries.cend() || !it->registration.active)
        return std::nullopt;
    return it->next;
}

void AlarmScheduler::setObserver(Observer observer)
{
    std::lock_guard lock(m_mutex);
    m_observer = std::move(observer);
}

void AlarmScheduler::settle()
{
    std::unique_lock lock(m_mutex);
    if (!m_thread.joinable())
        return;
    const quint64 target = ++m_settleRequested;
    ++m_wakeups;
    m_changed.notify_all();
    m_changed.wait(lock, [this, target] { return m_stopping || m_settleCompleted >= target; });
}

void AlarmScheduler::wake()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_wakeups;
    }
    m_changed.notify_all();
}

Result<Done> AlarmScheduler::persist(const QString &ns, const QString &trigger, bool wait)
{
    // The write takes the registration as it is when the store thread gets to it, so writes
    // posted from different threads can never leave an older state on disk.
    auto written = m_store.post<Result<Done>>([this, ns, trigger](StoreWorker::Store &store) -> Result<Done> {
        std::optional<AlarmRegistration> registration = find(ns, trigger);
        if (!registration)
            return store.entities.remove(kCollection, ns, trigger);
        return store.entities.put(kCollection, ns, trigger, registration->dateChangedMs, registration->toJson());
    });
    if (!wait)
        return Done{};
    return written.result();
}

void AlarmScheduler::disable(Entry &entry, std::optional<int> statusCode, const QString &message, qint64 nowMs)
{
    AlarmRegistration &r = entry.registration;
    r.active = false;
    r.dateChangedMs = nowMs;
    r.reason = {{QLatin1StringView("kind"), QStringLiteral("AUTO")}, {QLatin1StringView("message"), message}};
    if (statusCode)
        r.reason.insert(QLatin1StringView("statusCode"), *statusCode);
    qCInfo(lcAlarms, "alarm trigger %s: disabled: %s", qPrintable(fullName(r.ns, r.trigger)), qPrintable(message));
}

void AlarmScheduler::afterFire(const Due &due, const Result<Done> &fired, qint64 nowMs)
{
    const auto it = m_entries.find(due.key);
    if (it == m_entries.end() || it->generation != due.generation)
        return; // replaced, paused or removed meanwhile
    Entry &entry = *it;
    AlarmRegistration &r = entry.registration;
    r.handledUpToMs = std::max(r.handledUpToMs, due.scheduledMs);
    if (fired && (entry.plan.deleteAfterFire == QLatin1StringView("true") ||
                  entry.plan.deleteAfterFire == QLatin1StringView("rules")))
        return; // the caller deletes the trigger and drops the registration
    if (!fired && fired.error().kind == PlatformError::Kind::NotFound) {
        disable(entry, 404, kNotFoundMessage, nowMs);
    } else {
        if (!fired)
            qCWarning(lcAlarms, "alarm trigger %s: the fire failed: %s", qPrintable(fullName(r.ns, r.trigger)),
                      qPrintable(fired.error().message));
        std::optional<qint64> next = entry.plan.nextAfter(due.scheduledMs);
        if (next && *next < nowMs - kMaxLatenessMs) {
            qint64 skipped = 0;
            while (next && *next <= nowMs && skipped < kMaxCountedMisses) {
                ++skipped;
                next = entry.plan.nextAfter(*next);
            }
            qCWarning(lcAlarms, "alarm trigger %s: skipped %lld fire(s) that fell due more than %lld ms ago",
                      qPrintable(fullName(r.ns, r.trigger)), static_cast<long long>(skipped),
                      static_cast<long long>(kMaxLatenessMs));
            r.handledUpToMs = nowMs;
        }
        entry.next = next;
        if (!next)
            disable(entry, std::nullopt, entry.plan.exhaustedReason, nowMs);
    }
    persist(r.ns, r.trigger, false);
}

void AlarmScheduler::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        const quint64 settleSeen = m_settleRequested;
        const quint64 wakeups = m_wakeups;
        const qint64 now = m_clock->nowMs();
        std::vector<Due> due;
        std::optional<qint64> earliest;
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
            if (!it->registration.active || !it->next)
                continue;
            if (*it->next <= now)
                due.push_back({it.key(), it->generation, it->registration.ns, it->registration.trigger, *it->next,
                               it->plan.payload});
            else if (!earliest || *it->next < *earliest)
                earliest = it->next;
        }
        if (!due.empty()) {
            std::sort(due.begin(), due.end(), [](const Due &a, const Due &b) { return a.scheduledMs < b.scheduledMs; });
            const Observer observer = m_observer;
            lock.unlock();
            std::vector<std::pair<Result<Done>, qint64>> outcomes;
            outcomes.reserve(due.size());
            for (const Due &fire : due) {
                const qint64 firedMs = m_clock->nowMs();
                if (observer)
                    observer(fire.ns, fire.trigger, fire.scheduledMs, firedMs);
                outcomes.emplace_back(m_hooks.fire(fire.ns, fire.trigger, fire.payload), firedMs);
            }
            lock.lock();
            QList<std::pair<Due, bool>> deletions;
            for (size_t i = 0; i < due.size(); ++i) {
                afterFire(due[i], outcomes[i].first, m_clock->nowMs());
                auto it = m_entries.find(due[i].key);
                if (it == m_entries.end() || it->generation != due[i].generation || !outcomes[i].first)
                    continue;
                const QString deleteAfterFire = it->plan.deleteAfterFire;
                if (deleteAfterFire == QLatin1StringView("true") || deleteAfterFire == QLatin1StringView("rules")) {
                    m_entries.erase(it);
                    persist(due[i].ns, due[i].trigger, false);
                    deletions.append({due[i], deleteAfterFire == QLatin1StringView("rules")});
                }
            }
            if (!deletions.isEmpty() && m_hooks.deleteTrigger) {
                lock.unlock(); // deleting reaches back here (forgetDeletedTrigger)
                for (const auto &[fire, withRules] : std::as_const(deletions))
                    m_hooks.deleteTrigger(fire.ns, fire.trigger, withRules);
                lock.lock();
            }
            continue;
        }
        m_settleCompleted = settleSeen;
        m_changed.notify_all();
        const auto woken = [this, wakeups] { return m_stopping || m_wakeups != wakeups; };
        if (!earliest || m_clock->isManual())
            m_changed.wait(lock, woken);
        else
            m_changed.wait_for(lock, std::chrono::milliseconds(*earliest - now), woken);
    }
    m_changed.notify_all();
}

} // namespace funcdesk
