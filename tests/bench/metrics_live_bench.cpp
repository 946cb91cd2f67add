// metrics_live_bench: how late the GUI thread gets while activations stream in live.
//
// A real LocalEngine and LocalPlatform in a temporary folder, a no-op Node.js action invoked
// non-blocking at R a second for T seconds from the GUI thread, a MetricsService attached (its
// worker ingests the live batches) and asked an Overview-like query (the last 15 minutes, 900
// points) every second, the result delivered back to the GUI thread; the activation list and the
// function list (with its metrics columns, live) listen as in the console. A 16 ms precise timer on
// the GUI thread records how late each tick is (the gap beyond 16 ms).
//   full:        1,000/s for 10 s
//   --quick:     100/s for 2 s (registered in ctest as metrics_live_bench_quick: completion only)
//   --synthetic: the executor is not used; synthetic activations go through
//                LocalEngine::activationRecorded on the GUI thread (as the engine emits them), for
//                a machine whose executor cannot run R invocations a second
// Last line: metrics_live_bench gui_gap_p99_ms=N gui_gap_max_ms=N ingested=N

#include "BenchStats.h"
#include "core/FutureCallback.h"
#include "models/activations/ActivationListModel.h"
#include "models/functions/FunctionListModel.h"
#include "models/metrics/MetricsService.h"
#include "platforms/local/LocalEngine.h"
#include "platforms/local/LocalPlatform.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstring>

using namespace funcdesk;
using namespace funcdesk::bench;

namespace {
constexpr int kFrameMs = 16;
constexpr int kTickMs = 10; // invocations go out in 100 slices a second

bool hasFlag(int argc, char *argv[], const char *flag)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], flag) == 0)
            return true;
    return false;
}

