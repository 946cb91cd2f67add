#include "server/PackagesApi.h"

#include "server/ApiMessages.h"
#include "server/RequestParams.h"

namespace funcdesk {

namespace {
const QLatin1StringView kPackages("packages");
using Method = HttpMethod;
} // namespace

void PackagesApi::handle(const ApiRequest &request, Reply reply)
{
    if (request.method != Method::Get && request.method != Method::Head)
        return reply.sendError(405, messages::methodNotAllowed());
    if (request.entity.isEmpty()) {
        auto params = listParams(request, kPackages);
        if (!params)
            return reply.sendError(params.error());
        if (params->count)
            return sendCount(m_engine.count(request.ns, Collection::Packages), std::move(reply), kPackages);
        return sendList(m_engine.listPackages(request.ns, params->options), std::move(reply));
    }
    if (request.entity.size() > 1) // packages do not nest
        return reply.sendError(404, messages::resourceDoesNotExist());
    sendEntity(m_engine.getPackage(request.ns, request.entity.first()), std::move(reply));
}

} // namespace funcdesk
