#pragma once

#include "platforms/local/BucketStore.h"
#include "platforms/local/BuiltinAction.h"

#include <QHash>
#include <QReadWriteLock>
#include <QThreadPool>

#include <atomic>

namespace funcdesk {

class LocalEngine;
class StoreWorker;

// The feed /whisk.system/storage/changes: a trigger registered with a bucket (and optionally a
// key prefix, a key suffix and the events "put", "delete") fires with {bucket, key, size, etag,
// event, time} each time a matching object of its namespace is durably stored or deleted.
// Lifecycle events as the alarms feed takes them (CREATE, READ, UPDATE, DELETE, PAUSE, UNPAUSE;
// READ answers {config, status}); `authKey` must reach the trigger's namespace and is not kept.
// Registrations persist in the `entities` table, collection "storage_feeds". Fires go out on
// the feed's own thread, in the order the objects changed, never on the uploading connection's;
// at most kMaxPendingFires wait (more are dropped and logged).
class StorageFeed : public BuiltinAction, public std::enable_shared_from_this<StorageFeed>
{
public:
    static constexpr int kMaxPendingFires = 10000;

    // Loads the registrations and observes `buckets`. Both must outlive the feed's stop().
    static Result<std::shared_ptr<StorageFeed>> open(LocalEngine &engine, StoreWorker &store, BucketStore &buckets);
    // The catalog entry: /whisk.system/storage/changes, annotated `feed: true`.
    static BuiltinDefinition definition(std::shared_ptr<StorageFeed> feed);
    ~StorageFeed() override;

    Result<QJsonObject> run(const BuiltinCall &call) override;

    // Drops the registration of ns/trigger once the trigger is gone (called after a trigger's
    // delete is queued on the store thread, so it runs after it).
    void forgetIfGone(const QString &ns, const QString &trigger);
    // No more fires: waits for the ones under way (before the engine's parts go).
    void stop();

    struct Registration
    {
        QString ns;
        QString trigger;
        QString bucket;
        QString prefix;
        QString suffix;
        bool onPut = true;
        bool onDelete = true;
        bool active = true;
        qint64 changed = 0; // epoch ms of the last status change
    };

private:
    StorageFeed(LocalEngine &engine, StoreWorker &store) : m_engine(engine), m_store(store) {}
    void observe(const ObjectEvent &event);
    void fire(const Registration &registration, const QJsonObject &payload);
    Result<Done> save(const Registration &registration);
    Result<Done> remove(const QString &ns, const QString &trigger);
    std::optional<Registration> find(const QString &ns, const QString &trigger) const;

    LocalEngine &m_engine;
    StoreWorker &m_store;
    BucketStore *m_buckets = nullptr;
    mutable QReadWriteLock m_lock;
    QHash<QString, Registration> m_registrations; // by "ns/trigger"
    QThreadPool m_fires;                          // one thread: fires in order
    std::atomic<int> m_pending{0};
    std::atomic<bool> m_stopped{false};
};

} // namespace funcdesk
