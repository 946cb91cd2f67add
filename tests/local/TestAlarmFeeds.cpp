// The alarms feeds (/whisk.system/alarms/alarm, once, interval) on a real local platform whose
// alarm clock the test moves: every lifecycle event and its errors with the package's texts, fires
// at the scheduled times (cron, once, interval, start and stop dates, paused), deleteAfterFire,
// trigger deletion, and a restart that keeps the registrations and skips what it missed.

#include "platforms/local/AlarmFeeds.h"
#include "platforms/local/AlarmScheduler.h"
#include "platforms/local/LocalEngine.h"
#include "support/Futures.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kNs = QStringLiteral("guest");
constexpr qint64 kT0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z, a multiple of 10 s

QString name(const char *text)
{
    return QString::fromLatin1(text);
}

} // namespace

class TestAlarmFeeds : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir;
    std::shared_ptr<ManualAlarmClock> clock;
    std::unique_ptr<LocalEngine> engine;
    Identity guest;
    QList<BuiltinDefinition> feeds;
    QList<std::pair<QString, qint64>> fired; // trigger, scheduled ms
    std::mutex firedMutex;

    void open()
    {
        feeds.clear();
        engine.reset();
        LocalConfig config;
        config.dataDir = dir->path();
        config.executor.stemCellsPerRuntime = 0;
        config.alarmClock = clock;
        auto opened = LocalEngine::open(config);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        engine = std::move(opened).value();
        guest = engine->ensureNamespace(kNs).value();
        feeds = alarmFeedDefinitions(*engine);
        engine->alarms().setObserver([this](const QString &, const QString &trigger, qint64 scheduledMs, qint64) {
            std::lock_guard lock(firedMutex);
            fired.append({trigger, scheduledMs});
        });
    }

    // One call of feed `feed` ("alarm", "once", "interval") as a client makes it.
    Result<QJsonObject> call(const QString &feed, const QString &event, const QString &trigger, QJsonObject params = {},
                             std::optional<QString> authKey = {})
    {
        params.insert(QLatin1StringView("lifecycleEvent"), event);
        params.insert(QLatin1StringView("triggerName"), QStringLiteral("/_/") + trigger);
        params.insert(QLatin1StringView("authKey"), authKey.value_or(guest.authString()));
        for (const BuiltinDefinition &definition : std::as_const(feeds)) {
            if (definition.name == feed)
                return definition.action->run({kNs, QStringLiteral("alarms/") + feed, QStringLiteral("0"), params});
        }
        return PlatformError{PlatformError::Kind::NotFound, QStringLiteral("no feed ") + feed};
    }

    QString error(const Result<QJsonObject> &result)
    {
        return result.ok() ? QStringLiteral("(succeeded)") : result.error().message;
    }

    void makeTrigger(const QString &trigger)
    {
        Trigger body;
        body.annotations = KeyValueList{{QStringLiteral("feed"), QStringLiteral("/whisk.system/alarms/alarm"), {}}};
        take(engine->putTrigger(kNs, trigger, body, {}));
    }

    void advance(qint64 ms)
    {
        clock->advance(ms);
        engine->alarms().settle();
    }

    QList<qint64> firesOf(const QString &trigger)
    {
        std::lock_guard lock(firedMutex);
        QList<qint64> times;
        for (const auto &[name, scheduled] : std::as_const(fired)) {
            if (name == trigger)
                times.append(scheduled);
        }
        return times;
    }

    QJsonObject read(const QString &feed, const QString &trigger)
    {
        const auto answer = call(feed, QStringLiteral("READ"), trigger);
        if (!answer)
            qFatal("READ failed: %s", qPrintable(answer.error().message));
        return answer.value();
    }

