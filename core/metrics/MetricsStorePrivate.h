#pragma once

// MetricsStore's parts, shared by its storage (MetricsStore.cpp), query (MetricsQuery.cpp) and
// snapshot (MetricsSnapshot.cpp) files. Not part of the contract.

#include "core/metrics/MetricsStore.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <queue>
#include <vector>

namespace funcdesk {

constexpr qint64 kSecondMs = 1000;
constexpr qint64 kMinuteMs = 60 * kSecondMs;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;

inline qint64 floorDiv(qint64 value, qint64 divisor)
{
    return value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);
}

// One hour of one function's (or all functions') samples after they left the detailed range.
// usage/cost stay empty: cost is computed per query from the durations sketch and the
// configured sizes (of the hour's newest sample), so a roll-up re-prices like a sample does,
// within the sketch's 1 %.
struct RollUp
{
    MetricsBucket bucket;
    quint16 memoryMb = 0;
    quint16 cpuMilli = 0;
    quint16 diskMb = 0;
};

struct HourRollUps
{
    RollUp total;
    std::vector<std::pair<quint32, RollUp>> functions; // by function index, few per hour
};

// Activations in flight at a moment, for "concurrency max": a sweep in start order over
// half-open [start, end) intervals, keeping the ends of those still running in a min-heap.
class ConcurrencySweep
{
public:
    // Drops the activations that ended at or before `atMs`; returns how many are still running.
    qint64 runningAt(qint64 atMs)
    {
        while (!m_ends.empty() && m_ends.top() <= atMs)
            m_ends.pop();
        return qint64(m_ends.size());
    }
    // An activation starting at `startMs` (starts arrive in order); returns the count in flight
    // right after it started, itself included.
    qint64 start(qint64 startMs, qint64 endMs)
    {
        runningAt(startMs);
        m_ends.push(std::max(endMs, startMs + 1));
        return qint64(m_ends.size());
    }

private:
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> m_ends;
};

void addSample(MetricsBucket &bucket, const ActivationSample &sample);
void mergeBucket(MetricsBucket &into, const MetricsBucket &from); // counts, sketch, maxima, usage, cost
BilledUsage usageOfSample(const PriceList &prices, const ActivationSample &sample);
BilledUsage usageOfRollUp(const PriceList &prices, const RollUp &rollUp);

struct MetricsStore::Private
{
    Bounds bounds;
    QStringList names;
    QHash<QString, quint32> indexOfName;
    // Samples by UTC day (startMs / 1 day), each day's sorted by startMs.
    std::map<qint64, std::vector<ActivationSample>> days;
    qsizetype count = 0;
    std::map<qint64, HourRollUps> hours; // hour start (ms) → roll-ups
    // Samples that start before this were folded into roll-ups: ingesting one again is ignored
    // (its id can no longer be checked, and counting it twice is worse than missing it).
    qint64 rolledUpBeforeMs = std::numeric_limits<qint64>::min();
    quint32 longestMs = 0; // the longest duration kept: how far back a sweep must look

    quint32 internName(const QString &name);
    qsizetype insert(std::vector<ActivationSample> batch);
    void enforceBounds();
    void rollUp(const ActivationSample *begin, const ActivationSample *end);
    qint64 newestMs() const;
    // Calls f(sample) for the samples with fromMs ≤ startMs < toMs, in start order.
    template <typename F> void forEachInRange(qint64 fromMs, qint64 toMs, F &&f) const
    {
        if (fromMs >= toMs)
            return;
        for (auto day = days.lower_bound(floorDiv(fromMs, kDayMs)); day != days.end(); ++day) {
            const std::vector<ActivationSample> &samples = day->second;
            if (samples.empty())
                continue;
            if (samples.front().startMs >= toMs)
                break;
            auto it = samples.begin();
            if (it->startMs < fromMs)
                it = std::lower_bound(samples.begin(), samples.end(), fromMs,
                                      [](const ActivationSample &s, qint64 ms) { return s.startMs < ms; });
            for (; it != samples.end() && it->startMs < toMs; ++it)
                f(*it);
        }
    }
};

} // namespace funcdesk
