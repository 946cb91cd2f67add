#pragma once

#include <QtGlobal>

#include <utility>
#include <vector>

class QDataStream;

namespace funcdesk {

// A mergeable quantile sketch for durations (ms) with relative error ≤ 1 %: DDSketch (Masson,
// Rim, Lee, VLDB 2019) with logarithmic buckets of ratio γ = (1+α)/(1-α), α = 0.01. Chosen over
// t-digest because its error bound holds for every quantile and merging two sketches is exact
// (bucket counts add), so 1 s buckets roll up into minutes, hours and across functions with no
// loss beyond the one bound. Values below 0.01 ms count in a zero bucket. Memory: one counter per
// occupied bucket (durations from 1 ms to 10 min span ~670 buckets; typical series far fewer).
class DurationSketch
{
public:
    static constexpr double kRelativeAccuracy = 0.01;

    void add(double valueMs, quint64 count = 1);
    void merge(const DurationSketch &other);
    // q in [0, 1]; 0 when empty. Within kRelativeAccuracy of the exact order statistic.
    double quantile(double q) const;
    quint64 count() const { return m_count; }
    double min() const { return m_min; }
    double max() const { return m_max; }
    double sum() const { return m_sum; }
    bool isEmpty() const { return m_count == 0; }
    void clear();
    // Bytes held (for the store's accounting).
    qsizetype memoryBytes() const;
    // The occupied buckets, lowest first: (a value within 1 % of the bucket's, count); the zero
    // bucket as value 0. For histograms.
    std::vector<std::pair<double, quint64>> buckets() const;
    // Part of MetricsStore's snapshot; readFrom leaves the sketch unchanged on damaged input.
    void writeTo(QDataStream &out) const;
    bool readFrom(QDataStream &in);

    // Bound on the dense bucket array; past it the lowest buckets fold into one (see the .cpp).
    static constexpr int kMaxBuckets = 2048;

private:
    static int indexOf(double valueMs);
    static double valueOf(int index);
    void addToBucket(int index, quint64 count);
    void reserveFor(size_t size);
    void collapseLowest();

    // A dense array of counts: m_buckets[i] counts values of bucket index m_offset + i.
    int m_offset = 0;
    std::vector<quint32> m_buckets;
    quint64 m_zero = 0;
    quint64 m_count = 0;
    double m_min = 0.0;
    double m_max = 0.0;
    double m_sum = 0.0;
};

} // namespace funcdesk
