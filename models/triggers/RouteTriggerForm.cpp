#include "models/triggers/RouteTriggerForm.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace funcdesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("funcdesk::RouteTriggerForm", text);
}

// "/" + the path without a trailing "/" (the root stays "/").
QString normalised(const QString &path)
{
    QString text = path.trimmed();
    if (!text.startsWith(QLatin1Char('/')))
        text.prepend(QLatin1Char('/'));
    while (text.size() > 1 && text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return text;
}

bool validPath(const QString &path)
{
    // Letters, digits, - _ . ~ and {parameter} segments, as API gateway paths.
    static const QRegularExpression pattern(QStringLiteral("^(/([A-Za-z0-9._~-]+|\\{[A-Za-z_][A-Za-z0-9_]*\\}))*/?$"));
    return pattern.match(path).hasMatch();
}
} // namespace

RouteTriggerForm RouteTriggerForm::fromRoute(const ApiRoute &route)
{
    RouteTriggerForm form;
    form.basePath = route.basePath;
    form.relPath = route.relPath;
    form.verb = route.verb.toUpper();
    form.function = route.action.section(QLatin1Char('/'), 2);
    form.responseType = route.responseType;
    return form;
}

QStringList RouteTriggerForm::verbs()
{
    return {QStringLiteral("GET"),   QStringLiteral("POST"), QStringLiteral("PUT"),    QStringLiteral("DELETE"),
            QStringLiteral("PATCH"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS")};
}

QStringList RouteTriggerForm::responseTypes()
{
    return {QStringLiteral("json"), QStringLiteral("http"), QStringLiteral("html"), QStringLiteral("svg"),
            QStringLiteral("text")};
}

QString RouteTriggerForm::validate() const
{
    const QString base = normalised(basePath);
    if (base == QLatin1StringView("/"))
        return tr("A base path is required, e.g. /shop.");
    if (!validPath(base) || base.contains(QLatin1Char('{')))
        return tr("The base path may hold letters, digits and - _ . ~ only.");
    if (!validPath(normalised(relPath)))
        return tr("The path may hold letters, digits, - _ . ~ and {parameters}.");
    if (!verbs().contains(verb.toUpper()))
        return tr("Unknown method '%1'.").arg(verb);
    if (normalised(relPath).contains(QLatin1Char('{')) && responseType != QLatin1StringView("http"))
        return tr("A path with {parameters} needs the response type http (the function then gets the parameters).");
    if (function.isEmpty())
        return tr("Choose the function that answers.");
    return {};
}

ApiRoute RouteTriggerForm::route(const QString &ns) const
{
    ApiRoute route;
    route.basePath = normalised(basePath);
    route.relPath = normalised(relPath);
    route.apiName = route.basePath;
    route.verb = verb.toUpper();
    route.action = QLatin1Char('/') + ns + QLatin1Char('/') + function;
    route.responseType = responseType;
    return route;
}

QString RouteTriggerForm::fullUrl(const QString &apiRoot) const
{
    if (apiRoot.isEmpty())
        return {};
    QString root = apiRoot;
    while (root.endsWith(QLatin1Char('/')))
        root.chop(1);
    const QString rel = normalised(relPath);
    return root + QStringLiteral("/api") + normalised(basePath) + (rel == QLatin1StringView("/") ? QString() : rel);
}

} // namespace funcdesk
