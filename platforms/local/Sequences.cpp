#include "platforms/local/Sequences.h"

namespace funcdesk {

namespace Sequences {

namespace {

PlatformError invalid(const QString &message)
{
    return {PlatformError::Kind::Invalid, message};
}

// The atomic actions of `components`, nested sequences inlined; a cycle when one of them is the
// sequence being written. `depth` bounds the walk should a stored sequence already hold a cycle.
Result<int> countAtomic(const EngineState &state, const QString &caller, const QualifiedName &self,
                        const QStringList &components, int depth)
{
    if (components.size() > kMaxLength || depth > kMaxLength)
        return invalid(tooLong());
    int count = 0;
    for (const QString &component : components) {
        const auto isSelf = [&self](const QualifiedName &name) { return name.ns == self.ns && name.name == self.name; };
        const std::optional<QualifiedName> named = QualifiedName::resolve(caller, component);
        Result<EngineState::ResolvedAction> resolved = state.resolveAction(caller, component);
        if ((named && isSelf(*named)) || (resolved && isSelf(resolved->target)))
            return invalid(QStringLiteral("Sequence may not refer to itself."));
        if (!resolved && resolved.error().kind == PlatformError::Kind::Auth)
            return resolved.error();
        if (!resolved)
            return invalid(componentNotFound());
        if (isSequence(resolved->action)) {
            auto nested =
                countAtomic(state, caller, self, resolved->action.exec->components.value_or(QStringList()), depth + 1);
            if (!nested)
                return nested.error();
            count += nested.value();
        } else {
            ++count;
        }
        if (count > kMaxLength)
            return invalid(tooLong());
    }
    return count;
}

} // namespace

std::optional<PlatformError> check(const EngineState &state, const QString &ns, const QString &name, Exec &exec)
{
    QStringList resolved;
    for (const QString &component : exec.components.value_or(QStringList())) {
        const std::optional<QualifiedName> target = QualifiedName::resolve(ns, component);
        if (!target)
            return invalid(QStringLiteral("The request content was malformed:\nThe fully qualified name of the "
                                          "entity must contain at least the namespace and the name of the entity."));
        // Entitlement first, as OpenWhisk checks READ on the referenced entities before the rest.
        if (auto refused = state.checkEntitled(ns, *target))
            return refused;
        resolved.append(QLatin1Char('/') + target->path());
    }
    if (resolved.size() > kMaxLength)
        return invalid(tooLong());
    if (resolved.isEmpty())
        return invalid(QStringLiteral("No component specified for the sequence."));
    auto count = countAtomic(state, ns, QualifiedName{ns, name}, resolved, 0);
    if (!count)
        return count.error();
    exec.components = resolved;
    exec.code.reset();
    exec.main.reset();
    exec.binary.reset();
    exec.image.reset();
    return std::nullopt;
}

QString tooLong()
{
    return QStringLiteral("Too many actions in the sequence.");
}

QString componentNotFound()
{
    return QStringLiteral("Sequence component does not exist.");
}

QString failed()
{
    return QStringLiteral("Sequence failed.");
}

} // namespace Sequences

} // namespace funcdesk
