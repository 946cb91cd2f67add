#pragma once

#include "server/EntityCollection.h"

namespace funcdesk {

// /namespaces/{ns}/packages/{name}: list and get (another namespace's: the published ones, such
// as whisk.system's). The local platform creates no packages over the API yet, so any other
// method answers 405, whatever the path.
class PackagesApi final : public EntityCollection<Package>
{
public:
    explicit PackagesApi(LocalEngine &engine);
    void handle(const ApiRequest &request, Reply reply) override;

private:
    void listPublished(const ApiRequest &request, Reply reply);
};

} // namespace funcdesk
