#pragma once

#include "core/Activation.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>

namespace funcdesk {

// The metrics OpenWhisk's user-events service exports to Prometheus
// (core/monitoring/user-events/.../PrometheusRecorder.scala), kept from the activations this
// server records, so OpenWhisk's Grafana dashboards work against funcdeskd unchanged: same
// names, types, labels (namespace, initiator, action, kind, memory, status), units (seconds) and
// histogram buckets (the Java client's defaults, 5 ms to 10 s). Counters start at zero when the
// process starts; Prometheus' rate() and increase() take such resets in their stride.
//
// One series per (namespace, initiator, action, kind, memory): at most `maxSeries` of them (a
// bound on memory, about 1 KB each, and on the size of a scrape). A new series beyond it
// replaces the least recently updated one, and funcdeskd_metrics_series_dropped_total counts
// the replaced ones. Thread-safe: record() and render() may run on any threads at once.
class ActionMetrics
{
public:
    static constexpr int kDefaultMaxSeries = 10000;

    explicit ActionMetrics(int maxSeries = kDefaultMaxSeries);

    // Counts one finished activation. Records without the `path` and `kind` annotations (trigger
    // activations) are not action activations and are skipped, as OpenWhisk skips them.
    void record(const Activation &activation);
    // The exposition text (PrometheusText.h); only the series whose initiator (the namespace
    // that invoked, where the activation is recorded) is `initiator`, when given. Series are
    // ordered by their label values, families by name: two scrapes list them in the same order.
    QByteArray render(const std::optional<QString> &initiator = std::nullopt) const;

    int seriesCount() const;
    quint64 droppedSeries() const;

private:
    // Upper bounds of the time histograms' buckets, in milliseconds (the +Inf bucket comes after).
    static constexpr std::array<qint64, 14> kBucketMillis{5,   10,  25,   50,   75,   100,  250,
                                                          500, 750, 1000, 2500, 5000, 7500, 10000};
    // The response size histogram's: OpenWhisk's linearBuckets(0, 1 MiB, 10), in bytes (its
    // payload limit, whisk.activation.payload.max, by default 1 MiB).
    static constexpr std::array<qint64, 10> kBucketBytes{0,       1048576, 2097152, 3145728, 4194304,
                                                         5242880, 6291456, 7340032, 8388608, 9437184};

    template <std::size_t Bounds> struct Histogram
    {
        std::array<quint64, Bounds + 1> counts{}; // per bucket, not cumulative; last: +Inf
        quint64 count = 0;
        qint64 sum = 0; // milliseconds or bytes

        void observe(qint64 value, const std::array<qint64, Bounds> &bounds)
        {
            value = qMax<qint64>(0, value);
            std::size_t bucket = 0;
            while (bucket < Bounds && value > bounds[bucket])
                ++bucket;
            ++counts[bucket];
            ++count;
            sum += value;
        }
        void add(const Histogram &other)
        {
            for (std::size_t i = 0; i < counts.size(); ++i)
                counts[i] += other.counts[i];
            count += other.count;
            sum += other.sum;
        }
    };
    using TimeHistogram = Histogram<kBucketMillis.size()>;
    using SizeHistogram = Histogram<kBucketBytes.size()>;

    struct Key
    {
        QString ns; // where the action lives (the first segment of its path)
        QString initiator;
        QString action; // "name" or "package/name"
        QString kind;
        qint64 memory = 0; // MB, the action's limit
        friend bool operator<(const Key &a, const Key &b)
        {
            return std::tie(a.ns, a.initiator, a.action, a.kind, a.memory) <
                   std::tie(b.ns, b.initiator, b.action, b.kind, b.memory);
        }
    };

    struct Series
    {
        quint64 activations = 0;
        quint64 coldStarts = 0;
        std::array<quint64, 4> statuses{}; // by ActivationStatus
        TimeHistogram waitTime;
        TimeHistogram initTime;
        TimeHistogram duration;
        SizeHistogram responseSize;            // records with a response size only
        std::map<qint64, quint64> statusCodes; // the result's statusCode, when it has one
        quint64 lastUpdate = 0;                // the record() call that last changed it
    };

    struct Entry
    {
        Series series;
        std::list<const Key *>::iterator position; // in m_recency
    };

    mutable std::mutex m_mutex;
    const int m_maxSeries;
    std::map<Key, Entry> m_series;
    std::list<const Key *> m_recency; // least recently updated first
    quint64 m_updates = 0;
    quint64 m_dropped = 0;
};

} // namespace funcdesk
