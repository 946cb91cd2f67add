#pragma once

#include "platforms/local/Invoker.h"

namespace funcdesk {

// Triggers and rules of the local platform: their create/update rules (as OpenWhisk: version
// bump, annotations merged), the trigger → rule → action links, and firing a trigger, which
// invokes each active rule's action and records a trigger activation whose logs list them.
class RuleBook
{
public:
    RuleBook(EngineState &state, Invoker &invoker, Invoker::Recorded recorded);

    QFuture<Result<QList<Trigger>>> listTriggers(const QString &ns, ListOptions options) const;
    Result<Trigger> getTrigger(const QString &ns, const QString &name) const;
    QFuture<Result<Trigger>> putTrigger(const QString &ns, const QString &name, const Trigger &trigger,
                                        const PutOptions &options);
    QFuture<Result<Trigger>> deleteTrigger(const QString &ns, const QString &name);
    Result<std::optional<QString>> fire(const QString &ns, const QString &name, const QJsonObject &payload);

    QFuture<Result<QList<Rule>>> listRules(const QString &ns, ListOptions options) const;
    Result<Rule> getRule(const QString &ns, const QString &name) const;
    QFuture<Result<Rule>> putRule(const QString &ns, const QString &name, const Rule &rule, const PutOptions &options);
    QFuture<Result<Rule>> deleteRule(const QString &ns, const QString &name);
    QFuture<Result<Done>> setRuleActive(const QString &ns, const QString &name, bool active);

private:
    QJsonObject linkedRules(const QString &ns, const QString &trigger) const; // caller holds the lock
    std::optional<PlatformError> checkRuleTargets(const QString &ns, const Rule &rule) const;

    EngineState &m_state;
    Invoker &m_invoker;
    Invoker::Recorded m_recorded;
};

} // namespace funcdesk
