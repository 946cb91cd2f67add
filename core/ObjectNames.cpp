#include "core/ObjectNames.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace funcdesk {

namespace {

PlatformError invalid(const QString &message)
{
    return {PlatformError::Kind::Invalid, message};
}

PlatformError badShape(const char *what)
{
    return {PlatformError::Kind::Server,
            QStringLiteral("The server sent a malformed %1.").arg(QLatin1StringView(what))};
}

constexpr qsizetype kMaxKeyBytes = 1024;
constexpr qsizetype kMaxSegmentBytes = 255; // NAME_MAX: each segment is a file or folder name

} // namespace

std::optional<PlatformError> checkBucketName(const QString &name)
{
    static const QRegularExpression rule(QStringLiteral("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"));
    if (!rule.match(name).hasMatch() || name.contains(QLatin1StringView("..")))
        return invalid(QStringLiteral("The bucket name '%1' is not valid: use 3 to 63 characters of a-z, 0-9, '.' "
                                      "and '-', starting and ending with a letter or digit.")
                           .arg(name));
    return std::nullopt;
}

std::optional<PlatformError> checkObjectKey(const QString &key)
{
    const QByteArray utf8 = key.toUtf8();
    if (utf8.isEmpty())
        return invalid(QStringLiteral("The object key must not be empty."));
    if (utf8.size() > kMaxKeyBytes)
        return invalid(
            QStringLiteral("The object key is longer than allowed: %1 > %2 bytes.").arg(utf8.size()).arg(kMaxKeyBytes));
    if (utf8.contains('\0'))
        return invalid(QStringLiteral("The object key must not contain a NUL character."));
    if (utf8.contains('\\'))
        return invalid(QStringLiteral("The object key must not contain a backslash."));
    if (utf8.startsWith('/'))
        return invalid(QStringLiteral("The object key must not start with '/'."));
    const QList<QByteArray> segments = utf8.split('/');
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QByteArray &segment = segments.at(i);
        if (segment.isEmpty() && i + 1 < segments.size())
            return invalid(QStringLiteral("The object key must not contain an empty segment ('//')."));
        if (segment.isEmpty())
            return invalid(QStringLiteral("The object key must not end with '/'."));
        if (segment == "." || segment == "..")
            return invalid(QStringLiteral("The object key must not contain a '.' or '..' segment."));
        if (segment.size() > kMaxSegmentBytes)
            return invalid(QStringLiteral("A segment of the object key is longer than allowed: %1 > %2 bytes.")
                               .arg(segment.size())
                               .arg(kMaxSegmentBytes));
    }
    if (segments.first().startsWith(".funcdesk-"))
        return invalid(QStringLiteral("Object keys starting with '.funcdesk-' are reserved."));
    return std::nullopt;
}

QJsonObject bucketToJson(const Bucket &bucket)
{
    return {{QLatin1StringView("name"), bucket.name}, {QLatin1StringView("created"), bucket.created}};
}

Result<Bucket> bucketFromJson(const QJsonObject &object)
{
    if (!object.value(QLatin1StringView("name")).isString())
        return badShape("bucket");
    return Bucket{object.value(QLatin1StringView("name")).toString(),
                  qint64(object.value(QLatin1StringView("created")).toDouble())};
}

QJsonObject objectInfoToJson(const ObjectInfo &info)
{
    return {{QLatin1StringView("key"), info.key},
            {QLatin1StringView("size"), info.size},
            {QLatin1StringView("etag"), info.etag},
            {QLatin1StringView("modified"), info.modified},
            {QLatin1StringView("contentType"), info.contentType}};
}

Result<ObjectInfo> objectInfoFromJson(const QJsonObject &object)
{
    if (!object.value(QLatin1StringView("key")).isString() || !object.value(QLatin1StringView("size")).isDouble())
        return badShape("object description");
    ObjectInfo info;
    info.key = object.value(QLatin1StringView("key")).toString();
    info.size = qint64(object.value(QLatin1StringView("size")).toDouble());
    info.etag = object.value(QLatin1StringView("etag")).toString();
    info.modified = qint64(object.value(QLatin1StringView("modified")).toDouble());
    info.contentType = object.value(QLatin1StringView("contentType")).toString();
    return info;
}

QJsonObject objectListingToJson(const ObjectListing &listing)
{
    QJsonArray objects;
    for (const ObjectInfo &info : listing.objects)
        objects.append(objectInfoToJson(info));
    return {{QLatin1StringView("objects"), objects},
            {QLatin1StringView("prefixes"), QJsonArray::fromStringList(listing.prefixes)}};
}

Result<ObjectListing> objectListingFromJson(const QJsonObject &object)
{
    if (!object.value(QLatin1StringView("objects")).isArray())
        return badShape("object listing");
    ObjectListing listing;
    for (const QJsonValue &value : object.value(QLatin1StringView("objects")).toArray()) {
        auto info = objectInfoFromJson(value.toObject());
        if (!info)
            return info.error();
        listing.objects.append(info.value());
    }
    for (const QJsonValue &value : object.value(QLatin1StringView("prefixes")).toArray())
        listing.prefixes.append(value.toString());
    return listing;
}

} // namespace funcdesk
