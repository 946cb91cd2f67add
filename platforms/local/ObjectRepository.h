#pragma once

#include "core/ObjectStore.h"
#include "platforms/local/Database.h"

namespace funcdesk {

// The metadata of buckets and objects (migration 3). Used on the store thread only; the object
// contents are files, kept by BucketStore.
class ObjectRepository
{
public:
    explicit ObjectRepository(Database &database) : m_db(database) {}

    Result<QList<std::pair<QString, Bucket>>> allBuckets() const; // (namespace, bucket)
    Result<Done> putBucket(const QString &ns, const Bucket &bucket);
    Result<Done> removeBucket(const QString &ns, const QString &bucket);
    Result<qint64> countObjects(const QString &ns, const QString &bucket) const;

    Result<std::optional<ObjectInfo>> get(const QString &ns, const QString &bucket, const QString &key) const;
    Result<Done> put(const QString &ns, const QString &bucket, const ObjectInfo &info);
    Result<Done> remove(const QString &ns, const QString &bucket, const QString &key);
    // Keys in byte order from query.prefix on, folded at query.delimiter, query.skip entries
    // (objects and folders alike) skipped, at most query.limit returned.
    Result<ObjectListing> list(const QString &ns, const QString &bucket, const ObjectQuery &query) const;

private:
    Database &m_db;
};

} // namespace funcdesk
