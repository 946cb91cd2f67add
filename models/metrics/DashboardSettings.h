#pragma once

#include "models/settings/ConsoleSettings.h"

namespace funcdesk {

// The dashboards' own settings: the monthly budget of each connection (0 = none) and the chosen
// time range (a MetricsRanges key).
struct DashboardSettings
{
    static Setting<double> budget(const QString &connectionId);
    static const Setting<QString> &range();
};

} // namespace funcdesk
