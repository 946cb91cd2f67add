#include "server/PackagesApi.h"

namespace funcdesk {

PackagesApi::PackagesApi(LocalEngine &engine)
    : EntityCollection(engine, {QLatin1StringView("packages"), Collection::Packages, 0, &LocalEngine::listPackages,
                                &LocalEngine::getPackage})
{
}

void PackagesApi::handle(const ApiRequest &request, Reply reply)
{
    if (request.method != HttpMethod::Get && request.method != HttpMethod::Head)
        return reply.sendError(405, messages::methodNotAllowed());
    EntityCollection::handle(request, std::move(reply)); // packages do not nest
}

} // namespace funcdesk
