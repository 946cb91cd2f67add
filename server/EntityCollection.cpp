#include "server/EntityCollection.h"

namespace funcdesk {

Result<EntityPut> readEntityPut(const ApiRequest &request, qint64 maxBodyBytes)
{
    if (auto error = checkBodySize(request.body.size(), maxBodyBytes))
        return *error;
    if (auto error = checkEntityPath(request.entity))
        return *error;
    auto overwrite = boolParam(request, QLatin1StringView("overwrite"), false);
    if (!overwrite)
        return overwrite.error();
    auto body = jsonObjectBody(request.body);
    if (!body)
        return body.error();
    return EntityPut{*overwrite, std::move(body).value()};
}

} // namespace funcdesk
