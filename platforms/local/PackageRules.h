#pragma once

#include "platforms/local/EngineState.h"

namespace funcdesk {

// OpenWhisk's rules for packages and bindings (ctrl/Packages.scala), over the engine's entities.
// Checks need the read lock only; merged() and the delete run on the store thread.
namespace PackageRules {

// The `binding` of a PUT body as {namespace, name} with "_" resolved to `ns`, an empty object
// for none (absent, false or {}), or why it is malformed.
Result<QJsonObject> normalisedBinding(const QJsonValue &binding, const QString &ns);
// What OpenWhisk refuses before it looks at the stored package: a reserved or invalid name, a
// binding to a package that does not exist (400), to a binding (400), or to another namespace's
// package that is not published (403, kind Auth).
std::optional<PlatformError> checkPut(const EngineState &state, const QString &ns, const QString &name,
                                      const Package &put);
// The package to store: created (version 0.0.1, not published, no parameters) or updated
// (fields given replace the old ones, patch version bumped); 409 when it exists and `overwrite`
// is false, or when a package would become a binding. The `binding` annotation is the
// controller's, always.
Result<Package> merged(const std::optional<Package> &existing, const QString &ns, const QString &name,
                       const Package &put, bool overwrite, qint64 now);
// A package as GET answers it: its actions and feeds listed; a binding shows the bound
// package's contents and parameters, its own overriding them. Takes the read lock.
Package withContents(const EngineState &state, Package package);
// The names ("pkg/name") of the actions of `ns` inside `package`. Call under the lock.
QStringList actionsIn(const EngineState &state, const QString &ns, const QString &package);
// `inherited` with `own` over it (OpenWhisk's `inherit`): the parameters a binding or an action
// reached through one shows.
KeyValueList inherit(QJsonObject inherited, const std::optional<KeyValueList> &own);
// OpenWhisk's 409 for a package that still holds `count` actions.
PlatformError notEmpty(qsizetype count);
// OpenWhisk's 400 for writing an action into a binding.
PlatformError notAllowedOnBinding();

} // namespace PackageRules

} // namespace funcdesk
