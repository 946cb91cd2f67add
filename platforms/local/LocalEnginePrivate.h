#pragma once

// The parts a LocalEngine is made of, shared by the files that implement it (LocalEngine.cpp,
// LocalEngineNamespaces.cpp). Internal to platforms/local.

#include "platforms/local/AlarmScheduler.h"
#include "platforms/local/ApiRouteTable.h"
#include "platforms/local/BucketStore.h"
#include "platforms/local/EngineState.h"
#include "platforms/local/Invoker.h"
#include "platforms/local/LocalEngine.h"
#include "platforms/local/RuleBook.h"
#include "platforms/local/StorageFeed.h"

namespace funcdesk {

// The `entities` collection that holds each namespace's credentials.
inline const QString kNamespacesCollection = QStringLiteral("namespaces");
// The `entities` collection of the namespaces' packages and bindings.
inline const QString kPackagesCollection = QStringLiteral("packages");

// Writes the hashed form of keys an older database held in plain text, and wipes the plain
// text from the database's pages and its WAL. On the store's thread.
Result<Done> hashStoredKeys(StoreWorker::Store &store, const QList<NamespaceKeys::Stored> &migrated);

class LocalEngine::Private
{
public:
    EngineState state;
    std::unique_ptr<Invoker> invoker;
    std::unique_ptr<RuleBook> rules;
    std::unique_ptr<ApiRouteTable> routes;
    std::unique_ptr<AlarmScheduler> alarms;
    std::unique_ptr<BucketStore> buckets;
    std::shared_ptr<StorageFeed> storageFeed; // also held by the catalog

    Result<Done> load();
    std::optional<PlatformError> validate(const QString &ns, const QString &name, Action &put) const;
};

} // namespace funcdesk
