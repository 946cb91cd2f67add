#pragma once

#include "core/Platform.h"
#include "core/metrics/MetricsStore.h"

#include <QObject>
#include <QPromise>
#include <QTimer>

#include <functional>
#include <memory>

namespace funcdesk {

// The MetricsService's worker-thread half. It owns the store and does everything that costs
// time: converts and ingests activations (backfill pages and live batches), decides each next
// backfill page (the service issues it on the platform's thread), answers queries and saves the
// connection's snapshot. Every member function runs on the worker thread; the hooks are called
// there too and post to the service.
class MetricsWorker : public QObject
{
public:
    // OpenWhisk's largest list page.
    static constexpr int kPageSize = 200;
    // The controller accepts any skip >= 0 (RestAPIs.scala stringToListSkip), but its
    // ElasticSearch activation store pages with from = skip, and Elasticsearch refuses
    // from + size > 10,000 (index.max_result_window); CouchDB's skip costs O(skip). Past this
    // skip the backfill moves `upto` to the oldest start seen instead.
    static constexpr int kMaxSkip = 10000 - kPageSize;
    // How far before the snapshot's newest activation a backfill starts again: activations
    // recorded late (long runs, batched writes) are not missed; ids drop the repeats.
    static constexpr qint64 kOverlapMs = 2 * 60 * 1000;
    // Snapshots are written this often when something changed (and when the connection changes).
    static constexpr int kSaveIntervalMs = 60 * 1000;

    struct Hooks
    {
        std::function<void(quint64 generation, ActivationQuery next)> requestPage;
        std::function<void(quint64 generation)> backfillDone;
        // After new activations were ingested (added > 0) or a page was read.
        std::function<void(qint64 added, qint64 oldestMs, qint64 sampleCount)> progress;
    };

    explicit MetricsWorker(Hooks hooks);
    ~MetricsWorker() override;

    // Saves the previous connection's snapshot, loads `snapshotPath` (empty: none) and asks for
    // the first backfill page: back to `backfillDays` before `nowMs` or to the snapshot's newest
    // activation (less kOverlapMs), whichever is later. generation 0 = no connection.
    void begin(quint64 generation, QString snapshotPath, int backfillDays, qint64 nowMs);
    // One backfill page (newest first) of `generation`; asks for the next or says done.
    void page(quint64 generation, const QList<Activation> &activations);
    void live(const QList<Activation> &activations);
    void query(const SeriesQuery &query, const std::shared_ptr<QPromise<MetricsSeries>> &promise) const;
    // Writes the snapshot when something changed since the last write.
    void save();
    // Saves and stops the timer (the service is going away).
    void shutdown();

private:
    void ingested(qsizetype added);
    ActivationQuery currentQuery() const;

    Hooks m_hooks;
    MetricsStore m_store;
    QTimer *m_saveTimer;
    QString m_snapshotPath;
    bool m_dirty = false;
    quint64 m_generation = 0;
    qint64 m_sinceMs = 0;
    qint64 m_uptoMs = 0;
    int m_skip = 0;
    qint64 m_oldestInWindow = 0; // the oldest start seen since `upto` last moved
};

} // namespace funcdesk
