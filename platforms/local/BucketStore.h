#pragma once

#include "core/ObjectStore.h"
#include "core/Result.h"

#include <QCryptographicHash>
#include <QHash>
#include <QMutex>
#include <QReadWriteLock>

#include <functional>
#include <memory>

namespace funcdesk {

class StoreWorker;
class BucketStore;

// What happened to an object, once it is durably stored or deleted (the storage feed's event).
struct ObjectEvent
{
    QString ns;
    QString bucket;
    ObjectInfo object; // after a delete: the object as it was
    QString event;     // "put" or "delete"
    qint64 time = 0;   // epoch ms
};

// One upload in progress: the body goes to a temporary file in the bucket's folder as it
// arrives, its MD5 computed on the way. commit() makes it the object; an upload dropped without
// commit() (the client went away, the body was too large) leaves neither object nor file.
class ObjectUpload
{
public:
    ~ObjectUpload();
    ObjectUpload(const ObjectUpload &) = delete;
    ObjectUpload &operator=(const ObjectUpload &) = delete;

    // Appends a chunk; a failed write (disk full) is an error and the upload cannot commit.
    std::optional<PlatformError> write(const char *data, qsizetype size);
    qint64 size() const { return m_size; }
    // fsync, rename over the key's file, record the metadata, tell the observers.
    Result<ObjectInfo> commit();

private:
    friend class BucketStore;
    ObjectUpload() = default;

    BucketStore *m_store = nullptr;
    QString m_ns, m_bucket, m_key, m_contentType, m_tempPath;
    int m_fd = -1;
    qint64 m_size = 0;
    QCryptographicHash m_md5{QCryptographicHash::Md5};
    std::optional<PlatformError> m_failed;
};

// Funcdesk's object storage on the local platform: buckets of each namespace are folders
// DATA_DIR/buckets/<ns>/<bucket>/, an object is the file at its key below it (a key's '/' are
// folders), its metadata is a row in the database. Thread-safe; every call blocks (disk and one
// store-thread round trip), so call it from a worker or connection thread, not the GUI's.
class BucketStore
{
public:
    using Observer = std::function<void(const ObjectEvent &event)>;

    // Loads the buckets and removes the temporary files that interrupted uploads left.
    static Result<std::unique_ptr<BucketStore>> open(const QString &root, StoreWorker &store, qint64 maxObjectBytes);
    ~BucketStore();

    qint64 maxObjectBytes() const { return m_maxObjectBytes; }
    // Called on the thread that stored or deleted the object, after it is durable.
    void addObserver(Observer observer);

    Result<QList<Bucket>> listBuckets(const QString &ns) const;
    bool hasBucket(const QString &ns, const QString &bucket) const;
    Result<Bucket> createBucket(const QString &ns, const QString &bucket); // Conflict when it exists
    Result<Done> deleteBucket(const QString &ns, const QString &bucket);   // Conflict unless empty

    Result<ObjectListing> listObjects(const QString &ns, const QString &bucket, const ObjectQuery &query) const;
    Result<ObjectInfo> headObject(const QString &ns, const QString &bucket, const QString &key) const;
    // The object's metadata and an open read-only descriptor of its content (the caller closes
    // it): a later put or delete of the key does not change what it reads.
    struct OpenObject
    {
        ObjectInfo info;
        int fd = -1;
    };
    Result<OpenObject> openObject(const QString &ns, const QString &bucket, const QString &key) const;
    Result<std::unique_ptr<ObjectUpload>> beginUpload(const QString &ns, const QString &bucket, const QString &key,
                                                      const QString &contentType);
    Result<ObjectInfo> deleteObject(const QString &ns, const QString &bucket, const QString &key);

private:
    friend class ObjectUpload;
    BucketStore(QString root, StoreWorker &store, qint64 maxObjectBytes);
    QString bucketPath(const QString &ns, const QString &bucket) const;
    std::optional<PlatformError> checkBucket(const QString &ns, const QString &bucket) const;
    Result<ObjectInfo> commit(ObjectUpload &upload);
    void notify(const ObjectEvent &event);

    QString m_root;
    StoreWorker &m_store;
    qint64 m_maxObjectBytes;
    mutable QReadWriteLock m_lock;                    // m_buckets, m_observers
    QHash<QString, QHash<QString, Bucket>> m_buckets; // namespace → name → bucket
    QList<Observer> m_observers;
    QMutex m_commits; // a key's file and its row change together, one put or delete at a time
};

} // namespace funcdesk
