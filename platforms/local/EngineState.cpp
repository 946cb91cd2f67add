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
    return found && found->publish.value_or(false) && !isBinding(*found);
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

bool EngineState::isBinding(const Package &package)
{
    return package.binding.isObject() && !package.binding.toObject().isEmpty();
}

Result<EngineState::ResolvedAction> EngineState::resolveAction(const QString &caller, const QString &name) const
{
    const std::optional<QualifiedName> named = QualifiedName::resolve(caller, name);
    if (!named)
        return notFoundError();
    if (auto refused = checkEntitled(caller, *named))
        return *refused;
    ResolvedAction resolved{*named, Action(), QJsonObject(), QString()};
    const QString packageName = named->package();
    if (!packageName.isEmpty()) {
        const std::optional<Package> package = findPackage(named->ns, packageName);
        if (!package)
            return notFoundError();
        if (isBinding(*package)) {
            // OpenWhisk: the binding's parameters override the bound package's; the caller must
            // be entitled to the bound package too (its own, or published).
            const QJsonObject bound = package->binding.toObject();
            const QString boundNs = bound.value(QLatin1StringView("namespace")).toString();
            const QString boundName = bound.value(QLatin1StringView("name")).toString();
            resolved.target = QualifiedName{boundNs, boundName + QLatin1Char('/') + named->shortName()};
            if (boundNs != caller && !isPublished(boundNs, boundName))
                return notAuthorizedError(resolved.target.path());
            const std::optional<Package> boundPackage = findPackage(boundNs, boundName);
            if (!boundPackage || isBinding(*boundPackage))
                return notFoundError();
            resolved.inherited = boundPackage->parameters.value_or(KeyValueList()).toObject();
            const QJsonObject own = package->parameters.value_or(KeyValueList()).toObject();
            for (auto it = own.begin(); it != own.end(); ++it)
                resolved.inherited.insert(it.key(), it.value());
            resolved.binding = named->ns + QLatin1Char('/') + packageName;
        } else {
            resolved.inherited = package->parameters.value_or(KeyValueList()).toObject();
        }
    }
    std::optional<Action> action = findAction(resolved.target);
    if (!action)
        return notFoundError();
    resolved.action = std::move(*action);
    return resolved;
}

std::optional<PlatformError> EngineState::refuseSystemWrite(const QString &ns, const QString &name)
{
    if (ns != SystemCatalog::ns())
        return std::nullopt;
    return notAuthorizedError(name.isEmpty() ? ns : ns + QLatin1Char('/') + name);
}

} // namespace funcdesk
