#pragma once

#include "core/ApiGatewayDocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace funcdesk::gateway {

// The Swagger 2.0 documents OpenWhisk's apimgmt actions keep for an API (core/routemgmt/common/
// apigw-utils.js): one per base path, each operation pointing at a web action through its
// `x-openwhisk` extension ({namespace, package, action, url}). Pure JSON, no state.

using apigw::isVerb;
using apigw::operations;

// An API without operations: {swagger: "2.0", info: {title, version}, basePath, paths: {}, ...}.
QJsonObject baseSwagger(const QString &basePath, const QString &apiName);

// "get" + "/items/{id}" -> "getItemsId", as makeOperationId does.
QString operationId(const QString &verbLower, const QString &relPath);

// The names in braces: "/users/{id}/posts/{post}" -> ["id", "post"].
QStringList pathParameterNames(const QString &relPath);

// One operation added by createApi's single-route form.
struct Endpoint
{
    QString relPath;
    QString verb;         // any case
    QString actionNs;     // "guest"
    QString action;       // "name" or "package/name"
    QString backendRoot;  // "http://host:3233": where the web action is reached
    QString responseType; // "json", "http", ...
    QJsonArray pathParameters;
};
// Adds (or replaces) the operation, as addEndpointToSwaggerApi does.
void addEndpoint(QJsonObject &swagger, const Endpoint &endpoint);

// Removes one operation (verb given) or a whole path; the error text when there is none.
std::optional<QString> removeEndpoint(QJsonObject &swagger, const QString &relPath, const QString &verb);

// validateFinalSwagger's checks (parameters in the base path, path parameters need the http
// response type and a declared parameter), with OpenWhisk's texts.
std::optional<QString> checkFinal(const QJsonObject &swagger);

// The operations without a usable x-openwhisk target, as "get /path" (Funcdesk serves no others).
QStringList untargetedOperations(const QJsonObject &swagger);

// Sets x-openwhisk namespaces "_" (and the url's) to `ns`, as updateNamespace does for "_".
void resolveDefaultNamespace(QJsonObject &swagger, const QString &ns);

} // namespace funcdesk::gateway
