#include "LocalFixture.h"

#include "Futures.h"

namespace funcdesk::test {

LocalFixture::LocalFixture(LocalConfig config)
{
    config.dataDir = dir.filePath(QStringLiteral("platform"));
    auto opened = LocalEngine::open(config);
    if (!opened)
        qFatal("LocalEngine::open: %s", qPrintable(opened.error().message));
    engine = std::move(opened).value();
    platform = std::make_unique<LocalPlatform>(engine.get(), QStringLiteral("guest"));
}

LocalFixture::~LocalFixture()
{
    platform.reset();
    engine.reset();
}

LocalConfig LocalFixture::withoutStemCells()
{
    LocalConfig config;
    config.executor.stemCellsPerRuntime = 0;
    return config;
}

Action LocalFixture::nodeAction(const QString &code, std::optional<qint64> memoryMb)
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

Action LocalFixture::put(const QString &name, const QString &code, std::optional<qint64> memoryMb)
{
    return put(name, nodeAction(code, memoryMb));
}

Action LocalFixture::put(const QString &name, const Action &action)
{
    return take(platform->putAction(name, action, PutOptions{true, {}}));
}

Activation LocalFixture::invoke(const QString &name, const QJsonObject &params)
{
    InvokeOutcome outcome = take(platform->invokeAction(name, params, InvokeOptions{}));
    if (!outcome.activation)
        qFatal("invoke of %s did not finish", qPrintable(name));
    return *outcome.activation;
}

} // namespace funcdesk::test