private Q_SLOTS:
    void init()
    {
        dir = std::make_unique<QTemporaryDir>();
        clock = std::make_shared<ManualAlarmClock>(kT0);
        fired.clear();
        open();
    }
    void cleanup() { engine.reset(); }

    void createReadAndDeleteAnAlarmAsThePackageAnswers()
    {
        makeTrigger(name("tick"));
        const auto created = call(name("alarm"), name("CREATE"), name("tick"),
                                  {{QLatin1StringView("cron"), name("*/10 * * * * *")},
                                   {QLatin1StringView("trigger_payload"), name("hello")}});
        QVERIFY2(created.ok(), qPrintable(error(created)));
        QCOMPARE(created.value(), QJsonObject({{QLatin1StringView("status"), name("success")}}));

        const QJsonObject answer = read(name("alarm"), name("tick"));
        const QJsonObject config = answer.value(QLatin1StringView("config")).toObject();
        QCOMPARE(config.value(QLatin1StringView("name")).toString(), name("tick"));
        QCOMPARE(config.value(QLatin1StringView("namespace")).toString(), kNs);
        QCOMPARE(config.value(QLatin1StringView("cron")).toString(), name("*/10 * * * * *"));
        QCOMPARE(config.value(QLatin1StringView("payload")).toObject(),
                 QJsonObject({{QLatin1StringView("payload"), name("hello")}}));
        const QJsonObject status = answer.value(QLatin1StringView("status")).toObject();
        QCOMPARE(status.value(QLatin1StringView("active")).toBool(), true);
        QCOMPARE(status.value(QLatin1StringView("dateChanged")).toInteger(), kT0);
        QCOMPARE(status.value(QLatin1StringView("dateChangedISO")).toString(), name("2027-01-15T08:00:00Z"));
        QVERIFY(!status.contains(QLatin1StringView("reason")));
        QCOMPARE(engine->alarms().nextFireMs(kNs, name("tick")), std::optional<qint64>(kT0 + 10000));

        QVERIFY(call(name("alarm"), name("DELETE"), name("tick")).ok());
        QCOMPARE(error(call(name("alarm"), name("READ"), name("tick"))),
                 name("could not find trigger /guest/tick in the database"));
        QCOMPARE(error(call(name("alarm"), name("DELETE"), name("tick"))),
                 name("could not find trigger /guest/tick in the database"));
        advance(30000);
        QVERIFY(firesOf(name("tick")).isEmpty());
    }

    void feedsArePublishedInWhiskSystemAndInvokedThroughTheEngine()
    {
        const Package package = take(engine->getPackage(kNs, name("/whisk.system/alarms")));
        QStringList published;
        for (const QJsonValue &feed : package.feeds.value_or(QJsonArray()))
            published.append(feed.toObject().value(QLatin1StringView("name")).toString());
        published.sort();
        QCOMPARE(published, QStringList({name("alarm"), name("interval"), name("once")}));

        makeTrigger(name("tick"));
        QJsonObject params{{QLatin1StringView("lifecycleEvent"), name("CREATE")},
                           {QLatin1StringView("triggerName"), name("/guest/tick")},
                           {QLatin1StringView("authKey"), guest.authString()},
                           {QLatin1StringView("cron"), name("*/5 * * * * *")}};
        const InvokeOutcome created =
            take(engine->invokeAction(kNs, name("/whisk.system/alarms/alarm"), params, InvokeOptions{}));
        QVERIFY(created.activation);
        QCOMPARE(created.activation->response->result.toObject(),
                 QJsonObject({{QLatin1StringView("status"), name("success")}}));
        QVERIFY(engine->alarms().find(kNs, name("tick")));
        advance(5000);
        QCOMPARE(firesOf(name("tick")), QList<qint64>({kT0 + 5000}));

        // A refusal is an application error whose result carries the package's text.
        params.insert(QLatin1StringView("lifecycleEvent"), name("READ"));
        params.insert(QLatin1StringView("triggerName"), name("/guest/nothing"));
        const InvokeOutcome refused =
            take(engine->invokeAction(kNs, name("/whisk.system/alarms/alarm"), params, InvokeOptions{}));
        QCOMPARE(refused.activation->response->statusValue(), ActivationStatus::ApplicationError);
        QCOMPARE(refused.activation->response->result.toObject().value(QLatin1StringView("error")).toString(),
                 name("Trigger authentication request failed."));
    }

    void lifecycleErrorsUseThePackagesTexts()
    {
        makeTrigger(name("t"));
        QCOMPARE(error(call(name("alarm"), name("EXPLODE"), name("t"))), name("unsupported lifecycleEvent"));
        Result<QJsonObject> noName = feeds.first().action->run({kNs,
                                                                name("alarms/alarm"),
                                                                name("0"),
                                                                {{QLatin1StringView("lifecycleEvent"), name("CREATE")},
                                                                 {QLatin1StringView("authKey"), guest.authString()}}});
        QCOMPARE(error(noName), name("no trigger name parameter was provided"));
        const QJsonObject cron{{QLatin1StringView("cron"), name("* * * * * *")}};
        QCOMPARE(error(call(name("alarm"), name("CREATE"), name("t"), cron, guest.uuid + name(":wrong"))),
                 name("Trigger authentication request failed."));
        QCOMPARE(error(call(name("alarm"), name("CREATE"), name("t"), cron, name("no-colon"))),
                 name("Trigger authentication request failed."));
        // A valid key of another namespace does not reach guest's trigger.
        const Identity other = engine->ensureNamespace(name("other")).value();
        Result<QJsonObject> foreign = feeds.first().action->run({name("other"),
                                                                 name("alarms/alarm"),
                                                                 name("0"),
                                                                 {{QLatin1StringView("lifecycleEvent"), name("CREATE")},
                                                                  {QLatin1StringView("triggerName"), name("/guest/t")},
                                                                  {QLatin1StringView("authKey"), other.authString()},
                                                                  {QLatin1StringView("cron"), name("* * * * * *")}}});
        QCOMPARE(error(foreign), name("Trigger authentication request failed."));
        QCOMPARE(error(call(name("alarm"), name("CREATE"), name("missing"), cron)),
                 name("Trigger authentication request failed."));
        QCOMPARE(error(call(name("alarm"), name("CREATE"), name("t"))),
                 name("alarms trigger feed is missing the cron parameter"));
        QCOMPARE(
            error(call(name("alarm"), name("CREATE"), name("t"), {{QLatin1StringView("cron"), name("61 * * * *")}})),
            name("cron pattern '61 * * * *' is not valid"));
        QCOMPARE(error(call(name("once"), name("CREATE"), name("t"))),
                 name("alarms once trigger feed is missing the date parameter"));
        QCOMPARE(error(call(name("once"), name("CREATE"), name("t"), {{QLatin1StringView("date"), kT0 - 1}})),
                 name("date parameter '%1' must be in the future").arg(kT0 - 1));
        QCOMPARE(error(call(name("interval"), name("CREATE"), name("t"), {{QLatin1StringView("minutes"), 0}})),
                 name("interval trigger feed is missing the minutes parameter"));
        QCOMPARE(error(call(name("interval"), name("CREATE"), name("t"), {{QLatin1StringView("minutes"), -5}})),
                 name("the minutes parameter must be an integer greater than zero"));
        for (const char *event : {"READ", "UPDATE", "PAUSE", "UNPAUSE"})
            QCOMPARE(error(call(name("alarm"), name(event), name("t"))),
                     name("could not find trigger /guest/t in the database"));
        QVERIFY(!engine->alarms().find(kNs, name("t"))); // nothing was registered
    }

    void cronAlarmFiresTheTriggerWithItsPayloadAtEachMatch()
    {
        makeTrigger(name("tick"));
        QVERIFY(call(name("alarm"), name("CREATE"), name("tick"),
                     {{QLatin1StringView("cron"), name("*/10 * * * * *")},
                      {QLatin1StringView("trigger_payload"), QJsonObject{{QLatin1StringView("n"), 7}}}})
                    .ok());
        advance(9999);
        QVERIFY(firesOf(name("tick")).isEmpty());
        advance(1);
        advance(10000);
        QCOMPARE(firesOf(name("tick")), QList<qint64>({kT0 + 10000, kT0 + 20000}));
    }

    void aFireRunsTheTriggersRulesAndRecordsItsActivation()
    {
        makeTrigger(name("tick"));
        Action action;
        action.exec = Exec::withCode(name("nodejs:default"), name("function main(p) { return {n: p.n}; }"));
        take(engine->putAction(kNs, name("echo"), action, {}));
        Rule rule;
        rule.trigger = EntityRef{kNs, name("tick")};
        rule.action = EntityRef{kNs, name("echo")};
        take(engine->putRule(kNs, name("tick-echo"), rule, {}));
        QVERIFY(call(name("alarm"), name("CREATE"), name("tick"),
                     {{QLatin1StringView("cron"), name("* * * * * *")},
                      {QLatin1StringView("trigger_payload"), QJsonObject{{QLatin1StringView("n"), 7}}}})
                    .ok());
        advance(1000);
        QVERIFY(QTest::qWaitFor(
            [this] {
                engine->flush();
                ActivationQuery query;
                query.name = name("echo");
                query.docs = true;
                const auto found = engine->listActivations(kNs, query).result();
                return found && !found->isEmpty();
            },
            kWaitTimeoutMs));
        ActivationQuery query;
        query.name = name("tick");
        query.docs = true;
        const QList<Activation> triggerRecords = take(engine->listActivations(kNs, query));
        QCOMPARE(triggerRecords.size(), 1);
        QCOMPARE(triggerRecords.first().response->result.toObject().value(QLatin1StringView("n")).toInt(), 7);
        query.name = name("echo");
        const QList<Activation> actionRecords = take(engine->listActivations(kNs, query));
        QCOMPARE(actionRecords.first().response->result.toObject().value(QLatin1StringView("n")).toInt(), 7);
    }

    void onceFiresOnceThenIsDisabled()
    {
        makeTrigger(name("once"));
        QVERIFY(call(name("once"), name("CREATE"), name("once"), {{QLatin1StringView("date"), kT0 + 5000}}).ok());
        advance(4999);
        advance(1);
        advance(60000);
        QCOMPARE(firesOf(name("once")), QList<qint64>({kT0 + 5000}));
        const QJsonObject status = read(name("once"), name("once")).value(QLatin1StringView("status")).toObject();
        QCOMPARE(status.value(QLatin1StringView("active")).toBool(), false);
        QCOMPARE(status.value(QLatin1StringView("reason")).toObject().value(QLatin1StringView("message")).toString(),
                 name("Automatically disabled after firing once"));
    }

    void onceWithDeleteAfterFireRulesDeletesTheTriggerAndItsRules()
    {
        makeTrigger(name("bye"));
        Action action;
        action.exec = Exec::withCode(name("nodejs:default"), name("function main(p) { return p; }"));
        take(engine->putAction(kNs, name("noop"), action, {}));
        Rule rule;
        rule.trigger = EntityRef{kNs, name("bye")};
        rule.action = EntityRef{kNs, name("noop")};
        take(engine->putRule(kNs, name("bye-rule"), rule, {}));
        QVERIFY(call(name("once"), name("CREATE"), name("bye"),
                     {{QLatin1StringView("date"), kT0 + 1000}, {QLatin1StringView("deleteAfterFire"), name("rules")}})
                    .ok());
        advance(1000);
        QVERIFY(QTest::qWaitFor([this] { return !engine->getTrigger(kNs, name("bye")).result().ok(); }, 10000));
        QVERIFY(QTest::qWaitFor([this] { return !engine->getRule(kNs, name("bye-rule")).result().ok(); }, 10000));
        QVERIFY(!engine->alarms().find(kNs, name("bye")));
        QVERIFY(engine->getAction(kNs, name("noop")).result().ok()); // the action stays
    }

    void intervalStartsAtStartDateAndStopsBeforeStopDate()
    {
        makeTrigger(name("every"));
        QVERIFY(call(name("interval"), name("CREATE"), name("every"),
                     {{QLatin1StringView("minutes"), 2},
                      {QLatin1StringView("startDate"), kT0 + 60000},
                      {QLatin1StringView("stopDate"), kT0 + 60000 + 5 * 60000}})
                    .ok());
        for (int minute = 0; minute < 10; ++minute)
            advance(60000);
        QCOMPARE(firesOf(name("every")), QList<qint64>({kT0 + 60000, kT0 + 180000, kT0 + 300000}));
        const QJsonObject status = read(name("interval"), name("every")).value(QLatin1StringView("status")).toObject();
        QCOMPARE(status.value(QLatin1StringView("active")).toBool(), false);
        QCOMPARE(status.value(QLatin1StringView("reason")).toObject().value(QLatin1StringView("message")).toString(),
                 name("Automatically disabled after firing last scheduled interval trigger"));
    }

    void cronWaitsForStartDate()
    {
        makeTrigger(name("later"));
        QVERIFY(
            call(name("alarm"), name("CREATE"), name("later"),
                 {{QLatin1StringView("cron"), name("*/10 * * * * *")}, {QLatin1StringView("startDate"), kT0 + 35000}})
                .ok());
        for (int i = 0; i < 5; ++i)
            advance(10000);
        QCOMPARE(firesOf(name("later")), QList<qint64>({kT0 + 40000, kT0 + 50000}));
    }

    void pauseStopsTheFiresAndUnpauseResumesWithoutCatchingUp()
    {
        makeTrigger(name("tick"));
        QVERIFY(call(name("alarm"), name("CREATE"), name("tick"), {{QLatin1StringView("cron"), name("*/10 * * * * *")}})
                    .ok());
        QVERIFY(call(name("alarm"), name("PAUSE"), name("tick")).ok());
        const QJsonObject paused = read(name("alarm"), name("tick")).value(QLatin1StringView("status")).toObject();
        QCOMPARE(paused.value(QLatin1StringView("active")).toBool(), false);
        QCOMPARE(paused.value(QLatin1StringView("reason")).toObject().value(QLatin1StringView("kind")).toString(),
                 name("USER"));
        advance(60000);
        QVERIFY(firesOf(name("tick")).isEmpty());
        QVERIFY(call(name("alarm"), name("UNPAUSE"), name("tick")).ok());
        engine->alarms().settle();
        QVERIFY(firesOf(name("tick")).isEmpty());
        advance(10000);
        QCOMPARE(firesOf(name("tick")), QList<qint64>({kT0 + 70000}));
        QCOMPARE(read(name("alarm"), name("tick"))
                     .value(QLatin1StringView("status"))
                     .toObject()
                     .value(QLatin1StringView("active")),
                 QJsonValue(true));
    }

    void updateChangesTheScheduleAndEnablesTheTriggerAgain()
    {
        makeTrigger(name("tick"));
        QVERIFY(call(name("alarm"), name("CREATE"), name("tick"), {{QLatin1StringView("cron"), name("*/10 * * * * *")}})
                    .ok());
        QVERIFY(call(name("alarm"), name("PAUSE"), name("tick")).ok());
        QCOMPARE(error(call(name("alarm"), name("UPDATE"), name("tick"))),
                 name("no updatable parameters were specified"));
        QCOMPARE(error(call(name("alarm"), name("UPDATE"), name("tick"), {{QLatin1StringView("cron"), name("x")}})),
                 name("cron pattern 'x' is not valid"));
        QVERIFY(call(name("alarm"), name("UPDATE"), name("tick"), {{QLatin1StringView("cron"), name("*/30 * * * * *")}})
                    .ok());
        const QJsonObject answer = read(name("alarm"), name("tick"));
        QCOMPARE(answer.value(QLatin1StringView("config")).toObject().value(QLatin1StringView("cron")).toString(),
                 name("*/30 * * * * *"));
        QCOMPARE(answer.value(QLatin1StringView("status")).toObject().value(QLatin1StringView("active")),
                 QJsonValue(true));
        for (int i = 0; i < 6; ++i)
            advance(10000);
        QCOMPARE(firesOf(name("tick")), QList<qint64>({kT0 + 30000, kT0 + 60000}));
    }

    void deletingTheTriggerDropsItsRegistration()
    {
        makeTrigger(name("tick"));
        QVERIFY(
            call(name("alarm"), name("CREATE"), name("tick"), {{QLatin1StringView("cron"), name("* * * * * *")}}).ok());
        take(engine->deleteTrigger(kNs, name("tick")));
        engine->flush();
        QVERIFY(!engine->alarms().find(kNs, name("tick")));
        advance(5000);
        QVERIFY(firesOf(name("tick")).isEmpty());
        // DELETE from the client afterwards (as `wsk` does it the other way round) is still answered.
        QCOMPARE(error(call(name("alarm"), name("DELETE"), name("tick"))),
                 name("could not find trigger /guest/tick in the database"));
    }

    void restartKeepsRegistrationsSkipsMissedFiresAndStoresNoKey()
    {
        makeTrigger(name("tick"));
        QVERIFY(call(name("alarm"), name("CREATE"), name("tick"), {{QLatin1StringView("cron"), name("*/10 * * * * *")}})
                    .ok());
        advance(10000);
        QCOMPARE(firesOf(name("tick")).size(), 1);
        engine.reset(); // down for 65 s: fires at +20 s ... +70 s are missed
        clock->advance(65000);
        QTest::ignoreMessage(QtInfoMsg,
                             "alarm trigger /guest/tick: skipped 6 fire(s) missed while the platform was down");
        open();
        engine->alarms().settle();
        QCOMPARE(firesOf(name("tick")).size(), 1);
        QCOMPARE(engine->alarms().nextFireMs(kNs, name("tick")), std::optional<qint64>(kT0 + 80000));
        advance(5000);
        QCOMPARE(firesOf(name("tick")), QList<qint64>({kT0 + 10000, kT0 + 80000}));
        QCOMPARE(read(name("alarm"), name("tick"))
                     .value(QLatin1StringView("config"))
                     .toObject()
                     .value(QLatin1StringView("cron")),
                 QJsonValue(name("*/10 * * * * *")));

        engine.reset(); // everything written: the alarm's stored row holds no key
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(name("QSQLITE"), name("inspect"));
            db.setDatabaseName(dir->filePath(name("funcdesk.db")));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(
                query.exec(name("SELECT namespace, name, document FROM entities WHERE collection = 'alarm_feeds'")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), kNs);
            QCOMPARE(query.value(1).toString(), name("tick"));
            const QString document = query.value(2).toString();
            QVERIFY(document.contains(name("*/10 * * * * *")));
            QVERIFY2(!document.contains(guest.key) && !document.contains(name("authKey")), qPrintable(document));
            QVERIFY(!query.next());
        }
        QSqlDatabase::removeDatabase(name("inspect"));
    }
};

QTEST_GUILESS_MAIN(TestAlarmFeeds)
#include "TestAlarmFeeds.moc"
