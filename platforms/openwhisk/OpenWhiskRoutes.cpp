// OpenWhiskPlatform's route calls: the apimgmt web actions, called as the JS client's
// lib/routes.js calls them (path, verb, query and body), so they work against OpenWhisk and
// funcdeskd alike.

#include "platforms/openwhisk/OpenWhiskPlatform.h"

#include "core/ApiGatewayDocument.h"
#include "core/FutureCallback.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace funcdesk {

namespace {

Result<QJsonObject> answerObject(const HttpExchange &exchange)
{
    if (auto error = exchange.error())
        return *error;
    const auto document = exchange.json();
    if (!document || !document->isObject())
        return exchange.unexpected(QStringLiteral("expected a JSON object"));
    return document->object();
}

} // namespace

QUrl OpenWhiskPlatform::apiManagementUrl(const QString &action, const OpenWhiskUrls::Query &query) const
{
    QUrl url = m_urls.root().resolved(
        QUrl(QStringLiteral("api/v1/web/whisk.system/apimgmt/") + action + QStringLiteral(".http")));
    QUrlQuery encoded;
    for (const auto &[key, value] : query)
        encoded.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    if (!query.isEmpty())
        url.setQuery(encoded.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

QFuture<Result<QList<ApiRoute>>> OpenWhiskPlatform::listRoutes(QString basePath)
{
    RestTransport::Request request;
    OpenWhiskUrls::Query query;
    if (!basePath.isEmpty())
        query.append({QStringLiteral("basepath"), basePath});
    request.url = apiManagementUrl(QStringLiteral("getApi"), query);
    return m_transport->call<QList<ApiRoute>>(request, [this](const HttpExchange &exchange) -> Result<QList<ApiRoute>> {
        observe(exchange);
        auto answer = answerObject(exchange);
        if (!answer)
            return answer.error();
        return apigw::routesOf(answer.value());
    });
}

QFuture<Result<ApiRoute>> OpenWhiskPlatform::createRoute(ApiRoute route)
{
    if (route.basePath.isEmpty() || route.relPath.isEmpty() || route.verb.isEmpty() || route.action.isEmpty())
        return readyResult<ApiRoute>(PlatformError{PlatformError::Kind::Invalid,
                                                   tr("A route needs a base path, a path, a method and an action.")});
    RestTransport::Request request;
    request.method = QByteArrayLiteral("POST");
    request.url = apiManagementUrl(QStringLiteral("createApi"), {{QStringLiteral("responsetype"), route.responseType}});
    QString webRoot = m_urls.root().toString();
    if (webRoot.endsWith(QLatin1Char('/')))
        webRoot.chop(1);
    request.body = QJsonDocument(apigw::createBody(route, webRoot, config().auth)).toJson(QJsonDocument::Compact);
    return m_transport->call<ApiRoute>(request, [this, route](const HttpExchange &exchange) -> Result<ApiRoute> {
        observe(exchange);
        auto answer = answerObject(exchange);
        if (!answer)
            return answer.error();
        for (const ApiRoute &created : apigw::routesOfApi(answer.value())) {
            if (created.relPath == route.relPath && created.verb.compare(route.verb, Qt::CaseInsensitive) == 0)
                return created;
        }
        return exchange.unexpected(QStringLiteral("the created API does not hold the route"));
    });
}

QFuture<Result<Done>> OpenWhiskPlatform::deleteRoute(QString basePath, QString relPath, QString verb)
{
    if (basePath.isEmpty())
        return readyResult<Done>(PlatformError{PlatformError::Kind::Invalid, tr("A base path is required.")});
    OpenWhiskUrls::Query query{{QStringLiteral("basepath"), basePath}};
    if (!relPath.isEmpty())
        query.append({QStringLiteral("relpath"), relPath});
    if (!verb.isEmpty())
        query.append({QStringLiteral("operation"), verb});
    query.append({QStringLiteral("force"), QStringLiteral("true")});
    RestTransport::Request request;
    request.method = QByteArrayLiteral("DELETE");
    request.url = apiManagementUrl(QStringLiteral("deleteApi"), query);
    return m_transport->call<Done>(request, [this](const HttpExchange &exchange) -> Result<Done> {
        observe(exchange);
        if (auto error = exchange.error())
            return *error;
        return Done{};
    });
}

} // namespace funcdesk
