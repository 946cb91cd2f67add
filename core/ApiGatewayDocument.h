#pragma once

#include "core/ApiRoute.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QList>

namespace funcdesk::apigw {

// The JSON that OpenWhisk's `/whisk.system/apimgmt` actions take and answer (core/routemgmt),
// shared by both Platform implementations and the local gateway.

// The verbs an operation may have, lower case as Swagger keys them.
bool isVerb(const QString &verbLower);

// One operation of an API's Swagger 2.0 document that names a web action in its `x-openwhisk`
// extension ({namespace, package, action, url}).
struct Operation
{
    QString relPath;
    QString verb;         // lower case, as Swagger keys it
    QString ns;           // as written ("_": the API's own namespace)
    QString action;       // "name" or "package/name"
    QString responseType; // from the url's extension: "json", "http", ...
};
QList<Operation> operations(const QJsonObject &swagger);

// createApi's body for one route, as the JS client's routes.create builds it: {apidoc:
// {namespace: "_", gatewayBasePath, gatewayPath, gatewayMethod, id, action: {name, namespace,
// backendMethod, backendUrl, authkey}, pathParameters, apiName}}. `webRoot` is where the
// platform's web actions answer ("https://host"); `authKey` is the caller's "uuid:key".
QJsonObject createBody(const ApiRoute &route, const QString &webRoot, const QString &authKey);

// The routes in getApi's answer {apis: [{id, key, value: {namespace, gwApiUrl, apidoc}}]}.
Result<QList<ApiRoute>> routesOf(const QJsonObject &answer);
// The routes of one API as createApi answers it ({id, key, value}).
QList<ApiRoute> routesOfApi(const QJsonObject &api);

} // namespace funcdesk::apigw
