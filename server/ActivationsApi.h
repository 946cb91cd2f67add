#pragma once

#include "server/ApiHandler.h"

namespace funcdesk {

// /namespaces/{ns}/activations[/{id}[/logs|/result]]: list (with OpenWhisk's filters), get,
// logs and result.
class ActivationsApi final : public ApiHandler
{
public:
    using ApiHandler::ApiHandler;
    void handle(const ApiRequest &request, Reply reply) override;

private:
    void list(const ApiRequest &request, Reply reply);
};

} // namespace funcdesk
