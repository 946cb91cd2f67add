#pragma once

// A real local platform in a temporary folder, and the few steps the model tests repeat on it.

#include "platforms/local/LocalEngine.h"
#include "platforms/local/LocalPlatform.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace funcdesk::test {

// Waits for a future while the event loop turns (the engine's timers and the models'
// continuations live on this thread); fails the process on an error.
template <typename T> T take(QFuture<Result<T>> future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    Result<T> result = future.result();
    if (!result)
        qFatal("expected success, got: %s", qPrintable(result.error().message));
    return std::move(result).value();
}

struct LocalFixture
{
    QTemporaryDir dir;
    std::unique_ptr<LocalEngine> engine;
    std::unique_ptr<LocalPlatform> platform;

    LocalFixture()
    {
        LocalConfig config;
        config.dataDir = dir.path();
        config.executor.stemCellsPerRuntime = 0;
        auto opened = LocalEngine::open(config);
        if (!opened)
            qFatal("LocalEngine::open: %s", qPrintable(opened.error().message));
        engine = std::move(opened).value();
        platform = std::make_unique<LocalPlatform>(engine.get(), QStringLiteral("guest"));
    }
    ~LocalFixture()
    {
        platform.reset();
        engine.reset();
    }

    static Action nodeAction(const QString &code, std::optional<qint64> memoryMb = {})
    {
        Action action;
        action.exec = Exec();
        action.exec->kind = QStringLiteral("nodejs:default");
        action.exec->code = code;
        if (memoryMb) {
            action.limits = ActionLimits();
            action.limits->memoryMb = memoryMb;
        }
        return action;
    }

    Action put(const QString &name, const QString &code, std::optional<qint64> memoryMb = {})
    {
        return take(platform->putAction(name, nodeAction(code, memoryMb), PutOptions{true, {}}));
    }

    // A blocking invoke; the activation, whatever its status.
    Activation invoke(const QString &name, const QJsonObject &params = {})
    {
        InvokeOutcome outcome = take(platform->invokeAction(name, params, InvokeOptions{}));
        if (!outcome.activation)
            qFatal("invoke of %s did not finish", qPrintable(name));
        return *outcome.activation;
    }

    // Activation records are written in batches: make them listable.
    void flush() { engine->flush(); }
};

inline const QString kSucceeds = QStringLiteral("function main(p) { console.log('hello', p.n); return {n: p.n}; }");
inline const QString kThrows = QStringLiteral("function main() { throw new Error('boom'); }");
inline const QString kFailsWithError = QStringLiteral("function main() { return {error: 'bad input'}; }");

} // namespace funcdesk::test
