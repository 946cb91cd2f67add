#include "core/EntityName.h"

#include <QRegularExpression>

namespace funcdesk {

std::optional<PlatformError> checkEntityName(const QString &name)
{
    static const QRegularExpression rule(QStringLiteral("^([\\w]|[\\w][\\w@ .&-]{0,254}[\\w@.&-])$"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    if (name.size() > 256)
        return PlatformError{PlatformError::Kind::Invalid,
                             QStringLiteral("Name longer than allowed: %1 > 256.").arg(name.size())};
    if (!rule.match(name).hasMatch())
        return PlatformError{PlatformError::Kind::Invalid,
                             QStringLiteral("The name of the entity contains illegal characters.")};
    return std::nullopt;
}

} // namespace funcdesk
