#include "platforms/local/QualifiedName.h"

#include <QStringList>

namespace funcdesk {

std::optional<QualifiedName> QualifiedName::resolve(const QString &ns, const QString &name, int maxParts)
{
    const bool absolute = name.startsWith(QLatin1Char('/'));
    QStringList parts = (absolute ? name.mid(1) : name).split(QLatin1Char('/'));
    QualifiedName resolved{ns, QString()};
    if (absolute) {
        resolved.ns = parts.takeFirst();
        if (resolved.ns == QLatin1StringView("_"))
            resolved.ns = ns;
    }
    if (parts.isEmpty() || parts.size() > maxParts || resolved.ns.isEmpty())
        return std::nullopt;
    for (const QString &part : parts) {
        if (part.isEmpty())
            return std::nullopt;
    }
    resolved.name = parts.join(QLatin1Char('/'));
    return resolved;
}

} // namespace funcdesk
