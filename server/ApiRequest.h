#pragma once

#include "platforms/local/LocalEngine.h"
#include "server/HttpConnection.h"

#include <QStringList>
#include <QUrlQuery>

namespace funcdesk {

// One API request as the handlers see it: the HTTP request plus what the server worked out
// from it (path, query, caller, namespace, entity path).
struct ApiRequest
{
    const HttpRequest *http = nullptr; // valid only until the handler returns
    HttpMethod method = HttpMethod::Unknown;
    QString path;         // percent-decoded
    QStringList segments; // path split at '/', empty ones dropped
    bool trailingSlash = false;
    QUrlQuery query;
    QString rawQuery; // the query as sent (percent-encoded)
    QByteArray body;
    Identity caller;    // after Basic authentication
    QString ns;         // the namespace addressed, "_" resolved
    QStringList entity; // the segments after the collection: ["name"] or ["package", "name"]

    bool hasQueryItem(QLatin1StringView key) const { return query.hasQueryItem(key); }
    QString queryValue(QLatin1StringView key) const { return query.queryItemValue(key, QUrl::FullyDecoded); }
    // "name" or "package/name".
    QString entityName() const { return entity.join(QLatin1Char('/')); }
    // The entity as the caller's namespace names it: entityName() in its own namespace,
    // "/ns/package/name" in another one (a published package, whisk.system's catalog).
    QString entityFromCaller() const
    {
        return ns == caller.ns ? entityName() : QLatin1Char('/') + ns + QLatin1Char('/') + entityName();
    }
    QByteArray header(const QByteArray &lowerName) const { return http ? http->header(lowerName) : QByteArray(); }
};

} // namespace funcdesk
