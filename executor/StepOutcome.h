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
// An activation ended by Executor::cancel() (the user) or Executor::shutdown().
StepVerdict cancelledVerdict(bool shutdown);

} // namespace funcdesk
