// The alarms feeds on a real funcdeskd, driven as a client drives them: the guest creates a
// trigger with the feed annotation and invokes /whisk.system/alarms/alarm blocking with the
// lifecycle events; the alarm fires on the real clock and the rule's action runs; refusals come
// back as application errors with the package's texts; a registration survives a restart of the
// server and goes away with its trigger.

#include "IntegrationFixture.h"

#include "TestSuites.h"

#include <QJsonDocument>

using namespace funcdesk;

namespace {
const QString kSystem = QStringLiteral("whisk.system");

Trigger feedTrigger()
{
    Trigger trigger = emptyTrigger();
    trigger.annotations = KeyValueList{{QStringLiteral("feed"), QStringLiteral("/whisk.system/alarms/alarm"), {}}};
    return trigger;
}
} // namespace

class TestAlarms : public IntegrationSuite
{
    Q_OBJECT

private:
    std::unique_ptr<OpenWhiskPlatform> system; // the guest's key addressing whisk.system

    // One blocking call of feed `feed` for trigger `trigger` of guest; the activation.
    std::optional<Activation> callFeed(const QString &feed, const QString &event, const QString &trigger,
                                       QJsonObject params = {}, const QString &authKey = {})
    {
        params.insert(QLatin1StringView("lifecycleEvent"), event);
        params.insert(QLatin1StringView("triggerName"), QStringLiteral("/guest/") + trigger);
        params.insert(QLatin1StringView("authKey"), authKey.isEmpty() ? fixture.server().guestKey() : authKey);
        const auto ran = wait(system->invokeAction(QStringLiteral("alarms/") + feed, params, InvokeOptions{}));
        [&] { VERIFY_OK(ran); }();
        if (!ran.ok())
            return std::nullopt;
        return ran->activation;
    }

    QJsonObject succeeds(const std::optional<Activation> &activation)
    {
        [&] {
            QVERIFY(activation);
            QVERIFY2(activation->succeeded(), QJsonDocument(activation->toJson()).toJson().constData());
        }();
        return activation ? activation->response->result.toObject() : QJsonObject();
    }

