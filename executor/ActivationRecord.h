#pragma once

#include "core/ActionLimits.h"
#include "core/Activation.h"
#include "executor/RuntimeProcess.h"

namespace funcdesk {

struct InvocationRequest;

// Everything an invocation learned, turned into OpenWhisk's activation record with Funcdesk's
// measurement annotations (startType, cpuTime, peakMemory, storageUsed, enforcement).
struct ActivationFacts
{
    QString activationId;
    QString kind;
    ActionLimits limits;
    qint64 received = 0; // when invoke() was called
    qint64 start = 0;    // when the activation got its process
    qint64 end = 0;
    QString startType; // "warm" | "prewarm" | "cold"
    std::optional<qint64> initTime;
    qint64 cpuNanos = 0;
    qint64 peakMemoryBytes = -1;
    qint64 storageUsedBytes = -1; // bytes in the function's /tmp at the end of the run; -1: unknown
    Enforcement enforcement;
    bool timedOut = false;
    bool memoryExceeded = false; // annotation "memoryExceeded" (OpenWhisk says it only in the result)
    bool cancelled = false;      // ended by Executor::cancel() or shutdown(): annotation "cancelled"
    // Raised by Executor::cancel(): the steps of this invocation end at once (RuntimeProcess).
    const std::atomic<bool> *cancelFlag = nullptr;
};

Activation makeActivationRecord(const InvocationRequest &request, ActivationFacts facts, ActivationResponse response,
                                QStringList logs);

// The launcher's request lines (docs/runtime-protocol.md).
// concurrency > 1 asks the launcher for concurrent mode (SharedProcess).
QByteArray initLine(const InvocationRequest &request, qint64 concurrency = 1);
// Go and native actions get no init line: init's `env` (namespace, action name, version) is their
// process environment, "KEY=value".
QList<QByteArray> initEnvironment(const InvocationRequest &request);
QByteArray runLine(const InvocationRequest &request, const QByteArray &params, const QString &activationId,
                   qint64 deadlineMs);

} // namespace funcdesk
