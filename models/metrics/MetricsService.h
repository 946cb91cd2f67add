#pragma once

#include "core/Platform.h"
#include "core/PriceList.h"
#include "core/metrics/MetricsStore.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace funcdesk {

// The console's metrics engine for the current connection. Owns a MetricsStore on its own worker
// thread (never the GUI thread): on setPlatform it loads the connection's snapshot from
// `cacheDir`, backfills what is missing by paging listActivations (docs, since/upto/skip, newest
// first, 200 a page, back to `backfillDays`), then follows the platform's live activations;
// duplicates (backfill overlapping live, reconnects, restarts) are dropped by activation id. The
// snapshot is saved on a timer and when the connection changes or the service ends.
class MetricsService : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Backfilling, Live, Offline };
    Q_ENUM(State)

    // `cacheDir`: where per-connection snapshots live (the console's data folder); empty = none.
    explicit MetricsService(QString cacheDir, QObject *parent = nullptr);
    ~MetricsService() override;

    // Switches to another connection (nullptr = none). `connectionId` names its snapshot.
    void setPlatform(Platform *platform, const QString &connectionId);
    Platform *platform() const { return m_platform; }

    // The price list every query and bill uses (saved per connection by PriceListSettings).
    void setPriceList(const PriceList &prices);
    const PriceList &priceList() const { return m_prices; }

    // Runs `query` on the worker; the future finishes there, deliver with core/FutureCallback.h.
    // `query.prices` is replaced by priceList().
    QFuture<MetricsSeries> query(SeriesQuery query) const;
    // The same, delivered to `deliver` on `context`'s thread; never once `context` is gone.
    void query(const SeriesQuery &query, QObject *context, std::function<void(const MetricsSeries &)> deliver) const;

    State state() const { return m_state; }
    qint64 oldestMs() const { return m_oldestMs; } // how far back data reaches (0 = none)
    qint64 sampleCount() const { return m_sampleCount; }
    int backfillDays() const { return m_backfillDays; }
    void setBackfillDays(int days);

Q_SIGNALS:
    // New activations were ingested (coalesced: at most 4 times a second).
    void updated();
    void stateChanged(funcdesk::MetricsService::State state);
    // Backfill progress: how far back it has reached so far.
    void coverageChanged(qint64 oldestMs, qint64 sampleCount);
    void errorOccurred(const QString &message);

private:
    struct Worker;
    void issuePage(quint64 generation, const ActivationQuery &query);
    void pageFailed(quint64 generation, const ActivationQuery &query, const QString &message);
    void progressed(qint64 added, qint64 oldestMs, qint64 sampleCount);
    void setState(State state);
    QString snapshotPath(const QString &connectionId) const;

    QString m_cacheDir;
    QPointer<Platform> m_platform;
    QString m_connectionId;
    PriceList m_prices;
    State m_state = State::Idle;
    qint64 m_oldestMs = 0;
    qint64 m_sampleCount = 0;
    int m_backfillDays = 30;
    std::unique_ptr<Worker> m_worker;
};

// A monthly budget per connection and the alert when the projected month-end cost crosses it.
// Checks on every MetricsService::updated (coalesced) and once a minute; alerts once per month
// and budget (raising the budget re-arms it).
class BudgetMonitor : public QObject
{
    Q_OBJECT

public:
    explicit BudgetMonitor(MetricsService *metrics, QObject *parent = nullptr);

    // 0 = no budget. Saved per connection in the console's settings by the caller.
    void setBudget(double amount);
    double budget() const { return m_budget; }
    const MonthCost &month() const { return m_month; }
    void checkNow();

Q_SIGNALS:
    void monthChanged(const funcdesk::MonthCost &month);
    // The projection crossed the budget (once per month and budget).
    void budgetExceeded(double projected, double budget);

private:
    MetricsService *m_metrics;
    double m_budget = 0.0;
    MonthCost m_month;
    QDate m_alertedMonth; // the month the current budget was alerted in (null = armed)
    bool m_checking = false;
    bool m_checkAgain = false;
};

} // namespace funcdesk
