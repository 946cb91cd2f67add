#pragma once

#include "core/Activation.h"
#include "core/CostModel.h"
#include "models/testing/RunStep.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace funcdesk {

// Everything the Test panel shows about one run, already turned into text: the widget formats
// nothing and parses nothing. Built from the activation record (local or platform), or saying
// why there is none (could not start, cancelled, still running on the platform).
struct RunReport
{
    Q_DECLARE_TR_FUNCTIONS(RunReport)

public:
    enum class Target { Local, Platform };
    enum class Outcome {
        Finished,     // an activation record exists (the action itself may have failed)
        NotStarted,   // the run could not start: `errorMessage` says why
        Cancelled,    // the user stopped waiting
        StillRunning, // the platform's wait ran out and the record never appeared in time
    };

    Target target = Target::Local;
    Outcome outcome = Outcome::NotStarted;
    bool success = false;
    QString status;       // "success", "application error", "action developer error", "Cancelled", ...
    QString errorMessage; // the action's error message, or why the run did not happen
    QString activationId;
    QJsonValue result = QJsonValue(QJsonValue::Undefined);
    QString resultText; // pretty JSON
    QStringList logs;

    std::optional<qint64> durationMs;
    std::optional<qint64> initTimeMs;
    bool coldStart = false;
    QString startType; // the record's startType ("cold", "prewarm", "warm"), or derived from initTime
    std::optional<qint64> peakMemoryBytes;
    std::optional<double> cpuTimeMs;
    std::optional<CostEstimate> cost;

    // The same figures as text for display ("—" where the record did not say).
    QString durationText;
    QString startText; // "Cold start, init 45 ms" / "Warm"
    QString memoryText;
    QString cpuText;
    QString costText;        // "$0.0000021"
    QString costDetail;      // "AWS Lambda (x86) pricing: 45 ms billed at 256 MB"
    QString enforcementText; // "memory: cgroup-v2, CPU: cgroup-v2, processes: cgroup-v2, timeout: ..."
    QString enforcementNote; // how faithful that is to the platform's enforcement
    // The sandbox (ActivationIsolation): "isolated (bubblewrap)" or "not isolated", which is a
    // warning; the network; /tmp used at the end of the run of the function's storage.
    QString sandboxText;
    QString sandboxNote;
    bool sandboxWarning = false;
    QString networkText;
    QString storageText; // "1.5 MB of 512 MB"
    std::optional<qint64> storageUsedBytes;
    // A sequence's run: its components in the chain (SequenceSteps), and "2 of 3 steps ran; …".
    QList<RunStep> steps;
    QString stepsSummary;

    static RunReport fromActivation(Target target, const Activation &activation, const CostModel &costs);
    static RunReport notStarted(Target target, const QString &message);
    static RunReport cancelled(Target target);
    static RunReport stillRunning(Target target, const QString &activationId, const QString &message);

    // "Local" / "Platform", for headings.
    static QString targetName(Target target);
    bool finished() const { return outcome == Outcome::Finished; }
};

} // namespace funcdesk
