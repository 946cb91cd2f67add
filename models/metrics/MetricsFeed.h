#pragma once

#include "core/metrics/MetricsStore.h"
#include "models/metrics/MetricsRange.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

namespace funcdesk {

class MetricsService;

// What one dashboard shows, kept current: asks the MetricsService for the chosen range (one
// function or all, at most maxPoints buckets) on every change, on MetricsService::updated
// (coalesced to at most 4 queries a second) and every second while the range is Live. Answers
// arrive in order of asking: an answer older than the newest one shown is dropped, and so is
// every answer asked before reset() (a connection switch).
class MetricsFeed : public QObject
{
    Q_OBJECT

public:
    explicit MetricsFeed(QObject *parent = nullptr);
    ~MetricsFeed() override;

    void setService(MetricsService *service);
    MetricsService *service() const;
    // nullopt = every function.
    void setFunction(std::optional<QString> function);
    void setRange(MetricsRange range, TimeSpan custom = {});
    MetricsRange range() const { return m_range; }
    // The span the current range covers now.
    TimeSpan span() const;
    // The chart's plot width in pixels: no series has more buckets.
    void setMaxPoints(int points);
    int maxPoints() const { return m_maxPoints; }
    // Only an active feed queries (a dashboard that is not on screen stays quiet).
    void setActive(bool active);
    bool isActive() const { return m_active; }
    // The clock (ms since the epoch); tests move time with it.
    void setClock(std::function<qint64()> now);
    qint64 now() const { return m_now(); }

    // Forgets what is shown and what is in flight (a connection switch), then asks again.
    void reset();
    // Asks now (when active and a service is set).
    void refresh();
    const MetricsSeries &series() const { return m_series; }
    bool hasSeries() const { return m_hasSeries; }
    // "Data since 3 Dec 2026 14:02 · backfilling…", or that there is no data yet.
    QString coverageText() const;

Q_SIGNALS:
    void seriesChanged(const funcdesk::MetricsSeries &series);
    void cleared();
    void coverageChanged();

private:
    void scheduleRefresh();

    QPointer<MetricsService> m_service;
    std::optional<QString> m_function;
    MetricsRange m_range = MetricsRange::Live;
    TimeSpan m_custom;
    int m_maxPoints = 600;
    bool m_active = false;
    std::function<qint64()> m_now;
    QTimer m_liveTimer;
    QTimer m_coalesce;
    quint64 m_asked = 0; // the ticket of the newest query asked
    quint64 m_shown = 0; // the ticket of the series shown
    quint64 m_floor = 0; // answers to tickets up to this one are dropped (reset)
    MetricsSeries m_series;
    bool m_hasSeries = false;
    QList<QMetaObject::Connection> m_serviceConnections;
};

} // namespace funcdesk
