// metrics_bench: the metrics store (core/metrics/MetricsStore) at a month of traffic.
//
// Generates N activation records (default 1,000,000; --quick 100,000) as Funcdesk's local
// platform writes them (time-ordered ids, path/limits/waitTime/cpuTime/peakMemory annotations,
// initTime on 5 % cold starts, 3 % errors) from 50 functions spread over 30 days, then measures:
//   ingest:    MetricsStore::ingest(QList<Activation>) of already parsed records, in pages of
//              1,000 (as a backfill pages them), into an empty store; activations/s, median of
//              the runs (record generation is not timed)
//   aggregate: one query of the 30 days, all functions, 600 points, AWS Lambda x86's prices;
//              ms, median of the runs
//   bytes:     memoryBytes() / sampleCount() of the store
// Flags: --quick, --count N, --runs R (default 5, 3 with --quick).
// Last line: metrics_bench bytes_per_activation=N aggregate_1m_ms=N ingest_per_s=N

#include "BenchStats.h"
#include "core/metrics/MetricsStore.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRandomGenerator>

#include <cstdio>
#include <cstring>
#include <ctime>

using namespace funcdesk;
using namespace funcdesk::bench;

namespace {

// This thread's CPU time, ms: on a shared machine the wall clock also counts other processes'
// turns, so the runs print both.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

constexpr int kFunctions = 50;
constexpr int kPage = 1000;
constexpr qint64 kDayMs = 86'400'000;
constexpr qint64 kSpanMs = 30 * kDayMs;
const qint64 kFromMs = 1'761'955'200'000; // 2025-11-01T00:00:00Z

struct Generator
{
    qint64 count;
    QRandomGenerator random{42};
    QList<QString> names;
    QList<KeyValueList> warm;
    QList<KeyValueList> cold;
    ActivationResponse success;
    ActivationResponse failure;

    explicit Generator(qint64 n) : count(n)
    {
        success.setStatus(ActivationStatus::Success);
        failure.setStatus(ActivationStatus::ApplicationError);
        for (int f = 0; f < kFunctions; ++f) {
            names.append(QStringLiteral("fn-%1").arg(f));
            const QJsonObject limits{{QStringLiteral("memory"), 128 << (f % 4)},
                                     {QStringLiteral("timeout"), 60000},
                                     {QStringLiteral("logs"), 10},
                                     {QStringLiteral("concurrency"), 1}};
            KeyValueList annotations{{QStringLiteral("path"), QStringLiteral("guest/") + names.last(), {}},
                                     {QStringLiteral("kind"), QStringLiteral("nodejs:20"), {}},
                                     {QStringLiteral("limits"), limits, {}},
                                     {QStringLiteral("timeout"), false, {}},
                                     {QStringLiteral("waitTime"), 2, {}},
                                     {QStringLiteral("cpuTime"), 3.5, {}},
                                     {QStringLiteral("peakMemory"), 41 * 1024 * 1024, {}}};
            warm.append(annotations);
            annotations.set(QStringLiteral("initTime"), 180);
            cold.append(annotations);
        }
    }

    // Page `page` of the stream: activations i·count/pages … in time order, with small jitter.
    QList<Activation> page(qint64 first, qint64 size)
    {
        QList<Activation> list;
        list.reserve(size);
        for (qint64 i = first; i < first + size; ++i) {
            const int f = int(random.bounded(kFunctions));
            const qint64 start = kFromMs + i * kSpanMs / count + qint64(random.bounded(1000));
            const qint64 duration = 1 + qint64(std::exp(random.generateDouble() * 8.0)); // 1 ms … 3 s
            Activation a;
            a.activationId = QStringLiteral("%1%2%3")
                                 .arg(start, 12, 16, QLatin1Char('0'))
                                 .arg(random.generate64() & 0xffffffffffffULL, 12, 16, QLatin1Char('0'))
                                 .arg(i & 0xffffffff, 8, 16, QLatin1Char('0'));
            a.ns = QStringLiteral("guest");
            a.name = names[f];
            a.start = start;
            a.end = start + duration;
            a.duration = duration;
            a.response = random.bounded(100) < 3 ? failure : success;
            a.annotations = random.bounded(100) < 5 ? cold[f] : warm[f];
            list.append(std::move(a));
        }
        return list;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    bool quick = false;
    qint64 count = 0;
    int runs = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0) {
            quick = true;
        } else if (std::strcmp(argv[i], "--count") == 0 && i + 1 < argc) {
            count = std::atoll(argv[++i]);
        } else if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
            runs = std::atoi(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: metrics_bench [--quick] [--count N] [--runs R]\n");
            return 2;
        }
    }
    if (count <= 0)
        count = quick ? 100'000 : 1'000'000;
    if (runs <= 0)
        runs = quick ? 3 : 5;

    std::vector<double> ingestRates;
    std::vector<double> aggregateMs;
    std::vector<double> aggregateCpuMs;
    double bytesPerActivation = 0;
    PriceList prices = PriceList::byId(QStringLiteral("aws-lambda-x86"));
    for (int run = 0; run < runs; ++run) {
        Generator generator(count);
        MetricsStore store;
        double ingestUs = 0;
        qint64 added = 0;
        for (qint64 first = 0; first < count; first += kPage) {
            const QList<Activation> page = generator.page(first, std::min<qint64>(kPage, count - first));
            const auto start = Clock::now();
            added += store.ingest(page);
            ingestUs += microsSince(start);
        }
        if (added != count || store.sampleCount() != count) {
            std::fprintf(stderr, "metrics_bench: %lld of %lld activations kept\n", static_cast<long long>(added),
                         static_cast<long long>(count));
            return 1;
        }
        ingestRates.push_back(double(count) / (ingestUs / 1e6));
        bytesPerActivation = double(store.memoryBytes()) / double(store.sampleCount());

        SeriesQuery query;
        query.fromMs = kFromMs;
        query.toMs = kFromMs + kSpanMs;
        query.maxPoints = 600;
        query.prices = prices;
        for (int q = 0; q < 3; ++q) {
            const auto start = Clock::now();
            const double cpuStart = threadCpuMs();
            const MetricsSeries series = store.query(query);
            aggregateMs.push_back(microsSince(start) / 1000.0);
            aggregateCpuMs.push_back(threadCpuMs() - cpuStart);
            if (series.total.invocations != count || series.buckets.size() > 600) {
                std::fprintf(stderr, "metrics_bench: the query counted %lld\n",
                             static_cast<long long>(series.total.invocations));
                return 1;
            }
        }
        std::printf("run %d: ingest %.0f/s, aggregate %.1f ms (CPU %.1f ms; last of 3), %.1f bytes/activation\n",
                    run + 1, ingestRates.back(), aggregateMs.back(), aggregateCpuMs.back(), bytesPerActivation);
        std::fflush(stdout);
    }
    std::printf("%lld activations, %d functions, 30 days; medians of %d runs; aggregate CPU time %.1f ms\n",
                static_cast<long long>(count), kFunctions, runs, median(aggregateCpuMs));
    std::printf("metrics_bench bytes_per_activation=%.0f aggregate_1m_ms=%.1f ingest_per_s=%.0f\n",
                std::ceil(bytesPerActivation), median(aggregateMs), median(ingestRates));
    return 0;
}
