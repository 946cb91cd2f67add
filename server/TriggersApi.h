#pragma once

#include "server/ApiHandler.h"

namespace funcdesk {

// /namespaces/{ns}/triggers/{name}: list, get, create or update, delete, fire.
class TriggersApi final : public ApiHandler
{
public:
    using ApiHandler::ApiHandler;
    void handle(const ApiRequest &request, Reply reply) override;

private:
    void put(const ApiRequest &request, Reply reply);
    void fire(const ApiRequest &request, Reply reply);
};

} // namespace funcdesk
