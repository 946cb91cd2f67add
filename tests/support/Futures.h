#pragma once

// Waiting for a Platform call in a test: wait() gives the Result, take() the value (and stops
// the test process on an error). Both turn the event loop meanwhile: the engine's timers, the
// models' continuations and the network replies live on the test's thread.

#include "core/Result.h"

#include <QFuture>
#include <QTest>

namespace funcdesk::test {

// Long enough for a cold runtime on a busy machine; ctest's own timeout stops a real hang.
inline constexpr int kWaitTimeoutMs = 90000;

// QTest::qWaitFor, not a loop around processEvents(): it also deletes what was deleteLater()'d
// and sleeps between rounds, leaving the CPU to the engine or the server that is answering (a
// busy loop made the integration suite five times slower on two cores).
template <typename T> Result<T> wait(QFuture<Result<T>> future, int timeoutMs = kWaitTimeoutMs)
{
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, timeoutMs))
        return PlatformError{PlatformError::Kind::Timeout, QStringLiteral("test: no answer in %1 ms").arg(timeoutMs)};
    return future.result();
}

template <typename T> T take(QFuture<Result<T>> future, int timeoutMs = kWaitTimeoutMs)
{
    Result<T> result = wait(std::move(future), timeoutMs);
    if (!result)
        qFatal("expected success, got: %s", qPrintable(result.error().message));
    return std::move(result).value();
}

// The error a call failed with; stops the test process when it succeeded.
template <typename T> PlatformError failure(QFuture<Result<T>> future, int timeoutMs = kWaitTimeoutMs)
{
    Result<T> result = wait(std::move(future), timeoutMs);
    if (result)
        qFatal("expected a failure, the call succeeded");
    return result.error();
}

} // namespace funcdesk::test
