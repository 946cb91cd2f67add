#pragma once

#include "platforms/local/BuiltinAction.h"

#include <functional>
#include <optional>

namespace funcdesk {

class ApiRouteTable;
class LocalEngine;

// Why `action` ("name" or "package/name") of namespace `ns` cannot answer a route (it does not
// exist, or is not a web action), in wsk's words; nullopt when it can.
using RouteTargetCheck = std::function<std::optional<QString>(const QString &ns, const QString &action)>;

// The `whisk.system/apimgmt` package: createApi, getApi and deleteApi over the local gateway's
// route table, answering as OpenWhisk's core/routemgmt actions do (with an x-openwhisk Swagger
// document per API). Called as web actions (`__ow_method` set, the caller in `__ow_user`) they
// answer {statusCode, headers, body}, errors with 502 as OpenWhisk's do; called as plain actions
// they answer the body, errors as {"error": message}.
QList<BuiltinDefinition> apiManagementActions(ApiRouteTable &routes, RouteTargetCheck checkTarget);
// The actions of `engine` annotated web-export (wsk api create's check).
RouteTargetCheck webActionTargets(LocalEngine &engine);

} // namespace funcdesk
