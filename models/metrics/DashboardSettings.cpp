#include "models/metrics/DashboardSettings.h"

namespace funcdesk {

Setting<double> DashboardSettings::budget(const QString &connectionId)
{
    // Connection ids are settings-safe (letters, digits, '-'); a '/' would nest groups.
    QString id = connectionId;
    id.replace(QLatin1Char('/'), QLatin1Char('_'));
    return Setting<double>(QStringLiteral("metrics/budget/%1").arg(id), 0.0);
}

const Setting<QString> &DashboardSettings::range()
{
    static const Setting<QString> setting(QStringLiteral("metrics/range"), QStringLiteral("live"));
    return setting;
}

} // namespace funcdesk
