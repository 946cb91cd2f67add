#include "server/RequestParams.h"

#include "core/EntityName.h"
#include "server/ApiMessages.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace funcdesk {

namespace {

constexpr int kMaxListLimit = 200;

PlatformError invalid(QString message)
{
    return {PlatformError::Kind::Invalid, std::move(message)};
}

} // namespace

Result<bool> boolParam(const ApiRequest &request, QLatin1StringView name, bool defaultValue)
{
    if (!request.hasQueryItem(name))
        return defaultValue;
    const QString value = request.queryValue(name);
    const QString lower = value.toLower();
    if (lower == QLatin1StringView("true") || lower == QLatin1StringView("yes") || lower == QLatin1StringView("on") ||
        lower == QLatin1StringView("1"))
        return true;
    if (lower == QLatin1StringView("false") || lower == QLatin1StringView("no") || lower == QLatin1StringView("off") ||
        lower == QLatin1StringView("0"))
        return false;
    return invalid(messages::queryParameterMalformed(QString(name), value, "Boolean"));
}

Result<ListParams> listParams(const ApiRequest &request, QLatin1StringView collection)
{
    ListParams params;
    if (request.hasQueryItem(QLatin1StringView("limit"))) {
        const QString text = request.queryValue(QLatin1StringView("limit"));
        bool ok = false;
        const qlonglong limit = text.toLongLong(&ok);
        if (!ok)
            return invalid(messages::argumentNotInteger(collection, text));
        if (limit < 0 || limit > kMaxListLimit)
            return invalid(messages::listLimitOutOfRange(collection, text, kMaxListLimit));
        params.options.limit = limit == 0 ? kMaxListLimit : int(limit);
    }
    if (request.hasQueryItem(QLatin1StringView("skip"))) {
        const QString text = request.queryValue(QLatin1StringView("skip"));
        bool ok = false;
        const qlonglong skip = text.toLongLong(&ok);
        if (!ok)
            return invalid(messages::argumentNotInteger(collection, text));
        if (skip < 0 || skip > std::numeric_limits<int>::max())
            return invalid(messages::listSkipOutOfRange(collection, text));
        params.options.skip = int(skip);
    }
    auto count = boolParam(request, QLatin1StringView("count"), false);
    if (!count)
        return count.error();
    params.count = *count;
    return params;
}

Result<QJsonObject> jsonObjectBody(const QByteArray &body)
{
    // OpenWhisk's controller takes an empty entity where an object is expected as {}.
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(
            messages::malformedContent(QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset)));
    if (!document.isObject())
        return invalid(messages::malformedContent(QStringLiteral("expected a JSON object")));
    return document.object();
}

std::optional<PlatformError> checkBodySize(qint64 size, qint64 allowed)
{
    if (size <= allowed)
        return std::nullopt;
    return PlatformError{PlatformError::Kind::TooLarge, messages::requestTooLarge(size, allowed)};
}

std::optional<PlatformError> checkEntityPath(const QStringList &entity)
{
    for (const QString &part : entity) {
        if (auto error = checkEntityName(part))
            return error;
    }
    return std::nullopt;
}

} // namespace funcdesk
