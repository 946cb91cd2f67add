#pragma once

#include "core/Activation.h"
#include "executor/RuntimeProcess.h"

namespace funcdesk {

// Turns what a launcher step ended with into OpenWhisk's activation response, with
// OpenWhisk's messages for timeouts, crashes, memory exhaustion and oversized results.
struct StepVerdict
{
    ActivationResponse response;
    bool timedOut = false;
    bool memoryExceeded = false; // ended by the memory limit: annotation "memoryExceeded"
};

StepVerdict verdictForInit(const StepResult &step, qint64 timeoutMs);
StepVerdict verdictForRun(const StepResult &step, qint64 timeoutMs, qint64 maxResultBytes);
// Go and native actions (actionloop): the fd 3 line is the result itself, as OpenWhisk's proxy
// reads it: an object (with a top-level `error`: an application error) or an array.
StepVerdict verdictForActionloopRun(const StepResult &step, qint64 timeoutMs, qint64 maxResultBytes);
// An init that failed before any process ran (a compile error, a bad zip): `message` is the result's error.
StepVerdict developerErrorVerdict(const QString &message);
// An activation ended by Executor::cancel() (the user) or Executor::shutdown().
StepVerdict cancelledVerdict(bool shutdown);

} // namespace funcdesk
