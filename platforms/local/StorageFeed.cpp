#include "platforms/local/StorageFeed.h"

#include "core/ObjectNames.h"
#include "core/PoolTask.h"
#include "platforms/local/LocalEngine.h"
#include "platforms/local/StoreWorker.h"

#include <QDateTime>
#include <QJsonArray>

namespace funcdesk {

namespace {
const QString kCollection = QStringLiteral("storage_feeds");
const QString kPut = QStringLiteral("put");
const QString kDelete = QStringLiteral("delete");

PlatformError invalid(const QString &message)
{
    return {PlatformError::Kind::Invalid, message};
}

QString keyOf(const QString &ns, const QString &trigger)
{
    return ns + QLatin1Char('/') + trigger;
}

QJsonObject toJson(const StorageFeed::Registration &r)
{
    QJsonArray events;
    if (r.onPut)
        events.append(kPut);
    if (r.onDelete)
        events.append(kDelete);
    return {{QLatin1StringView("bucket"), r.bucket}, {QLatin1StringView("prefix"), r.prefix},
            {QLatin1StringView("suffix"), r.suffix}, {QLatin1StringView("events"), events},
            {QLatin1StringView("active"), r.active}, {QLatin1StringView("dateChanged"), r.changed}};
}

StorageFeed::Registration fromJson(const QString &ns, const QString &trigger, const QJsonObject &body)
{
    StorageFeed::Registration r;
    r.ns = ns;
    r.trigger = trigger;
    r.bucket = body.value(QLatin1StringView("bucket")).toString();
    r.prefix = body.value(QLatin1StringView("prefix")).toString();
    r.suffix = body.value(QLatin1StringView("suffix")).toString();
    const QJsonArray events = body.value(QLatin1StringView("events")).toArray();
    r.onPut = events.contains(kPut);
    r.onDelete = events.contains(kDelete);
    r.active = body.value(QLatin1StringView("active")).toBool(true);
    r.changed = body.value(QLatin1StringView("dateChanged")).toInteger();
    return r;
}

// `events`: "put", "delete", "put,delete" or an array of those; absent means both.
std::optional<PlatformError> readEvents(const QJsonValue &value, StorageFeed::Registration &r)
{
    QStringList names;
    if (value.isString())
        names = value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    else if (value.isArray())
        for (const QJsonValue &item : value.toArray())
            names.append(item.isString() ? item.toString() : QStringLiteral("?"));
    else
        names.append(QStringLiteral("?"));
    r.onPut = r.onDelete = false;
    for (const QString &name : names) {
        const QString event = name.trimmed();
        if (event == kPut)
            r.onPut = true;
        else if (event == kDelete)
            r.onDelete = true;
        else
            return invalid(QStringLiteral("The events parameter must name \"put\", \"delete\" or both."));
    }
    if (!r.onPut && !r.onDelete)
        return invalid(QStringLiteral("The events parameter must name \"put\", \"delete\" or both."));
    return std::nullopt;
}

// Takes the filter parameters present in `params` over `r` (all of them on CREATE).
std::optional<PlatformError> configure(const QJsonObject &params, bool creating, BucketStore &buckets,
                                       StorageFeed::Registration &r)
{
    const QJsonValue bucket = params.value(QLatin1StringView("bucket"));
    if (creating && bucket.isUndefined())
        return invalid(QStringLiteral("You must specify a bucket parameter."));
    if (!bucket.isUndefined()) {
        if (auto problem = checkBucketName(bucket.toString()))
            return problem;
        if (!buckets.hasBucket(r.ns, bucket.toString()))
            return invalid(
                QStringLiteral("The bucket '%1' does not exist in namespace '%2'.").arg(bucket.toString(), r.ns));
        r.bucket = bucket.toString();
    }
    for (const auto &[name, field] :
         {std::pair{QLatin1StringView("prefix"), &r.prefix}, std::pair{QLatin1StringView("suffix"), &r.suffix}}) {
        const QJsonValue value = params.value(name);
        if (value.isUndefined() || value.isNull())
            continue;
        if (!value.isString())
            return invalid(QStringLiteral("The %1 parameter must be a string.").arg(name));
        *field = value.toString();
    }
    if (const QJsonValue events = params.value(QLatin1StringView("events")); !events.isUndefined())
        return readEvents(events, r);
    return std::nullopt;
}

bool matches(const StorageFeed::Registration &r, const ObjectEvent &event)
{
    return r.active && r.ns == event.ns && r.bucket == event.bucket && event.object.key.startsWith(r.prefix) &&
           event.object.key.endsWith(r.suffix) && (event.event == kPut ? r.onPut : r.onDelete);
}
} // namespace

Result<std::shared_ptr<StorageFeed>> StorageFeed::open(LocalEngine &engine, StoreWorker &store, BucketStore &buckets)
{
    std::shared_ptr<StorageFeed> feed(new StorageFeed(engine, store));
    auto documents = store
                         .post<Result<QList<EntityRepository::Document>>>(
                             [](StoreWorker::Store &s) { return s.entities.all(kCollection); })
                         .result();
    if (!documents)
        return documents.error();
    for (const auto &document : documents.value())
        feed->m_registrations.insert(keyOf(document.ns, document.name),
                                     fromJson(document.ns, document.name, document.body));
    feed->m_fires.setMaxThreadCount(1);
    std::weak_ptr<StorageFeed> weak = feed;
    buckets.addObserver([weak](const ObjectEvent &event) {
        if (auto alive = weak.lock())
            alive->observe(event);
    });
    feed->m_buckets = &buckets;
    return feed;
}

BuiltinDefinition StorageFeed::definition(std::shared_ptr<StorageFeed> feed)
{
    KeyValueList annotations{
        {QStringLiteral("feed"), true, {}},
        {QStringLiteral("description"),
         QStringLiteral("Fires the trigger when an object is stored in or deleted from a bucket"),
         {}},
        {QStringLiteral("parameters"),
         QJsonArray{
             QJsonObject{{QLatin1StringView("name"), QStringLiteral("bucket")}, {QLatin1StringView("required"), true}},
             QJsonObject{{QLatin1StringView("name"), QStringLiteral("prefix")}, {QLatin1StringView("required"), false}},
             QJsonObject{{QLatin1StringView("name"), QStringLiteral("suffix")}, {QLatin1StringView("required"), false}},
             QJsonObject{{QLatin1StringView("name"), QStringLiteral("events")},
                         {QLatin1StringView("required"), false}}},
         {}},
        {QStringLiteral("sampleInput"),
         QJsonObject{{QLatin1StringView("bucket"), QStringLiteral("uploads")},
                     {QLatin1StringView("suffix"), QStringLiteral(".csv")},
                     {QLatin1StringView("events"), QStringLiteral("put")}},
         {}}};
    return {QStringLiteral("storage"), QStringLiteral("changes"), annotations, {}, std::move(feed)};
}

StorageFeed::~StorageFeed()
{
    stop();
}

void StorageFeed::stop()
{
    m_stopped = true;
    m_fires.waitForDone();
}

std::optional<StorageFeed::Registration> StorageFeed::find(const QString &ns, const QString &trigger) const
{
    QReadLocker locker(&m_lock);
    const auto it = m_registrations.constFind(keyOf(ns, trigger));
    if (it == m_registrations.cend())
        return std::nullopt;
    return *it;
}

Result<Done> StorageFeed::save(const Registration &registration)
{
    return m_store
        .post<Result<Done>>([this, registration](StoreWorker::Store &store) -> Result<Done> {
            auto stored = store.entities.put(kCollection, registration.ns, registration.trigger, registration.changed,
                                             toJson(registration));
            if (stored) {
                QWriteLocker locker(&m_lock);
                m_registrations.insert(keyOf(registration.ns, registration.trigger), registration);
            }
            return stored;
        })
        .result();
}

Result<Done> StorageFeed::remove(const QString &ns, const QString &trigger)
{
    return m_store
        .post<Result<Done>>([this, ns, trigger](StoreWorker::Store &store) -> Result<Done> {
            auto removed = store.entities.remove(kCollection, ns, trigger);
            if (removed) {
                QWriteLocker locker(&m_lock);
                m_registrations.remove(keyOf(ns, trigger));
            }
            return removed;
        })
        .result();
}

void StorageFeed::forgetIfGone(const QString &ns, const QString &trigger)
{
    if (!find(ns, trigger))
        return;
    std::weak_ptr<StorageFeed> weak = weak_from_this();
    m_store.post<Result<Done>>([weak, ns, trigger](StoreWorker::Store &store) -> Result<Done> {
        auto feed = weak.lock();
        if (!feed || feed->m_engine.getTrigger(ns, trigger).result())
            return Done{};
        auto removed = store.entities.remove(kCollection, ns, trigger);
        if (removed) {
            QWriteLocker locker(&feed->m_lock);
            feed->m_registrations.remove(keyOf(ns, trigger));
        }
        return removed;
    });
}

Result<QJsonObject> StorageFeed::run(const BuiltinCall &call)
{
    const QJsonObject &params = call.params;
    const QString lifecycle = params.value(QLatin1StringView("lifecycleEvent")).toString(QStringLiteral("CREATE"));
    const QString triggerName = params.value(QLatin1StringView("triggerName")).toString();
    if (triggerName.isEmpty())
        return invalid(QStringLiteral("No trigger name parameter was provided."));
    // The authKey decides the namespace; "/_/name" means that namespace.
    const QString authKey = params.value(QLatin1StringView("authKey")).toString();
    const qsizetype colon = authKey.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return invalid(QStringLiteral("No authKey parameter (UUID:KEY) was provided."));
    auto identity = m_engine.authenticate(authKey.left(colon), authKey.mid(colon + 1));
    if (!identity)
        return PlatformError{PlatformError::Kind::Auth, QStringLiteral("Trigger authentication request failed.")};
    QStringList parts = triggerName.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() == 1)
        parts.prepend(identity->ns);
    if (parts.size() != 2)
        return invalid(QStringLiteral("The trigger name '%1' is not valid.").arg(triggerName));
    if (parts.first() == QLatin1StringView("_"))
        parts.first() = identity->ns;
    const QString ns = parts.first();
    const QString trigger = parts.last();
    if (ns != identity->ns)
        return PlatformError{
            PlatformError::Kind::Auth,
            QStringLiteral("The authKey is not authorized for the trigger '/%1/%2'.").arg(ns, trigger)};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const std::optional<Registration> existing = find(ns, trigger);
    const QJsonObject success{{QLatin1StringView("status"), QStringLiteral("success")}};

