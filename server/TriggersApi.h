#pragma once

#include "server/EntityCollection.h"

namespace funcdesk {

// /namespaces/{ns}/triggers/{name}: list, get, create or update, delete, fire. Triggers do not
// live in packages.
class TriggersApi final : public EntityCollection<Trigger>
{
public:
    explicit TriggersApi(LocalEngine &engine);

private:
    void post(const ApiRequest &request, Reply reply) override;
};

} // namespace funcdesk
