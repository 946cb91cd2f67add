#include "platforms/local/RateLimiter.h"

#include <chrono>
#include <mutex>

namespace funcdesk {

namespace {
// A minute bucket in one 64-bit word, so a check is one compare-and-swap: the minute's number
// (since the limiter started) above, its count below. The count saturates well below 2^32.
constexpr quint64 kCountBits = 32;
constexpr quint64 kCountMask = (quint64(1) << kCountBits) - 1;
constexpr quint64 kCountCeiling = kCountMask - 1;

// Charges one call to the bucket of minute `window`; returns the bucket's count with this call.
qint64 charge(std::atomic<quint64> &bucket, qint64 window)
{
    const quint64 minute = quint64(window) & kCountMask;
    quint64 old = bucket.load(std::memory_order_relaxed);
    for (;;) {
        const quint64 count = (old >> kCountBits) == minute ? (old & kCountMask) : 0;
        const quint64 next = (minute << kCountBits) | std::min(count + 1, kCountCeiling);
        if (bucket.compare_exchange_weak(old, next, std::memory_order_relaxed))
            return qint64(next & kCountMask);
    }
}

PlatformError tooManyRequests(qint64 count, qint64 allowed)
{
    return {PlatformError::Kind::Limit,
            QStringLiteral("Too many requests in the last minute (count: %1, allowed: %2).").arg(count).arg(allowed)};
}

qint64 steadyMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}
} // namespace

struct RateLimiter::Counters
{
    std::atomic<quint64> invocations{0}; // minute 0, count 0
    std::atomic<quint64> fires{0};
    std::atomic<qint64> inFlight{0};
};

RateLimiter::RateLimiter(Limits limits, Clock clock) : m_limits(limits), m_clock(std::move(clock))
{
    if (!m_clock) {
        const qint64 origin = steadyMs();
        m_clock = [origin] { return steadyMs() - origin; };
    }
}

RateLimiter::~RateLimiter() = default;

qint64 RateLimiter::window() const
{
    return m_clock() / kWindowMs;
}

RateLimiter::Counters &RateLimiter::countersOf(const QString &ns)
{
    {
        std::shared_lock lock(m_mutex);
        const auto it = m_counters.constFind(ns);
        if (it != m_counters.cend())
            return **it;
    }
    std::unique_lock lock(m_mutex);
    std::shared_ptr<Counters> &counters = m_counters[ns];
    if (!counters)
        counters = std::make_shared<Counters>();
    return *counters;
}

Result<RateLimiter::Slot> RateLimiter::admitInvocation(const QString &ns)
{
    Counters &counters = countersOf(ns);
    const qint64 count = charge(counters.invocations, window());
    if (count > m_limits.invocationsPerMinute)
        return tooManyRequests(count, m_limits.invocationsPerMinute);
    // Room must be left for this invocation: refused when the ones in flight fill the limit.
    const qint64 running = counters.inFlight.fetch_add(1, std::memory_order_relaxed);
    if (running >= m_limits.concurrentInvocations) {
        counters.inFlight.fetch_sub(1, std::memory_order_relaxed);
        return PlatformError{PlatformError::Kind::Limit,
                             QStringLiteral("Too many concurrent requests in flight (count: %1, allowed: %2).")
                                 .arg(running)
                                 .arg(m_limits.concurrentInvocations)};
    }
    return Slot(&counters.inFlight);
}

std::optional<PlatformError> RateLimiter::admitFire(const QString &ns)
{
    const qint64 count = charge(countersOf(ns).fires, window());
    if (count > m_limits.firesPerMinute)
        return tooManyRequests(count, m_limits.firesPerMinute);
    return std::nullopt;
}

qint64 RateLimiter::inFlight(const QString &ns) const
{
    std::shared_lock lock(m_mutex);
    const auto it = m_counters.constFind(ns);
    return it == m_counters.cend() ? 0 : (*it)->inFlight.load(std::memory_order_relaxed);
}

} // namespace funcdesk