    if (lifecycle == QLatin1StringView("CREATE")) {
        if (!m_engine.getTrigger(ns, trigger).result())
            return PlatformError{PlatformError::Kind::NotFound,
                                 QStringLiteral("The trigger '/%1/%2' does not exist.").arg(ns, trigger)};
        if (existing)
            return PlatformError{PlatformError::Kind::Conflict,
                                 QStringLiteral("The trigger '/%1/%2' already has a storage feed.").arg(ns, trigger)};
        Registration r;
        r.ns = ns;
        r.trigger = trigger;
        r.changed = now;
        if (auto problem = configure(params, true, *m_buckets, r))
            return *problem;
        if (auto saved = save(r); !saved)
            return saved.error();
        return success;
    }
    if (!existing)
        return PlatformError{PlatformError::Kind::NotFound,
                             QStringLiteral("The trigger '/%1/%2' has no storage feed.").arg(ns, trigger)};
    Registration r = *existing;
    if (lifecycle == QLatin1StringView("READ")) {
        QJsonObject config = toJson(r);
        config.remove(QLatin1StringView("active"));
        config.remove(QLatin1StringView("dateChanged"));
        config.insert(QLatin1StringView("name"), trigger);
        config.insert(QLatin1StringView("namespace"), ns);
        QJsonObject status{{QLatin1StringView("active"), r.active},
                           {QLatin1StringView("dateChanged"), r.changed},
                           {QLatin1StringView("dateChangedISO"),
                            QDateTime::fromMSecsSinceEpoch(r.changed, Qt::UTC).toString(Qt::ISODate)}};
        if (!r.active)
            status.insert(QLatin1StringView("reason"),
                          QJsonObject{{QLatin1StringView("kind"), QStringLiteral("USER")},
                                      {QLatin1StringView("message"), QStringLiteral("Paused by the user.")}});
        return QJsonObject{{QLatin1StringView("config"), config}, {QLatin1StringView("status"), status}};
    }
    if (lifecycle == QLatin1StringView("DELETE")) {
        if (auto removed = remove(ns, trigger); !removed)
            return removed.error();
        return success;
    }
    if (lifecycle == QLatin1StringView("UPDATE")) {
        if (auto problem = configure(params, false, *m_buckets, r))
            return *problem;
    } else if (lifecycle == QLatin1StringView("PAUSE") || lifecycle == QLatin1StringView("UNPAUSE")) {
        const bool active = lifecycle == QLatin1StringView("UNPAUSE");
        if (r.active != active)
            r.changed = now;
        r.active = active;
    } else {
        return invalid(QStringLiteral("The lifecycleEvent '%1' is not one of CREATE, READ, UPDATE, DELETE, PAUSE, "
                                      "UNPAUSE.")
                           .arg(lifecycle));
    }
    if (auto saved = save(r); !saved)
        return saved.error();
    return success;
}

