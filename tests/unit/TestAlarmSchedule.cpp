#include "core/AlarmSchedule.h"

#include <QJsonDocument>
#include <QLocale>
#include <QTest>

using namespace funcdesk;
using Kind = AlarmSchedule::Kind;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    Q_ASSERT_X(error.error == QJsonParseError::NoError, "json", text);
    return document.object();
}

qint64 ms(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

const qint64 kNow = ms("2026-12-06T10:00:00Z");
const QString kTrigger = QStringLiteral("/guest/periodic"); // hashes to a delay of 3 s

AlarmSchedule create(Kind kind, const char *params, const QString &trigger = kTrigger)
{
    auto schedule = AlarmSchedule::fromFeedParams(kind, json(params), trigger, kNow);
    if (!schedule)
        qFatal("%s", qPrintable(schedule.error().message));
    return schedule.value();
}

QList<qint64> msList(std::initializer_list<const char *> isos)
{
    QList<qint64> out;
    for (const char *iso : isos)
        out << ms(iso);
    return out;
}

} // namespace

class TestAlarmSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void feedNamesMapToKinds()
    {
        QCOMPARE(AlarmSchedule::kindOfFeed(u"/whisk.system/alarms/alarm"), Kind::Cron);
        QCOMPARE(AlarmSchedule::kindOfFeed(u"whisk.system/alarms/once"), Kind::Once);
        QCOMPARE(AlarmSchedule::kindOfFeed(u"/whisk.system/alarms/interval"), Kind::Interval);
        QVERIFY(!AlarmSchedule::kindOfFeed(u"/whisk.system/alarms/changes").has_value());
        QVERIFY(!AlarmSchedule::kindOfFeed(u"/guest/alarms/alarm").has_value());
        for (const Kind kind : {Kind::Cron, Kind::Once, Kind::Interval})
            QCOMPARE(AlarmSchedule::kindOfFeed(AlarmSchedule::feedName(kind)), kind);
    }

    void createErrorsAreTheAlarmPackages_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QByteArray>("params");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, Kind kind, const char *params, const char *message) {
            QTest::newRow(name) << kind << QByteArray(params) << QString::fromUtf8(message);
        };
        row("once without date", Kind::Once, "{}", "alarms once trigger feed is missing the date parameter");
        row("once with empty date", Kind::Once, R"({"date": ""})",
            "alarms once trigger feed is missing the date parameter");
        row("once with bad date", Kind::Once, R"({"date": "next tuesday"})",
            "date parameter 'next tuesday' is not a valid Date");
        row("once in the past (ms)", Kind::Once, R"({"date": 1000})", "date parameter '1000' must be in the future");
        row("once in the past (ISO)", Kind::Once, R"({"date": "2026-12-06T09:59:59Z"})",
            "date parameter '2026-12-06T09:59:59Z' must be in the future");
        row("once now", Kind::Once, R"({"date": "2026-12-06T10:00:00.000Z"})",
            "date parameter '2026-12-06T10:00:00.000Z' must be in the future");
        row("once with bad deleteAfterFire", Kind::Once,
            R"({"date": "2027-01-01T00:00:00Z", "deleteAfterFire": "yes"})",
            "deleteAfterFire parameter must be one of [false, true, rules].");
        row("interval without minutes", Kind::Interval, "{}", "interval trigger feed is missing the minutes parameter");
        row("interval with 0 minutes", Kind::Interval, R"({"minutes": 0})",
            "interval trigger feed is missing the minutes parameter");
        row("interval with words", Kind::Interval, R"({"minutes": "ten"})", "the minutes parameter must be an integer");
        row("interval with a fraction", Kind::Interval, R"({"minutes": 1.5})",
            "the minutes parameter must be an integer");
        row("interval with true", Kind::Interval, R"({"minutes": true})", "the minutes parameter must be an integer");
        row("interval negative", Kind::Interval, R"({"minutes": -3})",
            "the minutes parameter must be an integer greater than zero");
        row("interval negative string", Kind::Interval, R"({"minutes": "-3"})",
            "the minutes parameter must be an integer greater than zero");
        row("alarm without cron", Kind::Cron, "{}", "alarms trigger feed is missing the cron parameter");
        row("alarm with bad cron", Kind::Cron, R"({"cron": "61 * * * *"})", "cron pattern '61 * * * *' is not valid");
        row("alarm with a number as cron", Kind::Cron, R"({"cron": 5})", "cron pattern '5' is not valid");
        row("alarm with bad timezone", Kind::Cron, R"({"cron": "* * * * *", "timezone": "Mars/Olympus_Mons"})",
            "Invalid timezone.");
        row("alarm with seconds when limited", Kind::Cron, R"({"cron": "*/10 * * * * *", "limitCronFields": true})",
            "cron pattern is limited to 5 fields with 1 minute as the finest granularity");
        row("alarm with past startDate", Kind::Cron, R"({"cron": "* * * * *", "startDate": "2020-01-01T00:00:00Z"})",
            "startDate parameter '2020-01-01T00:00:00Z' must be in the future");
        row("alarm with bad stopDate", Kind::Cron, R"({"cron": "* * * * *", "stopDate": "soon"})",
            "stopDate parameter 'soon' is not a valid Date");
        // Found by fuzz_cron: an integer past qint64 (but below 1e21, which JavaScript writes in full)
        // was converted to qint64 for its text, an undefined behaviour.
        row("alarm with a stopDate past qint64", Kind::Cron,
            R"({"cron": "* * * * *", "stopDate": 179876160000761600000})",
            "stopDate parameter '179876160000761600000' is not a valid Date");
        row("alarm with a negative stopDate past qint64", Kind::Cron, R"({"cron": "* * * * *", "stopDate": -1e20})",
            "stopDate parameter '-100000000000000000000' is not a valid Date");
        row("alarm with a stopDate of 1e21", Kind::Cron, R"({"cron": "* * * * *", "stopDate": 1e21})",
            "stopDate parameter '1e+21' is not a valid Date");
        row("alarm stopping before it starts", Kind::Cron,
            R"({"cron": "* * * * *", "startDate": "2027-01-02T00:00:00Z", "stopDate": "2027-01-01T00:00:00Z"})",
            "stopDate parameter '2027-01-01T00:00:00Z' must be greater than the startDate parameter "
            "'2027-01-02T00:00:00Z'");
        row("alarm stopping at its start", Kind::Cron,
            R"({"cron": "* * * * *", "startDate": 1798761600000, "stopDate": 1798761600000})",
            "stopDate parameter '1798761600000' must be greater than the startDate parameter '1798761600000'");
        row("alarm with maxTriggers and stopDate", Kind::Cron,
            R"({"cron": "* * * * *", "maxTriggers": 5, "stopDate": "2027-01-01T00:00:00Z"})",
            "maxTriggers is not allowed when the stopDate parameter is specified");
        row("interval with maxTriggers and stopDate", Kind::Interval,
            R"({"minutes": 5, "maxTriggers": 5, "stopDate": "2027-01-01T00:00:00Z"})",
            "maxTriggers is not supported for the interval trigger feed");
        row("alarm whose first fire is after the stop date", Kind::Cron,
            R"({"cron": "0 0 1 1 *", "stopDate": "2026-12-31T00:00:00Z"})",
            "the first scheduled trigger fire is not until after the stop date");
        row("interval stopping before its default start", Kind::Interval,
            R"({"minutes": 5, "stopDate": "2026-12-06T10:00:10Z"})",
            "stopDate parameter '2026-12-06T10:00:10Z' must be greater than the startDate parameter '1796551230000'");
    }

    void createErrorsAreTheAlarmPackages()
    {
        QFETCH(Kind, kind);
        QFETCH(QByteArray, params);
        QFETCH(QString, message);
        const auto schedule =
            AlarmSchedule::fromFeedParams(kind, QJsonDocument::fromJson(params).object(), kTrigger, kNow);
        QVERIFY(!schedule.ok());
        QCOMPARE(schedule.error().kind, PlatformError::Kind::Invalid);
        QCOMPARE(schedule.error().message, message);
    }

    void triggerNameIsRequired()
    {
        const auto schedule = AlarmSchedule::fromFeedParams(Kind::Cron, json(R"({"cron": "* * * * *"})"), {}, kNow);
        QVERIFY(!schedule.ok());
        QCOMPARE(schedule.error().message, QStringLiteral("no trigger name parameter was provided"));
    }

    void payloadStringIsWrappedAndObjectKept()
    {
        QCOMPARE(create(Kind::Cron, R"({"cron": "* * * * *", "trigger_payload": "hello"})").payload(),
                 json(R"({"payload": "hello"})"));
        QCOMPARE(create(Kind::Cron, R"({"cron": "* * * * *", "trigger_payload": {"a": 1, "b": [true]}})").payload(),
                 json(R"({"a": 1, "b": [true]})"));
        QCOMPARE(create(Kind::Cron, R"({"cron": "* * * * *"})").payload(), QJsonObject());
        QCOMPARE(create(Kind::Interval, R"({"minutes": 1, "trigger_payload": 42})").payload(),
                 json(R"({"payload": 42})"));
    }

    void intervalStartsThirtySecondsAfterCreation()
    {
        const AlarmSchedule schedule = create(Kind::Interval, R"({"minutes": 10})");
        QCOMPARE(schedule.config().value(QLatin1String("startDate")).toDouble(), double(kNow + 30000));
        QCOMPARE(schedule.nextFires(kNow, 3),
                 msList({"2026-12-06T10:00:30Z", "2026-12-06T10:10:30Z", "2026-12-06T10:20:30Z"}));
        QCOMPARE(schedule.nextFireAfter(ms("2026-12-06T10:10:30Z")), ms("2026-12-06T10:20:30Z"));
    }

    void intervalStopsAtStopDate()
    {
        const AlarmSchedule schedule =
            create(Kind::Interval,
                   R"({"minutes": "15", "startDate": "2026-12-06T11:00:00Z", "stopDate": "2026-12-06T11:30:00.000Z"})");
        QCOMPARE(schedule.nextFires(kNow, 10),
                 msList({"2026-12-06T11:00:00Z", "2026-12-06T11:15:00Z", "2026-12-06T11:30:00Z"}));
        QVERIFY(!schedule.nextFireAfter(ms("2026-12-06T11:30:00Z")).has_value());
        QVERIFY(!schedule.disableReasonAfterFire(ms("2026-12-06T11:15:00Z")).has_value());
        QCOMPARE(schedule.disableReasonAfterFire(ms("2026-12-06T11:30:00Z")),
                 QStringLiteral("Automatically disabled after firing last scheduled interval trigger"));
        QCOMPARE(schedule.scheduleProblem(ms("2026-12-06T11:20:00Z")), std::nullopt);
        QCOMPARE(schedule.scheduleProblem(ms("2026-12-06T11:30:00Z")), QStringLiteral("the stop date has expired"));
    }

    void cronStartsAtStartDateAndStopsAtStopDate()
    {
        const AlarmSchedule schedule =
            create(Kind::Cron, R"({"cron": "0 * * * *", "strict": true, "startDate": "2026-12-06T12:00:00Z",
                                   "stopDate": "2026-12-06T14:00:00Z"})");
        QCOMPARE(schedule.nextFires(kNow, 10),
                 msList({"2026-12-06T12:00:00Z", "2026-12-06T13:00:00Z", "2026-12-06T14:00:00Z"}));
        QCOMPARE(schedule.disableReasonAfterFire(ms("2026-12-06T14:00:00Z")),
                 QStringLiteral("Automatically disabled after firing last scheduled cron trigger"));
        QVERIFY(!schedule.disableReasonAfterFire(ms("2026-12-06T13:00:00Z")).has_value());
        QCOMPARE(schedule.scheduleProblem(ms("2026-12-06T14:00:30Z")), QStringLiteral("the stop date has expired"));
    }

    void cronFiresInItsTimeZone()
    {
        const AlarmSchedule schedule =
            create(Kind::Cron, R"({"cron": "30 9 * * *", "timezone": "Europe/Berlin", "strict": "True"})");
        QVERIFY(schedule.strict());
        QCOMPARE(schedule.nextFires(kNow, 2), msList({"2026-12-07T08:30:00Z", "2026-12-08T08:30:00Z"}));
    }

    void nonStrictFiveFieldCronIsDelayedByTheNameHash()
    {
        // The delays are those of hashName() in provider/lib/cronAlarm.js with ALARM_DELAY_LIMIT=10.
        QCOMPARE(kAlarmDelayLimitSeconds, 10);
        const char *cron = R"({"cron": "*/5 * * * *"})";
        QCOMPARE(create(Kind::Cron, cron).delaySeconds(), 3);
        QCOMPARE(create(Kind::Cron, cron, QStringLiteral("/guest/a")).delaySeconds(), 9);
        QCOMPARE(create(Kind::Cron, cron, QStringLiteral("/ns/nightly-report-generator-for-the-shop")).delaySeconds(),
                 4);
        QCOMPARE(create(Kind::Cron, cron, QStringLiteral("/ns/触发器")).delaySeconds(), 8);
        QCOMPARE(create(Kind::Cron, cron).nextFires(kNow, 2), msList({"2026-12-06T10:00:03Z", "2026-12-06T10:05:03Z"}));
        // strict, six fields and macros are never delayed.
        QCOMPARE(create(Kind::Cron, R"({"cron": "*/5 * * * *", "strict": "true"})").nextFireAfter(kNow),
                 ms("2026-12-06T10:05:00Z"));
        QCOMPARE(create(Kind::Cron, R"({"cron": "0 */5 * * * *"})").nextFireAfter(kNow), ms("2026-12-06T10:05:00Z"));
        QCOMPARE(create(Kind::Cron, R"({"cron": "@hourly"})").delaySeconds(), 0);
        QCOMPARE(create(Kind::Cron, R"({"cron": "*/5 * * * *", "strict": false})").delaySeconds(), 3);
    }

    void onceFiresOnceAndSaysWhatHappensAfter()
    {
        const AlarmSchedule schedule = create(Kind::Once, R"({"date": "2026-12-24T17:00:00.000Z"})");
        QCOMPARE(schedule.nextFireAfter(kNow), ms("2026-12-24T17:00:00Z"));
        QVERIFY(!schedule.nextFireAfter(ms("2026-12-24T17:00:00Z")).has_value());
        QCOMPARE(schedule.afterFire(), AlarmSchedule::AfterFire::Disable);
        QCOMPARE(schedule.disableReasonAfterFire(ms("2026-12-24T17:00:00Z")),
                 QStringLiteral("Automatically disabled after firing once"));
        QCOMPARE(schedule.scheduleProblem(ms("2026-12-24T17:00:00Z")),
                 QStringLiteral("the fire once date has expired"));
        QCOMPARE(create(Kind::Once, R"({"date": 1798135200000, "deleteAfterFire": " TRUE "})").afterFire(),
                 AlarmSchedule::AfterFire::DeleteTrigger);
        QCOMPARE(create(Kind::Once, R"({"date": 1798135200000, "deleteAfterFire": "rules"})").afterFire(),
                 AlarmSchedule::AfterFire::DeleteTriggerAndRules);
        QCOMPARE(create(Kind::Once, R"({"date": 1798135200000, "deleteAfterFire": "false"})").afterFire(),
                 AlarmSchedule::AfterFire::Disable);
    }

    void configIsTheReadAnswer()
    {
        QCOMPARE(create(Kind::Cron, R"({"cron": "0 9 * * 1-5", "timezone": "Europe/Berlin", "trigger_payload": "x",
                                        "stopDate": "2027-01-01T00:00:00Z"})")
                     .config(),
                 json(R"({"name": "periodic", "namespace": "guest", "payload": {"payload": "x"}, "strict": false,
                          "cron": "0 9 * * 1-5", "timezone": "Europe/Berlin", "stopDate": "2027-01-01T00:00:00Z"})"));
        QCOMPARE(create(Kind::Interval, R"({"minutes": "5", "startDate": 1798135200000, "strict": true})").config(),
                 json(R"({"name": "periodic", "namespace": "guest", "payload": {}, "strict": false, "minutes": 5,
                          "startDate": 1798135200000})"));
        QCOMPARE(create(Kind::Once, R"({"date": "2026-12-24T17:00:00Z", "deleteAfterFire": "Rules"})").config(),
                 json(R"({"name": "periodic", "namespace": "guest", "payload": {}, "strict": false,
                          "date": "2026-12-24T17:00:00Z", "deleteAfterFire": "rules"})"));
    }

    void configRestoresTheSameSchedule()
    {
        for (const AlarmSchedule &original :
             {create(Kind::Cron, R"({"cron": "*/7 * * * *", "timezone": "America/New_York", "trigger_payload": {"a": 1},
                                     "startDate": "2026-12-07T00:00:00Z", "stopDate": 1798135200000})"),
              create(Kind::Interval, R"({"minutes": 3})"), create(Kind::Once, R"({"date": 1798135200000})")}) {
            const auto restored = AlarmSchedule::fromConfig(original.config());
            QVERIFY2(restored.ok(), qPrintable(restored ? QString() : restored.error().message));
            QCOMPARE(restored->kind(), original.kind());
            QCOMPARE(restored->config(), original.config());
            QCOMPARE(restored->triggerName(), kTrigger);
            QCOMPARE(restored->nextFires(kNow, 5), original.nextFires(kNow, 5));
            QVERIFY(!restored->nextFires(kNow, 5).isEmpty());
        }
        QVERIFY(!AlarmSchedule::fromConfig(json(R"({"name": "t", "namespace": "n", "cron": "nope"})")).ok());
        QVERIFY(!AlarmSchedule::fromConfig(json(R"({"name": "t", "namespace": "n", "minutes": 5})")).ok());
    }

    void updateChangesWhatThePackageAllows()
    {
        const AlarmSchedule cron = create(Kind::Cron, R"({"cron": "0 * * * *", "strict": true})");
        const auto noChange = cron.updated(json(R"({"minutes": 5, "date": 1798135200000})"), kNow);
        QVERIFY(!noChange.ok());
        QCOMPARE(noChange.error().message, QStringLiteral("no updatable parameters were specified"));
        const auto badCron = cron.updated(json(R"({"cron": "* * *"})"), kNow);
        QCOMPARE(badCron.error().message, QStringLiteral("cron pattern '* * *' is not valid"));
        const auto badZone = cron.updated(json(R"({"timezone": "Nowhere/City"})"), kNow);
        QCOMPARE(badZone.error().message, QStringLiteral("Invalid timezone."));
        const auto newCron = cron.updated(json(R"({"cron": "30 * * * *", "trigger_payload": "p"})"), kNow);
        QVERIFY(newCron.ok());
        QCOMPARE(newCron->nextFireAfter(kNow), ms("2026-12-06T10:30:00Z"));
        QCOMPARE(newCron->payload(), json(R"({"payload": "p"})"));

        const AlarmSchedule interval =
            create(Kind::Interval, R"({"minutes": 5, "startDate": "2026-12-07T00:00:00Z", "stopDate": 1798135200000})");
        const auto late = interval.updated(json(R"({"startDate": "2026-12-25T00:00:00Z"})"), kNow);
        QCOMPARE(late.error().message,
                 QStringLiteral("startDate parameter '2026-12-25T00:00:00Z' must be less than the "
                                "stopDate parameter '1798135200000'"));
        const auto zero = interval.updated(json(R"({"minutes": -1})"), kNow);
        QCOMPARE(zero.error().message, QStringLiteral("the minutes parameter must be an integer greater than zero"));
        const auto every2 = interval.updated(json(R"({"minutes": 2})"), kNow);
        QCOMPARE(every2->nextFires(kNow, 2), msList({"2026-12-07T00:00:00Z", "2026-12-07T00:02:00Z"}));

        const AlarmSchedule once = create(Kind::Once, R"({"date": 1798135200000})");
        QCOMPARE(once.updated(json(R"({"deleteAfterFire": "never"})"), kNow).error().message,
                 QStringLiteral("deleteAfterFire parameter must be one of [false, true, rules]."));
        QCOMPARE(once.updated(json(R"({"date": 5})"), kNow).error().message,
                 QStringLiteral("date parameter '5' must be in the future"));
        QCOMPARE(once.updated(json(R"({"date": "2027-01-01T00:00:00Z"})"), kNow)->nextFireAfter(kNow),
                 ms("2027-01-01T00:00:00Z"));
    }

    void describeInWords()
    {
        const QTimeZone berlin("Europe/Berlin");
        QCOMPARE(create(Kind::Cron, R"({"cron": "*/10 * * * * *"})").describe(), QStringLiteral("every 10 seconds"));
        QCOMPARE(create(Kind::Cron, R"({"cron": "30 9 * * *", "timezone": "Europe/Berlin"})").describe(),
                 QStringLiteral("every day at 09:30 (Europe/Berlin)"));
        QCOMPARE(create(Kind::Once, R"({"date": "2026-12-24T17:00:00Z"})").describe(berlin),
                 QStringLiteral("once at 2026-12-24 18:00 (Europe/Berlin)"));
        QCOMPARE(create(Kind::Interval, R"({"minutes": 15, "startDate": "2026-12-07T08:00:00Z",
                                            "stopDate": "2026-12-08T08:00:00Z"})")
                     .describe(),
                 QStringLiteral("every 15 minutes, from 2026-12-07 08:00 (UTC), until 2026-12-08 08:00 (UTC)"));
        QCOMPARE(create(Kind::Interval, R"({"minutes": 1, "startDate": "2026-12-07T08:00:00Z"})").describe(berlin),
                 QStringLiteral("every minute, from 2026-12-07 09:00 (Europe/Berlin)"));
    }
};

QTEST_GUILESS_MAIN(TestAlarmSchedule)
#include "TestAlarmSchedule.moc"
