#pragma once

#include "core/metrics/MetricsStore.h"

#include <QDateTime>
#include <QWidget>

#include <optional>

class QGridLayout;
class QScrollArea;

namespace funcdesk {

class MetricsChart;
class MetricsChartApi;
class MetricsFeed;
class MetricsService;
class RangeBar;

// The charts both dashboards share, for every function or one: invocations and errors, duration
// p50/p90/p99, cold-start ratio and cost by function over the chosen range, with the range bar
// on top, in a scroll area (so nothing is cut off at 1366×768). The Overview and Monitoring
// panels add their own widgets to grid() from extrasRow() on. Queries while shown only.
class MetricsDashboard : public QWidget
{
    Q_OBJECT

public:
    explicit MetricsDashboard(QWidget *parent = nullptr);

    void setService(MetricsService *service);
    // nullopt = every function.
    void setFunction(std::optional<QString> function);
    // The currency of cost figures (the price list's).
    void setCurrency(const QString &currency);
    QString currency() const { return m_currency; }

    MetricsFeed *feed() const { return m_feed; }
    RangeBar *rangeBar() const { return m_rangeBar; }
    // The module's charts (ui/views/ViewApis.h), for tests; null when it could not be loaded.
    MetricsChart *invocationsChart() const;
    MetricsChart *durationsChart() const;
    MetricsChart *coldStartChart() const;
    MetricsChart *costChart() const;
    QGridLayout *grid() const { return m_grid; }
    int extrasRow() const { return 2; }
    QScrollArea *scrollArea() const { return m_scroll; }

    // Writes the shown series as CSV; an error message, or empty when written.
    QString exportCsv(const QString &path) const;

Q_SIGNALS:
    // A chart's point was clicked: show the activations of that bucket.
    void pointClicked(const QDateTime &at, qint64 stepMs);
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showSeries(const MetricsSeries &series);
    void clearCharts();
    void fitPoints();
    void askExportPath();

    MetricsFeed *m_feed;
    RangeBar *m_rangeBar;
    QScrollArea *m_scroll;
    QGridLayout *m_grid;
    QList<MetricsChartApi *> chartApis() const;

    MetricsChartApi *m_invocations;
    MetricsChartApi *m_durations;
    MetricsChartApi *m_coldStarts;
    MetricsChartApi *m_cost;
    QString m_currency = QStringLiteral("USD");
};

} // namespace funcdesk
