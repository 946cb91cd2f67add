#pragma once

#include "core/metrics/MetricsStore.h"

#include <QList>
#include <QStringList>

namespace funcdesk {

// What one time chart draws: named layers of values, one value per bucket of `stepMs` starting at
// `fromMs`. Built from a MetricsSeries here, so that a chart widget draws numbers and knows
// nothing of metrics; tests construct it directly.
struct ChartData
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 stepMs = 0;
    QStringList names;
    QList<QList<double>> values; // [layer][bucket]
    // Counts and costs add up when buckets merge; percentiles and ratios are averaged instead.
    bool additive = false;

    int bucketCount() const { return values.isEmpty() ? 0 : int(values.first().size()); }
    qint64 timeOf(int bucket) const { return fromMs + bucket * stepMs; }

    // Invocations and errors per bucket.
    static ChartData invocations(const MetricsSeries &series);
    // Duration p50, p90 and p99 per bucket, in ms (0 where a bucket has no activations).
    static ChartData durations(const MetricsSeries &series);
    // Cold starts as a percentage of invocations per bucket.
    static ChartData coldStartRatio(const MetricsSeries &series);
    // Cost per bucket as stacked layers: the top functions, then "Other functions".
    static ChartData costByFunction(const MetricsSeries &series);

    // The series as CSV, one row per bucket: time (ISO 8601, UTC), invocations, errors,
    // cold_starts, p50_ms, p90_ms, p99_ms, max_ms, cost (the price list's currency).
    static QString csv(const MetricsSeries &series);
    static QString csvHeader();

    // An amount of money as the dashboards show it: "$12.34", "$0.000123" (small amounts keep
    // three significant digits), "12.34 EUR" for currencies other than USD.
    static QString money(double amount, const QString &currency);
};

} // namespace funcdesk
