// The trigger editors' forms: the Timer form checks with the alarms package's own rules and texts,
// says its schedule in words and lists the next fires in the chosen zone, and writes the feed's
// parameters; the Object and HTTP route forms validate, describe and address what they create.

#include "models/triggers/ObjectTriggerForm.h"
#include "models/triggers/RouteTriggerForm.h"
#include "models/triggers/TimerTriggerForm.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace funcdesk;

class TestTriggerForms : public QObject
{
    Q_OBJECT

private:
    static TimerTriggerForm timer(const QString &cron, const QString &zone = {})
    {
        TimerTriggerForm form;
        form.cron = cron;
        form.timeZone = zone;
        form.startAfter = QDateTime(QDate(2026, 12, 7), QTime(8, 0, 3), QTimeZone::utc()); // a Monday
        form.triggerName = QStringLiteral("t");
        return form;
    }

private Q_SLOTS:
    void aSixFieldCronEveryTenSecondsPreviewsItsNextFiveFires()
    {
        const TimerTriggerForm form = timer(QStringLiteral("*/10 * * * * *"));
        QCOMPARE(form.validate(), QString());
        QCOMPARE(form.preview(), QStringLiteral("every 10 seconds"));
        const QStringList next = form.nextFires(5);
        QCOMPARE(next.size(), 5);
        QVERIFY2(next.first().endsWith(QLatin1StringView("2026-12-07 08:00:10")), qPrintable(next.first()));
        QVERIFY2(next.last().endsWith(QLatin1StringView("2026-12-07 08:00:50")), qPrintable(next.last()));
        QCOMPARE(form.feed(), QStringLiteral("/whisk.system/alarms/alarm"));
        QCOMPARE(form.feedParams().value(QLatin1StringView("cron")).toString(), QStringLiteral("*/10 * * * * *"));
        QVERIFY(!form.feedParams().contains(QLatin1StringView("trigger_payload")));
    }

    void nextFiresAreShownInTheChosenTimeZone()
    {
        TimerTriggerForm form = timer(QStringLiteral("0 9 * * 1-5"), QStringLiteral("Europe/Berlin"));
        form.startAfter = QDateTime(QDate(2026, 12, 7), QTime(8, 30), QTimeZone::utc()); // 09:30 in Berlin
        QCOMPARE(form.validate(), QString());
        const QStringList next = form.nextFires(5);
        QCOMPARE(next.size(), 5);
        // Monday 09:30 in Berlin: the next is Tuesday 09:00 Berlin time (+ the 5-field cron's delay).
        QVERIFY2(next.first().contains(QLatin1StringView("2026-12-08 09:00:")), qPrintable(next.first()));
        QCOMPARE(form.feedParams().value(QLatin1StringView("timezone")).toString(), QStringLiteral("Europe/Berlin"));
        QVERIFY2(form.preview().contains(QLatin1StringView("Monday to Friday")), qPrintable(form.preview()));
    }

    void aWrongCronNamesTheFieldAndHasNoPreview()
    {
        const TimerTriggerForm form = timer(QStringLiteral("61 * * * *"));
        QVERIFY2(form.validate().contains(QLatin1StringView("minute")), qPrintable(form.validate()));
        QCOMPARE(form.preview(), QString());
        QVERIFY(form.nextFires(5).isEmpty());
    }

    void anUnknownTimeZoneOrABadPayloadIsRefused()
    {
        QVERIFY(timer(QStringLiteral("* * * * *"), QStringLiteral("Mars/Olympus"))
                    .validate()
                    .contains(QLatin1StringView("Mars/Olympus")));
        TimerTriggerForm form = timer(QStringLiteral("* * * * *"));
        form.payloadText = QStringLiteral("{\"a\": }");
        QVERIFY2(form.validate().startsWith(QLatin1StringView("Payload:")), qPrintable(form.validate()));
        form.payloadText = QStringLiteral("{\"source\": \"timer\"}");
        QCOMPARE(form.validate(), QString());
        QCOMPARE(
            form.feedParams().value(QLatin1StringView("trigger_payload")).toObject().value(QLatin1StringView("source")),
            QStringLiteral("timer"));
    }

    void anIntervalStartsThirtySecondsAfterCreationAndRepeats()
    {
        TimerTriggerForm form = timer({});
        form.mode = TimerTriggerForm::Mode::Interval;
        form.minutes = 15;
        QCOMPARE(form.validate(), QString());
        QCOMPARE(form.feed(), QStringLiteral("/whisk.system/alarms/interval"));
        QCOMPARE(form.feedParams().value(QLatin1StringView("minutes")).toInt(), 15);
        const QStringList next = form.nextFires(2);
        QCOMPARE(next.size(), 2);
        QVERIFY2(next.at(0).endsWith(QLatin1StringView("2026-12-07 08:00:33")), qPrintable(next.at(0)));
        QVERIFY2(next.at(1).endsWith(QLatin1StringView("2026-12-07 08:15:33")), qPrintable(next.at(1)));
        form.minutes = 0;
        QVERIFY(!form.validate().isEmpty());
    }

