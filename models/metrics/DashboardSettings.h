#pragma once

#include "models/settings/ConsoleSettings.h"

namespace funcdesk {

// The dashboards' own settings: the chosen time range (a MetricsRanges key). The price list and
// the budget of each connection are PriceListSettings'.
struct DashboardSettings
{
    static const Setting<QString> &range();
};

} // namespace funcdesk
