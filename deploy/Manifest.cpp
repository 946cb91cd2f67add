#include "deploy/Manifest.h"

namespace funcdesk {

QString ManifestLocation::toString() const
{
    if (line <= 0)
        return file;
    return QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(column);
}

QString entityKindName(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Package:
        return QStringLiteral("package");
    case EntityKind::Action:
        return QStringLiteral("action");
    case EntityKind::Sequence:
        return QStringLiteral("sequence");
    case EntityKind::Trigger:
        return QStringLiteral("trigger");
    case EntityKind::Rule:
        return QStringLiteral("rule");
    }
    return {};
}

} // namespace funcdesk
