#include "platforms/local/LocalEnginePrivate.h"

#include "core/EntityName.h"

#include <QSqlQuery>
#include <QUuid>

// LocalEngine's namespaces and their credentials: creating them, setting a key, signing in.
// The database holds only a salted hash of each key (NamespaceKeys).

namespace funcdesk {

Result<Done> hashStoredKeys(StoreWorker::Store &store, const QList<NamespaceKeys::Stored> &migrated)
{
    if (migrated.isEmpty())
        return Done{};
    QSqlQuery query(store.db.connection());
    // secure_delete zeroes the replaced rows' bytes instead of leaving them in free space; the
    // checkpoint then copies the pages into the database file and empties the WAL.
    if (!query.exec(QStringLiteral("PRAGMA secure_delete = ON")))
        return store.db.sqlError(QStringLiteral("hash the stored keys"), query.lastError());
    for (const NamespaceKeys::Stored &stored : migrated) {
        if (auto written =
                store.entities.put(kNamespacesCollection, stored.ns, stored.ns, 0, NamespaceKeys::toJson(stored));
            !written)
            return written.error();
    }
    if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) ||
        !query.exec(QStringLiteral("PRAGMA secure_delete = OFF")))
        return store.db.sqlError(QStringLiteral("hash the stored keys"), query.lastError());
    return Done{};
}

Result<Identity> LocalEngine::ensureNamespace(const QString &ns, const std::optional<QString> &auth,
                                              const std::optional<QString> &remembered)
{
    if (auto problem = checkEntityName(ns))
        return *problem;
    if (ns == QLatin1StringView("_")) // stands for the caller's own namespace in every path
        return PlatformError{PlatformError::Kind::Invalid, QStringLiteral("The namespace name '_' is reserved.")};
    if (ns == SystemCatalog::ns()) // the read-only catalog: nobody signs in as it
        return PlatformError{PlatformError::Kind::Invalid,
                             QStringLiteral("The namespace name '%1' is reserved for the system catalog.").arg(ns)};
    Identity identity;
    if (auth) {
        const qsizetype colon = auth->indexOf(QLatin1Char(':'));
        identity = {ns, auth->left(colon), auth->mid(colon + 1)};
        if (colon <= 0 || identity.key.isEmpty())
            return PlatformError{PlatformError::Kind::Invalid, QStringLiteral("An auth key has the form UUID:KEY.")};
    } else if (const auto existing = d->state.keys.find(ns)) {
        if (!existing->key.isEmpty())
            return *existing;
        if (remembered && d->state.keys.matches(ns, *remembered))
            return d->state.keys.find(ns).value();
        // Only a hash of its key is stored and nobody told us the key: it cannot be handed out,
        // so a fresh one replaces it.
        identity = {ns, existing->uuid, NamespaceKeys::randomKey()};
    } else {
        identity = {ns, QUuid::createUuid().toString(QUuid::WithoutBraces), NamespaceKeys::randomKey()};
    }
    return d->state.store
        ->post<Result<Identity>>([this, identity](StoreWorker::Store &store) -> Result<Identity> {
            const NamespaceKeys::Stored stored = NamespaceKeys::hashed(identity);
            if (auto written = store.entities.put(kNamespacesCollection, identity.ns, identity.ns, 0,
                                                  NamespaceKeys::toJson(stored));
                !written)
                return written.error();
            d->state.keys.insert(stored, identity.key);
            return identity;
        })
        .result();
}

Result<Identity> LocalEngine::authenticate(const QString &uuid, const QString &key) const
{
    if (auto identity = d->state.keys.verify(uuid, key))
        return *identity;
    return PlatformError{PlatformError::Kind::Auth, QStringLiteral("The supplied authentication is invalid.")};
}

QStringList LocalEngine::namespaces() const
{
    return d->state.keys.namespaces();
}

} // namespace funcdesk
