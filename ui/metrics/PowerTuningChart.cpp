#include "ui/metrics/PowerTuningChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QEvent>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

namespace funcdesk {

namespace {
constexpr double kPerMillion = 1e6;
const QColor kCostColor(0xe6, 0x7e, 0x22); // apart from both bar colours, light or dark theme
} // namespace

PowerTuningChart::PowerTuningChart(QWidget *parent) : QChartView(parent)
{
    setObjectName(QStringLiteral("powerTuningChart"));
    setRenderHint(QPainter::Antialiasing);
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));

    m_average = new QBarSet(tr("Average duration"));
    m_p95 = new QBarSet(tr("p95 duration"));
    auto *bars = new QBarSeries;
    bars->append(m_average);
    bars->append(m_p95);
    m_cost = new QLineSeries;
    m_cost->setName(tr("Cost per 1M invocations"));
    m_cost->setPointsVisible(true);
    chart->addSeries(bars);
    chart->addSeries(m_cost);

    m_settings = new QBarCategoryAxis;
    m_duration = new QValueAxis;
    m_duration->setTitleText(tr("Duration (ms)"));
    m_duration->setLabelFormat(QStringLiteral("%.0f"));
    m_costAxis = new QValueAxis;
    m_costAxis->setLabelFormat(QStringLiteral("%.2f"));
    chart->addAxis(m_settings, Qt::AlignBottom);
    chart->addAxis(m_duration, Qt::AlignLeft);
    chart->addAxis(m_costAxis, Qt::AlignRight);
    bars->attachAxis(m_settings);
    bars->attachAxis(m_duration);
    m_cost->attachAxis(m_settings);
    m_cost->attachAxis(m_costAxis);
    setChart(chart);
    setMinimumHeight(200);
    followPalette();
}

void PowerTuningChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        followPalette();
}

// QtCharts paints with its own theme, not the palette: pick the dark one on a dark desktop.
void PowerTuningChart::followPalette()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart()->theme() == theme && m_cost->pen().color() == kCostColor)
        return;
    chart()->setTheme(theme);
    chart()->setBackgroundBrush(palette().color(QPalette::Base));
    m_cost->setPen(QPen(kCostColor, 2)); // a theme recolours every series
}

void PowerTuningChart::setRows(const QList<TuningChartRow> &rows, const QString &currency)
{
    QStringList labels;
    QList<qreal> averages;
    QList<qreal> p95s;
    QList<QPointF> costs;
    double maxDuration = 0.0;
    double maxCost = 0.0;
    for (const TuningChartRow &row : rows) {
        labels.append(row.label);
        averages.append(row.averageMs);
        p95s.append(row.p95Ms);
        // Per million: list prices are quoted so, and the axis reads 1.50 rather than 1.5e-06.
        costs.append(QPointF(qreal(costs.size()), row.costPerInvocation * kPerMillion));
        maxDuration = std::max(maxDuration, row.p95Ms);
        maxCost = std::max(maxCost, row.costPerInvocation * kPerMillion);
    }
    m_settings->clear();
    m_settings->append(labels);
    m_average->remove(0, m_average->count());
    m_average->append(averages);
    m_p95->remove(0, m_p95->count());
    m_p95->append(p95s);
    m_cost->replace(costs);
    m_duration->setRange(0.0, maxDuration > 0.0 ? maxDuration * 1.1 : 1.0);
    m_duration->applyNiceNumbers();
    // Whole milliseconds once the axis reaches 10 ms; below, ticks of 0.5 ms would all read "1".
    m_duration->setLabelFormat(m_duration->max() >= 10.0 ? QStringLiteral("%.0f") : QStringLiteral("%.2g"));
    m_costAxis->setRange(0.0, maxCost > 0.0 ? maxCost * 1.1 : 1.0);
    m_costAxis->applyNiceNumbers();
    m_costAxis->setTitleText(tr("Cost per 1M invocations (%1)").arg(currency));
}

QList<double> PowerTuningChart::averages() const
{
    QList<double> values;
    for (int i = 0; i < m_average->count(); ++i)
        values.append(m_average->at(i));
    return values;
}

QList<double> PowerTuningChart::costs() const
{
    QList<double> values;
    for (const QPointF &point : m_cost->points())
        values.append(point.y() / kPerMillion);
    return values;
}

} // namespace funcdesk
