#pragma once

#include "models/activations/ActivationSummary.h"

#include <QCoreApplication>

namespace funcdesk {

// How activations read in the console, translated: the activation list and the details pane use
// the same words for a status, a start and a size.
class ActivationText
{
    Q_DECLARE_TR_FUNCTIONS(funcdesk::ActivationText)

public:
    // "success", "application error", "developer error", "internal error"; "running" when unset.
    static QString status(std::optional<ActivationStatus> status);
    // Why the platform ended it: "timed out after 3,000 ms", "out of memory at 128 MB",
    // "cancelled"; "" when it ended by itself. Numbers in the locale's format.
    static QString ending(const ActivationSummary &summary);
    // The status, with the ending when there is one: "developer error: timed out after 3,000 ms".
    static QString statusWithEnding(const ActivationSummary &summary);
    // "cold (init 120 ms)" or "warm".
    static QString start(const ActivationSummary &summary);
    // "38.2 MB of 256 MB" (peak of limit), "256 MB", or "" when neither is known.
    static QString memory(const ActivationSummary &summary);
    static QString milliseconds(double ms);
    static QString megabytes(double mb);
    // Local time, to the second (or millisecond): activations come many a second.
    static QString time(qint64 epochMs, bool withMilliseconds = false);
};

} // namespace funcdesk
