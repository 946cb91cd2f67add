#pragma once

#include "server/EntityCollection.h"

namespace funcdesk {

// /namespaces/{ns}/actions[/{package}]/{name}: list, get, create or update, delete, invoke.
class ActionsApi final : public EntityCollection<Action>
{
public:
    explicit ActionsApi(LocalEngine &engine);
    void handle(const ApiRequest &request, Reply reply) override;

private:
    void listPackage(const ApiRequest &request, Reply reply);
    // ?code=false leaves the code out.
    void get(const ApiRequest &request, Reply reply) override;
    // Invokes the action.
    void post(const ApiRequest &request, Reply reply) override;
    // delAnnotations is a PUT-only instruction, not part of the action.
    std::optional<PlatformError> takeInstructions(QJsonObject &body, PutOptions &options) override;
    // OpenWhisk's exec-size-limit and parameter-size-limit.
    std::optional<PlatformError> checkPut(const Action &action) const override;
    // 200/502 with the activation (or only its result), or 202 with the id when there is none.
    static void sendOutcome(Reply &reply, InvokeOutcome outcome, bool wantResult);
};

} // namespace funcdesk
