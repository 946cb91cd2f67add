#pragma once

#include "core/Activation.h"
#include "models/testing/RunStep.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

class QObject;

namespace funcdesk {

class CostModel;
class Platform;

// A sequence's activation lists its components' activation ids as its logs (OpenWhisk's
// SequenceActions); this reads each of them through the platform, in order, and turns them into
// the steps of the chain: each component's result and duration, the first failing one marked,
// and those after it "not run" (from the deployed components). At most kMaxSteps are read, the
// sequence limit.
class SequenceSteps
{
    Q_DECLARE_TR_FUNCTIONS(SequenceSteps)

public:
    static constexpr int kMaxSteps = 50;
    using Done = std::function<void(QList<RunStep> steps, QString summary)>;

    static bool isSequence(const Activation &activation);
    // `components`: the sequence's components as deployed (fully qualified), for the names of the
    // steps that did not run. `done` runs once, on `context`'s thread, unless it is gone first.
    static void fetch(Platform *platform, const Activation &sequence, const QStringList &components, QObject *context,
                      Done done);
    // The steps from the components' activations (nullopt: could not be read, with its error).
    static QList<RunStep> build(const QString &ns, const QStringList &components,
                                const QList<std::optional<Activation>> &ran, const QStringList &readErrors,
                                const CostModel &costs);
    // "2 of 3 steps ran, the 2nd failed; total 45 ms (the sum of the steps)"
    static QString summary(const QList<RunStep> &steps);
};

} // namespace funcdesk
