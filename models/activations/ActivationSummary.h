#pragma once

#include "core/Action.h"
#include "core/Activation.h"

#include <optional>

namespace funcdesk {

// What lists show and sort by for one activation, read once from its record (a list summary or a
// full record), so views and sorting never look into annotations again.
struct ActivationSummary
{
    QString function;                       // "action" or "package/action", as the namespace names it
    std::optional<ActivationStatus> status; // unset while it runs (summaries of unfinished ones)
    qint64 start = 0;                       // epoch ms
    std::optional<qint64> durationMs;
    bool cold = false;
    std::optional<qint64> initTimeMs;
    std::optional<qint64> waitTimeMs;
    std::optional<qint64> memoryLimitMb;   // the `limits` annotation
    std::optional<qint64> peakMemoryBytes; // Funcdesk's `peakMemory` annotation
    std::optional<double> cpuTimeMs;       // Funcdesk's `cpuTime` annotation
    // Why it ended early, when the platform ended it: the `timeout` annotation (OpenWhisk's),
    // `memoryExceeded` or OpenWhisk's out-of-memory result, Funcdesk's `cancelled`.
    enum class Ending { Normal, TimedOut, OutOfMemory, Cancelled };
    Ending ending = Ending::Normal;
    std::optional<qint64> timeoutLimitMs; // the `limits` annotation

    static ActivationSummary of(const Activation &activation);
    bool isError() const { return status && *status != ActivationStatus::Success; }

    // The name activations and actions share: OpenWhisk lists an action of a package with
    // namespace "ns/package" and records its activations with path "ns/package/action".
    static QString functionOf(const Activation &activation);
    static QString functionOf(const Action &action);
    // The record as a list keeps it: without logs and result, status kept as statusCode.
    static Activation withoutPayload(const Activation &activation);
};

} // namespace funcdesk
