#pragma once

#include "core/ApiRoute.h"

#include <QStringList>

namespace funcdesk {

// What the HTTP route editor edits: base path, relative path (with {parameters}), method, the
// function that answers and how its result is sent (response type). Knows where the platform
// serves routes ("{root}/api{basePath}{relPath}") to show the full URL before it exists.
class RouteTriggerForm
{
public:
    QString basePath = QStringLiteral("/");
    QString relPath = QStringLiteral("/");
    QString verb = QStringLiteral("GET");
    QString function;
    QString responseType = QStringLiteral("json");

    static RouteTriggerForm fromRoute(const ApiRoute &route);
    static QStringList verbs();
    static QStringList responseTypes();

    // Empty when the form can be sent, else what is wrong, in the UI language.
    QString validate() const;
    // The route to create; `ns` qualifies the function ("/guest/getItem").
    ApiRoute route(const QString &ns) const;
    // "{apiRoot}/api/shop/items/{id}" for `apiRoot` "http://127.0.0.1:3233"; empty without a root.
    QString fullUrl(const QString &apiRoot) const;
};

} // namespace funcdesk
