// Triggers and rules on a real funcdeskd: CRUD, firing with and without an active rule (an id
// or nothing), a rule switched off and on, and the action a fired rule ran.

#include "IntegrationFixture.h"

#include "TestSuites.h"

using namespace funcdesk;

namespace {
const QString kEcho = QStringLiteral("function main(params) { return {got: params.event || null}; }");

// The activations of `name` that have appeared, waiting until there are at least `count`.
QList<Activation> awaitActivationsOf(OpenWhiskPlatform &platform, const QString &name, int count, int timeoutMs = 30000)
{
    QList<Activation> found;
    [[maybe_unused]] const bool enough = QTest::qWaitFor(
        [&] {
            ActivationQuery query;
            query.name = name;
            query.limit = 50;
            query.docs = true;
            const auto listed = wait(platform.listActivations(query));
            found = listed.ok() ? listed.value() : QList<Activation>();
            return found.size() >= count;
        },
        timeoutMs);
    return found;
}
} // namespace

class TestTriggersAndRules : public IntegrationSuite
{
    Q_OBJECT

private Q_SLOTS:
    void triggerLifecycle()
    {
        const QString name = uniqueName("events");
        Trigger put;
        put.parameters = KeyValueList{{QStringLiteral("source"), QStringLiteral("test"), {}}};
        const auto created = wait(platform->putTrigger(name, put, PutOptions{}));
        VERIFY_OK(created);
        QCOMPARE(created->name, name);
        QCOMPARE(created->version, QStringLiteral("0.0.1"));
        VERIFY_FAILS_WITH(wait(platform->putTrigger(name, put, PutOptions{})), PlatformError::Kind::Conflict);
        const auto updated = wait(platform->putTrigger(name, put, PutOptions{true, {}}));
        VERIFY_OK(updated);
        QCOMPARE(updated->version, QStringLiteral("0.0.2"));

        const auto fetched = wait(platform->getTrigger(name));
        VERIFY_OK(fetched);
        QCOMPARE(fetched->parameters->value(QStringLiteral("source")).toString(), QStringLiteral("test"));
        const auto listed = wait(platform->listTriggers(ListOptions{0, 0}));
        VERIFY_OK(listed);
        QVERIFY(std::any_of(listed->begin(), listed->end(), [&](const Trigger &t) { return t.name == name; }));
        const auto counted = wait(platform->count(Collection::Triggers));
        VERIFY_OK(counted);
        QCOMPARE(counted.value(), qint64(listed->size()));

        VERIFY_OK(wait(platform->deleteTrigger(name)));
        VERIFY_FAILS_WITH(wait(platform->getTrigger(name)), PlatformError::Kind::NotFound);
        VERIFY_FAILS_WITH(wait(platform->fireTrigger(name, {})), PlatformError::Kind::NotFound);
    }

    void firingWithoutARuleRunsNothing()
    {
        const QString name = uniqueName("lonely");
        VERIFY_OK(wait(platform->putTrigger(name, emptyTrigger(), PutOptions{})));
        const auto fired = wait(platform->fireTrigger(name, {}));
        VERIFY_OK(fired);
        QVERIFY(!fired->has_value());
        VERIFY_OK(wait(platform->deleteTrigger(name)));
    }

    void ruleRunsItsActionWhenTheTriggerFiresAndCanBeSwitchedOff()
    {
        const QString trigger = uniqueName("orders");
        const QString action = uniqueName("ship");
        const QString rule = uniqueName("orders-ship");
        VERIFY_OK(wait(platform->putTrigger(trigger, emptyTrigger(), PutOptions{})));
        VERIFY_OK(wait(platform->putAction(action, nodeAction(kEcho), PutOptions{})));

        const auto created = wait(platform->putRule(rule, ruleLinking(trigger, action), PutOptions{}));
        VERIFY_OK(created);
        QVERIFY2(created->isActive(), qPrintable(created->status.value_or(QStringLiteral("<none>"))));
        QCOMPARE(created->trigger->name, trigger);
        QCOMPARE(created->action->name, action);
        VERIFY_FAILS_WITH(wait(platform->putRule(rule, ruleLinking(trigger, action), PutOptions{})),
                          PlatformError::Kind::Conflict);

        const auto fired = wait(platform->fireTrigger(trigger, QJsonObject{{QLatin1StringView("event"), 42}}));
        VERIFY_OK(fired);
        QVERIFY(fired->has_value());
        QCOMPARE(fired->value().size(), 32);
        const auto triggerActivation = wait(platform->getActivation(fired->value()));
        VERIFY_OK(triggerActivation);
        QCOMPARE(triggerActivation->name, trigger);

        const QList<Activation> ran = awaitActivationsOf(*platform, action, 1);
        QCOMPARE(ran.size(), 1);
        QCOMPARE(ran.first().response->result.toObject().value(QLatin1StringView("got")).toInt(), 42);

        VERIFY_OK(wait(platform->setRuleActive(rule, false)));
        const auto inactive = wait(platform->getRule(rule));
        VERIFY_OK(inactive);
        QCOMPARE(inactive->status, QStringLiteral("inactive"));
        const auto firedOff = wait(platform->fireTrigger(trigger, {}));
        VERIFY_OK(firedOff);
        QVERIFY(!firedOff->has_value());

        VERIFY_OK(wait(platform->setRuleActive(rule, true)));
        VERIFY_OK(wait(platform->setRuleActive(rule, true))); // already active: still 200
        QVERIFY(wait(platform->getRule(rule))->isActive());
        const auto firedOn = wait(platform->fireTrigger(trigger, QJsonObject{{QLatin1StringView("event"), 43}}));
        VERIFY_OK(firedOn);
        QVERIFY(firedOn->has_value());
        QCOMPARE(awaitActivationsOf(*platform, action, 2).size(), 2);

        const auto rules = wait(platform->listRules(ListOptions{}));
        VERIFY_OK(rules);
        QVERIFY(std::any_of(rules->begin(), rules->end(), [&](const Rule &r) { return r.name == rule; }));
        const auto counted = wait(platform->count(Collection::Rules));
        VERIFY_OK(counted);
        QVERIFY(counted.value() >= 1);

        VERIFY_OK(wait(platform->deleteRule(rule)));
        VERIFY_FAILS_WITH(wait(platform->getRule(rule)), PlatformError::Kind::NotFound);
        VERIFY_FAILS_WITH(wait(platform->setRuleActive(rule, true)), PlatformError::Kind::NotFound);
        VERIFY_OK(wait(platform->deleteTrigger(trigger)));
        VERIFY_OK(wait(platform->deleteAction(action)));
    }

    void ruleToAMissingActionIsRefused()
    {
        const QString trigger = uniqueName("dangling");
        VERIFY_OK(wait(platform->putTrigger(trigger, emptyTrigger(), PutOptions{})));
        const auto rule = wait(
            platform->putRule(uniqueName("dangling-rule"), ruleLinking(trigger, uniqueName("nobody")), PutOptions{}));
        QVERIFY(!rule.ok());
        QVERIFY2(rule.error().kind == PlatformError::Kind::Invalid ||
                     rule.error().kind == PlatformError::Kind::NotFound,
                 qPrintable(describe(rule)));
        QVERIFY(!rule.error().message.isEmpty());
        VERIFY_OK(wait(platform->deleteTrigger(trigger)));
    }
};

FUNCDESK_INTEGRATION_SUITE(TestTriggersAndRules)
#include "TestTriggersAndRules.moc"
