#include "core/SemVer.h"

#include <QStringList>

namespace funcdesk {

std::optional<SemVer> SemVer::parse(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return std::nullopt;
    int numbers[3];
    for (int i = 0; i < 3; ++i) {
        bool ok = false;
        numbers[i] = parts[i].toInt(&ok);
        if (!ok || numbers[i] < 0)
            return std::nullopt;
    }
    return SemVer{numbers[0], numbers[1], numbers[2]};
}

QString SemVer::toString() const
{
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch);
}

} // namespace funcdesk
