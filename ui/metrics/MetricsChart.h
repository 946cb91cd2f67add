#pragma once

#include "models/metrics/ChartData.h"
#include "ui/views/ViewApis.h"

#include <QChartView>
#include <QDateTime>

#include <functional>

class QDateTimeAxis;
class QValueAxis;

namespace funcdesk {

// A chart of values over time: one line per layer of a ChartData, or the layers stacked as areas
// (cost by function). Never holds more points than the plot is wide: the dashboards ask for
// series of at most plotWidth() buckets, and data with more is averaged down here. The time axis
// reads local time. Hovering a point shows its exact value; clicking one emits pointClicked with
// the bucket's start. The context menu saves the chart as PNG.
class MetricsChart : public QChartView, public MetricsChartApi
{
    Q_OBJECT

public:
    using Style = MetricsChartApi::Style;

    MetricsChart(const QString &title, Style style, QWidget *parent = nullptr);

    // How values read in tooltips and on the axis ("%1 ms"); default: the plain number.
    void setValueText(std::function<QString(double)> text) override;
    void setData(const ChartData &data) override;
    void clear() override;
    const ChartData &data() const { return m_data; }
    QWidget *widget() override { return this; }
    MetricsChart *metricsChart() override { return this; }
    void setCallbacks(std::function<void(const QDateTime &, qint64)> pointClicked,
                      std::function<void(int)> plotWidthChanged) override;

    // The plot area's width in pixels (at least 2): the most points a series may have.
    int plotWidth() const override;
    // Points in each drawn layer (the upper line of each area when stacked).
    int pointCount() const;
    QDateTimeAxis *timeAxis() const { return m_timeAxis; }
    QValueAxis *valueAxis() const { return m_valueAxis; }
    // Renders the chart as the user sees it.
    bool savePng(const QString &path);
    // The text of the tooltip for a layer at a bucket ("14:05 · Errors: 3").
    QString tooltipText(int layer, int bucket) const;
    // Emits pointClicked for the bucket under `time` (the mouse's path, also for tests).
    void clickAt(qint64 timeMs);

Q_SIGNALS:
    // A point was clicked: the start of its bucket and the bucket's length.
    void pointClicked(const QDateTime &at, qint64 stepMs);
    // The plot's width changed (the window was resized): ask for a series that fits.
    void plotWidthChanged(int pixels);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void rebuildSeries();
    void retheme();
    void fillSeries();
    int bucketAt(qreal timeMs) const;
    void hoverAt(int layer, const QPointF &point, bool state);
    QString timeFormat() const;

    Style m_style;
    ChartData m_source; // as given
    ChartData m_data;   // as drawn: averaged down to the plot's width
    std::function<QString(double)> m_valueText;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QList<QAbstractSeries *> m_layers;
    int m_lastPlotWidth = 0;
};

} // namespace funcdesk
