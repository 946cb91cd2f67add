#include "platforms/local/ApiManagement.h"

#include "platforms/local/ApiRouteTable.h"
#include "platforms/local/GatewaySwagger.h"
#include "platforms/local/LocalEngine.h"

#include <QJsonDocument>

namespace funcdesk {

namespace {

const QString kSystemNamespace = QStringLiteral("whisk.system");
const QStringList kResponseTypes{QStringLiteral("json"), QStringLiteral("http"), QStringLiteral("html"),
                                 QStringLiteral("svg"), QStringLiteral("text")};

// What one call of an apimgmt action works with.
struct Request
{
    QJsonObject params;
    bool web = false; // called as a web action
    QString ns;       // the caller: __ow_user on the web, else the invoking namespace
    QString gatewayRoot;
};

Request requestOf(const BuiltinCall &call, const ApiRouteTable &routes)
{
    Request request;
    request.params = call.params;
    request.web = call.params.contains(QLatin1StringView("__ow_method"));
    request.ns = request.web || call.ns == kSystemNamespace
                     ? call.params.value(QLatin1StringView("__ow_user")).toString()
                     : call.ns;
    const QJsonObject headers = call.params.value(QLatin1StringView("__ow_headers")).toObject();
    const QString host = headers.value(QLatin1StringView("host")).toString();
    if (!host.isEmpty()) {
        const QString scheme = headers.value(QLatin1StringView("x-forwarded-proto")).toString();
        request.gatewayRoot = (scheme.isEmpty() ? QStringLiteral("http") : scheme) + QStringLiteral("://") + host;
    } else {
        request.gatewayRoot = routes.servedAt();
        if (request.gatewayRoot.isEmpty())
            request.gatewayRoot = QStringLiteral("http://localhost");
    }
    return request;
}

// makeResponseObject / makeErrorResponseObject: a web call gets an HTTP response.
Result<QJsonObject> answer(const Request &request, const QJsonObject &body)
{
    if (!request.web)
        return body;
    return QJsonObject{
        {QStringLiteral("statusCode"), 200},
        {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Content-Type"), QStringLiteral("application/json")}}},
        {QStringLiteral("body"), body}};
}

Result<QJsonObject> fail(const Request &request, const QString &message,
                         PlatformError::Kind kind = PlatformError::Kind::Invalid)
{
    if (!request.web)
        return PlatformError{kind, message};
    return QJsonObject{
        {QStringLiteral("statusCode"), 502},
        {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Content-Type"), QStringLiteral("application/json")}}},
        {QStringLiteral("body"), QJsonObject{{QStringLiteral("error"), message}}}};
}

// generateCliApiFromGwApi's shape: {id, key, value: {namespace, gwApiActivated, tenantId,
// gwApiUrl, apidoc}}.
QJsonObject cliApi(const GatewayApi &api, const QString &gatewayRoot)
{
    const QString basePath = api.basePath();
    const QString id = QStringLiteral("API:%1:%2").arg(api.ns, basePath);
    const QString url =
        gatewayRoot + QStringLiteral("/api") + (basePath == QLatin1StringView("/") ? QString() : basePath);
    return {{QStringLiteral("id"), id},
            {QStringLiteral("key"), id},
            {QStringLiteral("value"), QJsonObject{{QStringLiteral("namespace"), api.ns},
                                                  {QStringLiteral("gwApiActivated"), true},
                                                  {QStringLiteral("tenantId"), api.ns},
                                                  {QStringLiteral("gwApiUrl"), url},
                                                  {QStringLiteral("apidoc"), api.swagger}}}};
}

// A JSON object given as an object or as a JSON string; the error names the field.
std::optional<QJsonObject> objectField(const QJsonValue &value)
{
    if (value.isObject())
        return value.toObject();
    if (value.isString()) {
        const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8());
        if (document.isObject())
            return document.object();
    }
    return std::nullopt;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    default:
        return QStringLiteral("object");
    }
}

// "/shop", "/shop/v2" (a trailing slash dropped); why not, in words.
std::optional<QString> checkBasePath(const QString &basePath)
{
    if (!basePath.startsWith(QLatin1Char('/')))
        return QStringLiteral("The base path '%1' must begin with '/'.").arg(basePath);
    const QString first = basePath.section(QLatin1Char('/'), 1, 1);
    if (first == QLatin1StringView("v1"))
        return QStringLiteral("The base path '%1' is reserved: /api/v1 is the platform's REST API.").arg(basePath);
    return std::nullopt;
}

QString normalizedBasePath(QString basePath)
{
    while (basePath.size() > 1 && basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    return basePath;
}

// createApi's validateArgs, with OpenWhisk's texts.
std::optional<QString> checkCreateArgs(const Request &request, QJsonObject &doc)
{
    if (request.ns.isEmpty())
        return QStringLiteral("A valid auth key is required.");
    const QJsonValue apidoc = request.params.value(QLatin1StringView("apidoc"));
    if (apidoc.isUndefined() || apidoc.isNull() || apidoc == QJsonValue(QString()))
        return QStringLiteral("apidoc is required.");
    if (!apidoc.isObject() && !apidoc.isString())
        return QStringLiteral("apidoc field is of type %1 and should be a JSON object or a JSON string.")
            .arg(typeName(apidoc));
    const auto parsed = objectField(apidoc);
    if (!parsed)
        return QStringLiteral("apidoc field cannot be parsed. Ensure it is valid JSON.");
    doc = *parsed;
    if (doc.value(QLatin1StringView("namespace")).toString().isEmpty())
        return QStringLiteral("apidoc is missing the namespace field");
    const QJsonValue swagger = doc.value(QLatin1StringView("swagger"));
    if (!swagger.isUndefined() && !swagger.isNull()) {
        if (doc.contains(QLatin1StringView("gatewayBasePath")))
            return QStringLiteral(
                "swagger and gatewayBasePath are mutually exclusive and cannot be specified together.");
        if (!swagger.isObject() && !swagger.isString())
            return QStringLiteral("swagger field is %1 and should be an object or a JSON string.")
                .arg(typeName(swagger));
        const auto swaggerObject = objectField(swagger);
        if (!swaggerObject)
            return QStringLiteral("swagger field cannot be parsed. Ensure it is valid JSON.");
        for (const char *field : {"basePath", "paths", "info"}) {
            if (!swaggerObject->contains(QLatin1StringView(field)))
                return QStringLiteral("swagger is missing the %1 field.").arg(QLatin1StringView(field));
        }
        doc.insert(QStringLiteral("swagger"), *swaggerObject);
        return std::nullopt;
    }
    for (const char *field : {"gatewayBasePath", "gatewayPath", "gatewayMethod"}) {
        if (doc.value(QLatin1StringView(field)).toString().isEmpty())
            return QStringLiteral("apidoc is missing the %1 field").arg(QLatin1StringView(field));
    }
    const QJsonObject action = doc.value(QLatin1StringView("action")).toObject();
    if (action.isEmpty())
        return QStringLiteral("apidoc is missing the action field.");
    for (const char *field : {"backendMethod", "backendUrl", "namespace", "name", "authkey"}) {
        if (action.value(QLatin1StringView(field)).toString().isEmpty())
            return QStringLiteral("action is missing the %1 field.").arg(QLatin1StringView(field));
    }
    return std::nullopt;
}

class CreateApi final : public BuiltinAction
{
public:
    CreateApi(ApiRouteTable &routes, RouteTargetCheck check) : m_routes(routes), m_check(std::move(check)) {}

    Result<QJsonObject> run(const BuiltinCall &call) override
    {
        const Request request = requestOf(call, m_routes);
        QJsonObject doc;
        if (auto problem = checkCreateArgs(request, doc))
            return fail(request, *problem);
        const bool whole = doc.value(QLatin1StringView("swagger")).isObject();
        const QJsonObject swagger = doc.value(QLatin1StringView("swagger")).toObject();
        const QString basePath = normalizedBasePath(whole ? swagger.value(QLatin1StringView("basePath")).toString()
                                                          : doc.value(QLatin1StringView("gatewayBasePath")).toString());
        const QString responseType =
            request.params.value(QLatin1StringView("responsetype")).toString(QStringLiteral("json"));
        const auto failure = [&request](const QString &reason,
                                        PlatformError::Kind kind = PlatformError::Kind::Invalid) {
            return fail(request, QStringLiteral("API creation failure: ") + reason, kind);
        };
        if (auto problem = checkBasePath(basePath))
            return failure(*problem);
        if (!kResponseTypes.contains(responseType))
            return failure(QStringLiteral("Invalid response type '%1'. Valid values are: %2")
                               .arg(responseType, kResponseTypes.join(QStringLiteral(", "))));

        auto changed = m_routes.change(
            basePath, [&](const std::optional<GatewayApi> &current) -> Result<std::optional<GatewayApi>> {
                if (current && current->ns != request.ns)
                    return PlatformError{
                        PlatformError::Kind::Conflict,
                        QStringLiteral("The base path '%1' is already used by another namespace.").arg(basePath)};
                GatewayApi api{request.ns, {}};
                if (whole) {
                    api.swagger = swagger;
                    api.swagger.insert(QStringLiteral("basePath"), basePath);
                    gateway::resolveDefaultNamespace(api.swagger, request.ns);
                } else {
                    api.swagger =
                        current ? current->swagger
                                : gateway::baseSwagger(basePath, doc.value(QLatin1StringView("apiName")).toString());
                    if (auto problem = addOperation(request, doc, responseType, api.swagger))
                        return PlatformError{PlatformError::Kind::Invalid, *problem};
                }
                if (auto problem = checkOperations(request.ns, api.swagger))
                    return *problem;
                return std::optional<GatewayApi>(api);
            });
        if (!changed)
            return failure(changed.error().message, changed.error().kind);
        return answer(request, cliApi(**changed, request.gatewayRoot));
    }

private:
    // The single-route form: the action is checked and the operation added to `swagger`.
    static std::optional<QString> addOperation(const Request &request, const QJsonObject &doc,
                                               const QString &responseType, QJsonObject &swagger)
    {
        const QJsonObject action = doc.value(QLatin1StringView("action")).toObject();
        gateway::Endpoint endpoint;
        endpoint.relPath = doc.value(QLatin1StringView("gatewayPath")).toString();
        endpoint.verb = doc.value(QLatin1StringView("gatewayMethod")).toString();
        if (!endpoint.relPath.startsWith(QLatin1Char('/')))
            endpoint.relPath.prepend(QLatin1Char('/'));
        if (!gateway::isVerb(endpoint.verb.toLower()))
            return QStringLiteral("The operation '%1' is not an HTTP verb: use GET, POST, PUT, DELETE, PATCH, HEAD or "
                                  "OPTIONS.")
                .arg(endpoint.verb);
        const QString actionNs = action.value(QLatin1StringView("namespace")).toString();
        endpoint.actionNs = actionNs == QLatin1StringView("_") ? request.ns : actionNs;
        endpoint.action = action.value(QLatin1StringView("name")).toString();
        const QString backendUrl = action.value(QLatin1StringView("backendUrl")).toString();
        const qsizetype api = backendUrl.indexOf(QLatin1StringView("/api/v"));
        endpoint.backendRoot = api > 0 ? backendUrl.left(api) : request.gatewayRoot;
        endpoint.responseType = responseType;
        endpoint.pathParameters = doc.value(QLatin1StringView("pathParameters")).toArray();
        gateway::addEndpoint(swagger, endpoint);
        return std::nullopt;
    }

    // validateFinalSwagger, then Funcdesk's own: every operation names a web action of the
    // caller's namespace, within the bound.
    std::optional<PlatformError> checkOperations(const QString &ns, const QJsonObject &swagger) const
    {
        const auto invalid = [](const QString &message) {
            return PlatformError{PlatformError::Kind::Invalid, message};
        };
        if (auto problem = gateway::checkFinal(swagger))
            return invalid(*problem);
        const QStringList untargeted = gateway::untargetedOperations(swagger);
        if (!untargeted.isEmpty())
            return invalid(QStringLiteral("The operation '%1' names no action: every operation needs an x-openwhisk "
                                          "extension with namespace, package and action.")
                               .arg(untargeted.first()));
        const QList<apigw::Operation> operations = gateway::operations(swagger);
        if (operations.size() > ApiRouteTable::kMaxOperations)
            return invalid(QStringLiteral("The API has %1 operations; at most %2 are allowed.")
                               .arg(operations.size())
                               .arg(ApiRouteTable::kMaxOperations));
        for (const apigw::Operation &operation : operations) {
            if (!kResponseTypes.contains(operation.responseType))
                return invalid(QStringLiteral("Invalid response type '%1'. Valid values are: %2")
                                   .arg(operation.responseType, kResponseTypes.join(QStringLiteral(", "))));
            if (operation.ns != ns && operation.ns != QLatin1StringView("_"))
                return PlatformError{PlatformError::Kind::Auth,
                                     QStringLiteral("The supplied authentication is not authorized to access '%1'.")
                                         .arg(operation.ns + QLatin1Char('/') + operation.action)};
            if (auto problem = m_check(ns, operation.action))
                return invalid(*problem);
        }
        return std::nullopt;
    }

    ApiRouteTable &m_routes;
    RouteTargetCheck m_check;
};

int intParam(const QJsonValue &value, int fallback)
{
    if (value.isDouble())
        return value.toInt(fallback);
    bool ok = false;
    const int number = value.toString().toInt(&ok);
    return ok ? number : fallback;
}

// The caller's APIs whose base path (starting with '/') or name is `basePathOrName`; all when empty.
QList<GatewayApi> apisNamed(const ApiRouteTable &routes, const QString &ns, const QString &basePathOrName)
{
    QList<GatewayApi> apis = routes.apis(ns);
    if (basePathOrName.isEmpty())
        return apis;
    const bool byPath = basePathOrName.startsWith(QLatin1Char('/'));
    const QString wanted = byPath ? normalizedBasePath(basePathOrName) : basePathOrName;
    apis.removeIf([&](const GatewayApi &api) { return (byPath ? api.basePath() : api.title()) != wanted; });
    return apis;
}

class GetApi final : public BuiltinAction
{
public:
    explicit GetApi(ApiRouteTable &routes) : m_routes(routes) {}

    Result<QJsonObject> run(const BuiltinCall &call) override
    {
        const Request request = requestOf(call, m_routes);
        if (request.ns.isEmpty())
            return fail(request, QStringLiteral("Invalid authentication."), PlatformError::Kind::Auth);
        const QString format = request.params.value(QLatin1StringView("outputFormat")).toString().toLower();
        if (!format.isEmpty() && format != QLatin1StringView("apigw") && format != QLatin1StringView("swagger"))
            return fail(request, QStringLiteral("Invalid outputFormat value. Valid values are: apigw, swagger"));
        QList<GatewayApi> apis =
            apisNamed(m_routes, request.ns, request.params.value(QLatin1StringView("basepath")).toString());
        const int skip = std::max(0, intParam(request.params.value(QLatin1StringView("skip")), 0));
        const int limit = intParam(request.params.value(QLatin1StringView("limit")), 0);
        apis = apis.mid(skip, limit > 0 ? limit : -1);
        QJsonArray list;
        for (const GatewayApi &api : apis)
            list.append(cliApi(api, request.gatewayRoot));
        return answer(request, QJsonObject{{QStringLiteral("apis"), list}});
    }

private:
    ApiRouteTable &m_routes;
};

class DeleteApi final : public BuiltinAction
{
public:
    explicit DeleteApi(ApiRouteTable &routes) : m_routes(routes) {}

    Result<QJsonObject> run(const BuiltinCall &call) override
    {
        const Request request = requestOf(call, m_routes);
        const QString basePath = request.params.value(QLatin1StringView("basepath")).toString();
        const QString relPath = request.params.value(QLatin1StringView("relpath")).toString();
        const QString operation = request.params.value(QLatin1StringView("operation")).toString().toLower();
        if (request.ns.isEmpty())
            return fail(request, QStringLiteral("Invalid authentication."), PlatformError::Kind::Auth);
        if (basePath.isEmpty())
            return fail(request, QStringLiteral("basepath is required."));
        if (relPath.isEmpty() && !operation.isEmpty())
            return fail(request, QStringLiteral("When specifying an operation, the path is required."));
        const auto failure = [&request](const QString &reason, PlatformError::Kind kind) {
            return fail(request, QStringLiteral("API deletion failure: ") + reason, kind);
        };
        const QList<GatewayApi> named = apisNamed(m_routes, request.ns, basePath);
        if (named.isEmpty())
            return failure(QStringLiteral("API '%1' does not exist.").arg(basePath), PlatformError::Kind::NotFound);
        const QString ns = request.ns;
        auto changed =
            m_routes.change(named.first().basePath(),
                            [&](const std::optional<GatewayApi> &current) -> Result<std::optional<GatewayApi>> {
                                if (!current || current->ns != ns)
                                    return PlatformError{PlatformError::Kind::NotFound,
                                                         QStringLiteral("API '%1' does not exist.").arg(basePath)};
                                if (relPath.isEmpty())
                                    return std::optional<GatewayApi>();
                                GatewayApi api = *current;
                                if (auto problem = gateway::removeEndpoint(api.swagger, relPath, operation))
                                    return PlatformError{PlatformError::Kind::NotFound, *problem};
                                // With its last operation gone the API goes too, as the v2 gateway path does.
                                if (api.swagger.value(QLatin1StringView("paths")).toObject().isEmpty())
                                    return std::optional<GatewayApi>();
                                return std::optional<GatewayApi>(api);
                            });
        if (!changed)
            return failure(changed.error().message, changed.error().kind);
        return answer(request, QJsonObject());
    }

private:
    ApiRouteTable &m_routes;
};

BuiltinDefinition definition(const QString &name, const QString &description, std::shared_ptr<BuiltinAction> action)
{
    BuiltinDefinition definition;
    definition.package = QStringLiteral("apimgmt");
    definition.name = name;
    definition.annotations = {{QStringLiteral("description"), description, {}},
                              {QStringLiteral("web-export"), true, {}},
                              {QStringLiteral("final"), true, {}}};
    definition.action = std::move(action);
    return definition;
}

} // namespace

RouteTargetCheck webActionTargets(LocalEngine &engine)
{
    return [&engine](const QString &ns, const QString &name) -> std::optional<QString> {
        const QString qualified = QLatin1Char('/') + ns + QLatin1Char('/') + name;
        const Result<Action> action = engine.getAction(ns, name, false).result();
        if (!action)
            return QStringLiteral("API action '%1' does not exist").arg(qualified);
        if (!action->annotations || !action->annotations->value(QStringLiteral("web-export")).toBool(false))
            return QStringLiteral("API action '%1' is not a web action. Issue 'wsk action update %1 --web true' to "
                                  "convert the action to a web action.")
                .arg(qualified);
        return std::nullopt;
    };
}

QList<BuiltinDefinition> apiManagementActions(ApiRouteTable &routes, RouteTargetCheck checkTarget)
{
    return {
        definition(QStringLiteral("createApi"), QStringLiteral("Create an API"),
                   std::make_shared<CreateApi>(routes, std::move(checkTarget))),
        definition(QStringLiteral("getApi"),
                   QStringLiteral("Retrieve the specified API configuration (in JSON format)"),
                   std::make_shared<GetApi>(routes)),
        definition(QStringLiteral("deleteApi"), QStringLiteral("Delete the API"), std::make_shared<DeleteApi>(routes))};
}

} // namespace funcdesk
