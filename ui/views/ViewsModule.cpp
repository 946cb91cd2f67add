// libfuncdesk_views.so's entry point: the factories of ui/views/ViewApis.h. Nothing else of the
// module is looked up by name.

#include "ui/code/CodeView.h"
#include "ui/metrics/BarsChart.h"
#include "ui/metrics/MetricsChart.h"
#include "ui/metrics/PowerTuningChart.h"

namespace {

using namespace funcdesk;

MetricsChartApi *newMetricsChart(const QString &title, MetricsChartApi::Style style, QWidget *parent)
{
    return new MetricsChart(title, style, parent);
}

BarsChartApi *newBarsChart(const QString &title, Qt::Orientation orientation, QWidget *parent)
{
    return new BarsChart(title, orientation, parent);
}

PowerTuningChartApi *newPowerTuningChart(QWidget *parent)
{
    return new PowerTuningChart(parent);
}

CodeViewApi *newCodeView(QWidget *editor)
{
    return new CodeView(editor);
}

} // namespace

extern "C" Q_DECL_EXPORT const funcdesk::ViewFactories *funcdesk_views_factories()
{
    static const funcdesk::ViewFactories factories = [] {
        funcdesk::ViewFactories made;
        made.metricsChart = newMetricsChart;
        made.barsChart = newBarsChart;
        made.powerTuningChart = newPowerTuningChart;
        made.codeView = newCodeView;
        return made;
    }();
    return &factories;
}
