#include "platforms/local/EngineState.h"

namespace funcdesk {

std::optional<Action> EngineState::findAction(const QualifiedName &name) const
{
    if (name.ns == SystemCatalog::ns())
        return catalog->action(name.name);
    QReadLocker locker(&lock);
    return find(actions, name.ns, name.name);
}

std::optional<Package> EngineState::findPackage(const QString &ns, const QString &name) const
{
    if (ns == SystemCatalog::ns())
        return catalog->package(name);
    QReadLocker locker(&lock);
    return find(packages, ns, name);
}

bool EngineState::isPublished(const QString &ns, const QString &package) const
{
    const std::optional<Package> found = findPackage(ns, package);
    // A binding is not readable by other namespaces, whatever it binds.
    const bool binding = found && found->binding.isObject() && !found->binding.toObject().isEmpty();
    return found && found->publish.value_or(false) && !binding;
}

std::optional<PlatformError> EngineState::checkEntitled(const QString &caller, const QualifiedName &target) const
{
    if (target.ns == caller)
        return std::nullopt;
    // Another namespace's action: only inside a package it published. A missing package says
    // the same as a private one, leaking nothing.
    const QString package = target.package();
    if (!package.isEmpty() && isPublished(target.ns, package))
        return std::nullopt;
    return notAuthorizedError(target.path());
}

std::optional<PlatformError> EngineState::refuseSystemWrite(const QString &ns, const QString &name)
{
    if (ns != SystemCatalog::ns())
        return std::nullopt;
    return notAuthorizedError(name.isEmpty() ? ns : ns + QLatin1Char('/') + name);
}

} // namespace funcdesk
