#include "FlakyPlatform.h"

namespace funcdesk::test {

FlakyPlatform::FlakyPlatform(Platform *inner, QObject *parent) : Platform(parent), m_inner(inner)
{
    connect(inner, &Platform::activationsArrived, this, &Platform::activationsArrived);
}

#define FORWARD(T, call) return m_failing ? failure<T>() : m_inner->call

QFuture<Result<PlatformInfo>> FlakyPlatform::info()
{
    if (m_failing || !m_adjustInfo)
        FORWARD(PlatformInfo, info());
    auto promise = std::make_shared<QPromise<Result<PlatformInfo>>>();
    QFuture<Result<PlatformInfo>> adjusted = promise->future();
    promise->start();
    onResult(m_inner->info(), this, [promise, adjust = m_adjustInfo](Result<PlatformInfo> info) {
        if (info)
            adjust(info.value());
        promise->addResult(std::move(info));
        promise->finish();
    });
    return adjusted;
}
QFuture<Result<qint64>> FlakyPlatform::count(Collection c)
{
    FORWARD(qint64, count(c));
}
QFuture<Result<QList<Action>>> FlakyPlatform::listActions(ListOptions o)
{
    FORWARD(QList<Action>, listActions(o));
}
QFuture<Result<Action>> FlakyPlatform::getAction(QString n, bool code)
{
    FORWARD(Action, getAction(n, code));
}
QFuture<Result<Action>> FlakyPlatform::putAction(QString n, Action a, PutOptions o)
{
    if (m_putError && !m_failing)
        return readyResult(Result<Action>(*m_putError));
    FORWARD(Action, putAction(n, a, o));
}
QFuture<Result<Action>> FlakyPlatform::deleteAction(QString n)
{
    FORWARD(Action, deleteAction(n));
}
QFuture<Result<InvokeOutcome>> FlakyPlatform::invokeAction(QString n, QJsonObject p, InvokeOptions o)
{
    FORWARD(InvokeOutcome, invokeAction(n, p, o));
}
QFuture<Result<QList<Trigger>>> FlakyPlatform::listTriggers(ListOptions o)
{
    FORWARD(QList<Trigger>, listTriggers(o));
}
QFuture<Result<Trigger>> FlakyPlatform::getTrigger(QString n)
{
    FORWARD(Trigger, getTrigger(n));
}
QFuture<Result<Trigger>> FlakyPlatform::putTrigger(QString n, Trigger t, PutOptions o)
{
    FORWARD(Trigger, putTrigger(n, t, o));
}
QFuture<Result<Trigger>> FlakyPlatform::deleteTrigger(QString n)
{
    FORWARD(Trigger, deleteTrigger(n));
}
QFuture<Result<std::optional<QString>>> FlakyPlatform::fireTrigger(QString n, QJsonObject p)
{
    FORWARD(std::optional<QString>, fireTrigger(n, p));
}
QFuture<Result<QList<Rule>>> FlakyPlatform::listRules(ListOptions o)
{
    FORWARD(QList<Rule>, listRules(o));
}
QFuture<Result<Rule>> FlakyPlatform::getRule(QString n)
{
    FORWARD(Rule, getRule(n));
}
QFuture<Result<Rule>> FlakyPlatform::putRule(QString n, Rule r, PutOptions o)
{
    FORWARD(Rule, putRule(n, r, o));
}
QFuture<Result<Rule>> FlakyPlatform::deleteRule(QString n)
{
    FORWARD(Rule, deleteRule(n));
}
QFuture<Result<Done>> FlakyPlatform::setRuleActive(QString n, bool a)
{
    FORWARD(Done, setRuleActive(n, a));
}
QFuture<Result<QList<Package>>> FlakyPlatform::listPackages(ListOptions o)
{
    FORWARD(QList<Package>, listPackages(o));
}
QFuture<Result<Package>> FlakyPlatform::getPackage(QString n)
{
    FORWARD(Package, getPackage(n));
}
QFuture<Result<QList<Activation>>> FlakyPlatform::listActivations(ActivationQuery q)
{
    FORWARD(QList<Activation>, listActivations(q));
}
QFuture<Result<qint64>> FlakyPlatform::countActivations(ActivationQuery q)
{
    FORWARD(qint64, countActivations(q));
}
QFuture<Result<Activation>> FlakyPlatform::getActivation(QString id)
{
    FORWARD(Activation, getActivation(id));
}
QFuture<Result<QStringList>> FlakyPlatform::activationLogs(QString id)
{
    FORWARD(QStringList, activationLogs(id));
}
QFuture<Result<ActivationResponse>> FlakyPlatform::activationResult(QString id)
{
    FORWARD(ActivationResponse, activationResult(id));
}

#undef FORWARD

} // namespace funcdesk::test
