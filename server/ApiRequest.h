#pragma once

#include "platforms/local/LocalEngine.h"

#include <QHttpServerRequest>
#include <QStringList>
#include <QUrlQuery>

namespace funcdesk {

// One API request as the handlers see it: the parts they need, copied out of QtHttpServer's
// per-connection request object (which the next request on the connection overwrites), plus
// what the server worked out (caller, namespace, entity path).
struct ApiRequest
{
    const QHttpServerRequest *http = nullptr; // valid only until the handler returns
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    QString path;         // percent-decoded
    QStringList segments; // path split at '/', empty ones dropped
    bool trailingSlash = false;
    QUrlQuery query;
    QByteArray body;
    Identity caller;    // after Basic authentication
    QString ns;         // the namespace addressed, "_" resolved
    QStringList entity; // the segments after the collection: ["name"] or ["package", "name"]

    bool hasQueryItem(QLatin1StringView key) const { return query.hasQueryItem(key); }
    QString queryValue(QLatin1StringView key) const { return query.queryItemValue(key, QUrl::FullyDecoded); }
    // "name" or "package/name".
    QString entityName() const { return entity.join(QLatin1Char('/')); }
    QByteArray header(const QByteArray &name) const { return http ? http->value(name) : QByteArray(); }
};

} // namespace funcdesk
