#pragma once

#include "core/FutureCallback.h"
#include "platforms/local/LocalEngine.h"
#include "platforms/local/NamespaceKeys.h"
#include "platforms/local/QualifiedName.h"
#include "platforms/local/RateLimiter.h"
#include "platforms/local/StoreWorker.h"
#include "platforms/local/SystemCatalog.h"

#include <QReadWriteLock>

#include <QtConcurrent/QtConcurrent>

namespace funcdesk {

// What the parts of a LocalEngine share: its configuration, the store thread, the executor and
// the entities of every namespace held in memory. Entities change only on the store thread
// (after their write committed), under the write lock; any thread may read them under the read
// lock. Internal to platforms/local.
struct EngineState
{
    template <typename T> using Table = QHash<QString, QHash<QString, T>>; // namespace → name → entity

    LocalConfig config;
    PlatformInfo info;
    std::unique_ptr<Executor> executor;
    std::unique_ptr<StoreWorker> store;
    std::unique_ptr<RateLimiter> rates;     // the namespaces' throttles, from config.limits
    std::unique_ptr<SystemCatalog> catalog; // the namespace whisk.system, never in the tables below

    mutable QReadWriteLock lock;
    Table<Action> actions;
    Table<Trigger> triggers;
    Table<Rule> rules;
    Table<Package> packages;
    NamespaceKeys keys; // the namespaces' credentials (its own lock)

    template <typename T> static std::optional<T> find(const Table<T> &table, const QString &ns, const QString &name)
    {
        const auto spaces = table.constFind(ns);
        if (spaces == table.cend())
            return std::nullopt;
        const auto it = spaces->constFind(name);
        if (it == spaces->cend())
            return std::nullopt;
        return *it;
    }

    // An action or package of any namespace, whisk.system's from the catalog. These take the read
    // lock: call them without holding it.
    std::optional<Action> findAction(const QualifiedName &name) const;
    std::optional<Package> findPackage(const QString &ns, const QString &name) const;
    // Whether namespace `caller` may read and invoke the action `target`: its own, or one in a
    // published package of another namespace (OpenWhisk's entitlement). The error is OpenWhisk's
    // 403 text (kind Auth).
    std::optional<PlatformError> checkEntitled(const QString &caller, const QualifiedName &target) const;
    // Whether the package exists, is published and is not a binding: other namespaces may read it.
    bool isPublished(const QString &ns, const QString &package) const;
    // An action as namespace `caller` reaches it by `name` ("a", "pkg/a", "/ns/pkg/a"), a package
    // binding followed to the package it binds: where it lives, the parameters it inherits
    // (package, then binding, overriding in that order) and the binding it was reached through.
    // NotFound, or OpenWhisk's 403 (kind Auth) when `caller` may not read it.
    struct ResolvedAction
    {
        QualifiedName target;
        Action action;
        QJsonObject inherited;
        QString binding; // "ns/binding", empty when not reached through one
    };
    Result<ResolvedAction> resolveAction(const QString &caller, const QString &name) const;
    // Whether the package is a binding: `binding` is {namespace, name}.
    static bool isBinding(const Package &package);
    // Refuses a write to whisk.system, which is read-only.
    static std::optional<PlatformError> refuseSystemWrite(const QString &ns, const QString &name);

    // A page of a namespace's entities, newest update first, as OpenWhisk lists.
    template <typename T> static QList<T> page(const Table<T> &table, const QString &ns, ListOptions options)
    {
        QList<T> all = table.value(ns).values();
        std::sort(all.begin(), all.end(), [](const T &a, const T &b) {
            return a.updated.value_or(0) != b.updated.value_or(0)
                       ? a.updated.value_or(0) > b.updated.value_or(0)
                       : a.name.value_or(QString()) < b.name.value_or(QString());
        });
        return slice(all, options);
    }
    // The page `options` asks for of a list in its order (a limit of 0 is the maximum, 200).
    template <typename T> static QList<T> slice(const QList<T> &all, ListOptions options)
    {
        const int limit = options.limit <= 0 ? 200 : options.limit;
        return all.mid(std::max(0, options.skip), limit);
    }
};

inline PlatformError notFoundError()
{
    return {PlatformError::Kind::NotFound, QStringLiteral("The requested resource does not exist.")};
}

// OpenWhisk's 403 text; kind Auth (the server answers 403 before the engine is asked).
inline PlatformError notAuthorizedError(const QString &resource)
{
    return {PlatformError::Kind::Auth,
            QStringLiteral("The supplied authentication is not authorized to access '%1'.").arg(resource)};
}

} // namespace funcdesk
