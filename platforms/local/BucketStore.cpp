#include "platforms/local/BucketStore.h"

#include "core/ObjectNames.h"
#include "platforms/local/ObjectRepository.h"
#include "platforms/local/StoreWorker.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace funcdesk {

namespace {

const QString kTempPrefix = QStringLiteral(".funcdesk-upload-");

PlatformError diskError(const QString &what)
{
    return {
        PlatformError::Kind::Server,
        QStringLiteral("Object storage: could not %1: %2.").arg(what, QString::fromLocal8Bit(std::strerror(errno)))};
}

PlatformError noSuchBucket(const QString &bucket)
{
    return {PlatformError::Kind::NotFound, QStringLiteral("The bucket '%1' does not exist.").arg(bucket)};
}

PlatformError noSuchObject(const QString &key)
{
    return {PlatformError::Kind::NotFound, QStringLiteral("The object '%1' does not exist.").arg(key)};
}

// A rename survives a crash once the folder that holds it is synced too.
void syncFolder(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

template <typename T> T onStore(StoreWorker &store, std::function<T(ObjectRepository &)> work)
{
    return store
        .post<T>([work = std::move(work)](StoreWorker::Store &s) {
            ObjectRepository objects(s.db);
            return work(objects);
        })
        .result();
}

} // namespace

ObjectUpload::~ObjectUpload()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_tempPath.isEmpty())
        ::unlink(QFile::encodeName(m_tempPath).constData());
}

std::optional<PlatformError> ObjectUpload::write(const char *data, qsizetype size)
{
    if (m_failed)
        return m_failed;
    m_md5.addData(QByteArrayView(data, size));
    m_size += size;
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, size_t(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            m_failed = diskError(QStringLiteral("write the object"));
            return m_failed;
        }
        data += n;
        size -= n;
    }
    return std::nullopt;
}

Result<ObjectInfo> ObjectUpload::commit()
{
    if (m_failed)
        return *m_failed;
    if (::fsync(m_fd) != 0)
        return diskError(QStringLiteral("sync the object"));
    ::close(m_fd);
    m_fd = -1;
    return m_store->commit(*this);
}

BucketStore::BucketStore(QString root, StoreWorker &store, qint64 maxObjectBytes)
    : m_root(std::move(root)), m_store(store), m_maxObjectBytes(maxObjectBytes)
{
}

BucketStore::~BucketStore() = default;

Result<std::unique_ptr<BucketStore>> BucketStore::open(const QString &root, StoreWorker &store, qint64 maxObjectBytes)
{
    if (!QDir().mkpath(root))
        return PlatformError{PlatformError::Kind::Server,
                             QStringLiteral("Object storage: cannot create the folder %1.").arg(root)};
    std::unique_ptr<BucketStore> buckets(new BucketStore(root, store, maxObjectBytes));
    auto all = onStore<Result<QList<std::pair<QString, Bucket>>>>(
        store, [](ObjectRepository &objects) { return objects.allBuckets(); });
    if (!all)
        return all.error();
    for (const auto &[ns, bucket] : all.value())
        buckets->m_buckets[ns].insert(bucket.name, bucket);
    // Uploads that were cut off by a crash or a kill left their temporary files behind.
    QDirIterator namespaces(root, QDir::Dirs | QDir::NoDotAndDotDot);
    while (namespaces.hasNext()) {
        QDirIterator folders(namespaces.next(), QDir::Dirs | QDir::NoDotAndDotDot);
        while (folders.hasNext()) {
            const QDir folder(folders.next());
            for (const QString &leftover :
                 folder.entryList({kTempPrefix + QLatin1Char('*')}, QDir::Files | QDir::Hidden))
                QFile::remove(folder.filePath(leftover));
        }
    }
    return buckets;
}

void BucketStore::addObserver(Observer observer)
{
    QWriteLocker locker(&m_lock);
    m_observers.append(std::move(observer));
}

void BucketStore::notify(const ObjectEvent &event)
{
    QList<Observer> observers;
    {
        QReadLocker locker(&m_lock);
        observers = m_observers;
    }
    for (const Observer &observer : observers)
        observer(event);
}

