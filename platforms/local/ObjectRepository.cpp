#include "platforms/local/ObjectRepository.h"

#include <QSqlQuery>
#include <QVariant>

namespace funcdesk {

namespace {

ObjectInfo infoFrom(const QSqlQuery &query, int first)
{
    ObjectInfo info;
    info.key = query.value(first).toString();
    info.size = query.value(first + 1).toLongLong();
    info.etag = query.value(first + 2).toString();
    info.modified = query.value(first + 3).toLongLong();
    info.contentType = query.value(first + 4).toString();
    return info;
}

} // namespace

Result<QList<std::pair<QString, Bucket>>> ObjectRepository::allBuckets() const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT namespace, name, created FROM buckets")))
        return m_db.sqlError(QStringLiteral("read buckets"), query.lastError());
    QList<std::pair<QString, Bucket>> buckets;
    while (query.next())
        buckets.append({query.value(0).toString(), Bucket{query.value(1).toString(), query.value(2).toLongLong()}});
    return buckets;
}

Result<Done> ObjectRepository::putBucket(const QString &ns, const Bucket &bucket)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("INSERT INTO buckets (namespace, name, created) VALUES (?, ?, ?)"));
    query.addBindValue(ns);
    query.addBindValue(bucket.name);
    query.addBindValue(bucket.created);
    if (!query.exec())
        return m_db.sqlError(QStringLiteral("store bucket"), query.lastError());
    return Done{};
}

Result<Done> ObjectRepository::removeBucket(const QString &ns, const QString &bucket)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("DELETE FROM buckets WHERE namespace = ? AND name = ?"));
    query.addBindValue(ns);
    query.addBindValue(bucket);
    if (!query.exec())
        return m_db.sqlError(QStringLiteral("delete bucket"), query.lastError());
    return Done{};
}

Result<qint64> ObjectRepository::countObjects(const QString &ns, const QString &bucket) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM objects WHERE namespace = ? AND bucket = ?"));
    query.addBindValue(ns);
    query.addBindValue(bucket);
    if (!query.exec() || !query.next())
        return m_db.sqlError(QStringLiteral("count objects"), query.lastError());
    return query.value(0).toLongLong();
}

Result<std::optional<ObjectInfo>> ObjectRepository::get(const QString &ns, const QString &bucket,
                                                        const QString &key) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT key, size, etag, modified, content_type FROM objects"
                                 " WHERE namespace = ? AND bucket = ? AND key = ?"));
    query.addBindValue(ns);
    query.addBindValue(bucket);
    query.addBindValue(key);
    if (!query.exec())
        return m_db.sqlError(QStringLiteral("read object"), query.lastError());
    if (!query.next())
        return std::optional<ObjectInfo>();
    return std::optional<ObjectInfo>(infoFrom(query, 0));
}

Result<Done> ObjectRepository::put(const QString &ns, const QString &bucket, const ObjectInfo &info)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO objects (namespace, bucket, key, size, etag, modified,"
                                 " content_type) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value : {QVariant(ns), QVariant(bucket), QVariant(info.key), QVariant(info.size),
                                  QVariant(info.etag), QVariant(info.modified), QVariant(info.contentType)})
        query.addBindValue(value);
    if (!query.exec())
        return m_db.sqlError(QStringLiteral("store object"), query.lastError());
    return Done{};
}

Result<Done> ObjectRepository::remove(const QString &ns, const QString &bucket, const QString &key)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("DELETE FROM objects WHERE namespace = ? AND bucket = ? AND key = ?"));
    query.addBindValue(ns);
    query.addBindValue(bucket);
    query.addBindValue(key);
    if (!query.exec())
        return m_db.sqlError(QStringLiteral("delete object"), query.lastError());
    return Done{};
}

Result<ObjectListing> ObjectRepository::list(const QString &ns, const QString &bucket, const ObjectQuery &q) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    // The primary key's index walks from the prefix on; the loop stops at the first key past it.
    query.prepare(QStringLiteral("SELECT key, size, etag, modified, content_type FROM objects"
                                 " WHERE namespace = ? AND bucket = ? AND key >= ? ORDER BY key"));
    query.addBindValue(ns);
    query.addBindValue(bucket);
    query.addBindValue(q.prefix);
    if (!query.exec())
        return m_db.sqlError(QStringLiteral("list objects"), query.lastError());
    ObjectListing listing;
    qint64 toSkip = std::max(0, q.skip);
    const qint64 limit = std::max(1, q.limit);
    QString lastFolder;
    while (query.next() && listing.objects.size() + listing.prefixes.size() < limit) {
        const QString key = query.value(0).toString();
        if (!key.startsWith(q.prefix))
            break;
        if (!q.delimiter.isEmpty()) {
            const qsizetype at = key.indexOf(q.delimiter, q.prefix.size());
            if (at >= 0) {
                const QString folder = key.left(at + q.delimiter.size());
                if (folder == lastFolder)
                    continue;
                lastFolder = folder;
                if (toSkip > 0)
                    --toSkip;
                else
                    listing.prefixes.append(folder);
                continue;
            }
        }
        if (toSkip > 0)
            --toSkip;
        else
            listing.objects.append(infoFrom(query, 0));
    }
    return listing;
}

} // namespace funcdesk
