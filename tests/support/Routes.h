#pragma once

// Routes (HTTP triggers) as the route tests build them.

#include "core/ApiRoute.h"

namespace funcdesk::test {

// `verb` on basePath + relPath answered by `action`.
inline ApiRoute routeTo(const QString &basePath, const QString &relPath, const QString &verb, const QString &action,
                        const QString &responseType = QStringLiteral("json"))
{
    ApiRoute route;
    route.basePath = basePath;
    route.relPath = relPath;
    route.verb = verb;
    route.action = action;
    route.responseType = responseType;
    return route;
}

} // namespace funcdesk::test
