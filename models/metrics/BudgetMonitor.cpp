#include "models/metrics/MetricsService.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace funcdesk {

namespace {
// Besides every (coalesced) update: the projection moves with the clock even when nothing runs.
constexpr int kCheckIntervalMs = 60 * 1000;
} // namespace

BudgetMonitor::BudgetMonitor(MetricsService *metrics, QObject *parent) : QObject(parent), m_metrics(metrics)
{
    connect(m_metrics, &MetricsService::updated, this, &BudgetMonitor::checkNow);
    auto *timer = new QTimer(this);
    timer->setInterval(kCheckIntervalMs);
    connect(timer, &QTimer::timeout, this, &BudgetMonitor::checkNow);
    timer->start();
}

void BudgetMonitor::setBudget(double amount)
{
    amount = std::max(0.0, amount);
    if (amount == m_budget)
        return;
    m_budget = amount;
    m_alertedMonth = QDate(); // another budget: armed again
    checkNow();
}

void BudgetMonitor::checkNow()
{
    // One query at a time; updates meanwhile ask for one more afterwards.
    if (m_checking) {
        m_checkAgain = true;
        return;
    }
    m_checking = true;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDate first(now.date().year(), now.date().month(), 1);
    SeriesQuery query;
    query.fromMs = QDateTime(first, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    query.toMs = now.toMSecsSinceEpoch();
    query.maxPoints = 31;
    query.histogramBins = 1;
    m_metrics->query(query, this, [this](const MetricsSeries &series) {
        m_checking = false;
        m_month = series.month;
        Q_EMIT monthChanged(m_month);
        if (m_budget > 0.0 && m_month.projected > m_budget && m_alertedMonth != m_month.month) {
            m_alertedMonth = m_month.month;
            Q_EMIT budgetExceeded(m_month.projected, m_budget);
        }
        if (m_checkAgain) {
            m_checkAgain = false;
            checkNow();
        }
    });
}

} // namespace funcdesk
