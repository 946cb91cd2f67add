#include "server/ObjectsApi.h"

#include "core/ObjectNames.h"
#include "platforms/local/BucketStore.h"
#include "server/ApiMessages.h"
#include "server/BasicAuth.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

#include <unistd.h>

namespace funcdesk {

namespace {

using Method = HttpMethod;

// Where an object request points, read from the target as sent: the key keeps its empty, "."
// and ".." segments (a decoded path would lose or fold them) so that checkObjectKey sees them.
struct ObjectTarget
{
    QString ns;
    QString bucket;
    std::optional<QString> key; // after ".../objects/"
};

std::optional<ObjectTarget> objectTarget(const QByteArray &target)
{
    QByteArray path = target;
    if (const qsizetype query = path.indexOf('?'); query >= 0)
        path.truncate(query);
    const QList<QByteArray> parts = path.split('/'); // "", api, v1, namespaces, ns, buckets, b, objects, key...
    if (parts.size() < 9 || parts.at(1) != "api" || parts.at(2) != "v1" || parts.at(3) != "namespaces" ||
        parts.at(5) != "buckets" || parts.at(7) != "objects")
        return std::nullopt;
    auto decode = [](const QByteArray &part) { return QString::fromUtf8(QByteArray::fromPercentEncoding(part)); };
    QByteArray key;
    for (qsizetype i = 8; i < parts.size(); ++i) {
        if (i > 8)
            key += '/';
        key += parts.at(i);
    }
    return ObjectTarget{decode(parts.at(4)), decode(parts.at(6)), decode(key)};
}

class ObjectBodySink final : public BodySink
{
public:
    ObjectBodySink(qint64 maxBytes, Result<std::unique_ptr<ObjectUpload>> upload) : m_maxBytes(maxBytes)
    {
        if (upload)
            m_upload = std::move(upload).value();
        else
            m_error = upload.error();
    }
    qint64 maxBytes() const override { return m_maxBytes; }
    void write(const char *data, qsizetype size) override
    {
        if (m_error)
            return;
        if (auto error = m_upload->write(data, size))
            m_error = error;
    }
    Result<ObjectInfo> commit()
    {
        if (m_error)
            return *m_error;
        return m_upload->commit();
    }

private:
    qint64 m_maxBytes;
    std::unique_ptr<ObjectUpload> m_upload;
    std::optional<PlatformError> m_error;
};

QByteArray quotedEtag(const QString &etag)
{
    return '"' + etag.toLatin1() + '"';
}

QByteArray httpDate(qint64 epochMs)
{
    return QLocale::c()
        .toString(QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

void addObjectHeaders(Reply &reply, const ObjectInfo &info)
{
    reply.addHeader(QByteArrayLiteral("ETag"), quotedEtag(info.etag));
    reply.addHeader(QByteArrayLiteral("Last-Modified"), httpDate(info.modified));
    reply.addHeader(QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes"));
}

// One "bytes=" range (RFC 9110 §14.1.2) against a size: {first, last}, or nullopt when the
// header is absent or not one byte range (then the whole object is sent), or {-1, -1} when it
// cannot be satisfied (416).
std::optional<std::pair<qint64, qint64>> byteRange(const QByteArray &header, qint64 size)
{
    if (!header.startsWith("bytes=") || header.contains(','))
        return std::nullopt;
    const QByteArray spec = header.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    bool okFirst = false, okLast = false;
    const QByteArray firstText = spec.left(dash).trimmed(), lastText = spec.mid(dash + 1).trimmed();
    if (firstText.isEmpty()) { // the last N bytes
        const qint64 suffix = lastText.toLongLong(&okLast);
        if (!okLast || suffix < 0)
            return std::nullopt;
        if (suffix == 0 || size == 0)
            return std::pair<qint64, qint64>{-1, -1};
        return std::pair<qint64, qint64>{std::max<qint64>(0, size - suffix), size - 1};
    }
    const qint64 first = firstText.toLongLong(&okFirst);
    qint64 last = lastText.isEmpty() ? size - 1 : lastText.toLongLong(&okLast);
    if (!okFirst || first < 0 || (!lastText.isEmpty() && (!okLast || last < first)))
        return std::nullopt;
    if (first >= size)
        return std::pair<qint64, qint64>{-1, -1};
    return std::pair<qint64, qint64>{first, std::min(last, size - 1)};
}

Result<int> intParam(const ApiRequest &request, QLatin1StringView name, int defaultValue, int min, int max)
{
    if (!request.hasQueryItem(name))
        return defaultValue;
    bool ok = false;
    const QString text = request.queryValue(name);
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        return PlatformError{PlatformError::Kind::Invalid,
                             QStringLiteral("The value '%1' is not in the range of %2 to %3 for %4.")
                                 .arg(text)
                                 .arg(min)
                                 .arg(max)
                                 .arg(name)};
    return value;
}

} // namespace

std::shared_ptr<BodySink> ObjectsApi::objectBodySink(LocalEngine &engine, const HttpRequest &headers)
{
    if (headers.method != Method::Put || !headers.target.contains("/buckets/"))
        return nullptr;
    const std::optional<ObjectTarget> target = objectTarget(headers.target);
    if (!target)
        return nullptr;
    BucketStore &buckets = engine.buckets();
    auto refused = [&](PlatformError error) {
        return std::make_shared<ObjectBodySink>(buckets.maxObjectBytes(), std::move(error));
    };
    auto caller = authenticateBasic(engine, headers.header(QByteArrayLiteral("authorization")));
    if (!caller)
        return refused(caller.error()); // the dispatcher answers the 401 itself
    const QString ns = target->ns == QLatin1StringView("_") ? caller->ns : target->ns;
    if (ns != caller->ns)
        return refused({PlatformError::Kind::Auth, messages::notAuthorizedToAccess(target->ns)});
    return std::make_shared<ObjectBodySink>(
        buckets.maxObjectBytes(),
        buckets.beginUpload(ns, target->bucket, *target->key,
                            QString::fromLatin1(headers.header(QByteArrayLiteral("content-type")))));
}

void ObjectsApi::handle(const ApiRequest &request, Reply reply)
{
    BucketStore &buckets = m_engine.buckets();
    const QStringList &entity = request.entity; // [bucket, "objects", key segments...]
    if (entity.isEmpty()) {
        if (request.method != Method::Get)
            return reply.sendError(405, messages::methodNotAllowed());
        auto list = buckets.listBuckets(request.ns);
        if (!list)
            return reply.sendError(list.error());
        QJsonArray array;
        for (const Bucket &bucket : list.value())
            array.append(bucketToJson(bucket));
        return reply.sendJson(200, array);
    }
    const QString &bucket = entity.first();
    if (entity.size() == 1) {
        if (request.method == Method::Put) {
            auto created = buckets.createBucket(request.ns, bucket);
            return created ? reply.sendJson(200, bucketToJson(created.value())) : reply.sendError(created.error());
        }
        if (request.method == Method::Delete) {
            auto deleted = buckets.deleteBucket(request.ns, bucket);
            return deleted ? reply.sendEmpty(204) : reply.sendError(deleted.error());
        }
        return reply.sendError(405, messages::methodNotAllowed());
    }
    if (entity.at(1) != QLatin1StringView("objects"))
        return reply.sendError(404, messages::resourceDoesNotExist());
    const std::optional<ObjectTarget> target = objectTarget(request.http->target);
    if (!target) // ".../objects" itself: the listing
        return listObjects(request, bucket, std::move(reply));
    handleObject(request, bucket, *target->key, std::move(reply));
}

void ObjectsApi::handleObject(const ApiRequest &request, const QString &bucket, const QString &key, Reply reply)
{
    if (request.method == Method::Put)
        return putObject(request, std::move(reply));
    if (auto problem = checkObjectKey(key))
        return reply.sendError(*problem);
    if (request.method == Method::Get || request.method == Method::Head)
        return getObject(request, bucket, key, std::move(reply));
    if (request.method == Method::Delete) {
        auto deleted = m_engine.buckets().deleteObject(request.ns, bucket, key);
        return deleted ? reply.sendEmpty(204) : reply.sendError(deleted.error());
    }
    reply.sendError(405, messages::methodNotAllowed());
}

void ObjectsApi::putObject(const ApiRequest &request, Reply reply)
{
    auto *sink = dynamic_cast<ObjectBodySink *>(request.http->sink.get());
    if (!sink)
        return reply.sendError(500, messages::internalError());
    auto stored = sink->commit();
    if (!stored)
        return reply.sendError(stored.error());
    reply.addHeader(QByteArrayLiteral("ETag"), quotedEtag(stored->etag));
    reply.sendJson(200, objectInfoToJson(stored.value()));
}

void ObjectsApi::getObject(const ApiRequest &request, const QString &bucket, const QString &key, Reply reply)
{
    auto object = m_engine.buckets().openObject(request.ns, bucket, key);
    if (!object)
        return reply.sendError(object.error());
    const ObjectInfo &info = object->info;
    const int fd = object->fd;
    addObjectHeaders(reply, info);
    const auto range = byteRange(request.header(QByteArrayLiteral("range")), info.size);
    if (range && range->first < 0) {
        reply.addHeader(QByteArrayLiteral("Content-Range"), "bytes */" + QByteArray::number(info.size));
        reply.sendError(416, QStringLiteral("The range is not satisfiable: the object has %1 bytes.").arg(info.size));
    } else if (range) {
        reply.addHeader(QByteArrayLiteral("Content-Range"), "bytes " + QByteArray::number(range->first) + '-' +
                                                                QByteArray::number(range->second) + '/' +
                                                                QByteArray::number(info.size));
        reply.sendFile(206, info.contentType.toLatin1(), fd, range->first, range->second - range->first + 1);
    } else {
        reply.sendFile(200, info.contentType.toLatin1(), fd, 0, info.size);
    }
    ::close(fd);
}

void ObjectsApi::listObjects(const ApiRequest &request, const QString &bucket, Reply reply)
{
    if (request.method != Method::Get)
        return reply.sendError(405, messages::methodNotAllowed());
    ObjectQuery query;
    query.prefix = request.queryValue(QLatin1StringView("prefix"));
    query.delimiter = request.queryValue(QLatin1StringView("delimiter"));
    auto limit = intParam(request, QLatin1StringView("limit"), 200, 1, 1000);
    if (!limit)
        return reply.sendError(limit.error());
    auto skip = intParam(request, QLatin1StringView("skip"), 0, 0, std::numeric_limits<int>::max());
    if (!skip)
        return reply.sendError(skip.error());
    query.limit = limit.value();
    query.skip = skip.value();
    auto listing = m_engine.buckets().listObjects(request.ns, bucket, query);
    if (!listing)
        return reply.sendError(listing.error());
    reply.sendJson(200, objectListingToJson(listing.value()));
}

} // namespace funcdesk
