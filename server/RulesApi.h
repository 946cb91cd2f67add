#pragma once

#include "server/ApiHandler.h"

namespace funcdesk {

// /namespaces/{ns}/rules/{name}: list, get, create or update, delete, enable or disable.
class RulesApi final : public ApiHandler
{
public:
    using ApiHandler::ApiHandler;
    void handle(const ApiRequest &request, Reply reply) override;

private:
    void put(const ApiRequest &request, Reply reply);
    void setState(const ApiRequest &request, Reply reply);
};

} // namespace funcdesk
