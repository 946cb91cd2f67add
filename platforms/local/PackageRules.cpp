#include "platforms/local/PackageRules.h"

#include "core/EntityName.h"
#include "core/SemVer.h"

namespace funcdesk {

namespace PackageRules {

namespace {
const QLatin1StringView kBindingKey("binding");
const QLatin1StringView kNamespaceKey("namespace");
const QLatin1StringView kNameKey("name");

PlatformError invalid(const QString &message)
{
    return {PlatformError::Kind::Invalid, message};
}
} // namespace

Result<QJsonObject> normalisedBinding(const QJsonValue &binding, const QString &ns)
{
    if (binding.isUndefined() || binding.isNull() || (binding.isBool() && !binding.toBool()))
        return QJsonObject();
    const QJsonObject object = binding.toObject();
    if (!binding.isObject() || object.isEmpty()) {
        if (binding.isObject())
            return QJsonObject();
        return invalid(QStringLiteral("The request content was malformed:\n'binding' must be false or "
                                      "{\"namespace\", \"name\"}."));
    }
    QString boundNs = object.value(kNamespaceKey).toString();
    const QString boundName = object.value(kNameKey).toString();
    if (boundNs.isEmpty() || boundName.isEmpty())
        return invalid(QStringLiteral("The request content was malformed:\n'binding' must be false or "
                                      "{\"namespace\", \"name\"}."));
    if (boundNs == QLatin1StringView("_"))
        boundNs = ns;
    return QJsonObject{{kNamespaceKey, boundNs}, {kNameKey, boundName}};
}

std::optional<PlatformError> checkPut(const EngineState &state, const QString &ns, const QString &name,
                                      const Package &put)
{
    if (auto problem = checkEntityName(name))
        return problem;
    if (name == QLatin1StringView("default"))
        return invalid(QStringLiteral("Package name '%1' is reserved.").arg(name));
    auto binding = normalisedBinding(put.binding, ns);
    if (!binding)
        return binding.error();
    if (binding->isEmpty())
        return std::nullopt;
    const QString boundNs = binding->value(kNamespaceKey).toString();
    const QString boundName = binding->value(kNameKey).toString();
    const std::optional<Package> bound = state.findPackage(boundNs, boundName);
    if (!bound)
        return invalid(QStringLiteral("Binding references a package that does not exist."));
    // Another namespace's package: only a published one (a binding never is).
    if (boundNs != ns && !state.isPublished(boundNs, boundName))
        return notAuthorizedError(boundNs + QLatin1Char('/') + boundName);
    if (EngineState::isBinding(*bound))
        return invalid(QStringLiteral("Cannot bind to another package binding."));
    return std::nullopt;
}

Result<Package> merged(const std::optional<Package> &existing, const QString &ns, const QString &name,
                       const Package &put, bool overwrite, qint64 now)
{
    auto binding = normalisedBinding(put.binding, ns);
    if (!binding)
        return binding.error();
    Package package;
    if (existing) {
        if (!overwrite)
            return PlatformError{PlatformError::Kind::Conflict, QStringLiteral("resource already exists")};
        if (!binding->isEmpty() && !EngineState::isBinding(*existing))
            return PlatformError{PlatformError::Kind::Conflict,
                                 QStringLiteral("Resource is a package and cannot be converted into a binding.")};
        package = *existing;
        const SemVer previous = SemVer::parse(package.version.value_or(QString())).value_or(SemVer{});
        package.version = put.version.value_or(previous.nextPatch().toString());
        if (!binding->isEmpty())
            package.binding = *binding;
        if (put.parameters)
            package.parameters = put.parameters;
        if (put.publish)
            package.publish = put.publish;
        if (put.annotations)
            package.annotations = put.annotations;
    } else {
        package.version = put.version.value_or(QStringLiteral("0.0.1"));
        package.binding = *binding;
        package.parameters = put.parameters.value_or(KeyValueList());
        package.publish = put.publish.value_or(false);
        package.annotations = put.annotations.value_or(KeyValueList());
    }
    if (!SemVer::parse(*package.version))
        return invalid(QStringLiteral("The request content was malformed: '%1' is not a version (major.minor.patch).")
                           .arg(*package.version));
    package.ns = ns;
    package.name = name;
    package.actions.reset();
    package.feeds.reset();
    package.extra = QJsonObject();
    package.updated = now;
    // The controller's own annotation: what the binding binds, for clients that list packages.
    package.annotations->remove(QString(kBindingKey));
    if (EngineState::isBinding(package))
        package.annotations->set(QString(kBindingKey), package.binding);
    return package;
}

QStringList actionsIn(const EngineState &state, const QString &ns, const QString &package)
{
    QStringList names;
    const QString prefix = package + QLatin1Char('/');
    const auto spaces = state.actions.constFind(ns);
    if (spaces == state.actions.cend())
        return names;
    for (auto it = spaces->cbegin(); it != spaces->cend(); ++it) {
        if (it.key().startsWith(prefix))
            names.append(it.key());
    }
    return names;
}

Package withContents(const EngineState &state, Package package)
{
    QString ns = package.ns.value_or(QString());
    QString name = package.name.value_or(QString());
    if (EngineState::isBinding(package)) {
        const QJsonObject bound = package.binding.toObject();
        ns = bound.value(kNamespaceKey).toString();
        name = bound.value(kNameKey).toString();
        QJsonObject provided;
        if (const std::optional<Package> provider = state.findPackage(ns, name))
            provided = provider->parameters.value_or(KeyValueList()).toObject();
        package.parameters = inherit(provided, package.parameters);
    }
    if (ns == SystemCatalog::ns()) {
        if (const std::optional<Package> catalog = state.catalog->package(name)) {
            package.actions = catalog->actions;
            package.feeds = catalog->feeds;
        }
        return package;
    }
    QJsonArray actions;
    QJsonArray feeds;
    const QString prefix = name + QLatin1Char('/');
    QReadLocker locker(&state.lock);
    for (const QString &actionName : actionsIn(state, ns, name)) {
        const Action action = state.actions.value(ns).value(actionName);
        const KeyValueList annotations = action.annotations.value_or(KeyValueList());
        QJsonObject entry{{QLatin1StringView("name"), actionName.mid(prefix.size())},
                          {QLatin1StringView("version"), action.version.value_or(QString())},
                          {QLatin1StringView("annotations"), annotations.toJson()}};
        (annotations.value(QStringLiteral("feed")).toBool(false) ? feeds : actions).append(entry);
    }
    package.actions = actions;
    package.feeds = feeds;
    return package;
}

KeyValueList inherit(QJsonObject inherited, const std::optional<KeyValueList> &own)
{
    const QJsonObject over = own.value_or(KeyValueList()).toObject();
    for (auto it = over.begin(); it != over.end(); ++it)
        inherited.insert(it.key(), it.value());
    KeyValueList merged;
    for (auto it = inherited.begin(); it != inherited.end(); ++it)
        merged.set(it.key(), it.value());
    return merged;
}

PlatformError notEmpty(qsizetype count)
{
    return {PlatformError::Kind::Conflict,
            QStringLiteral("Package not empty (contains %1 %2). Set force param or delete package contents.")
                .arg(count)
                .arg(count == 1 ? QStringLiteral("entity") : QStringLiteral("entities"))};
}

PlatformError notAllowedOnBinding()
{
    return invalid(QStringLiteral("Operation not permitted on package binding."));
}

} // namespace PackageRules

} // namespace funcdesk
