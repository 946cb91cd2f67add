#pragma once

// A day of generated traffic for the dashboards' tests and screenshots: a MetricsStore snapshot of
// synthetic samples (six functions with their own rates, durations, memory sizes, cold starts and
// errors), saved where the console's MetricsService looks for the connection's snapshot before the
// console starts, so the service loads it as a real restart would.

#include "core/metrics/MetricsStore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <cmath>

namespace funcdesk::test {

struct GeneratedFunction
{
    const char *name;
    int perHour;       // activations an hour at the busiest time of day
    double durationMs; // median
    quint16 memoryMb;
    double peakShare; // peak memory as a share of the configured
    double errorRate;
};

inline constexpr GeneratedFunction kGeneratedFunctions[] = {
    {"resize-image", 900, 340.0, 512, 0.3, 0.01},    {"daily-report", 60, 2400.0, 2048, 0.35, 0.0},
    {"orders/validate", 1500, 45.0, 256, 0.4, 0.03}, {"cleanup", 120, 800.0, 512, 0.2, 0.25},
    {"notify", 600, 120.0, 128, 0.7, 0.0},           {"thumbnails", 300, 950.0, 1536, 0.8, 0.02},
};

// The samples of the 24 hours before `endMs` (a fixed seed: the same traffic every run).
inline MetricsStore generatedDay(qint64 endMs)
{
    MetricsStore store;
    QRandomGenerator random(14);
    quint64 serial = 0;
    const qint64 startMs = endMs - 24 * 3600 * 1000;
    for (const GeneratedFunction &function : kGeneratedFunctions) {
        for (qint64 hourStart = startMs; hourStart < endMs; hourStart += 3600 * 1000) {
            // A working day's shape: busiest in the afternoon, quiet at night.
            const int hour = QDateTime::fromMSecsSinceEpoch(hourStart).time().hour();
            const double shape = 0.25 + 0.75 * std::pow(std::sin(M_PI * std::clamp(hour - 6, 0, 16) / 16.0), 2);
            const int count = int(function.perHour * shape);
            for (int i = 0; i < count; ++i) {
                ActivationSample sample;
                ++serial;
                for (int byte = 0; byte < 8; ++byte)
                    sample.id[byte] = quint8(serial >> (8 * byte));
                sample.id[15] = 0x14;
                sample.startMs = hourStart + qint64(random.bounded(3600 * 1000));
                if (sample.startMs >= endMs)
                    continue;
                const double spread = std::exp((random.generateDouble() - 0.5) * 1.6);
                sample.cold = random.generateDouble() < 0.04;
                sample.initMs = sample.cold ? quint32(250 + random.bounded(400)) : 0;
                sample.durationMs = quint32(function.durationMs * spread) + sample.initMs;
                sample.waitMs = quint32(random.bounded(20));
                sample.memoryMb = function.memoryMb;
                sample.peakMemoryKb =
                    quint32(function.memoryMb * 1024.0 * function.peakShare * (0.8 + 0.2 * random.generateDouble()));
                sample.cpuMicros = sample.durationMs * 600;
                const double roll = random.generateDouble();
                sample.outcome = roll < function.errorRate * 0.7   ? SampleOutcome::ApplicationError
                                 : roll < function.errorRate * 0.9 ? SampleOutcome::DeveloperError
                                 : roll < function.errorRate       ? SampleOutcome::Timeout
                                                                   : SampleOutcome::Success;
                store.ingest(sample, QLatin1StringView(function.name));
            }
        }
    }
    return store;
}

} // namespace funcdesk::test
