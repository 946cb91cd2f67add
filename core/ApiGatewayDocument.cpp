#include "core/ApiGatewayDocument.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace funcdesk::apigw {

namespace {

QString responseTypeOf(QString url)
{
    url.remove(QStringLiteral("$(request.path)"));
    const QString last = url.section(QLatin1Char('/'), -1);
    const qsizetype dot = last.lastIndexOf(QLatin1Char('.'));
    return dot < 0 ? QStringLiteral("json") : last.mid(dot + 1);
}

} // namespace

bool isVerb(const QString &verbLower)
{
    static const QStringList verbs{QStringLiteral("get"),    QStringLiteral("put"),   QStringLiteral("post"),
                                   QStringLiteral("delete"), QStringLiteral("patch"), QStringLiteral("head"),
                                   QStringLiteral("options")};
    return verbs.contains(verbLower);
}

QList<Operation> operations(const QJsonObject &swagger)
{
    QList<Operation> result;
    const QJsonObject paths = swagger.value(QLatin1StringView("paths")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject verbs = path.value().toObject();
        for (auto op = verbs.begin(); op != verbs.end(); ++op) {
            const QJsonObject target = op.value().toObject().value(QLatin1StringView("x-openwhisk")).toObject();
            const QString action = target.value(QLatin1StringView("action")).toString();
            if (!isVerb(op.key()) || action.isEmpty())
                continue;
            const QString package = target.value(QLatin1StringView("package")).toString();
            Operation operation;
            operation.relPath = path.key();
            operation.verb = op.key();
            operation.ns = target.value(QLatin1StringView("namespace")).toString();
            // The web URL names the package "default" for actions outside one.
            operation.action = package.isEmpty() || package == QLatin1StringView("default")
                                   ? action
                                   : package + QLatin1Char('/') + action;
            operation.responseType = responseTypeOf(target.value(QLatin1StringView("url")).toString());
            result.append(operation);
        }
    }
    return result;
}

QJsonObject createBody(const ApiRoute &route, const QString &webRoot, const QString &authKey)
{
    // "/ns/pkg/name" names its namespace; "pkg/name" or "name" is the caller's ("_").
    QString ns = QStringLiteral("_");
    QString id = route.action;
    if (id.startsWith(QLatin1Char('/'))) {
        ns = id.section(QLatin1Char('/'), 1, 1);
        id = id.section(QLatin1Char('/'), 2);
    }
    const QString webId = id.contains(QLatin1Char('/')) ? id : QStringLiteral("default/") + id;
    const QString basePath = route.basePath.isEmpty() ? QStringLiteral("/") : route.basePath;
    QJsonObject apidoc{{QStringLiteral("namespace"), QStringLiteral("_")},
                       {QStringLiteral("gatewayBasePath"), basePath},
                       {QStringLiteral("gatewayPath"), route.relPath},
                       {QStringLiteral("gatewayMethod"), route.verb},
                       {QStringLiteral("id"), QStringLiteral("API:_:") + basePath},
                       {QStringLiteral("action"), QJsonObject{{QStringLiteral("name"), id},
                                                              {QStringLiteral("namespace"), ns},
                                                              {QStringLiteral("backendMethod"), QStringLiteral("GET")},
                                                              {QStringLiteral("backendUrl"),
                                                               webRoot + QStringLiteral("/api/v1/web/") + ns +
                                                                   QLatin1Char('/') + webId + QStringLiteral(".http")},
                                                              {QStringLiteral("authkey"), authKey}}}};
    static const QRegularExpression parameter(QStringLiteral("\\{([^}]+)\\}"));
    QJsonArray parameters;
    for (auto it = parameter.globalMatch(route.relPath); it.hasNext();) {
        const QString name = it.next().captured(1);
        parameters.append(
            QJsonObject{{QStringLiteral("name"), name},
                        {QStringLiteral("in"), QStringLiteral("path")},
                        {QStringLiteral("description"), QStringLiteral("Default description for '%1'").arg(name)},
                        {QStringLiteral("required"), true},
                        {QStringLiteral("type"), QStringLiteral("string")}});
    }
    if (!parameters.isEmpty())
        apidoc.insert(QStringLiteral("pathParameters"), parameters);
    if (!route.apiName.isEmpty())
        apidoc.insert(QStringLiteral("apiName"), route.apiName);
    return {{QStringLiteral("apidoc"), apidoc}};
}

QList<ApiRoute> routesOfApi(const QJsonObject &api)
{
    const QJsonObject value = api.value(QLatin1StringView("value")).toObject();
    const QJsonObject swagger = value.value(QLatin1StringView("apidoc")).toObject();
    const QString apiNs = value.value(QLatin1StringView("namespace")).toString();
    const QString gwApiUrl = value.value(QLatin1StringView("gwApiUrl")).toString();
    QList<ApiRoute> routes;
    for (const Operation &operation : operations(swagger)) {
        ApiRoute route;
        route.apiName =
            swagger.value(QLatin1StringView("info")).toObject().value(QLatin1StringView("title")).toString();
        route.basePath = swagger.value(QLatin1StringView("basePath")).toString();
        route.relPath = operation.relPath;
        route.verb = operation.verb.toUpper();
        const QString ns = operation.ns == QLatin1StringView("_") ? apiNs : operation.ns;
        route.action = QLatin1Char('/') + ns + QLatin1Char('/') + operation.action;
        route.responseType = operation.responseType;
        route.url = gwApiUrl + operation.relPath;
        routes.append(route);
    }
    std::sort(routes.begin(), routes.end(), [](const ApiRoute &a, const ApiRoute &b) {
        return std::tie(a.basePath, a.relPath, a.verb) < std::tie(b.basePath, b.relPath, b.verb);
    });
    return routes;
}

Result<QList<ApiRoute>> routesOf(const QJsonObject &answer)
{
    const QJsonValue apis = answer.value(QLatin1StringView("apis"));
    if (!apis.isArray())
        return PlatformError{PlatformError::Kind::Server,
                             QStringLiteral("The platform's getApi answer has no list of APIs.")};
    QList<ApiRoute> routes;
    for (const QJsonValue &api : apis.toArray())
        routes.append(routesOfApi(api.toObject()));
    return routes;
}

} // namespace funcdesk::apigw