    QString refusal(const std::optional<Activation> &activation)
    {
        if (!activation || activation->succeeded())
            return QStringLiteral("(no refusal)");
        [&] { QCOMPARE(activation->response->statusValue(), ActivationStatus::ApplicationError); }();
        return activation->response->result.toObject().value(QLatin1StringView("error")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        connectToServer();
        system = fixture.connect(fixture.server().guestKey(), kSystem);
    }
    void cleanupTestCase() { system.reset(); }

    void anAlarmFiresItsTriggerAndTheRulesActionRuns()
    {
        const QString trigger = uniqueName("every-second");
        const QString action = uniqueName("on-alarm");
        VERIFY_OK(wait(platform->putTrigger(trigger, feedTrigger(), PutOptions{})));
        VERIFY_OK(wait(
            platform->putAction(action, nodeAction(QStringLiteral("function main(p) { return {got: p.n}; }")), {})));
        VERIFY_OK(wait(platform->putRule(uniqueName("alarm-rule"), ruleLinking(trigger, action), PutOptions{})));
        QCOMPARE(succeeds(callFeed(QStringLiteral("alarm"), QStringLiteral("CREATE"), trigger,
                                   {{QLatin1StringView("cron"), QStringLiteral("* * * * * *")},
                                    {QLatin1StringView("trigger_payload"), QJsonObject{{QLatin1StringView("n"), 3}}}})),
                 QJsonObject({{QLatin1StringView("status"), QStringLiteral("success")}}));

        std::optional<Activation> ran;
        QVERIFY(QTest::qWaitFor(
            [&] {
                ActivationQuery query;
                query.name = action;
                query.docs = true;
                const auto found = wait(platform->listActivations(query));
                if (found.ok() && !found->isEmpty())
                    ran = found->first();
                return ran.has_value();
            },
            30000));
        QCOMPARE(ran->response->result.toObject().value(QLatin1StringView("got")).toInt(), 3);

        const QJsonObject read = succeeds(callFeed(QStringLiteral("alarm"), QStringLiteral("READ"), trigger));
        QCOMPARE(read.value(QLatin1StringView("config")).toObject().value(QLatin1StringView("cron")).toString(),
                 QStringLiteral("* * * * * *"));
        QCOMPARE(read.value(QLatin1StringView("status")).toObject().value(QLatin1StringView("active")).toBool(), true);
        QCOMPARE(succeeds(callFeed(QStringLiteral("alarm"), QStringLiteral("DELETE"), trigger))
                     .value(QLatin1StringView("status"))
                     .toString(),
                 QStringLiteral("success"));
        VERIFY_OK(wait(platform->deleteTrigger(trigger)));
    }

    void refusalsAreApplicationErrorsWithThePackagesTexts()
    {
        const QString trigger = uniqueName("refused");
        VERIFY_OK(wait(platform->putTrigger(trigger, feedTrigger(), PutOptions{})));
        const QString wrongKey = fixture.server().guestKey().section(QLatin1Char(':'), 0, 0) + QStringLiteral(":wrong");
        QCOMPARE(refusal(callFeed(QStringLiteral("alarm"), QStringLiteral("CREATE"), trigger,
                                  {{QLatin1StringView("cron"), QStringLiteral("* * * * *")}}, wrongKey)),
                 QStringLiteral("Trigger authentication request failed."));
        QCOMPARE(refusal(callFeed(QStringLiteral("alarm"), QStringLiteral("CREATE"), uniqueName("missing"),
                                  {{QLatin1StringView("cron"), QStringLiteral("* * * * *")}})),
                 QStringLiteral("Trigger authentication request failed."));
        QCOMPARE(refusal(callFeed(QStringLiteral("alarm"), QStringLiteral("CREATE"), trigger,
                                  {{QLatin1StringView("cron"), QStringLiteral("every day")}})),
                 QStringLiteral("cron pattern 'every day' is not valid"));
        QCOMPARE(refusal(callFeed(QStringLiteral("interval"), QStringLiteral("CREATE"), trigger)),
                 QStringLiteral("interval trigger feed is missing the minutes parameter"));
        QCOMPARE(refusal(callFeed(QStringLiteral("once"), QStringLiteral("READ"), trigger)),
                 QStringLiteral("could not find trigger /guest/%1 in the database").arg(trigger));
        VERIFY_OK(wait(platform->deleteTrigger(trigger)));
    }

    void aRegistrationSurvivesARestartAndGoesWithItsTrigger()
    {
        const QString trigger = uniqueName("hourly");
        VERIFY_OK(wait(platform->putTrigger(trigger, feedTrigger(), PutOptions{})));
        succeeds(callFeed(QStringLiteral("alarm"), QStringLiteral("CREATE"), trigger,
                          {{QLatin1StringView("cron"), QStringLiteral("0 * * * *")},
                           {QLatin1StringView("timezone"), QStringLiteral("Europe/Berlin")},
                           {QLatin1StringView("strict"), true}}));
        QVERIFY2(fixture.restart(), qPrintable(fixture.errorText()));
        const QJsonObject config = succeeds(callFeed(QStringLiteral("alarm"), QStringLiteral("READ"), trigger))
                                       .value(QLatin1StringView("config"))
                                       .toObject();
        QCOMPARE(config.value(QLatin1StringView("cron")).toString(), QStringLiteral("0 * * * *"));
        QCOMPARE(config.value(QLatin1StringView("timezone")).toString(), QStringLiteral("Europe/Berlin"));
        QCOMPARE(config.value(QLatin1StringView("strict")).toBool(), true);

        VERIFY_OK(wait(platform->deleteTrigger(trigger))); // through the REST API
        QCOMPARE(refusal(callFeed(QStringLiteral("alarm"), QStringLiteral("DELETE"), trigger)),
                 QStringLiteral("could not find trigger /guest/%1 in the database").arg(trigger));
    }
};

FUNCDESK_INTEGRATION_SUITE(TestAlarms)
#include "TestAlarms.moc"
