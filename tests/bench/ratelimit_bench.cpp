// ratelimit_bench: what the namespace throttles (RateLimiter) add to every invoke.
//
//   limiter   admitInvocation() + Slot::release() for one namespace, limits far away
//   baseline  the least any per-namespace counter costs: a QHash<QString> lookup under a
//             shared lock and one atomic add and subtract
//
// Both on 1 and 2 threads (the machine's cores), rounds alternating, medians of ns per call.
// Last line: ratelimit_bench limiter_ns_t1=N limiter_ns_t2=N ratio_t1=R ratio_t2=R

#include "BenchStats.h"
#include "platforms/local/RateLimiter.h"

#include <atomic>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <shared_mutex>
#include <thread>

using namespace funcdesk;
using namespace funcdesk::bench;

namespace {

// Runs `call` `calls` times split over `threads` threads; wall-clock ns per call.
template <typename F> double nsPerCall(int threads, int calls, F call)
{
    const Clock::time_point start = Clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&call, n = calls / threads] {
            for (int i = 0; i < n; ++i)
                call();
        });
    for (std::thread &thread : pool)
        thread.join();
    return microsSince(start) * 1000.0 / calls;
}

} // namespace

int main(int argc, char *argv[])
{
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int rounds = quick ? 3 : 7;
    const int calls = quick ? 500000 : 2000000;
    const QString ns = QStringLiteral("guest");

    RateLimiter limiter({1000000000, 1000000, 1000000000});
    std::shared_mutex mutex;
    QHash<QString, std::shared_ptr<std::atomic<qint64>>> counters;
    counters.insert(ns, std::make_shared<std::atomic<qint64>>(0));

    const auto throttle = [&] {
        const auto slot = limiter.admitInvocation(ns);
        if (slot.ok())
            slot->release();
    };
    const auto bare = [&] {
        std::atomic<qint64> *counter = nullptr;
        {
            std::shared_lock lock(mutex);
            counter = counters.value(ns).get();
        }
        counter->fetch_add(1, std::memory_order_relaxed);
        counter->fetch_sub(1, std::memory_order_relaxed);
    };

    std::vector<double> limiter1, limiter2, ratio1, ratio2;
    for (int round = 0; round < rounds; ++round) {
        const double b1 = nsPerCall(1, calls, bare);
        const double l1 = nsPerCall(1, calls, throttle);
        const double b2 = nsPerCall(2, calls, bare);
        const double l2 = nsPerCall(2, calls, throttle);
        printf("round %d: t1 limiter %.1f ns, baseline %.1f ns; t2 limiter %.1f ns, baseline %.1f ns\n", round + 1, l1,
               b1, l2, b2);
        limiter1.push_back(l1);
        limiter2.push_back(l2);
        ratio1.push_back(l1 / b1);
        ratio2.push_back(l2 / b2);
    }
    printf("ratelimit_bench limiter_ns_t1=%.1f limiter_ns_t2=%.1f ratio_t1=%.2f ratio_t2=%.2f\n", median(limiter1),
           median(limiter2), median(ratio1), median(ratio2));
    return 0;
}
