#include "core/metrics/DurationSketch.h"

#include <QDataStream>

#include <algorithm>
#include <cmath>
#include <limits>

namespace funcdesk {

namespace {

// γ = (1+α)/(1-α): a value x falls in bucket i = ceil(log_γ x), i.e. γ^(i-1) < x ≤ γ^i, and
// 2γ^i/(γ+1) is within α of every value of that bucket (DDSketch, §2).
const double kGamma = (1.0 + DurationSketch::kRelativeAccuracy) / (1.0 - DurationSketch::kRelativeAccuracy);
const double kLogGamma = std::log(kGamma);
const double kInverseLogGamma = 1.0 / kLogGamma;
// Values below this count in the zero bucket (a duration of 0 ms is common on a warm local call).
constexpr double kMinIndexable = 0.01;
constexpr size_t kIndexTableSize = 120'000; // whole milliseconds up to 2 minutes
// Room added below the lowest bucket when the array grows downwards, so that a run of ever
// smaller values does not move the array each time.
constexpr int kDownwardSlack = 16;

quint32 saturatingAdd(quint32 a, quint64 b)
{
    const quint64 sum = quint64(a) + b;
    return sum > std::numeric_limits<quint32>::max() ? std::numeric_limits<quint32>::max() : quint32(sum);
}

} // namespace

int DurationSketch::indexOf(double valueMs)
{
    // Durations are mostly whole milliseconds below a minute: their indexes come from a table
    // (computed once, 240 KB), which makes a query over a million samples several times faster
    // than a logarithm per sample.
    static const std::vector<qint16> table = [] {
        std::vector<qint16> indexes(kIndexTableSize);
        for (size_t ms = 1; ms < indexes.size(); ++ms)
            indexes[ms] = qint16(std::ceil(std::log(double(ms)) * kInverseLogGamma));
        return indexes;
    }();
    if (valueMs >= 1.0 && valueMs < double(kIndexTableSize)) {
        const auto whole = size_t(valueMs);
        if (double(whole) == valueMs)
            return table[whole];
    }
    return int(std::ceil(std::log(valueMs) * kInverseLogGamma));
}

double DurationSketch::valueOf(int index)
{
    return 2.0 * std::exp(index * kLogGamma) / (kGamma + 1.0);
}

void DurationSketch::add(double valueMs, quint64 count)
{
    if (count == 0 || !std::isfinite(valueMs))
        return;
    if (valueMs < 0.0)
        valueMs = 0.0;
    if (m_count == 0) {
        m_min = valueMs;
        m_max = valueMs;
    } else {
        m_min = std::min(m_min, valueMs);
        m_max = std::max(m_max, valueMs);
    }
    m_count += count;
    m_sum += valueMs * double(count);
    if (valueMs < kMinIndexable) {
        m_zero += count;
        return;
    }
    addToBucket(indexOf(valueMs), count);
}

void DurationSketch::addToBucket(int index, quint64 count)
{
    if (m_buckets.empty()) {
        m_offset = index;
        m_buckets.assign(1, 0);
    } else if (index < m_offset) {
        // The lowest buckets were collapsed (or the array starts above): grow downwards unless
        // that passes the bound, in which case the value counts in the lowest bucket kept.
        const int grow = m_offset - index;
        if (m_buckets.size() + size_t(grow) > size_t(kMaxBuckets)) {
            const int room = kMaxBuckets - int(m_buckets.size());
            if (room <= 0) {
                m_buckets[0] = saturatingAdd(m_buckets[0], count);
                return;
            }
            reserveFor(m_buckets.size() + size_t(room));
            m_buckets.insert(m_buckets.begin(), size_t(room), 0);
            m_offset -= room;
            m_buckets[0] = saturatingAdd(m_buckets[0], count);
            return;
        }
        const int withSlack = std::min(grow + kDownwardSlack, kMaxBuckets - int(m_buckets.size()));
        reserveFor(m_buckets.size() + size_t(withSlack));
        m_buckets.insert(m_buckets.begin(), size_t(withSlack), 0);
        m_offset -= withSlack;
    } else if (index >= m_offset + int(m_buckets.size())) {
        reserveFor(size_t(index - m_offset + 1));
        m_buckets.resize(size_t(index - m_offset + 1), 0);
        collapseLowest();
    }
    const int slot = std::max(0, index - m_offset);
    m_buckets[size_t(slot)] = saturatingAdd(m_buckets[size_t(slot)], count);
}

void DurationSketch::reserveFor(size_t size)
{
    // Geometric growth, but never past the bound: the capacity counts in memoryBytes.
    if (size > m_buckets.capacity())
        m_buckets.reserve(std::max(size, std::min(2 * m_buckets.capacity(), size_t(kMaxBuckets) + 1)));
}

void DurationSketch::collapseLowest()
{
    // Bounded memory: past kMaxBuckets the lowest buckets fold into one. The high quantiles
    // (p90, p99: what a duration chart shows) keep their 1 % bound; only quantiles that fall in
    // the folded range lose it. 2048 buckets span a ratio of γ^2048 ≈ 5·10^17, so durations from
    // 0.01 ms to years never fold in practice.
    if (m_buckets.size() <= size_t(kMaxBuckets))
        return;
    const size_t excess = m_buckets.size() - size_t(kMaxBuckets);
    quint64 folded = 0;
    for (size_t i = 0; i <= excess; ++i)
        folded += m_buckets[i];
    m_buckets.erase(m_buckets.begin(), m_buckets.begin() + qsizetype(excess));
    m_buckets[0] = saturatingAdd(0, folded);
    m_offset += int(excess);
    if (m_buckets.capacity() > size_t(kMaxBuckets) + 1)
        m_buckets.shrink_to_fit();
}

void DurationSketch::merge(const DurationSketch &other)
{
    if (other.m_count == 0)
        return;
    if (m_count == 0) {
        *this = other;
        return;
    }
    m_min = std::min(m_min, other.m_min);
    m_max = std::max(m_max, other.m_max);
    m_count += other.m_count;
    m_sum += other.m_sum;
    m_zero += other.m_zero;
    if (other.m_buckets.empty())
        return;
    // Make room for the other's range once, then add counts bucket by bucket.
    const int otherLast = other.m_offset + int(other.m_buckets.size()) - 1;
    addToBucket(otherLast, 0);
    addToBucket(other.m_offset, 0);
    for (size_t i = 0; i < other.m_buckets.size(); ++i) {
        if (other.m_buckets[i] == 0)
            continue;
        const int slot = std::max(0, other.m_offset + int(i) - m_offset);
        m_buckets[size_t(slot)] = saturatingAdd(m_buckets[size_t(slot)], other.m_buckets[i]);
    }
}

double DurationSketch::quantile(double q) const
{
    if (m_count == 0)
        return 0.0;
    q = std::clamp(q, 0.0, 1.0);
    if (q == 0.0)
        return m_min;
    if (q == 1.0)
        return m_max;
    // The nearest-rank order statistic: the ⌈qn⌉-th smallest (1-based), so that p99 of three
    // durations is the slowest of them, as an operator reads it, not the middle one (⌊q(n-1)⌋
    // picked the middle one for n = 3).
    const double nearest = std::ceil(q * double(m_count));
    const quint64 rank = std::min<quint64>(m_count - 1, nearest < 1.0 ? 0 : quint64(nearest) - 1);
    quint64 seen = m_zero;
    if (rank < seen)
        return m_min;
    for (size_t i = 0; i < m_buckets.size(); ++i) {
        seen += m_buckets[i];
        if (rank < seen)
            return std::clamp(valueOf(m_offset + int(i)), m_min, m_max);
    }
    return m_max;
}

void DurationSketch::clear()
{
    *this = DurationSketch();
}

qsizetype DurationSketch::memoryBytes() const
{
    return qsizetype(sizeof(DurationSketch) + m_buckets.capacity() * sizeof(quint32));
}

std::vector<std::pair<double, quint64>> DurationSketch::buckets() const
{
    std::vector<std::pair<double, quint64>> result;
    if (m_zero > 0)
        result.emplace_back(0.0, m_zero);
    for (size_t i = 0; i < m_buckets.size(); ++i) {
        if (m_buckets[i] > 0)
            result.emplace_back(std::clamp(valueOf(m_offset + int(i)), m_min, m_max), m_buckets[i]);
    }
    return result;
}

void DurationSketch::writeTo(QDataStream &out) const
{
    out << qint32(m_offset) << quint32(m_buckets.size());
    for (quint32 count : m_buckets)
        out << count;
    out << quint64(m_zero) << quint64(m_count) << m_min << m_max << m_sum;
}

bool DurationSketch::readFrom(QDataStream &in)
{
    qint32 offset = 0;
    quint32 size = 0;
    in >> offset >> size;
    if (in.status() != QDataStream::Ok || size > quint32(kMaxBuckets))
        return false;
    DurationSketch read;
    read.m_offset = offset;
    read.m_buckets.resize(size);
    quint64 total = 0;
    for (quint32 &count : read.m_buckets) {
        in >> count;
        total += count;
    }
    in >> read.m_zero >> read.m_count >> read.m_min >> read.m_max >> read.m_sum;
    if (in.status() != QDataStream::Ok || read.m_count < total + read.m_zero || !std::isfinite(read.m_sum) ||
        read.m_min > read.m_max)
        return false;
    *this = std::move(read);
    return true;
}

} // namespace funcdesk
