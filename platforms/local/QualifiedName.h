#pragma once

#include <QString>

#include <optional>

namespace funcdesk {

// Where an entity name used in namespace `ns` points, as OpenWhisk resolves it: "name" and
// "package/name" are in `ns`; "/other/name" and "/other/package/name" in `other`; "_" as the
// namespace stands for `ns`.
struct QualifiedName
{
    QString ns;
    QString name; // "name" or "package/name"

    // The package part of `name`, empty when there is none.
    QString package() const
    {
        return name.contains(QLatin1Char('/')) ? name.section(QLatin1Char('/'), 0, 0) : QString();
    }
    QString shortName() const { return name.section(QLatin1Char('/'), -1); }
    // "ns/package/name", as OpenWhisk writes it in an activation's `path` and a rule's logs.
    QString path() const { return ns + QLatin1Char('/') + name; }

    // nullopt when `name` has more parts than `maxParts` (after the namespace) or an empty one.
    static std::optional<QualifiedName> resolve(const QString &ns, const QString &name, int maxParts = 2);
};

} // namespace funcdesk
