#include "executor/MemoryTrim.h"

#include <QDateTime>

#include <algorithm>
#include <atomic>
#include <malloc.h>
#include <mutex>
#include <thread>

namespace funcdesk {

namespace {

constexpr qint64 kLargeBytes = 1024 * 1024;
constexpr int kMmapThreshold = 1024 * 1024;
std::atomic<qint64> g_soonMs{0}; // the next trims due (epoch ms), 0: none
std::atomic<qint64> g_laterMs{0};
// Besides: once a minute, whatever ran. Freed small blocks leave touched pages behind in the
// arenas: 660 s at 300 calls a second ended at 30.2 MB instead of 34.2 (docs/benchmarks.md
// "Soak"), p99 unchanged.
constexpr qint64 kPeriodicMs = 60 * 1000;
std::atomic<qint64> g_periodicMs{0};

bool due(std::atomic<qint64> &when, qint64 nowMs)
{
    qint64 at = when.load(std::memory_order_relaxed);
    return at != 0 && at <= nowMs && when.compare_exchange_strong(at, 0);
}

} // namespace

void MemoryTrim::configureAllocator()
{
    static std::once_flag once;
    std::call_once(once, [] {
#ifdef __GLIBC__
        // Setting either disables glibc's dynamic thresholds.
        mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
        mallopt(M_TRIM_THRESHOLD, 2 * kMmapThreshold);
        // No fastbins: malloc_trim(0) first merges fastbin chunks, and when that merges a
        // thread arena's free space into its top chunk, nothing gives that top back
        // (malloc_trim trims only the main arena's top; a thread arena's top shrinks on a free
        // that reaches it). Seen as ~10 MB of log lines kept resident in one arena after a log
        // flood, in about one run in four (TestServerBounds).
        mallopt(M_MXFAST, 0);
        // One arena per core (at least 2) instead of glibc's eight: every arena keeps its own
        // high-water mark of touched pages, and with ~70 threads taking turns on 16 arenas the
        // server's RSS crept up by each of them. A 660 s soak at 300 calls a second
        // (docs/benchmarks.md "Soak"): 40.4 → 44.0 MB with 16 arenas, 32.9 → 34.2 MB with 2,
        // server_bench's invoke figures within their run-to-run noise.
        mallopt(M_ARENA_MAX, static_cast<int>(std::max(2u, std::thread::hardware_concurrency())));
#endif
    });
}

void MemoryTrim::activationEnded(qint64 bytes)
{
    if (bytes < kLargeBytes)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    g_soonMs.store(now + 1000, std::memory_order_relaxed);
    g_laterMs.store(now + 5000, std::memory_order_relaxed);
}

void MemoryTrim::trimIfDue(qint64 nowMs)
{
    const bool soon = due(g_soonMs, nowMs);
    const bool later = due(g_laterMs, nowMs);
    const bool minute = due(g_periodicMs, nowMs);
    if (minute || g_periodicMs.load(std::memory_order_relaxed) == 0) // the first call too: a minute from now
        g_periodicMs.store(nowMs + kPeriodicMs, std::memory_order_relaxed);
    if (soon || later || minute) {
#ifdef __GLIBC__
        malloc_trim(0);
#endif
    }
}

} // namespace funcdesk
