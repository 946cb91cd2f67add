#include "models/functions/FunctionListModel.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <utility>

// The function list's metrics columns: invocations, errors and cost per function over a range,
// answered by the MetricsService off the GUI thread, re-queried on its (coalesced) updates.

namespace funcdesk {

namespace {
// Costs of single functions are often fractions of a cent: enough decimals to show two
// significant digits, at most 8.
QString money(double amount, const QString &currency)
{
    int decimals = 2;
    if (amount > 0.0 && amount < 0.01)
        decimals = std::min(8, static_cast<int>(std::ceil(-std::log10(amount))) + 1);
    const QString figure = QLocale().toString(amount, 'f', decimals);
    return currency == QLatin1String("USD") ? QStringLiteral("$") + figure
                                            : QStringLiteral("%1 %2").arg(figure, currency);
}
} // namespace

void FunctionListModel::setMetrics(MetricsService *metrics)
{
    if (m_metrics == metrics)
        return;
    if (m_metrics)
        disconnect(m_metrics, nullptr, this, nullptr);
    m_metrics = metrics;
    clearMetrics();
    if (!metrics)
        return;
    connect(metrics, &MetricsService::updated, this, [this] {
        if (m_metricsLive || !m_metricsKnown)
            queryMetrics();
    });
    connect(metrics, &MetricsService::stateChanged, this, [this](MetricsService::State state) {
        if (state == MetricsService::State::Live || state == MetricsService::State::Idle)
            queryMetrics();
    });
    queryMetrics();
}

void FunctionListModel::setMetricsRange(qint64 fromMs, qint64 toMs, bool live)
{
    m_metricsFromMs = fromMs;
    m_metricsToMs = toMs;
    m_metricsLengthMs = toMs == 0 ? std::max<qint64>(1, QDateTime::currentMSecsSinceEpoch() - fromMs) : 0;
    m_metricsLive = live;
    ++m_metricsGeneration; // an answer for the previous range is not shown
    m_metricsQuerying = false;
    queryMetrics();
}

void FunctionListModel::queryMetrics()
{
    if (!m_metrics)
        return;
    if (m_metricsQuerying) {
        m_metricsAgain = true; // one more once the running query answers
        return;
    }
    m_metricsQuerying = true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    SeriesQuery query;
    query.toMs = m_metricsToMs == 0 ? now : m_metricsToMs;
    query.fromMs = m_metricsToMs == 0 ? now - m_metricsLengthMs : m_metricsFromMs;
    query.maxPoints = 1; // only the totals are shown
    query.histogramBins = 1;
    query.costBreakdownTop = 1;
    m_metrics->query(query, this, [this, generation = m_metricsGeneration](const MetricsSeries &series) {
        if (generation != m_metricsGeneration)
            return;
        m_metricsQuerying = false;
        applyMetrics(series);
        if (std::exchange(m_metricsAgain, false))
            queryMetrics();
    });
}

void FunctionListModel::applyMetrics(const MetricsSeries &series)
{
    m_metricsCells.clear();
    m_metricsCells.reserve(series.functions.size());
    for (const FunctionTotals &totals : series.functions)
        m_metricsCells.insert(totals.name, MetricsCells{totals.invocations, totals.errors, totals.cost});
    m_currency = m_metrics ? m_metrics->priceList().currency : QString();
    m_metricsKnown = true;
    rowsChanged();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, RangeInvocationsColumn), index(rowCount() - 1, CostColumn));
}

void FunctionListModel::clearMetrics()
{
    ++m_metricsGeneration;
    m_metricsQuerying = false;
    m_metricsAgain = false;
    m_metricsCells.clear();
    const bool wasKnown = std::exchange(m_metricsKnown, false);
    rowsChanged();
    if (wasKnown && !m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, RangeInvocationsColumn), index(rowCount() - 1, CostColumn));
}

QVariant FunctionListModel::metricsDisplay(const Row &row, int column) const
{
    if (!m_metricsKnown)
        return QString();
    const MetricsCells cells = m_metricsCells.value(row.name);
    if (column == CostColumn)
        return money(cells.cost, m_currency);
    return QLocale().toString(column == RangeInvocationsColumn ? cells.invocations : cells.errors);
}

double FunctionListModel::metricsSortValue(const Row &row, int column) const
{
    if (!m_metricsKnown)
        return -1.0; // unknown sorts below zero
    const MetricsCells cells = m_metricsCells.value(row.name);
    switch (column) {
    case RangeInvocationsColumn:
        return static_cast<double>(cells.invocations);
    case RangeErrorsColumn:
        return static_cast<double>(cells.errors);
    default:
        return cells.cost;
    }
}

} // namespace funcdesk
