#pragma once

#include "server/EntityCollection.h"

namespace funcdesk {

// /namespaces/{ns}/packages/{name}: list and get (another namespace's: the published ones, such
// as whisk.system's), create or update (?overwrite=true), delete (?force=true deletes the
// package's actions too), with OpenWhisk's rules for packages and bindings (PackageRules.h).
class PackagesApi final : public EntityCollection<Package>
{
public:
    explicit PackagesApi(LocalEngine &engine);
    void handle(const ApiRequest &request, Reply reply) override;

private:
    void listPublished(const ApiRequest &request, Reply reply);
    void removePackage(const ApiRequest &request, Reply reply);
};

} // namespace funcdesk
