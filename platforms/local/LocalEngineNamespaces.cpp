#include "platforms/local/LocalEnginePrivate.h"

#include "core/EntityName.h"

#include <QRandomGenerator>
#include <QUuid>

// LocalEngine's namespaces and their credentials: creating them, setting a key, signing in.

namespace funcdesk {

namespace {

QString randomKey()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString key;
    key.reserve(64);
    for (int i = 0; i < 64; ++i)
        key.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(62)]));
    return key;
}

bool sameKey(const QString &a, const QString &b)
{
    // Constant time in the key's length: a wrong key says nothing about how much of it matched.
    if (a.size() != b.size())
        return false;
    char16_t difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= a.at(i).unicode() ^ b.at(i).unicode();
    return difference == 0;
}

} // namespace

Result<Identity> LocalEngine::ensureNamespace(const QString &ns, const std::optional<QString> &auth)
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
    } else {
        QReadLocker locker(&d->state.lock);
        if (d->state.identitiesByNamespace.contains(ns))
            return d->state.identitiesByNamespace.value(ns);
        identity = {ns, QUuid::createUuid().toString(QUuid::WithoutBraces), randomKey()};
    }
    return d->state.store
        ->post<Result<Identity>>([this, identity](StoreWorker::Store &store) -> Result<Identity> {
            QJsonObject body{{QLatin1StringView("uuid"), identity.uuid}, {QLatin1StringView("key"), identity.key}};
            if (auto stored = store.entities.put(kNamespacesCollection, identity.ns, identity.ns, 0, body); !stored)
                return stored.error();
            QWriteLocker locker(&d->state.lock);
            const Identity previous = d->state.identitiesByNamespace.value(identity.ns);
            d->state.identitiesByUuid.remove(previous.uuid);
            d->state.identitiesByUuid.insert(identity.uuid, identity);
            d->state.identitiesByNamespace.insert(identity.ns, identity);
            return identity;
        })
        .result();
}

Result<Identity> LocalEngine::authenticate(const QString &uuid, const QString &key) const
{
    QReadLocker locker(&d->state.lock);
    const auto it = d->state.identitiesByUuid.constFind(uuid);
    if (it == d->state.identitiesByUuid.cend() || !sameKey(it->key, key))
        return PlatformError{PlatformError::Kind::Auth, QStringLiteral("The supplied authentication is invalid.")};
    return *it;
}

QStringList LocalEngine::namespaces() const
{
    QReadLocker locker(&d->state.lock);
    return d->state.identitiesByNamespace.keys();
}

} // namespace funcdesk
