// LocalPlatform's route calls: the engine's /whisk.system/apimgmt actions, invoked in-process
// from this namespace with the bodies the JS client sends over HTTP.

#include "platforms/local/LocalPlatform.h"

#include "core/ApiGatewayDocument.h"
#include "core/FutureCallback.h"
#include "platforms/local/ApiRouteTable.h"
#include "platforms/local/LocalEngine.h"

#include <QPromise>

namespace funcdesk {

QFuture<Result<QJsonObject>> LocalPlatform::apiManagement(const QString &action, QJsonObject params)
{
    auto promise = std::make_shared<QPromise<Result<QJsonObject>>>();
    promise->start();
    QFuture<Result<QJsonObject>> future = promise->future();
    InvokeOptions options;
    options.blocking = true;
    onResult(m_engine->invokeAction(m_ns, QStringLiteral("/whisk.system/apimgmt/") + action, params, options), this,
             [promise](Result<InvokeOutcome> outcome) {
                 Result<QJsonObject> answer = PlatformError{};
                 if (!outcome) {
                     answer = outcome.error();
                 } else if (!outcome->activation || !outcome->activation->response) {
                     answer = PlatformError{PlatformError::Kind::Timeout,
                                            tr("The route management action did not finish in time.")};
                 } else {
                     const ActivationResponse &response = *outcome->activation->response;
                     const QJsonObject result = response.result.toObject();
                     if (response.statusValue() == ActivationStatus::Success)
                         answer = result;
                     else
                         answer = PlatformError{PlatformError::Kind::Invalid,
                                                result.value(QLatin1StringView("error")).toString()};
                 }
                 promise->addResult(answer);
                 promise->finish();
             });
    return future;
}

QFuture<Result<QList<ApiRoute>>> LocalPlatform::listRoutes(QString basePath)
{
    QJsonObject params;
    if (!basePath.isEmpty())
        params.insert(QStringLiteral("basepath"), basePath);
    auto promise = std::make_shared<QPromise<Result<QList<ApiRoute>>>>();
    promise->start();
    QFuture<Result<QList<ApiRoute>>> future = promise->future();
    onResult(apiManagement(QStringLiteral("getApi"), params), this, [promise](Result<QJsonObject> answer) {
        promise->addResult(answer ? apigw::routesOf(answer.value()) : Result<QList<ApiRoute>>(answer.error()));
        promise->finish();
    });
    return future;
}

QFuture<Result<ApiRoute>> LocalPlatform::createRoute(ApiRoute route)
{
    // In-process the caller is known; the key apimgmt's protocol asks for is never stored.
    QJsonObject params = apigw::createBody(route, m_engine->routes().servedAt(), QStringLiteral("in-process"));
    params.insert(QStringLiteral("responsetype"), route.responseType);
    auto promise = std::make_shared<QPromise<Result<ApiRoute>>>();
    promise->start();
    QFuture<Result<ApiRoute>> future = promise->future();
    onResult(apiManagement(QStringLiteral("createApi"), params), this, [promise, route](Result<QJsonObject> answer) {
        Result<ApiRoute> created =
            PlatformError{PlatformError::Kind::Server, tr("The created API does not hold the route.")};
        if (!answer)
            created = answer.error();
        for (const ApiRoute &candidate : answer ? apigw::routesOfApi(answer.value()) : QList<ApiRoute>()) {
            if (candidate.relPath == route.relPath && candidate.verb.compare(route.verb, Qt::CaseInsensitive) == 0)
                created = candidate;
        }
        promise->addResult(created);
        promise->finish();
    });
    return future;
}

QFuture<Result<Done>> LocalPlatform::deleteRoute(QString basePath, QString relPath, QString verb)
{
    QJsonObject params{{QStringLiteral("basepath"), basePath}};
    if (!relPath.isEmpty())
        params.insert(QStringLiteral("relpath"), relPath);
    if (!verb.isEmpty())
        params.insert(QStringLiteral("operation"), verb);
    auto promise = std::make_shared<QPromise<Result<Done>>>();
    promise->start();
    QFuture<Result<Done>> future = promise->future();
    onResult(apiManagement(QStringLiteral("deleteApi"), params), this, [promise](Result<QJsonObject> answer) {
        promise->addResult(answer ? Result<Done>(Done{}) : Result<Done>(answer.error()));
        promise->finish();
    });
    return future;
}

} // namespace funcdesk
