#pragma once

#include "core/PriceList.h"
#include "core/metrics/ActivationSample.h"
#include "core/metrics/DurationSketch.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>

namespace funcdesk {

enum class Resolution { Second, Minute, Hour };
qint64 resolutionMs(Resolution resolution);

// Aggregates of the activations that started in one time bucket (of one function or of all).
struct MetricsBucket
{
    qint64 startMs = 0;
    qint64 invocations = 0;
    std::array<qint64, 5> byOutcome{}; // indexed by SampleOutcome
    qint64 coldStarts = 0;
    DurationSketch durations; // duration p50/p90/p99, max (durations.max())
    double initMsSum = 0.0;   // over cold starts
    double waitMsSum = 0.0;
    double cpuSeconds = 0.0;
    double peakMemoryMb = 0.0; // the highest measured peak
    qint64 concurrencyMax = 0; // activations in flight at once, at most
    BilledUsage usage;         // under the price list the query names
    double cost = 0.0;         // gross (free tier applies to months, see MonthCost)

    qint64 errors() const { return invocations - byOutcome[0]; }
};

// One function's totals over a query's range.
struct FunctionTotals
{
    QString name;
    qint64 invocations = 0;
    qint64 errors = 0;
    qint64 coldStarts = 0;
    DurationSketch durations;
    double cost = 0.0;
    double peakMemoryMb = 0.0;
    qint64 memoryMb = 0; // configured, of the newest activation
};

// What a chart asks for: a range, a width in points (the chart's pixel width: a series never has
// more points than that), one function or all, and the price list costs are computed with.
struct SeriesQuery
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int maxPoints = 600;
    std::optional<QString> function; // nullopt = every function
    PriceList prices;
    int costBreakdownTop = 8; // cost by function: the top N by cost, the rest as one "other"
    int histogramBins = 40;   // duration histogram (log-spaced bins)
};

struct HistogramBin
{
    double fromMs = 0.0;
    double toMs = 0.0;
    qint64 count = 0;
};

// What a query answers: buckets of `stepMs` (a multiple of 1 s, 1 min or 1 h chosen so that the
// range fits maxPoints) from fromMs, totals, and breakdowns. Computed off the GUI thread.
struct MetricsSeries
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 stepMs = 0;
    QList<MetricsBucket> buckets;    // every step of the range, empty ones included
    MetricsBucket total;             // the whole range in one bucket
    QList<FunctionTotals> functions; // every function active in the range, by cost descending
    QStringList costSeriesNames;     // the stacked area's layers: top functions, then "other" ("")
    QList<QList<double>> costSeries; // [layer][bucket]
    QList<HistogramBin> durationHistogram;
    MonthCost month;     // the month containing toMs, after the free tier (all functions
                         // or the one function), projected to month end
    qint64 oldestMs = 0; // how far back the store has data (0 = empty)
};

// The metrics store: compact per-activation samples for the detailed range plus hourly roll-ups
// beyond it, per function and in total. Not thread-safe: one worker thread owns it (the console's
// MetricsService). Bounds: at most `maxSamples` samples (default 2,000,000 ≈ 128 MB) and
// `detailDays` (default 35) of samples; older samples fold into hourly buckets kept for
// `retentionDays` (default 400). Ingesting an id already held is a no-op (reconnects, backfill
// overlapping live data, restarts).
// Details of the bounds (core/metrics/MetricsStore.cpp): the detailed and retained ranges count
// back from the newest activation held, not from the clock; past maxSamples the oldest samples
// fold until the store is 1/64 under the bound (so a full store does not fold on every ingest);
// an activation starting before the newest one already folded is ignored (its id can no longer
// be checked: missing it is better than counting it twice). A roll-up prices its hour from its
// durations sketch (within 1 %) with the memory, CPU and disk of the hour's newest activation.
class MetricsStore
{
public:
    struct Bounds
    {
        qint64 maxSamples = 2'000'000;
        int detailDays = 35;
        int retentionDays = 400;
    };

    explicit MetricsStore(Bounds bounds);
    MetricsStore();
    ~MetricsStore();
    MetricsStore(MetricsStore &&) noexcept;
    MetricsStore &operator=(MetricsStore &&) noexcept;

    // Adds records; returns how many were new. Samples may arrive out of order.
    qsizetype ingest(const QList<Activation> &activations);
    qsizetype ingest(const ActivationSample &sample, const QString &function);
    bool contains(const std::array<quint8, 16> &id) const; // a scan of the samples

    MetricsSeries query(const SeriesQuery &query) const;

    qsizetype sampleCount() const;
    qint64 oldestMs() const; // 0 when empty
    qint64 newestMs() const;
    QStringList functions() const;
    // Bytes held by samples, roll-ups and indexes (reported by metrics_bench).
    qsizetype memoryBytes() const;
    void clear();

    // A versioned binary snapshot (QDataStream) so that a restart does not backfill again; load
    // rejects a snapshot of another version or a damaged one (false, store unchanged).
    QByteArray save() const;
    bool load(const QByteArray &snapshot);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace funcdesk
