#pragma once

// A Platform that forwards to another one until told to fail: lets a test see what a model or a
// panel does when a call fails after earlier ones succeeded (the same platform, rows already
// loaded). It keeps no action history (actionVersions is the interface's default), like stock
// OpenWhisk.

#include "core/FutureCallback.h"
#include "core/Platform.h"

#include <QPromise>

#include <functional>
#include <memory>

namespace funcdesk::test {

class FlakyPlatform final : public Platform
{
    Q_OBJECT

public:
    explicit FlakyPlatform(Platform *inner, QObject *parent = nullptr);

    // While failing, every call answers this error at once.
    void setFailing(bool failing) { m_failing = failing; }
    static QString failureMessage() { return QStringLiteral("connect to 127.0.0.1:9 refused"); }
    // While set, putAction answers this error at once (the other calls still go through).
    void setPutError(std::optional<PlatformError> error) { m_putError = std::move(error); }
    // While set, info() answers the inner platform's info as changed by `adjust`: e.g. a platform
    // that says it has (or, like stock OpenWhisk, has not) storage limits, whatever the inner says.
    void setInfoAdjustment(std::function<void(PlatformInfo &)> adjust) { m_adjustInfo = std::move(adjust); }

    QString namespaceName() const override { return m_inner->namespaceName(); }
    QFuture<Result<PlatformInfo>> info() override;
    QFuture<Result<qint64>> count(Collection collection) override;
    QFuture<Result<QList<Action>>> listActions(ListOptions options) override;
    QFuture<Result<Action>> getAction(QString name, bool withCode = true) override;
    QFuture<Result<Action>> putAction(QString name, Action action, PutOptions options) override;
    QFuture<Result<Action>> deleteAction(QString name) override;
    QFuture<Result<InvokeOutcome>> invokeAction(QString name, QJsonObject params, InvokeOptions options) override;
    QFuture<Result<QList<Trigger>>> listTriggers(ListOptions options) override;
    QFuture<Result<Trigger>> getTrigger(QString name) override;
    QFuture<Result<Trigger>> putTrigger(QString name, Trigger trigger, PutOptions options) override;
    QFuture<Result<Trigger>> deleteTrigger(QString name) override;
    QFuture<Result<std::optional<QString>>> fireTrigger(QString name, QJsonObject payload) override;
    QFuture<Result<QList<Rule>>> listRules(ListOptions options) override;
    QFuture<Result<Rule>> getRule(QString name) override;
    QFuture<Result<Rule>> putRule(QString name, Rule rule, PutOptions options) override;
    QFuture<Result<Rule>> deleteRule(QString name) override;
    QFuture<Result<Done>> setRuleActive(QString name, bool active) override;
    QFuture<Result<QList<Package>>> listPackages(ListOptions options) override;
    QFuture<Result<Package>> getPackage(QString name) override;
    QFuture<Result<QList<Activation>>> listActivations(ActivationQuery query) override;
    QFuture<Result<qint64>> countActivations(ActivationQuery query) override;
    QFuture<Result<Activation>> getActivation(QString activationId) override;
    QFuture<Result<QStringList>> activationLogs(QString activationId) override;
    QFuture<Result<ActivationResponse>> activationResult(QString activationId) override;
    void setLiveActivations(bool enabled) override { m_inner->setLiveActivations(enabled); }

private:
    template <typename T> QFuture<Result<T>> failure() const
    {
        return readyResult(Result<T>(PlatformError{PlatformError::Kind::Network, failureMessage()}));
    }

    Platform *m_inner;
    bool m_failing = false;
    std::optional<PlatformError> m_putError;
    std::function<void(PlatformInfo &)> m_adjustInfo;
};

} // namespace funcdesk::test
