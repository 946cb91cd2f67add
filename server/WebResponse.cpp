#include "server/WebResponse.h"

#include "core/JsonWriter.h"

#include "core/Exec.h"
#include "server/ApiMessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace funcdesk {

namespace {

// The media type alone, lowercased: "Text/HTML; charset=utf-8" → "text/html".
QByteArray mediaType(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
}

// A scalar, array or object as JSON text (QJsonDocument holds only objects and arrays).
QByteArray jsonText(const QJsonValue &value, QJsonDocument::JsonFormat format = QJsonDocument::Compact)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(format);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(format);
    QByteArray scalar;
    appendJsonValue(scalar, value);
    return scalar;
}

bool isHeaderSafe(const QByteArray &text)
{
    for (const char c : text) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

// headers → (name, value) pairs; string, number and boolean values, or arrays of them.
bool appendHeader(QList<std::pair<QByteArray, QByteArray>> &out, const QByteArray &name, const QJsonValue &value)
{
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            if (item.isArray() || !appendHeader(out, name, item))
                return false;
        }
        return true;
    }
    QByteArray text;
    if (value.isString())
        text = value.toString().toUtf8();
    else if (value.isDouble() || value.isBool())
        text = jsonText(value);
    else
        return false;
    // A header the action sets must not split the response or redefine its framing.
    if (name.isEmpty() || !isHeaderSafe(name) || !isHeaderSafe(text) || name.contains(':') || name.contains(' '))
        return false;
    out.append({name, text});
    return true;
}

void sendText(Reply &reply, const QByteArray &contentType, const QString &text)
{
    reply.send(200, contentType, text.toUtf8());
}

// .html and .svg: the body (or html / svg) field of an object, or the result itself; a string.
void sendMarkup(Reply &reply, const QJsonValue &result, QLatin1StringView field, QLatin1StringView type,
                const QByteArray &contentType)
{
    QJsonValue markup = result;
    if (result.isObject()) {
        const QJsonObject object = result.toObject();
        markup =
            object.contains(QLatin1StringView("body")) ? object.value(QLatin1StringView("body")) : object.value(field);
    }
    if (!markup.isString())
        return reply.sendError(400, messages::invalidMedia(type));
    sendText(reply, contentType, markup.toString());
}

void sendAsText(Reply &reply, const QJsonValue &result)
{
    QJsonValue text = result;
    if (result.isObject()) {
        const QJsonObject object = result.toObject();
        text = object.contains(QLatin1StringView("body")) ? object.value(QLatin1StringView("body"))
                                                          : object.value(QLatin1StringView("text"));
        if (text.isUndefined())
            return reply.sendError(404, messages::propertyNotFound());
    }
    static const QByteArray type = QByteArrayLiteral("text/plain; charset=UTF-8");
    if (text.isString())
        return sendText(reply, type, text.toString());
    reply.send(200, type, jsonText(text, QJsonDocument::Indented));
}

