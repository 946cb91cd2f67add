#pragma once

#include "server/ApiHandler.h"

namespace funcdesk {

// /namespaces/{ns}/actions[/{package}]/{name}: list, get, create or update, delete, invoke.
class ActionsApi final : public ApiHandler
{
public:
    using ApiHandler::ApiHandler;
    void handle(const ApiRequest &request, Reply reply) override;

private:
    void list(const ApiRequest &request, Reply reply);
    void listPackage(const ApiRequest &request, Reply reply);
    void get(const ApiRequest &request, Reply reply);
    void put(const ApiRequest &request, Reply reply);
    void invoke(const ApiRequest &request, Reply reply);
    // 200/502 with the activation (or only its result), or 202 with the id when there is none.
    static void sendOutcome(Reply &reply, InvokeOutcome outcome, bool wantResult);
};

} // namespace funcdesk
