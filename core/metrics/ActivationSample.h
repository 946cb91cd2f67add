#pragma once

#include "core/Activation.h"

#include <array>
#include <optional>

namespace funcdesk {

// Which way an activation ended, as the dashboards count errors.
enum class SampleOutcome : quint8 {
    Success = 0,
    ApplicationError = 1,
    DeveloperError = 2, // timeouts excluded: they count as Timeout
    InternalError = 3,
    Timeout = 4,
};

// One activation as the metrics store keeps it: fixed size, at most 64 bytes (static_assert in
// the .cpp), everything a chart or a bill needs and nothing else (no logs, no result).
struct ActivationSample
{
    std::array<quint8, 16> id{}; // the activation id's 32 hex digits as bytes (de-duplication)
    qint64 startMs = 0;
    quint32 durationMs = 0;
    quint32 initMs = 0; // 0 = warm start
    quint32 waitMs = 0;
    quint32 peakMemoryKb = 0;  // 0 = not measured (remote platforms)
    quint32 cpuMicros = 0;     // CPU time; saturates at ~71 min
    quint32 functionIndex = 0; // into the store's function names
    quint16 memoryMb = 0;      // configured (limits.memory)
    quint16 diskMb = 0;        // configured (limits.storage), 0 = none
    quint16 cpuMilli = 0;      // configured vCPUs × 1000 (limits.cpu), 0 = none
    SampleOutcome outcome = SampleOutcome::Success;
    bool cold = false;

    qint64 endMs() const { return startMs + durationMs; }

    // From a record (full or summary): start, duration, response.status, annotations initTime,
    // waitTime, peakMemory, cpuTime, limits, timeout. nullopt for records with no start or an id
    // that is not 32 hex digits. `functionIndex` is left 0 for the store to set.
    static std::optional<ActivationSample> from(const Activation &activation);
    // "namespace/package/action" → "package/action"; the name the store keys functions by.
    static QString functionNameOf(const Activation &activation);
};

} // namespace funcdesk