void sendAsHttp(Reply &reply, const QJsonValue &result)
{
    const QString invalid = messages::invalidMedia(QLatin1StringView("message/http"));
    if (!result.isObject())
        return reply.sendError(400, invalid);
    const QJsonObject object = result.toObject();

    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray contentType;
    const QJsonValue headerValue = object.value(QLatin1StringView("headers"));
    if (!headerValue.isUndefined()) {
        if (!headerValue.isObject())
            return reply.sendError(400, invalid);
        const QJsonObject given = headerValue.toObject();
        for (auto it = given.begin(); it != given.end(); ++it) {
            const QByteArray name = it.key().toUtf8();
            const QByteArray lower = name.toLower();
            QList<std::pair<QByteArray, QByteArray>> values;
            if (!appendHeader(values, name, it.value()))
                return reply.sendError(400, invalid);
            if (lower == "content-type") {
                if (!values.isEmpty())
                    contentType = values.first().second;
            } else if (lower != "content-length" && lower != "transfer-encoding" && lower != "connection") {
                headers += values;
            }
        }
    }

    std::optional<int> status;
    const QJsonValue code = object.value(QLatin1StringView("statusCode"));
    if (!code.isUndefined()) {
        bool ok = false;
        int value = 0;
        if (code.isDouble()) {
            const double d = code.toDouble();
            ok = std::floor(d) == d;
            value = int(d);
        } else if (code.isString()) {
            value = code.toString().toInt(&ok);
        }
        if (!ok || value < 100 || value > 599)
            return reply.sendError(400, invalid);
        status = value;
    }

    // The action's headers go only on the response it asked for, not on an error about it.
    auto sendWithHeaders = [&reply, &headers](int statusCode, const QByteArray &type, const QByteArray &bytes) {
        for (const auto &[name, value] : headers)
            reply.addHeader(name, value);
        reply.send(statusCode, type, bytes);
    };
    const QJsonValue body = object.value(QLatin1StringView("body"));
    if (body.isUndefined() || body.isNull() || (body.isString() && body.toString().isEmpty()))
        return sendWithHeaders(status.value_or(204), QByteArray(), QByteArray());

    if (body.isString()) {
        const QString text = body.toString();
        if (contentType.isEmpty())
            contentType = QByteArrayLiteral("text/html; charset=UTF-8");
        const QByteArray type = mediaType(contentType);
        // Binary types carry base64 text; so may JSON types, for old web actions.
        if (isBinaryContentType(type) || (isJsonContentType(type) && Exec::looksLikeBase64(text))) {
            const auto decoded =
                QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return reply.sendError(400, messages::httpContentTypeError());
            return sendWithHeaders(status.value_or(200), contentType, *decoded);
        }
        return sendWithHeaders(status.value_or(200), contentType, text.toUtf8());
    }
    // An object, array, number or boolean body is JSON and needs a JSON content type.
    if (contentType.isEmpty())
        contentType = QByteArrayLiteral("application/json");
    if (!isJsonContentType(mediaType(contentType)))
        return reply.sendError(400, messages::httpContentTypeError());
    sendWithHeaders(status.value_or(200), contentType, jsonText(body));
}

} // namespace

std::pair<QString, WebExtension> splitWebExtension(const QString &segment)
{
    static const std::pair<QLatin1StringView, WebExtension> extensions[] = {
        {QLatin1StringView(".http"), WebExtension::Http}, {QLatin1StringView(".json"), WebExtension::Json},
        {QLatin1StringView(".html"), WebExtension::Html}, {QLatin1StringView(".svg"), WebExtension::Svg},
        {QLatin1StringView(".text"), WebExtension::Text},
    };
    for (const auto &[suffix, extension] : extensions) {
        if (segment.endsWith(suffix) && segment.size() > suffix.size())
            return {segment.chopped(suffix.size()), extension};
    }
    return {segment, WebExtension::Http};
}

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray type = mediaType(contentType);
    return type == "application/json" || type.endsWith("+json");
}

bool isBinaryContentType(const QByteArray &contentType)
{
    const QByteArray type = mediaType(contentType);
    if (type.isEmpty() || type.startsWith("text/") || isJsonContentType(type) || type.endsWith("+xml"))
        return false;
    return type != "application/xml" && type != "application/javascript" && type != "application/ecmascript" &&
           type != "application/x-www-form-urlencoded";
}

void sendWebResult(Reply &reply, WebExtension extension, const QJsonValue &result)
{
    switch (extension) {
    case WebExtension::Json:
        if (!result.isObject() && !result.isArray())
            return reply.sendError(400, messages::invalidMedia(QLatin1StringView("application/json")));
        return reply.sendJson(200, result);
    case WebExtension::Html:
        return sendMarkup(reply, result, QLatin1StringView("html"), QLatin1StringView("text/html"),
                          QByteArrayLiteral("text/html; charset=UTF-8"));
    case WebExtension::Svg:
        return sendMarkup(reply, result, QLatin1StringView("svg"), QLatin1StringView("image/svg+xml"),
                          QByteArrayLiteral("image/svg+xml"));
    case WebExtension::Text:
        return sendAsText(reply, result);
    case WebExtension::Http:
        return sendAsHttp(reply, result);
    }
}

} // namespace funcdesk
