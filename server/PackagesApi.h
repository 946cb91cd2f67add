#pragma once

#include "server/ApiHandler.h"

namespace funcdesk {

// /namespaces/{ns}/packages/{name}: list and get. The local platform creates no packages over
// the API yet, so PUT and DELETE answer 405.
class PackagesApi final : public ApiHandler
{
public:
    using ApiHandler::ApiHandler;
    void handle(const ApiRequest &request, Reply reply) override;
};

} // namespace funcdesk
