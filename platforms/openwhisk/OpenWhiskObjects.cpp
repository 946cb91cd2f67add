// OpenWhiskPlatform's object calls: Funcdesk's buckets API (docs/server.md, "Objects"), which
// only funcdeskd serves. Uploads stream from the file and downloads stream into it (never whole
// in memory), report progress in KiB on the future and stop when it is cancelled.

#include "core/FutureCallback.h"
#include "core/ObjectNames.h"
#include "platforms/openwhisk/OpenWhiskPlatform.h"
#include "platforms/openwhisk/OpenWhiskResponses.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QLocale>
#include <QSaveFile>

namespace funcdesk {

namespace {
int kibOf(qint64 bytes)
{
    return static_cast<int>(std::min<qint64>((bytes + 1023) / 1024, std::numeric_limits<int>::max()));
}

std::optional<PlatformError> checkTarget(const QString &bucket, const QString *key = nullptr)
{
    if (auto problem = checkBucketName(bucket))
        return problem;
    if (key)
        return checkObjectKey(*key);
    return std::nullopt;
}

PlatformError fileError(const QFileDevice &file)
{
    return {PlatformError::Kind::Invalid,
            OpenWhiskPlatform::tr("Cannot use the file %1: %2").arg(file.fileName(), file.errorString())};
}

template <typename T> Result<T> jsonAs(const HttpExchange &exchange, Result<T> (*parse)(const QJsonObject &))
{
    if (auto error = exchange.error())
        return *error;
    const auto document = exchange.json();
    if (!document || !document->isObject())
        return exchange.unexpected(QStringLiteral("expected a JSON object"));
    auto parsed = parse(document->object());
    if (!parsed)
        return exchange.unexpected(parsed.error().message);
    return parsed;
}

// HEAD and GET describe the object in their headers.
Result<ObjectInfo> infoFromHeaders(const HttpExchange &exchange, const QString &key)
{
    if (auto error = exchange.error())
        return *error;
    ObjectInfo info;
    info.key = key;
    info.size = exchange.headers.value("content-length").toLongLong();
    info.etag = QString::fromLatin1(exchange.headers.value("etag")).remove(QLatin1Char('"'));
    info.contentType = QString::fromLatin1(exchange.headers.value("content-type"));
    // An HTTP date, which Qt 6.4's RFC 2822 parser refuses for its "GMT".
    QDateTime modified = QLocale::c().toDateTime(QString::fromLatin1(exchange.headers.value("last-modified")),
                                                 QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    modified.setTimeSpec(Qt::UTC);
    info.modified = modified.isValid() ? modified.toMSecsSinceEpoch() : 0;
    return info;
}

// Reports a transfer's progress in KiB on `promise` (its range once the total is known) and
// asks the transport to abort it once the future is cancelled.
std::function<bool(qint64, qint64)> progressOn(std::shared_ptr<QPromise<Result<ObjectInfo>>> promise)
{
    return [promise](qint64 done, qint64 total) {
        if (total > 0 && promise->future().progressMaximum() != kibOf(total))
            promise->setProgressRange(0, kibOf(total));
        promise->setProgressValue(kibOf(done));
        return !promise->isCanceled();
    };
}

Result<Done> doneOrError(const HttpExchange &exchange)
{
    if (auto error = exchange.error())
        return *error;
    return Done{};
}
} // namespace

QFuture<Result<QList<Bucket>>> OpenWhiskPlatform::listBuckets()
{
    RestTransport::Request request;
    request.url = m_urls.buckets();
    return call<QList<Bucket>>(request, [](const HttpExchange &exchange) -> Result<QList<Bucket>> {
        if (auto error = exchange.error())
            return *error;
        const auto document = exchange.json();
        if (!document || !document->isArray())
            return exchange.unexpected(QStringLiteral("expected a JSON array"));
        QList<Bucket> buckets;
        for (const QJsonValue &item : document->array()) {
            auto bucket = bucketFromJson(item.toObject());
            if (!bucket)
                return exchange.unexpected(bucket.error().message);
            buckets.append(bucket.value());
        }
        return buckets;
    });
}

QFuture<Result<Bucket>> OpenWhiskPlatform::createBucket(QString name)
{
    if (auto problem = checkTarget(name))
        return readyResult<Bucket>(*problem);
    RestTransport::Request request;
    request.method = "PUT";
    request.url = m_urls.buckets(name);
    return call<Bucket>(request, [](const HttpExchange &exchange) { return jsonAs(exchange, &bucketFromJson); });
}

QFuture<Result<Done>> OpenWhiskPlatform::deleteBucket(QString name)
{
    if (auto problem = checkTarget(name))
        return readyResult<Done>(*problem);
    RestTransport::Request request;
    request.method = "DELETE";
    request.url = m_urls.buckets(name);
    return call<Done>(request, &doneOrError);
}

QFuture<Result<ObjectListing>> OpenWhiskPlatform::listObjects(QString bucket, ObjectQuery query)
{
    if (auto problem = checkTarget(bucket))
        return readyResult<ObjectListing>(*problem);
    OpenWhiskUrls::Query parameters{{QStringLiteral("limit"), QString::number(query.limit)},
                                    {QStringLiteral("skip"), QString::number(query.skip)}};
    if (!query.prefix.isEmpty())
        parameters.append({QStringLiteral("prefix"), query.prefix});
    if (!query.delimiter.isEmpty())
        parameters.append({QStringLiteral("delimiter"), query.delimiter});
    RestTransport::Request request;
    request.url = m_urls.buckets(bucket, QStringLiteral("objects"), parameters);
    return call<ObjectListing>(request,
                               [](const HttpExchange &exchange) { return jsonAs(exchange, &objectListingFromJson); });
}

QFuture<Result<ObjectInfo>> OpenWhiskPlatform::headObject(QString bucket, QString key)
{
    if (auto problem = checkTarget(bucket, &key))
        return readyResult<ObjectInfo>(*problem);
    RestTransport::Request request;
    request.method = "HEAD";
    request.url = m_urls.buckets(bucket, QStringLiteral("objects/") + key);
    return call<ObjectInfo>(request, [key](const HttpExchange &exchange) { return infoFromHeaders(exchange, key); });
}

QFuture<Result<Done>> OpenWhiskPlatform::deleteObject(QString bucket, QString key)
{
    if (auto problem = checkTarget(bucket, &key))
        return readyResult<Done>(*problem);
    RestTransport::Request request;
    request.method = "DELETE";
    request.url = m_urls.buckets(bucket, QStringLiteral("objects/") + key);
    return call<Done>(request, &doneOrError);
}

QFuture<Result<ObjectInfo>> OpenWhiskPlatform::putObject(QString bucket, QString key, QString sourceFile,
                                                         QString contentType)
{
    if (auto problem = checkTarget(bucket, &key))
        return readyResult<ObjectInfo>(*problem);
    // Shared with the transport, which keeps it until the reply is gone (an aborted reply may
    // still read it).
    auto source = std::make_shared<QFile>(sourceFile);
    if (!source->open(QIODevice::ReadOnly))
        return readyResult<ObjectInfo>(fileError(*source));
    auto promise = std::make_shared<QPromise<Result<ObjectInfo>>>();
    promise->start();
    promise->setProgressRange(0, kibOf(source->size()));
    RestTransport::Request request;
    request.method = "PUT";
    request.url = m_urls.buckets(bucket, QStringLiteral("objects/") + key);
    request.upload = source;
    request.contentType = contentType.isEmpty() ? QByteArrayLiteral("application/octet-stream") : contentType.toUtf8();
    // Cancelling aborts the transfer; the server then drops what it received.
    request.progress = progressOn(promise);
    QFuture<Result<ObjectInfo>> future = promise->future();
    m_transport->send(request, this, [this, promise](const HttpExchange &exchange) {
        observe(exchange);
        if (!promise->isCanceled())
            promise->addResult(jsonAs(exchange, &objectInfoFromJson));
        promise->finish();
    });
    return future;
}

QFuture<Result<ObjectInfo>> OpenWhiskPlatform::getObject(QString bucket, QString key, QString targetFile)
{
    if (auto problem = checkTarget(bucket, &key))
        return readyResult<ObjectInfo>(*problem);
    // The target appears whole or not at all.
    auto target = std::make_shared<QSaveFile>(targetFile);
    if (!target->open(QIODevice::WriteOnly))
        return readyResult<ObjectInfo>(fileError(*target));
    auto promise = std::make_shared<QPromise<Result<ObjectInfo>>>();
    promise->start();
    RestTransport::Request request;
    request.url = m_urls.buckets(bucket, QStringLiteral("objects/") + key);
    request.download = target.get();
    request.progress = progressOn(promise);
    QFuture<Result<ObjectInfo>> future = promise->future();
    m_transport->send(request, this, [this, promise, target, key](const HttpExchange &exchange) {
        observe(exchange);
        Result<ObjectInfo> info = infoFromHeaders(exchange, key);
        if (info && !promise->isCanceled() && !target->commit())
            info = fileError(*target);
        if (!info || promise->isCanceled())
            target->cancelWriting();
        if (!promise->isCanceled()) {
            if (info) { // all of it, also when no progress signal came (a small body)
                promise->setProgressRange(0, kibOf(info->size));
                promise->setProgressValue(kibOf(info->size));
            }
            promise->addResult(info);
        }
        promise->finish();
    });
    return future;
}

} // namespace funcdesk
