#include "platforms/local/GatewaySwagger.h"

#include <QRegularExpression>

namespace funcdesk::gateway {

namespace {

const QString kPaths = QStringLiteral("paths");
const QString kExtension = QStringLiteral("x-openwhisk");
const QString kParameters = QStringLiteral("parameters");

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// makeCamelCase on each \w\S* run: first character upper, the rest lower.
QString camelCase(const QString &token)
{
    qsizetype start = 0;
    while (start < token.size() && !isWordChar(token.at(start)))
        ++start;
    if (start == token.size())
        return token;
    return token.left(start) + token.at(start).toUpper() + token.mid(start + 1).toLower();
}

// protocol://host/api/v1/web/{ns}/{package}/{action}.{ext}[$(request.path)]
QString webActionUrl(const Endpoint &endpoint, bool targetUrl)
{
    const qsizetype slash = endpoint.action.indexOf(QLatin1Char('/'));
    const QString package = slash < 0 ? QStringLiteral("default") : endpoint.action.left(slash);
    const QString name = slash < 0 ? endpoint.action : endpoint.action.mid(slash + 1);
    QString url = endpoint.backendRoot + QStringLiteral("/api/v1/web/") + endpoint.actionNs + QLatin1Char('/') +
                  package + QLatin1Char('/') + name + QLatin1Char('.') + endpoint.responseType;
    if (targetUrl && endpoint.responseType == QLatin1StringView("http"))
        url += QStringLiteral("$(request.path)");
    return url;
}

// isValidRelativePath: a path parameter as a whole segment, "/{x}/" or "/{x}" at the end.
bool hasPathParameter(const QString &path)
{
    static const QRegularExpression parameter(QStringLiteral("/\\{([^/]+)\\}/|/\\{([^/]+)\\}$"));
    return parameter.match(path).hasMatch();
}

// x-ibm-configuration.assembly.execute[0].operation-switch.case: one case per operation with the
// invoke target, as setActionOperationInvocationDetails writes it (or, with no target, removes).
void setInvocationCase(QJsonObject &swagger, const QString &opId, const std::optional<QString> &targetUrl)
{
    QJsonObject configuration = swagger.value(QStringLiteral("x-ibm-configuration")).toObject();
    QJsonObject assembly = configuration.value(QStringLiteral("assembly")).toObject();
    QJsonArray execute = assembly.value(QStringLiteral("execute")).toArray();
    QJsonObject first = execute.isEmpty() ? QJsonObject() : execute.first().toObject();
    QJsonObject operationSwitch = first.value(QStringLiteral("operation-switch")).toObject();
    QJsonArray cases = operationSwitch.value(QStringLiteral("case")).toArray();
    if (configuration.isEmpty() && !targetUrl)
        return;
    qsizetype index = 0;
    while (index < cases.size() &&
           cases.at(index).toObject().value(QStringLiteral("operations")).toArray().first().toString() != opId)
        ++index;
    if (targetUrl) {
        const QJsonObject invoke{{QStringLiteral("target-url"), *targetUrl},
                                 {QStringLiteral("verb"), QStringLiteral("keep")}};
        const QJsonObject entry{
            {QStringLiteral("operations"), QJsonArray{opId}},
            {QStringLiteral("execute"), QJsonArray{QJsonObject{{QStringLiteral("invoke"), invoke}}}}};
        if (index < cases.size())
            cases.replace(index, entry);
        else
            cases.append(entry);
    } else if (index < cases.size()) {
        cases.removeAt(index);
    }
    operationSwitch.insert(QStringLiteral("case"), cases);
    first.insert(QStringLiteral("operation-switch"), operationSwitch);
    if (execute.isEmpty())
        execute.append(first);
    else
        execute.replace(0, first);
    assembly.insert(QStringLiteral("execute"), execute);
    configuration.insert(QStringLiteral("assembly"), assembly);
    swagger.insert(QStringLiteral("x-ibm-configuration"), configuration);
}

} // namespace

QJsonObject baseSwagger(const QString &basePath, const QString &apiName)
{
    return {{QStringLiteral("swagger"), QStringLiteral("2.0")},
            {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), apiName.isEmpty() ? basePath : apiName},
                                                 {QStringLiteral("version"), QStringLiteral("1.0.0")}}},
            {QStringLiteral("basePath"), basePath},
            {kPaths, QJsonObject()},
            {QStringLiteral("x-ibm-configuration"),
             QJsonObject{{QStringLiteral("assembly"), QJsonObject()},
                         {QStringLiteral("cors"), QJsonObject{{QStringLiteral("enabled"), true}}}}}};
}

QString operationId(const QString &verbLower, const QString &relPath)
{
    QString spaced = relPath;
    for (QChar &c : spaced) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_') && c != QLatin1Char('-'))
            c = QLatin1Char(' ');
    }
    QString id = verbLower.toLower();
    for (const QString &token : spaced.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        id += camelCase(token);
    return id;
}

QStringList pathParameterNames(const QString &relPath)
{
    static const QRegularExpression name(QStringLiteral("\\{([^/]+)\\}"));
    QStringList names;
    for (auto it = name.globalMatch(relPath); it.hasNext();)
        names.append(it.next().captured(1));
    return names;
}

