// alarm_bench: how late the local platform's alarms fire, on the real clock.
//
// A real LocalEngine in a temporary folder; T triggers get the /whisk.system/alarms/alarm feed
// (CREATE through the feed action, cron "* * * * * *": every second, all due at the same
// instant); the scheduler fires them through LocalEngine::fireTrigger (no rules, so the figure is
// the scheduler's and the fire path's, not an action's). Lateness = the moment a fire starts
// minus its scheduled time, for the first N fires.
//   full:    50 triggers, 1,000 fires (20 s)
//   --quick: 25 triggers, 100 fires (4 s; registered in ctest as alarm_bench_quick)
// Exits 1 when the fires do not all arrive in time (the figures would be meaningless).
// Last line: alarm_bench fires=N p50_late_ms=N p99_late_ms=N max_late_ms=N

#include "BenchStats.h"
#include "platforms/local/AlarmFeeds.h"
#include "platforms/local/LocalEngine.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>

using namespace funcdesk;
using namespace funcdesk::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int triggers = quick ? 25 : 50;
    const int fires = quick ? 100 : 1000;

    QTemporaryDir dir;
    LocalConfig config;
    config.dataDir = dir.path();
    config.executor.stemCellsPerRuntime = 0;
    auto opened = LocalEngine::open(config);
    if (!opened) {
        fprintf(stderr, "alarm_bench: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    std::unique_ptr<LocalEngine> engine = std::move(opened).value();
    const QString ns = QStringLiteral("guest");
    const Identity guest = engine->ensureNamespace(ns).value();

    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<double> lateMs;
    lateMs.reserve(fires);
    engine->alarms().setObserver([&](const QString &, const QString &, qint64 scheduledMs, qint64) {
        // Microseconds, not the observer's milliseconds: sub-millisecond lateness is the usual case.
        const auto nowUs =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        std::lock_guard lock(mutex);
        if (int(lateMs.size()) < fires)
            lateMs.push_back(double(nowUs - scheduledMs * 1000) / 1000.0);
        if (int(lateMs.size()) == fires)
            arrived.notify_all();
    });

    std::shared_ptr<BuiltinAction> alarm;
    for (const BuiltinDefinition &definition : alarmFeedDefinitions(*engine)) {
        if (definition.name == QLatin1StringView("alarm"))
            alarm = definition.action;
    }
    for (int i = 0; i < triggers; ++i) {
        const QString name = QStringLiteral("tick-%1").arg(i);
        if (auto put = engine->putTrigger(ns, name, Trigger(), {}).result(); !put) {
            fprintf(stderr, "alarm_bench: %s\n", qPrintable(put.error().message));
            return 1;
        }
        const QJsonObject params{{QLatin1StringView("lifecycleEvent"), QStringLiteral("CREATE")},
                                 {QLatin1StringView("triggerName"), QStringLiteral("/guest/") + name},
                                 {QLatin1StringView("authKey"), guest.authString()},
                                 {QLatin1StringView("cron"), QStringLiteral("* * * * * *")}};
        if (auto created = alarm->run({ns, QStringLiteral("alarms/alarm"), QString(), params}); !created) {
            fprintf(stderr, "alarm_bench: %s\n", qPrintable(created.error().message));
            return 1;
        }
    }
    printf("alarm_bench: %d triggers every second until %d fires\n", triggers, fires);
    fflush(stdout);

    std::vector<double> samples;
    {
        std::unique_lock lock(mutex);
        const auto deadline = std::chrono::seconds(fires / triggers + 10);
        if (!arrived.wait_for(lock, deadline, [&] { return int(lateMs.size()) >= fires; })) {
            fprintf(stderr, "alarm_bench: only %d of %d fires arrived\n", int(lateMs.size()), fires);
            return 1;
        }
        samples = lateMs;
    }
    engine.reset();

    const double p50 = quantile(samples, 0.5);
    const double p99 = quantile(samples, 0.99);
    const double max = *std::max_element(samples.begin(), samples.end());
    printf("lateness: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n", p50, quantile(samples, 0.9), p99, max);
    printf("alarm_bench fires=%d p50_late_ms=%lld p99_late_ms=%lld max_late_ms=%lld\n", fires,
           static_cast<long long>(std::ceil(p50)), static_cast<long long>(std::ceil(p99)),
           static_cast<long long>(std::ceil(max)));
    return 0;
}
