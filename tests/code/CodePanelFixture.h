#pragma once

// What the code panel tests share: a real LocalEngine in a temporary folder with a few
// functions, a LocalPlatform on it, a DraftStore in its own temporary folder, and a Platform
// that forwards to the local one but keeps no history (like stock OpenWhisk) and can be told
// to refuse deploys.

#include "core/Platform.h"
#include "models/code/DraftStore.h"
#include "platforms/local/LocalEngine.h"
#include "platforms/local/LocalPlatform.h"

#include "TestPalettes.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace funcdesk::testing {

// Waits (turning the event loop: the engine's timers live on this thread) and unwraps.
template <typename T> T take(QFuture<Result<T>> future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    Result<T> result = future.result();
    if (!result)
        qFatal("expected success, got: %s", qPrintable(result.error().message));
    return std::move(result).value();
}

// QTest::keyClicks cannot type "\n": lines are typed one by one with Return between them.
inline void typeLines(QWidget *widget, const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(widget, Qt::Key_Return);
        QTest::keyClicks(widget, lines[i]);
    }
}

inline Action codeAction(const QString &kind, const QString &code)
{
    Action action;
    action.exec = Exec{kind, code, std::nullopt, std::nullopt, {}, {}, {}};
    return action;
}

inline const QString kHelloCode = QStringLiteral("function main(params) {\n"
                                                 "  const name = params.name || 'world';\n"
                                                 "  return { greeting: `Hello, ${name}!` };\n"
                                                 "}\n");
inline const QString kPythonCode = QStringLiteral("def main(args):\n"
                                                  "    name = args.get('name', 'world')\n"
                                                  "    return {'greeting': f'Hello, {name}!'}\n");

struct PlatformFixture
{
    QTemporaryDir dataDir;
    QTemporaryDir draftDir;
    std::unique_ptr<LocalEngine> engine;
    std::unique_ptr<LocalPlatform> platform;

    PlatformFixture()
    {
        LocalConfig config;
        config.dataDir = dataDir.path();
        config.executor.stemCellsPerRuntime = 0; // nothing is invoked here: start no processes
        auto opened = LocalEngine::open(config);
        if (!opened)
            qFatal("cannot open the engine: %s", qPrintable(opened.error().message));
        engine = std::move(opened).value();
        platform = std::make_unique<LocalPlatform>(engine.get(), QStringLiteral("guest"));
        Action hello = codeAction(QStringLiteral("nodejs:default"), kHelloCode);
        hello.limits = ActionLimits();
        hello.limits->memoryMb = 512;
        hello.parameters = KeyValueList{{QStringLiteral("name"), QStringLiteral("Ada"), {}}};
        take(platform->putAction(QStringLiteral("hello"), hello, {}));
        take(platform->putAction(QStringLiteral("pyhello"), codeAction(QStringLiteral("python:default"), kPythonCode),
                                 {}));
    }
};

// Forwards to another platform, except: actionVersions is the interface's default ("keeps no
// history"), and putAction fails with `putError` when one is set.
class ForwardingPlatform final : public Platform
{
public:
    explicit ForwardingPlatform(Platform *target) : m_target(target) {}
    std::optional<PlatformError> putError;

    QString namespaceName() const override { return m_target->namespaceName(); }
    QFuture<Result<PlatformInfo>> info() override { return m_target->info(); }
    QFuture<Result<qint64>> count(Collection c) override { return m_target->count(c); }
    QFuture<Result<QList<Action>>> listActions(ListOptions o) override { return m_target->listActions(o); }
    QFuture<Result<Action>> getAction(QString n, bool code) override { return m_target->getAction(n, code); }
    QFuture<Result<Action>> putAction(QString n, Action a, PutOptions o) override
    {
        if (putError)
            return QtFuture::makeReadyFuture(Result<Action>(*putError));
        return m_target->putAction(n, a, o);
    }
    QFuture<Result<Action>> deleteAction(QString n) override { return m_target->deleteAction(n); }
    QFuture<Result<InvokeOutcome>> invokeAction(QString n, QJsonObject p, InvokeOptions o) override
    {
        return m_target->invokeAction(n, p, o);
    }
    QFuture<Result<QList<Trigger>>> listTriggers(ListOptions o) override { return m_target->listTriggers(o); }
    QFuture<Result<Trigger>> getTrigger(QString n) override { return m_target->getTrigger(n); }
    QFuture<Result<Trigger>> putTrigger(QString n, Trigger t, PutOptions o) override
    {
        return m_target->putTrigger(n, t, o);
    }
    QFuture<Result<Trigger>> deleteTrigger(QString n) override { return m_target->deleteTrigger(n); }
    QFuture<Result<std::optional<QString>>> fireTrigger(QString n, QJsonObject p) override
    {
        return m_target->fireTrigger(n, p);
    }
    QFuture<Result<QList<Rule>>> listRules(ListOptions o) override { return m_target->listRules(o); }
    QFuture<Result<Rule>> getRule(QString n) override { return m_target->getRule(n); }
    QFuture<Result<Rule>> putRule(QString n, Rule r, PutOptions o) override { return m_target->putRule(n, r, o); }
    QFuture<Result<Rule>> deleteRule(QString n) override { return m_target->deleteRule(n); }
    QFuture<Result<Done>> setRuleActive(QString n, bool a) override { return m_target->setRuleActive(n, a); }
    QFuture<Result<QList<Package>>> listPackages(ListOptions o) override { return m_target->listPackages(o); }
    QFuture<Result<Package>> getPackage(QString n) override { return m_target->getPackage(n); }
    QFuture<Result<QList<Activation>>> listActivations(ActivationQuery q) override
    {
        return m_target->listActivations(q);
    }
    QFuture<Result<qint64>> countActivations(ActivationQuery q) override { return m_target->countActivations(q); }
    QFuture<Result<Activation>> getActivation(QString id) override { return m_target->getActivation(id); }
    QFuture<Result<QStringList>> activationLogs(QString id) override { return m_target->activationLogs(id); }
    QFuture<Result<ActivationResponse>> activationResult(QString id) override { return m_target->activationResult(id); }
    void setLiveActivations(bool enabled) override { m_target->setLiveActivations(enabled); }

private:
    Platform *m_target;
};

} // namespace funcdesk::testing