    void onceMustBeInTheFutureAndFiresOnce()
    {
        TimerTriggerForm form = timer({});
        form.mode = TimerTriggerForm::Mode::Once;
        form.onceAt = QDateTime(QDate(2026, 12, 7), QTime(7, 0), QTimeZone::utc());
        QVERIFY(!form.validate().isEmpty());
        form.onceAt = QDateTime(QDate(2026, 12, 24), QTime(18, 0), QTimeZone("Europe/Berlin"));
        form.timeZone = QStringLiteral("Europe/Berlin");
        QCOMPARE(form.validate(), QString());
        QCOMPARE(form.feed(), QStringLiteral("/whisk.system/alarms/once"));
        const QStringList next = form.nextFires(5);
        QCOMPARE(next.size(), 1);
        QVERIFY2(next.first().endsWith(QLatin1StringView("2026-12-24 18:00:00")), qPrintable(next.first()));
    }

    void aTimerFormReadsBackWhatTheFeedReports()
    {
        const TimerTriggerForm form =
            TimerTriggerForm::fromFeed(QStringLiteral("/whisk.system/alarms/alarm"),
                                       {{QStringLiteral("cron"), QStringLiteral("*/5 * * * 1-5")},
                                        {QStringLiteral("timezone"), QStringLiteral("Asia/Shanghai")},
                                        {QStringLiteral("payload"), QJsonObject{{QStringLiteral("k"), 1}}}});
        QCOMPARE(form.mode, TimerTriggerForm::Mode::Cron);
        QCOMPARE(form.cron, QStringLiteral("*/5 * * * 1-5"));
        QCOMPARE(form.timeZone, QStringLiteral("Asia/Shanghai"));
        QVERIFY(form.payloadText.contains(QLatin1StringView("\"k\": 1")));
        QCOMPARE(TimerTriggerForm::fromFeed(QStringLiteral("/whisk.system/alarms/interval"),
                                            {{QStringLiteral("minutes"), 7}})
                     .minutes,
                 7);
    }

    void anObjectFormNeedsABucketAndAnEvent()
    {
        ObjectTriggerForm form;
        QVERIFY(!form.validate().isEmpty());
        form.bucket = QStringLiteral("data");
        form.suffix = QStringLiteral(".csv");
        QCOMPARE(form.validate(), QString());
        QCOMPARE(form.preview(), QStringLiteral("on put of *.csv in bucket data"));
        QCOMPARE(form.feedParams().value(QLatin1StringView("events")).toArray(), QJsonArray{QStringLiteral("put")});
        form.onPut = false;
        QVERIFY(!form.validate().isEmpty());
        form.onDelete = true;
        form.prefix = QStringLiteral("in/");
        QCOMPARE(form.preview(), QStringLiteral("on delete of in/*.csv in bucket data"));
        const ObjectTriggerForm back = ObjectTriggerForm::fromFeedConfig(form.feedParams());
        QCOMPARE(back.prefix, QStringLiteral("in/"));
        QVERIFY(back.onDelete && !back.onPut);
    }

    void aRouteFormValidatesPathsAndBuildsTheFullUrl()
    {
        RouteTriggerForm form;
        form.basePath = QStringLiteral("shop");
        form.relPath = QStringLiteral("/items/{id}");
        form.function = QStringLiteral("getItem");
        QVERIFY2(form.validate().contains(QLatin1StringView("http")), qPrintable(form.validate()));
        form.responseType = QStringLiteral("http");
        QCOMPARE(form.validate(), QString());
        form.function.clear();
        QVERIFY(form.validate().contains(QLatin1StringView("function")));
        form.function = QStringLiteral("getItem");
        QCOMPARE(form.fullUrl(QStringLiteral("http://127.0.0.1:3233/")),
                 QStringLiteral("http://127.0.0.1:3233/api/shop/items/{id}"));
        const ApiRoute route = form.route(QStringLiteral("guest"));
        QCOMPARE(route.basePath, QStringLiteral("/shop"));
        QCOMPARE(route.relPath, QStringLiteral("/items/{id}"));
        QCOMPARE(route.action, QStringLiteral("/guest/getItem"));
        QCOMPARE(RouteTriggerForm::fromRoute(route).function, QStringLiteral("getItem"));
        form.basePath = QStringLiteral("/");
        QVERIFY(!form.validate().isEmpty());
        form.basePath = QStringLiteral("/shop");
        form.relPath = QStringLiteral("/items/{id");
        QVERIFY(!form.validate().isEmpty());
        form.relPath = QStringLiteral("/items/{id}");
        form.verb = QStringLiteral("FETCH");
        QVERIFY(!form.validate().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTriggerForms)
#include "TestTriggerForms.moc"
