#include "models/metrics/MetricsFeed.h"

#include "models/metrics/MetricsService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace funcdesk {

MetricsFeed::MetricsFeed(QObject *parent) : QObject(parent), m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_liveTimer.setInterval(1000);
    connect(&m_liveTimer, &QTimer::timeout, this, &MetricsFeed::refresh);
    // MetricsService::updated comes at most 4 times a second; several feeds share it and a burst
    // of setters (range, width) must not ask once each.
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(250);
    connect(&m_coalesce, &QTimer::timeout, this, &MetricsFeed::refresh);
}

MetricsFeed::~MetricsFeed() = default;

void MetricsFeed::setService(MetricsService *service)
{
    for (const auto &connection : std::as_const(m_serviceConnections))
        disconnect(connection);
    m_serviceConnections.clear();
    m_service = service;
    if (service) {
        m_serviceConnections.append(connect(service, &MetricsService::updated, this, &MetricsFeed::scheduleRefresh));
        m_serviceConnections.append(
            connect(service, &MetricsService::stateChanged, this, &MetricsFeed::coverageChanged));
        m_serviceConnections.append(
            connect(service, &MetricsService::coverageChanged, this, &MetricsFeed::coverageChanged));
    }
    reset();
}

MetricsService *MetricsFeed::service() const
{
    return m_service;
}

void MetricsFeed::setFunction(std::optional<QString> function)
{
    if (function == m_function)
        return;
    m_function = std::move(function);
    reset();
}

void MetricsFeed::setRange(MetricsRange range, TimeSpan custom)
{
    m_range = range;
    m_custom = custom;
    if (MetricsRanges::isMoving(range) && m_active)
        m_liveTimer.start();
    else
        m_liveTimer.stop();
    refresh();
}

TimeSpan MetricsFeed::span() const
{
    return MetricsRanges::spanOf(m_range, m_now(), m_custom);
}

void MetricsFeed::setMaxPoints(int points)
{
    points = std::max(points, 2);
    if (points == m_maxPoints)
        return;
    m_maxPoints = points;
    scheduleRefresh();
}

void MetricsFeed::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active && MetricsRanges::isMoving(m_range))
        m_liveTimer.start();
    else
        m_liveTimer.stop();
    if (active)
        refresh();
}

void MetricsFeed::setClock(std::function<qint64()> now)
{
    m_now = std::move(now);
    refresh();
}

void MetricsFeed::reset()
{
    m_floor = m_asked;
    m_shown = m_asked;
    m_series = MetricsSeries();
    m_hasSeries = false;
    Q_EMIT cleared();
    Q_EMIT coverageChanged();
    refresh();
}

void MetricsFeed::scheduleRefresh()
{
    if (m_active && !m_coalesce.isActive())
        m_coalesce.start();
}

void MetricsFeed::refresh()
{
    m_coalesce.stop();
    if (!m_active || !m_service)
        return;
    const TimeSpan span = this->span();
    if (!span.isValid())
        return;
    SeriesQuery query;
    query.fromMs = span.fromMs;
    query.toMs = span.toMs;
    query.maxPoints = m_maxPoints;
    query.function = m_function;
    const quint64 ticket = ++m_asked;
    m_service->query(query, this, [this, ticket](const MetricsSeries &series) {
        // Older than what is shown, or asked before a reset: a newer answer wins.
        if (ticket <= m_shown || ticket <= m_floor)
            return;
        m_shown = ticket;
        m_series = series;
        m_hasSeries = true;
        Q_EMIT seriesChanged(m_series);
    });
}

QString MetricsFeed::coverageText() const
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("funcdesk::MetricsFeed", text); };
    if (!m_service)
        return tr("No metrics for this connection.");
    QString text;
    const qint64 oldest = m_service->oldestMs();
    if (oldest > 0)
        text =
            tr("Data since %1").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(oldest), QLocale::ShortFormat));
    else
        text = tr("No activations yet");
    switch (m_service->state()) {
    case MetricsService::State::Backfilling:
        text += QStringLiteral(" · ") + tr("backfilling…");
        break;
    case MetricsService::State::Live:
        text += QStringLiteral(" · ") + tr("live");
        break;
    case MetricsService::State::Offline:
        text += QStringLiteral(" · ") + tr("offline");
        break;
    case MetricsService::State::Idle:
        break;
    }
    return text;
}

} // namespace funcdesk
