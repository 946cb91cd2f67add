#pragma once

#include <QString>

#include <optional>

namespace funcdesk {

// One component of a sequence's run, as the Test panel shows it in the chain: built from the
// component's own activation (the sequence's logs name them), or saying it did not run.
struct RunStep
{
    int number = 0;            // 1-based place in the chain
    QString component;         // as the namespace shows it: "hello", "/whisk.system/utils/echo"
    QString activationId;      // empty when the step did not run or could not be read
    bool ran = false;          // false: the chain stopped before it
    bool success = false;      //
    bool firstFailure = false; // the step that stopped the chain
    QString status;            // "success", "application error", "not run", …
    QString errorMessage;      // the step's error, or why its activation could not be read
    std::optional<qint64> durationMs;
    QString durationText;
    QString resultText; // pretty JSON
    QString resultLine; // the same in one line, for a row
};

} // namespace funcdesk