QString BucketStore::bucketPath(const QString &ns, const QString &bucket) const
{
    return m_root + QLatin1Char('/') + ns + QLatin1Char('/') + bucket;
}

std::optional<PlatformError> BucketStore::checkBucket(const QString &ns, const QString &bucket) const
{
    if (!hasBucket(ns, bucket))
        return noSuchBucket(bucket);
    return std::nullopt;
}

Result<QList<Bucket>> BucketStore::listBuckets(const QString &ns) const
{
    QReadLocker locker(&m_lock);
    QList<Bucket> buckets = m_buckets.value(ns).values();
    std::sort(buckets.begin(), buckets.end(), [](const Bucket &a, const Bucket &b) { return a.name < b.name; });
    return buckets;
}

bool BucketStore::hasBucket(const QString &ns, const QString &bucket) const
{
    QReadLocker locker(&m_lock);
    const auto spaces = m_buckets.constFind(ns);
    return spaces != m_buckets.cend() && spaces->contains(bucket);
}

Result<Bucket> BucketStore::createBucket(const QString &ns, const QString &name)
{
    if (auto problem = checkBucketName(name))
        return *problem;
    QMutexLocker commits(&m_commits);
    if (hasBucket(ns, name))
        return PlatformError{PlatformError::Kind::Conflict,
                             QStringLiteral("The bucket '%1' already exists.").arg(name)};
    if (!QDir().mkpath(bucketPath(ns, name)))
        return diskError(QStringLiteral("create the bucket's folder"));
    const Bucket bucket{name, QDateTime::currentMSecsSinceEpoch()};
    auto stored =
        onStore<Result<Done>>(m_store, [&](ObjectRepository &objects) { return objects.putBucket(ns, bucket); });
    if (!stored)
        return stored.error();
    QWriteLocker locker(&m_lock);
    m_buckets[ns].insert(name, bucket);
    return bucket;
}

Result<Done> BucketStore::deleteBucket(const QString &ns, const QString &name)
{
    QMutexLocker commits(&m_commits);
    if (auto problem = checkBucket(ns, name))
        return *problem;
    auto removed = onStore<Result<Done>>(m_store, [&](ObjectRepository &objects) -> Result<Done> {
        auto count = objects.countObjects(ns, name);
        if (!count)
            return count.error();
        if (count.value() > 0)
            return PlatformError{
                PlatformError::Kind::Conflict,
                QStringLiteral("The bucket '%1' is not empty (%2 objects).").arg(name).arg(count.value())};
        return objects.removeBucket(ns, name);
    });
    if (!removed)
        return removed;
    {
        QWriteLocker locker(&m_lock);
        m_buckets[ns].remove(name);
    }
    // Only empty folders and the temporary files of uploads still running are left: those fail.
    QDir(bucketPath(ns, name)).removeRecursively();
    return Done{};
}

Result<ObjectListing> BucketStore::listObjects(const QString &ns, const QString &bucket, const ObjectQuery &query) const
{
    if (auto problem = checkBucket(ns, bucket))
        return *problem;
    if (query.limit < 1 || query.limit > 1000)
        return PlatformError{
            PlatformError::Kind::Invalid,
            QStringLiteral("The value '%1' is not in the range of 1 to 1000 for objects.").arg(query.limit)};
    if (query.skip < 0)
        return PlatformError{PlatformError::Kind::Invalid, QStringLiteral("The value of skip must not be negative.")};
    // Copies, not references into the caller's stack: ThreadSanitizer reported the store thread's
    // read of the query there (docs/testing.md, session 17).
    return onStore<Result<ObjectListing>>(
        m_store, [ns, bucket, query](ObjectRepository &objects) { return objects.list(ns, bucket, query); });
}

Result<ObjectInfo> BucketStore::headObject(const QString &ns, const QString &bucket, const QString &key) const
{
    if (auto problem = checkBucket(ns, bucket))
        return *problem;
    if (auto problem = checkObjectKey(key))
        return *problem;
    auto found = onStore<Result<std::optional<ObjectInfo>>>(
        m_store, [&](ObjectRepository &objects) { return objects.get(ns, bucket, key); });
    if (!found)
        return found.error();
    if (!found.value())
        return noSuchObject(key);
    return *found.value();
}