void StorageFeed::observe(const ObjectEvent &event)
{
    if (m_stopped)
        return;
    QList<Registration> matching;
    {
        QReadLocker locker(&m_lock);
        for (const Registration &r : m_registrations) {
            if (matches(r, event))
                matching.append(r);
        }
    }
    if (matching.isEmpty())
        return;
    const QJsonObject payload{
        {QLatin1StringView("bucket"), event.bucket},    {QLatin1StringView("key"), event.object.key},
        {QLatin1StringView("size"), event.object.size}, {QLatin1StringView("etag"), event.object.etag},
        {QLatin1StringView("event"), event.event},      {QLatin1StringView("time"), event.time}};
    for (const Registration &r : matching) {
        if (m_pending.fetch_add(1) >= kMaxPendingFires) {
            m_pending.fetch_sub(1);
            qWarning("funcdesk: storage feed: too many fires waiting, dropped one for trigger /%s/%s", qPrintable(r.ns),
                     qPrintable(r.trigger));
            continue;
        }
        // `this` outlives the pool's tasks: stop() waits for them.
        PoolTask::start(m_fires, [this, r, payload] {
            m_pending.fetch_sub(1);
            if (!m_stopped)
                fire(r, payload);
        });
    }
}

void StorageFeed::fire(const Registration &registration, const QJsonObject &payload)
{
    const auto fired = m_engine.fireTrigger(registration.ns, registration.trigger, payload).result();
    if (fired)
        return;
    if (fired.error().kind == PlatformError::Kind::NotFound) { // the trigger went away: so does its feed
        forgetIfGone(registration.ns, registration.trigger);
        return;
    }
    qWarning("funcdesk: storage feed: firing /%s/%s failed: %s", qPrintable(registration.ns),
             qPrintable(registration.trigger), qPrintable(fired.error().message));
}

} // namespace funcdesk
