#pragma once

#include "server/EntityCollection.h"

namespace funcdesk {

// /namespaces/{ns}/rules/{name}: list, get, create or update, delete, enable or disable.
class RulesApi final : public EntityCollection<Rule>
{
public:
    explicit RulesApi(LocalEngine &engine);

private:
    void post(const ApiRequest &request, Reply reply) override;
};

} // namespace funcdesk
