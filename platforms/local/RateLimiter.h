#pragma once

#include "core/PlatformError.h"
#include "core/Result.h"

#include <QHash>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <shared_mutex>

namespace funcdesk {

// OpenWhisk's namespace throttles (controller entitlement/RateThrottler.scala and
// ActivationThrottler.scala): invocations and trigger fires per minute, and invocations in flight.
// A minute is a fixed bucket counted from the limiter's start; every check charges the bucket,
// refused ones too, as OpenWhisk's does, so a client that keeps hammering stays refused until the
// next minute. Over a limit: a Limit error (429) with OpenWhisk's text.
//
// Cheap on the invoke path: one lookup under a shared lock (namespaces are added rarely), then
// lock-free atomics; nothing is allocated once a namespace has been seen. Thread-safe.
class RateLimiter
{
public:
    struct Limits
    {
        qint64 invocationsPerMinute = 60;
        qint64 concurrentInvocations = 30;
        qint64 firesPerMinute = 60;
    };
    // Milliseconds on a monotonic clock; tests pass their own to cross a minute at once.
    using Clock = std::function<qint64()>;
    static constexpr qint64 kWindowMs = 60000;

    // An admitted invocation's place among the namespace's invocations in flight; release()
    // it once the activation has ended (or could not start). Copyable; release exactly once.
    class Slot
    {
    public:
        void release() const { m_inFlight->fetch_sub(1, std::memory_order_relaxed); }

    private:
        friend class RateLimiter;
        explicit Slot(std::atomic<qint64> *inFlight) : m_inFlight(inFlight) {}
        std::atomic<qint64> *m_inFlight;
    };

    explicit RateLimiter(Limits limits, Clock clock = {});
    ~RateLimiter();
    RateLimiter(const RateLimiter &) = delete;
    RateLimiter &operator=(const RateLimiter &) = delete;

    // One invocation in `ns`: charged to its minute, then given a slot in flight, in OpenWhisk's
    // order. "Too many requests in the last minute (count: N, allowed: M)." or "Too many
    // concurrent requests in flight (count: N, allowed: M)." when refused.
    Result<Slot> admitInvocation(const QString &ns);
    // One trigger fire in `ns`, charged to its minute.
    std::optional<PlatformError> admitFire(const QString &ns);

    qint64 inFlight(const QString &ns) const;
    const Limits &limits() const { return m_limits; }

private:
    struct Counters;
    Counters &countersOf(const QString &ns);
    qint64 window() const;

    Limits m_limits;
    Clock m_clock;
    mutable std::shared_mutex m_mutex; // guards the map, not the counters
    QHash<QString, std::shared_ptr<Counters>> m_counters;
};

} // namespace funcdesk
