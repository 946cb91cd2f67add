#pragma once

#include "core/Action.h"
#include "core/Package.h"
#include "platforms/local/BuiltinAction.h"

#include <QHash>
#include <QMap>
#include <QReadWriteLock>

namespace funcdesk {

// The read-only namespace `whisk.system`: the packages the platform ships (alarms, storage,
// utils, apimgmt, all published), the utils actions (Node.js code under resources/catalog, run
// by the executor like any action) and the built-in actions run in-process (BuiltinAction.h).
// Built anew in memory on every start, never stored: nobody can write to it, and an upgrade
// replaces it whole. Thread-safe.
//
// Registering a built-in (the alarms, storage and apimgmt feeds): one call in LocalEngine::open,
// once the engine's parts the built-in needs exist:
//     state.catalog->add({QStringLiteral("alarms"), QStringLiteral("alarm"),
//                         {{QStringLiteral("feed"), true, {}}, {QStringLiteral("description"), ..., {}}},
//                         {}, std::make_shared<AlarmFeed>(...)});
// The action then lists in its package (under `feeds` when annotated `feed: true`), GET shows it
// with exec kind "builtin", and any namespace invokes it as /whisk.system/alarms/alarm.
class SystemCatalog
{
public:
    // "whisk.system"
    static const QString &ns();
    // The exec kind of built-in actions: no code to show, and no runtime takes it on a PUT.
    static const QString &builtinKind();

    // The shipped packages and utils actions; the utils run on `nodejsKind` (e.g. "nodejs:20").
    explicit SystemCatalog(const QString &nodejsKind);

    // Publishes a built-in action (replacing one of the same name); an unknown package is
    // created, published, with no annotations.
    void add(BuiltinDefinition definition);

    // A package with its `actions` and `feeds`, as GET answers.
    std::optional<Package> package(const QString &name) const;
    QList<Package> packages() const; // by name, without contents
    // "package/name".
    std::optional<Action> action(const QString &name) const;
    QList<Action> actions() const; // by name
    // Null unless `name` ("package/name") is a built-in.
    std::shared_ptr<BuiltinAction> builtin(const QString &name) const;

private:
    mutable QReadWriteLock m_lock;
    qint64 m_created = 0;
    QMap<QString, Package> m_packages;
    QMap<QString, Action> m_actions; // by "package/name"
    QHash<QString, std::shared_ptr<BuiltinAction>> m_builtins;
};

} // namespace funcdesk
