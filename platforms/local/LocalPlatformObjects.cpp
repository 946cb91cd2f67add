// LocalPlatform's object calls: the engine's BucketStore, whose calls block, run on the global
// thread pool; uploads and downloads go through in chunks, reporting progress in KiB and
// stopping when the future is cancelled (an upload stopped before its commit leaves no object).

#include "platforms/local/BucketStore.h"
#include "platforms/local/LocalEngine.h"
#include "platforms/local/LocalPlatform.h"

#include <QFile>
#include <QSaveFile>
#include <QtConcurrent>

#include <unistd.h>

namespace funcdesk {

namespace {
constexpr qint64 kChunkBytes = 256 * 1024;

int kibOf(qint64 bytes)
{
    return static_cast<int>(std::min<qint64>((bytes + 1023) / 1024, std::numeric_limits<int>::max()));
}

PlatformError canceled()
{
    return {PlatformError::Kind::Server,
            QCoreApplication::translate("funcdesk::FutureCallback", "The operation was canceled.")};
}

PlatformError fileError(const QString &what, const QFileDevice &file)
{
    return {PlatformError::Kind::Invalid, QStringLiteral("%1 %2: %3").arg(what, file.fileName(), file.errorString())};
}
} // namespace

QFuture<Result<QList<Bucket>>> LocalPlatform::listBuckets()
{
    return QtConcurrent::run([engine = m_engine, ns = m_ns] { return engine->buckets().listBuckets(ns); });
}

QFuture<Result<Bucket>> LocalPlatform::createBucket(QString name)
{
    return QtConcurrent::run([engine = m_engine, ns = m_ns, name] { return engine->buckets().createBucket(ns, name); });
}

QFuture<Result<Done>> LocalPlatform::deleteBucket(QString name)
{
    return QtConcurrent::run([engine = m_engine, ns = m_ns, name] { return engine->buckets().deleteBucket(ns, name); });
}

QFuture<Result<ObjectListing>> LocalPlatform::listObjects(QString bucket, ObjectQuery query)
{
    return QtConcurrent::run(
        [engine = m_engine, ns = m_ns, bucket, query] { return engine->buckets().listObjects(ns, bucket, query); });
}

QFuture<Result<ObjectInfo>> LocalPlatform::headObject(QString bucket, QString key)
{
    return QtConcurrent::run(
        [engine = m_engine, ns = m_ns, bucket, key] { return engine->buckets().headObject(ns, bucket, key); });
}

QFuture<Result<Done>> LocalPlatform::deleteObject(QString bucket, QString key)
{
    return QtConcurrent::run([engine = m_engine, ns = m_ns, bucket, key]() -> Result<Done> {
        auto removed = engine->buckets().deleteObject(ns, bucket, key);
        if (!removed)
            return removed.error();
        return Done{};
    });
}

QFuture<Result<ObjectInfo>> LocalPlatform::putObject(QString bucket, QString key, QString sourceFile,
                                                     QString contentType)
{
    auto transfer = [engine = m_engine, ns = m_ns, bucket, key, sourceFile,
                     contentType](QPromise<Result<ObjectInfo>> &promise) {
        auto fail = [&promise](PlatformError error) { promise.addResult(Result<ObjectInfo>(std::move(error))); };
        QFile source(sourceFile);
        if (!source.open(QIODevice::ReadOnly))
            return fail(fileError(QStringLiteral("Cannot read"), source));
        BucketStore &buckets = engine->buckets();
        if (source.size() > buckets.maxObjectBytes())
            return fail(
                {PlatformError::Kind::TooLarge, QStringLiteral("The object is larger than allowed: %1 > %2 bytes.")
                                                    .arg(source.size())
                                                    .arg(buckets.maxObjectBytes())});
        auto started = buckets.beginUpload(ns, bucket, key, contentType);
        if (!started)
            return fail(started.error());
        std::unique_ptr<ObjectUpload> upload = std::move(started).value();
        promise.setProgressRange(0, kibOf(source.size()));
        QByteArray chunk(kChunkBytes, Qt::Uninitialized);
        for (;;) {
            if (promise.isCanceled())
                return fail(canceled()); // the upload goes without a commit: no object, no file
            const qint64 read = source.read(chunk.data(), chunk.size());
            if (read < 0)
                return fail(fileError(QStringLiteral("Cannot read"), source));
            if (read == 0)
                break;
            if (upload->size() + read > buckets.maxObjectBytes()) // the file grew meanwhile
                return fail({PlatformError::Kind::TooLarge, QStringLiteral("The object is larger than allowed.")});
            if (auto problem = upload->write(chunk.constData(), read))
                return fail(*problem);
            promise.setProgressValue(kibOf(upload->size()));
        }
        promise.addResult(upload->commit());
    };
    return QtConcurrent::run(transfer);
}

QFuture<Result<ObjectInfo>> LocalPlatform::getObject(QString bucket, QString key, QString targetFile)
{
    auto download = [engine = m_engine, ns = m_ns, bucket, key, targetFile](QPromise<Result<ObjectInfo>> &promise) {
        auto fail = [&promise](PlatformError error) { promise.addResult(Result<ObjectInfo>(std::move(error))); };
        auto opened = engine->buckets().openObject(ns, bucket, key);
        if (!opened)
            return fail(opened.error());
        const BucketStore::OpenObject object = opened.value();
        QFile content;
        if (!content.open(object.fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
            ::close(object.fd);
            return fail({PlatformError::Kind::Server, QStringLiteral("Cannot read the object.")});
        }
        // The target appears whole or not at all.
        QSaveFile target(targetFile);
        if (!target.open(QIODevice::WriteOnly))
            return fail(fileError(QStringLiteral("Cannot write"), target));
        promise.setProgressRange(0, kibOf(object.info.size));
        QByteArray chunk(kChunkBytes, Qt::Uninitialized);
        qint64 copied = 0;
        for (;;) {
            if (promise.isCanceled())
                return fail(canceled()); // QSaveFile drops the partial file
            const qint64 read = content.read(chunk.data(), chunk.size());
            if (read < 0)
                return fail({PlatformError::Kind::Server, QStringLiteral("Cannot read the object.")});
            if (read == 0)
                break;
            if (target.write(chunk.constData(), read) != read)
                return fail(fileError(QStringLiteral("Cannot write"), target));
            copied += read;
            promise.setProgressValue(kibOf(copied));
        }
        if (!target.commit())
            return fail(fileError(QStringLiteral("Cannot write"), target));
        promise.addResult(Result<ObjectInfo>(object.info));
    };
    return QtConcurrent::run(download);
}

} // namespace funcdesk
