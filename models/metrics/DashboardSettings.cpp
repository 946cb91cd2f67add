#include "models/metrics/DashboardSettings.h"

namespace funcdesk {

const Setting<QString> &DashboardSettings::range()
{
    static const Setting<QString> setting(QStringLiteral("metrics/range"), QStringLiteral("live"));
    return setting;
}

} // namespace funcdesk
