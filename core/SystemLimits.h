#pragma once

#include "core/ActionLimits.h"

#include <optional>

namespace funcdesk {

// The platform's allowed range and default for each action limit, and the size limits on
// payloads and results. OpenWhisk's standard values unless configured otherwise.
struct SystemLimits
{
    template <typename T> struct Range
    {
        T min;
        T max;
        T defaultValue;
    };

    Range<qint64> memoryMb{128, 512, 256};
    Range<qint64> timeoutMs{100, 300000, 60000};
    Range<qint64> logsMb{0, 10, 10};
    Range<qint64> concurrency{1, 1, 1};
    // vCPUs. Without an explicit `cpu`, an action gets cpuPerGbMemory vCPUs per GB of memory
    // (AWS-Lambda-like: CPU follows memory), clamped to the range.
    Range<double> cpu{0.05, 1.0, 0.25};
    double cpuPerGbMemory = 1.0;
    // MB of the function's private /tmp (Lambda's ephemeral storage range and default).
    Range<qint64> storageMb{512, 10240, 512};
    // Warm processes kept ready per function (0: none, the default).
    Range<qint64> minInstances{0, 8, 0};

    qint64 maxPayloadBytes = 1024 * 1024; // invoke body, as OpenWhisk's activation.payload.max
    qint64 maxResultBytes = 1024 * 1024;

    // Namespace rate limits (OpenWhisk's limits.actions.invokes.perMinute / .concurrent and
    // limits.triggers.fires.perMinute; these are its standalone values). Over one: 429.
    qint64 invocationsPerMinute = 60;
    qint64 concurrentInvocations = 30;
    qint64 firesPerMinute = 60;

    // OpenWhisk's range messages (and the same shape for Funcdesk's storage and minInstances;
    // network must be "on" or "off"), e.g. "memory size 1024 MB exceeds allowed threshold of 512 MB".
    std::optional<PlatformError> validate(const ActionLimits &limits) const;
    // Fills every unset field with its default (cpu from memory).
    ActionLimits withDefaults(const ActionLimits &limits) const;
    double cpuForMemory(qint64 memoryMb) const;
    // The machine's own ceiling for cpu: its number of cores.
    static double machineCores();
};

} // namespace funcdesk