Activation synthetic(qint64 n)
{
    Activation activation;
    activation.ns = QStringLiteral("guest");
    activation.name = QStringLiteral("noop");
    activation.activationId = QStringLiteral("%1").arg(n, 32, 16, QLatin1Char('0'));
    activation.start = QDateTime::currentMSecsSinceEpoch();
    activation.end = *activation.start + 1;
    activation.duration = 1;
    ActivationResponse response;
    response.setStatus(ActivationStatus::Success);
    activation.response = response;
    activation.annotations = KeyValueList{{QStringLiteral("path"), QStringLiteral("guest/noop"), {}},
                                          {QStringLiteral("kind"), QStringLiteral("nodejs:20"), {}},
                                          {QStringLiteral("limits"), QJsonObject{{QStringLiteral("memory"), 256}}, {}}};
    return activation;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool quick = hasFlag(argc, argv, "--quick");
    const bool useSynthetic = hasFlag(argc, argv, "--synthetic");
    const int perSecond = quick ? 100 : 1000;
    const int seconds = quick ? 2 : 10;
    const qint64 total = qint64(perSecond) * seconds;

    QTemporaryDir dir;
    LocalConfig config;
    config.dataDir = dir.filePath(QStringLiteral("platform"));
    config.limits.invocationsPerMinute = 1'000'000'000;
    config.limits.concurrentInvocations = 1'000'000;
    auto opened = LocalEngine::open(config);
    if (!opened) {
        fprintf(stderr, "metrics_live_bench: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    std::unique_ptr<LocalEngine> engine = std::move(opened).value();
    LocalPlatform platform(engine.get(), QStringLiteral("guest"));
    if (!useSynthetic) {
        Action noop;
        noop.exec = Exec();
        noop.exec->kind = QStringLiteral("nodejs:default");
        noop.exec->code = QStringLiteral("function main() { return {}; }");
        if (auto put = platform.putAction(QStringLiteral("noop"), noop, PutOptions{true, {}}).result(); !put) {
            fprintf(stderr, "metrics_live_bench: %s\n", qPrintable(put.error().message));
            return 1;
        }
        // One blocking run first: the cold start is not what is measured.
        auto warm = platform.invokeAction(QStringLiteral("noop"), {}, InvokeOptions{});
        while (!warm.isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }

    MetricsService metrics(dir.filePath(QStringLiteral("cache")));
    metrics.setPlatform(&platform, QStringLiteral("bench"));
    // The console's other listeners of the stream, as the main window has them.
    ActivationListModel activations;
    activations.setPlatform(&platform);
    FunctionListModel functions;
    functions.setPlatform(&platform);
    functions.setMetrics(&metrics);
    functions.setMetricsRange(QDateTime::currentMSecsSinceEpoch() - 15 * 60 * 1000, 0, true);
    qint64 queries = 0;
    QTimer overview;
    overview.setInterval(1000);
    QObject::connect(&overview, &QTimer::timeout, &app, [&] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        SeriesQuery query;
        query.fromMs = now - 15 * 60 * 1000;
        query.toMs = now;
        query.maxPoints = 900;
        metrics.query(query, &app, [&queries](const MetricsSeries &) { ++queries; });
    });
    overview.start();

    std::vector<double> gapsMs;
    gapsMs.reserve(size_t(seconds) * 1000 / kFrameMs + 64);
    QElapsedTimer frameClock;
    QTimer frame;
    frame.setTimerType(Qt::PreciseTimer);
    frame.setInterval(kFrameMs);
    QObject::connect(&frame, &QTimer::timeout, &app, [&] {
        const double elapsed = double(frameClock.nsecsElapsed()) / 1e6;
        frameClock.restart();
        gapsMs.push_back(std::max(0.0, elapsed - kFrameMs));
    });

    qint64 sent = 0;
    qint64 failed = 0;
    QElapsedTimer run;
    QTimer feeder;
    feeder.setTimerType(Qt::PreciseTimer);
    feeder.setInterval(kTickMs);
    QObject::connect(&feeder, &QTimer::timeout, &app, [&] {
        // Catch up to where the clock says we should be: a late tick sends more.
        const qint64 due = std::min(total, run.elapsed() * perSecond / 1000);
        for (; sent < due; ++sent) {
            if (useSynthetic) {
                Q_EMIT engine->activationRecorded(synthetic(sent));
                continue;
            }
            onResult(platform.invokeAction(QStringLiteral("noop"), {}, InvokeOptions{false, false, {}}), &app,
                     [&failed](const Result<InvokeOutcome> &outcome) { failed += outcome ? 0 : 1; });
        }
        if (sent >= total)
            feeder.stop();
    });

    // Wait until the backfill (nothing to read but the warm-up run) is over, then measure.
    QTimer::singleShot(0, &app, [&] {
        QElapsedTimer waiting;
        waiting.start();
        while (metrics.state() != MetricsService::State::Live && waiting.elapsed() < 30000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        frameClock.start();
        frame.start();
        run.start();
        feeder.start();
    });
    // After the run: measuring stops, then the stream drains (at most 60 s).
    const qint64 expected = total + (useSynthetic ? 0 : 1);
    QTimer done;
    done.setInterval(100);
    qint64 measuredMs = 0;
    QObject::connect(&done, &QTimer::timeout, &app, [&] {
        if (!run.isValid())
            return;
        if (frame.isActive() && sent >= total) {
            frame.stop();
            measuredMs = run.elapsed();
        }
        if (!frame.isActive() && (metrics.sampleCount() >= expected - failed || run.elapsed() > measuredMs + 60000))
            app.quit();
    });
    done.start();
    app.exec();

    const double p99 = quantile(gapsMs, 0.99);
    const double max = gapsMs.empty() ? 0.0 : *std::max_element(gapsMs.begin(), gapsMs.end());
    printf("mode: %s, %lld activations at %d/s asked, sent in %lld ms (%.0f/s), %lld refused; %lld frames, "
           "%lld overview queries\n",
           useSynthetic ? "synthetic activations through activationRecorded" : "real non-blocking invocations",
           static_cast<long long>(total), perSecond, static_cast<long long>(measuredMs),
           measuredMs > 0 ? double(total) * 1000.0 / double(measuredMs) : 0.0, static_cast<long long>(failed),
           static_cast<long long>(gapsMs.size()), static_cast<long long>(queries));
    printf("metrics_live_bench gui_gap_p99_ms=%.1f gui_gap_max_ms=%.1f ingested=%lld\n", p99, max,
           static_cast<long long>(metrics.sampleCount()));
    fflush(stdout);
    return metrics.sampleCount() >= expected - failed ? 0 : 1;
}