void addEndpoint(QJsonObject &swagger, const Endpoint &endpoint)
{
    const QString verb = endpoint.verb.toLower();
    const QString opId = operationId(verb, endpoint.relPath);
    const qsizetype slash = endpoint.action.indexOf(QLatin1Char('/'));
    QJsonObject operation{
        {QStringLiteral("operationId"), opId},
        {kExtension,
         QJsonObject{{QStringLiteral("url"), webActionUrl(endpoint, false)},
                     {QStringLiteral("namespace"), endpoint.actionNs},
                     {QStringLiteral("package"), slash < 0 ? QString() : endpoint.action.left(slash)},
                     {QStringLiteral("action"), slash < 0 ? endpoint.action : endpoint.action.mid(slash + 1)}}},
        {QStringLiteral("responses"),
         QJsonObject{{QStringLiteral("default"),
                      QJsonObject{{QStringLiteral("description"), QStringLiteral("Default response")}}}}}};
    if (!endpoint.pathParameters.isEmpty())
        operation.insert(kParameters, endpoint.pathParameters);
    QJsonObject paths = swagger.value(kPaths).toObject();
    QJsonObject path = paths.value(endpoint.relPath).toObject();
    path.insert(verb, operation);
    paths.insert(endpoint.relPath, path);
    swagger.insert(kPaths, paths);
    setInvocationCase(swagger, opId, webActionUrl(endpoint, true));
}

std::optional<QString> removeEndpoint(QJsonObject &swagger, const QString &relPath, const QString &verb)
{
    const QString operation = verb.toLower();
    if (relPath.isEmpty())
        return QStringLiteral("No path provided; nothing to remove");
    QJsonObject paths = swagger.value(kPaths).toObject();
    if (operation.isEmpty()) {
        if (!paths.contains(relPath))
            return QStringLiteral("path '%1' does not exist in the API").arg(relPath);
        for (const QString &op : paths.value(relPath).toObject().keys())
            setInvocationCase(swagger, operationId(op, relPath), std::nullopt);
        paths.remove(relPath);
    } else {
        QJsonObject path = paths.value(relPath).toObject();
        if (!path.contains(operation))
            return QStringLiteral("path '%1' with operation '%2' does not exist in the API").arg(relPath, operation);
        path.remove(operation);
        if (path.isEmpty())
            paths.remove(relPath);
        else
            paths.insert(relPath, path);
        setInvocationCase(swagger, operationId(operation, relPath), std::nullopt);
    }
    swagger.insert(kPaths, paths);
    return std::nullopt;
}

std::optional<QString> checkFinal(const QJsonObject &swagger)
{
    const QString basePath = swagger.value(QStringLiteral("basePath")).toString();
    if (!basePath.isEmpty() && hasPathParameter(basePath))
        return QStringLiteral("The base path (%1) cannot have parameters. Only the relative path supports path "
                              "parameters.")
            .arg(basePath);
    const QJsonObject paths = swagger.value(kPaths).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        if (!hasPathParameter(path.key()))
            continue;
        const QStringList named = pathParameterNames(path.key());
        const QJsonObject operations = path.value().toObject();
        const QJsonArray shared = operations.value(kParameters).toArray();
        for (auto op = operations.begin(); op != operations.end(); ++op) {
            if (op.key() == kParameters)
                continue;
            const QJsonObject operation = op.value().toObject();
            const QString url = operation.value(kExtension).toObject().value(QStringLiteral("url")).toString();
            if (!url.isEmpty() && !url.endsWith(QLatin1StringView(".http")))
                return QStringLiteral(
                    "The action must use a response type of '.http' in order to receive the path parameters.");
            QJsonArray all = shared;
            for (const QJsonValue &parameter : operation.value(kParameters).toArray())
                all.append(parameter);
            for (const QString &name : named) {
                const bool declared = std::any_of(all.begin(), all.end(), [&name](const QJsonValue &parameter) {
                    return parameter.toObject().value(QStringLiteral("name")).toString() == name;
                });
                if (!declared)
                    return QStringLiteral("The parameter '%1' defined in path '%2' does not match any of the "
                                          "parameters defined for the path in the swagger file.")
                        .arg(name, path.key());
            }
        }
    }
    return std::nullopt;
}

QStringList untargetedOperations(const QJsonObject &swagger)
{
    QStringList result;
    const QJsonObject paths = swagger.value(kPaths).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject verbs = path.value().toObject();
        for (auto op = verbs.begin(); op != verbs.end(); ++op) {
            if (op.key() == kParameters)
                continue;
            const QJsonObject target = op.value().toObject().value(kExtension).toObject();
            if (!isVerb(op.key()) || target.value(QStringLiteral("action")).toString().isEmpty())
                result.append(op.key() + QLatin1Char(' ') + path.key());
        }
    }
    return result;
}

void resolveDefaultNamespace(QJsonObject &swagger, const QString &ns)
{
    static const QRegularExpression webNamespace(QStringLiteral("/api/v1/web/([\\w@.-]+)/"));
    QJsonObject paths = swagger.value(kPaths).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        QJsonObject verbs = path.value().toObject();
        for (auto op = verbs.begin(); op != verbs.end(); ++op) {
            QJsonObject operation = op.value().toObject();
            QJsonObject target = operation.value(kExtension).toObject();
            if (target.isEmpty() || target.value(QStringLiteral("namespace")).toString() != QLatin1StringView("_"))
                continue;
            target.insert(QStringLiteral("namespace"), ns);
            QString url = target.value(QStringLiteral("url")).toString();
            url.replace(webNamespace, QStringLiteral("/api/v1/web/") + ns + QLatin1Char('/'));
            target.insert(QStringLiteral("url"), url);
            operation.insert(kExtension, target);
            op.value() = operation;
        }
        path.value() = verbs;
    }
    swagger.insert(kPaths, paths);
}

} // namespace funcdesk::gateway
