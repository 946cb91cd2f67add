#include "server/PublicAccess.h"

namespace funcdesk {

bool mayReachAcross(const LocalEngine &engine, const ApiRequest &request)
{
    if (request.segments.size() < 5)
        return false;
    const QString &collection = request.segments.at(4);
    const bool read = request.method == HttpMethod::Get || request.method == HttpMethod::Head;
    const QStringList &entity = request.entity;
    if (collection == QLatin1StringView("packages"))
        return read && (entity.isEmpty() || (entity.size() == 1 && engine.isPublicPackage(request.ns, entity.first())));
    if (collection != QLatin1StringView("actions"))
        return false;
    if (entity.size() == 2) // package/action: get or invoke
        return (read || request.method == HttpMethod::Post) && engine.isPublicPackage(request.ns, entity.first());
    // GET actions/package/ lists the package's actions.
    return entity.size() == 1 && request.trailingSlash && read && engine.isPublicPackage(request.ns, entity.first());
}

} // namespace funcdesk