Result<BucketStore::OpenObject> BucketStore::openObject(const QString &ns, const QString &bucket,
                                                        const QString &key) const
{
    QMutexLocker commits(&const_cast<BucketStore *>(this)->m_commits); // no rename between row and open
    auto info = headObject(ns, bucket, key);
    if (!info)
        return info.error();
    const QString path = bucketPath(ns, bucket) + QLatin1Char('/') + key;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return diskError(QStringLiteral("open the object"));
    return OpenObject{info.value(), fd};
}

Result<std::unique_ptr<ObjectUpload>> BucketStore::beginUpload(const QString &ns, const QString &bucket,
                                                               const QString &key, const QString &contentType)
{
    if (auto problem = checkBucket(ns, bucket))
        return *problem;
    if (auto problem = checkObjectKey(key))
        return *problem;
    std::unique_ptr<ObjectUpload> upload(new ObjectUpload);
    upload->m_store = this;
    upload->m_ns = ns;
    upload->m_bucket = bucket;
    upload->m_key = key;
    upload->m_contentType = contentType.isEmpty() ? QStringLiteral("application/octet-stream") : contentType;
    upload->m_tempPath = bucketPath(ns, bucket) + QLatin1Char('/') + kTempPrefix +
                         QString::number(QRandomGenerator::system()->generate64(), 16);
    upload->m_fd =
        ::open(QFile::encodeName(upload->m_tempPath).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (upload->m_fd < 0) {
        upload->m_tempPath.clear();
        return diskError(QStringLiteral("start the upload"));
    }
    return upload;
}

Result<ObjectInfo> BucketStore::commit(ObjectUpload &upload)
{
    QMutexLocker commits(&m_commits);
    if (auto problem = checkBucket(upload.m_ns, upload.m_bucket))
        return *problem;
    const QString folder = bucketPath(upload.m_ns, upload.m_bucket);
    const QString path = folder + QLatin1Char('/') + upload.m_key;
    const QString parent = QFileInfo(path).path();
    const PlatformError clash{PlatformError::Kind::Conflict,
                              QStringLiteral("The key '%1' clashes with another object: a key cannot be both an object "
                                             "and the folder of other keys.")
                                  .arg(upload.m_key)};
    if (!QDir().mkpath(parent) || QFileInfo(path).isDir())
        return clash;
    if (::rename(QFile::encodeName(upload.m_tempPath).constData(), QFile::encodeName(path).constData()) != 0)
        return diskError(QStringLiteral("store the object"));
    upload.m_tempPath.clear();
    syncFolder(parent);
    ObjectInfo info;
    info.key = upload.m_key;
    info.size = upload.m_size;
    info.etag = QString::fromLatin1(upload.m_md5.result().toHex());
    info.modified = QDateTime::currentMSecsSinceEpoch();
    info.contentType = upload.m_contentType;
    auto stored = onStore<Result<Done>>(
        m_store, [&](ObjectRepository &objects) { return objects.put(upload.m_ns, upload.m_bucket, info); });
    if (!stored)
        return stored.error();
    commits.unlock();
    notify({upload.m_ns, upload.m_bucket, info, QStringLiteral("put"), info.modified});
    return info;
}

Result<ObjectInfo> BucketStore::deleteObject(const QString &ns, const QString &bucket, const QString &key)
{
    QMutexLocker commits(&m_commits);
    auto info = headObject(ns, bucket, key);
    if (!info)
        return info.error();
    auto removed =
        onStore<Result<Done>>(m_store, [&](ObjectRepository &objects) { return objects.remove(ns, bucket, key); });
    if (!removed)
        return removed.error();
    const QString folder = bucketPath(ns, bucket);
    QString path = folder + QLatin1Char('/') + key;
    QFile::remove(path);
    // Folders the key made, now empty, go too (rmdir refuses a folder that is not empty).
    for (path = QFileInfo(path).path(); path.size() > folder.size() && QDir().rmdir(path);)
        path = QFileInfo(path).path();
    commits.unlock();
    notify({ns, bucket, info.value(), QStringLiteral("delete"), QDateTime::currentMSecsSinceEpoch()});
    return info;
}

} // namespace funcdesk
