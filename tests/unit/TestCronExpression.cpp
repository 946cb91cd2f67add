#include "core/CronExpression.h"

#include <QLocale>
#include <QTest>

using namespace funcdesk;

namespace {

QDateTime utc(const QString &iso)
{
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return time.toUTC();
}

// The next `count` fire times after `afterIso`, as UTC ISO strings, or the parse error.
QStringList fires(const QString &expression, const QString &afterIso, int count,
                  const QTimeZone &zone = QTimeZone::utc())
{
    const auto cron = CronExpression::parse(expression);
    if (!cron)
        return {cron.error().message};
    QStringList out;
    for (const QDateTime &time : cron->nextTimes(utc(afterIso), zone, count))
        out << time.toUTC().toString(Qt::ISODate);
    return out;
}

QStringList times(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *item : list)
        out << QString::fromLatin1(item);
    return out;
}

QStringList fires(const char *expression, const char *afterIso, int count)
{
    return fires(QString::fromLatin1(expression), QString::fromLatin1(afterIso), count);
}

QTimeZone zone(const char *id)
{
    QTimeZone tz(id);
    Q_ASSERT(tz.isValid());
    return tz;
}

QDateTime utc(const char *iso)
{
    return utc(QString::fromLatin1(iso));
}

} // namespace

class TestCronExpression : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void fireTimesFollowTheFields_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QStringList>("expected");
        const QString after = QStringLiteral("2026-12-06T10:07:30Z"); // a Sunday
        QTest::newRow("every minute") << "* * * * *" << after
                                      << times({"2026-12-06T10:08:00Z", "2026-12-06T10:09:00Z"});
        QTest::newRow("step") << "*/15 * * * *" << after
                              << times({"2026-12-06T10:15:00Z", "2026-12-06T10:30:00Z", "2026-12-06T10:45:00Z"});
        QTest::newRow("range with step") << "10-30/10 * * * *" << after
                                         << times({"2026-12-06T10:10:00Z", "2026-12-06T10:20:00Z",
                                                   "2026-12-06T10:30:00Z", "2026-12-06T11:10:00Z"});
        QTest::newRow("start with step runs to the end")
            << "40/10 * * * *" << after
            << times({"2026-12-06T10:40:00Z", "2026-12-06T10:50:00Z", "2026-12-06T11:40:00Z"});
        QTest::newRow("list") << "5,55 9,17 * * *" << after
                              << times({"2026-12-06T17:05:00Z", "2026-12-06T17:55:00Z", "2026-12-07T09:05:00Z"});
        QTest::newRow("range of hours") << "0 22-23 * * *" << after
                                        << times({"2026-12-06T22:00:00Z", "2026-12-06T23:00:00Z",
                                                  "2026-12-07T22:00:00Z"});
        QTest::newRow("weekday names") << "0 9 * * mon-FRI" << after
                                       << times({"2026-12-07T09:00:00Z", "2026-12-08T09:00:00Z", "2026-12-09T09:00:00Z",
                                                 "2026-12-10T09:00:00Z", "2026-12-11T09:00:00Z",
                                                 "2026-12-14T09:00:00Z"});
        QTest::newRow("month names") << "0 0 1 Jan,jul *" << after
                                     << times({"2027-01-01T00:00:00Z", "2027-07-01T00:00:00Z", "2028-01-01T00:00:00Z"});
        QTest::newRow("7 is Sunday") << "0 12 * * 7" << after
                                     << times({"2026-12-06T12:00:00Z", "2026-12-13T12:00:00Z"});
        QTest::newRow("0 is Sunday") << "0 12 * * 0" << after
                                     << times({"2026-12-06T12:00:00Z", "2026-12-13T12:00:00Z"});
        QTest::newRow("range to 7 includes Sunday")
            << "0 12 * * 6-7"
            << "2026-12-07T00:00:00Z"
            << times({"2026-12-12T12:00:00Z", "2026-12-13T12:00:00Z", "2026-12-19T12:00:00Z"});
        QTest::newRow("day of month and weekday: either matches")
            << "0 0 13 * fri"
            << "2026-12-01T00:00:00Z"
            << times({"2026-12-04T00:00:00Z", "2026-12-11T00:00:00Z", "2026-12-13T00:00:00Z", "2026-12-18T00:00:00Z"});
        QTest::newRow("starred weekday restricts with AND")
            << "0 0 1-7 * */7"
            << "2026-12-01T00:00:00Z" << times({"2026-12-06T00:00:00Z", "2027-01-03T00:00:00Z"});
        QTest::newRow("six fields: seconds first")
            << "*/20 * * * * *" << after
            << times({"2026-12-06T10:07:40Z", "2026-12-06T10:08:00Z", "2026-12-06T10:08:20Z"});
        QTest::newRow("six fields: fixed second")
            << "15 30 10 * * *" << after << times({"2026-12-06T10:30:15Z", "2026-12-07T10:30:15Z"});
        QTest::newRow("@hourly") << "@hourly" << after << times({"2026-12-06T11:00:00Z", "2026-12-06T12:00:00Z"});
        QTest::newRow("@daily") << "@daily" << after << times({"2026-12-07T00:00:00Z", "2026-12-08T00:00:00Z"});
        QTest::newRow("@midnight") << "@midnight" << after << times({"2026-12-07T00:00:00Z"});
        QTest::newRow("@weekly") << "@weekly" << after << times({"2026-12-13T00:00:00Z", "2026-12-20T00:00:00Z"});
        QTest::newRow("@monthly") << "@monthly" << after << times({"2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z"});
        QTest::newRow("@yearly") << "@yearly" << after << times({"2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"});
        QTest::newRow("@annually") << "@ANNUALLY" << after << times({"2027-01-01T00:00:00Z"});
        QTest::newRow("leap day") << "0 0 29 2 *"
                                  << "2026-03-01T00:00:00Z" << times({"2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"});
        QTest::newRow("31st skips short months")
            << "0 0 31 * *"
            << "2027-01-31T12:00:00Z" << times({"2027-03-31T00:00:00Z", "2027-05-31T00:00:00Z"});
        QTest::newRow("February 30 never comes") << "0 0 30 2 *" << after << QStringList();
        QTest::newRow("last second of the year")
            << "59 59 23 31 12 *" << after << times({"2026-12-31T23:59:59Z", "2027-12-31T23:59:59Z"});
    }

    void fireTimesFollowTheFields()
    {
        QFETCH(QString, expression);
        QFETCH(QString, after);
        QFETCH(QStringList, expected);
        QCOMPARE(fires(expression, after, int(expected.size()) + (expected.isEmpty() ? 1 : 0)), expected);
    }

    void nextIsStrictlyAfter()
    {
        QCOMPARE(fires("*/5 * * * *", "2026-12-06T10:05:00Z", 1), times({"2026-12-06T10:10:00Z"}));
        QCOMPARE(fires("* * * * * *", "2026-12-06T10:05:00.500Z", 1), times({"2026-12-06T10:05:01Z"}));
        QCOMPARE(fires("* * * * * *", "2026-12-06T10:05:00.000Z", 1), times({"2026-12-06T10:05:01Z"}));
    }

    void nextIsInTheZone()
    {
        // 09:30 in Berlin is 08:30 UTC in winter; the result carries the zone asked for.
        const auto cron = CronExpression::parse(QStringLiteral("30 9 * * *"));
        QVERIFY(cron.ok());
        const QDateTime next = cron->next(utc("2026-12-06T12:00:00Z"), zone("Europe/Berlin"));
        QCOMPARE(next.toUTC(), utc("2026-12-07T08:30:00Z"));
        QCOMPARE(next.timeZone(), zone("Europe/Berlin"));
        QCOMPARE(next.time(), QTime(9, 30));
    }

    void dstGapIsSkipped_data()
    {
        QTest::addColumn<QString>("zoneId");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QStringList>("expected");
        // Berlin: 2026-03-29 02:00 CET becomes 03:00 CEST.
        QTest::newRow("Berlin daily at 02:30")
            << "Europe/Berlin"
            << "30 2 * * *"
            << "2026-03-28T12:00:00Z" << times({"2026-03-30T00:30:00Z", "2026-03-31T00:30:00Z"});
        QTest::newRow("Berlin half-hourly")
            << "Europe/Berlin"
            << "0,30 * * * *"
            << "2026-03-29T00:15:00Z"
            << times({"2026-03-29T00:30:00Z", "2026-03-29T01:00:00Z", "2026-03-29T01:30:00Z"});
        // New York: 2026-03-08 02:00 EST becomes 03:00 EDT.
        QTest::newRow("New York daily at 02:30")
            << "America/New_York"
            << "30 2 * * *"
            << "2026-03-07T12:00:00Z" << times({"2026-03-09T06:30:00Z", "2026-03-10T06:30:00Z"});
        QTest::newRow("New York every second across the gap")
            << "America/New_York"
            << "* * * * * *"
            << "2026-03-08T06:59:58Z"
            << times({"2026-03-08T06:59:59Z", "2026-03-08T07:00:00Z", "2026-03-08T07:00:01Z"});
    }

    void dstGapIsSkipped()
    {
        QFETCH(QString, zoneId);
        QFETCH(QString, expression);
        QFETCH(QString, after);
        QFETCH(QStringList, expected);
        QCOMPARE(fires(expression, after, int(expected.size()), zone(zoneId.toUtf8().constData())), expected);
    }

    void dstRepeatFiresOnce_data()
    {
        QTest::addColumn<QString>("zoneId");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QStringList>("expected");
        // Berlin: 2026-10-25 03:00 CEST goes back to 02:00 CET; 02:30 happens at 00:30Z and 01:30Z.
        QTest::newRow("Berlin daily at 02:30")
            << "Europe/Berlin"
            << "30 2 * * *"
            << "2026-10-24T12:00:00Z" << times({"2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"});
        QTest::newRow("Berlin half-hourly")
            << "Europe/Berlin"
            << "0,30 * * * *"
            << "2026-10-24T23:15:00Z"
            << times({"2026-10-24T23:30:00Z", "2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z", "2026-10-25T02:00:00Z"});
        QTest::newRow("Berlin: from inside the second pass")
            << "Europe/Berlin"
            << "*/20 * * * *"
            << "2026-10-25T01:10:00Z" << times({"2026-10-25T02:00:00Z"});
        // New York: 2026-11-01 02:00 EDT goes back to 01:00 EST; 01:30 happens at 05:30Z and 06:30Z.
        QTest::newRow("New York daily at 01:30")
            << "America/New_York"
            << "30 1 * * *"
            << "2026-10-31T12:00:00Z" << times({"2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"});
        QTest::newRow("New York hourly") << "America/New_York"
                                         << "0 * * * *"
                                         << "2026-11-01T04:30:00Z"
                                         << times({"2026-11-01T05:00:00Z", "2026-11-01T07:00:00Z",
                                                   "2026-11-01T08:00:00Z"});
    }

    void dstRepeatFiresOnce()
    {
        QFETCH(QString, zoneId);
        QFETCH(QString, expression);
        QFETCH(QString, after);
        QFETCH(QStringList, expected);
        QCOMPARE(fires(expression, after, int(expected.size()), zone(zoneId.toUtf8().constData())), expected);
    }

    void nextTimesStopsWhenThereAreNoMore()
    {
        const auto cron = CronExpression::parse(QStringLiteral("0 0 31 4 *")); // April has 30 days
        QVERIFY(cron.ok());
        QVERIFY(!cron->next(utc("2026-01-01T00:00:00Z"), QTimeZone::utc()).isValid());
        QVERIFY(cron->nextTimes(utc("2026-01-01T00:00:00Z"), QTimeZone::utc(), 5).isEmpty());
        QCOMPARE(CronExpression::parse(QStringLiteral("0 0 1 1 *"))
                     ->nextTimes(utc("2026-06-01T00:00:00Z"), QTimeZone::utc(), 3)
                     .size(),
                 3);
    }

    void textAndSecondsAreKept()
    {
        const auto five = CronExpression::parse(QStringLiteral("  */5 * * * 1-5 "));
        QVERIFY(five.ok());
        QCOMPARE(five->text(), QStringLiteral("*/5 * * * 1-5"));
        QVERIFY(!five->hasSeconds());
        QVERIFY(CronExpression::parse(QStringLiteral("*/10 * * * * *"))->hasSeconds());
        QVERIFY(!CronExpression::parse(QStringLiteral("@hourly"))->hasSeconds());
        QVERIFY(*CronExpression::parse(QStringLiteral("0 * * * *")) ==
                *CronExpression::parse(QStringLiteral("0 * * * *")));
    }

    void invalidExpressionsNameTheField_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const char *expression, const char *detail) {
            QTest::newRow(name) << expression
                                << QStringLiteral("Invalid cron expression '%1': %2")
                                       .arg(QString::fromLatin1(expression), QString::fromLatin1(detail));
        };
        row("minute out of range", "61 * * * *", "minute: 61 is out of range 0-59.");
        row("hour out of range", "0 24 * * *", "hour: 24 is out of range 0-23.");
        row("day of month zero", "0 0 0 * *", "day of month: 0 is out of range 1-31.");
        row("day of month 32", "0 0 32 * *", "day of month: 32 is out of range 1-31.");
        row("month 13", "0 0 1 13 *", "month: 13 is out of range 1-12.");
        row("weekday 8", "0 0 * * 8", "day of week: 8 is out of range 0-7.");
        row("second 60", "60 * * * * *", "second: 60 is out of range 0-59.");
        row("unknown month name", "0 0 1 foo *", "month: 'foo' is neither a number nor a name.");
        row("unknown weekday name", "0 0 * * sunday", "day of week: 'sunday' is neither a number nor a name.");
        row("weekday name in month", "0 0 1 mon *", "month: 'mon' is neither a number nor a name.");
        row("name in hours", "0 jan * * *", "hour: 'jan' is not a number.");
        row("backwards range", "0 17-9 * * *", "hour: range 17-9 goes backwards.");
        row("step zero", "*/0 * * * *", "minute: step '0' must be a whole number of at least 1.");
        row("step not a number", "*/x * * * *", "minute: step 'x' must be a whole number of at least 1.");
        row("two steps", "*/5/2 * * * *", "minute: '*/5/2' has more than one step.");
        row("empty list item", "1,,2 * * * *", "minute: a list has an empty item.");
        row("negative", "0 0 * * -1", "day of week: '' is neither a number nor a name.");
        row("decimal", "1.5 * * * *", "minute: '1.5' is not a number.");
        row("four fields", "* * * *",
            "expected 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, found 4.");
        row("seven fields", "* * * * * * *",
            "expected 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, found 7.");
        row("empty", "",
            "expected 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, found 0.");
        row("unknown macro", "@often",
            "unknown macro; use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly.");
        row("macro with fields", "@daily 5",
            "unknown macro; use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly.");
    }

    void invalidExpressionsNameTheField()
    {
        QFETCH(QString, expression);
        QFETCH(QString, message);
        const auto cron = CronExpression::parse(expression);
        QVERIFY(!cron.ok());
        QCOMPARE(cron.error().kind, PlatformError::Kind::Invalid);
        QCOMPARE(cron.error().message, message);
    }

    void describeInWords_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("words");
        QTest::newRow("every minute") << "* * * * *"
                                      << "every minute";
        QTest::newRow("every 5 minutes on weekdays") << "*/5 * * * 1-5"
                                                     << "every 5 minutes, Monday to Friday";
        QTest::newRow("monthly at a time") << "30 9 1 * *"
                                           << "at 09:30, on day 1 of the month";
        QTest::newRow("every 10 seconds") << "*/10 * * * * *"
                                          << "every 10 seconds";
        QTest::newRow("every second") << "* * * * * *"
                                      << "every second";
        QTest::newRow("daily") << "0 9 * * *"
                               << "every day at 09:00";
        QTest::newRow("twice a day") << "30 9,17 * * *"
                                     << "every day at 09:30 and 17:30";
        QTest::newRow("with seconds") << "15 30 9 * * *"
                                      << "every day at 09:30:15";
        QTest::newRow("hourly") << "0 * * * *"
                                << "every hour";
        QTest::newRow("@hourly") << "@hourly"
                                 << "every hour";
        QTest::newRow("@daily") << "@daily"
                                << "every day at 00:00";
        QTest::newRow("@weekly") << "@weekly"
                                 << "at 00:00, on Sunday";
        QTest::newRow("@yearly") << "@yearly"
                                 << "at 00:00, on day 1 of the month, in January";
        QTest::newRow("every 2 hours") << "0 */2 * * *"
                                       << "every 2 hours";
        QTest::newRow("minute past every hour") << "30 * * * *"
                                                << "at minute 30, every hour";
        QTest::newRow("working hours") << "*/15 9-17 * * mon-fri"
                                       << "every 15 minutes, between 09:00 and 17:59, Monday to Friday";
        QTest::newRow("weekday list") << "0 8 * * 1,3,5"
                                      << "at 08:00, on Monday, Wednesday and Friday";
        QTest::newRow("OR rule") << "0 0 13 * 5"
                                 << "at 00:00, on day 13 of the month or on Friday";
        QTest::newRow("days of month") << "0 0 1,15 * *"
                                       << "at 00:00, on days 1 and 15 of the month";
        QTest::newRow("months range") << "0 0 1 6-8 *"
                                      << "at 00:00, on day 1 of the month, June to August";
        QTest::newRow("minutes list") << "5,10 * * * *"
                                      << "at minutes 5 and 10, every hour";
        QTest::newRow("second within minute") << "5 * * * * *"
                                              << "at second 5, every minute";
    }

    void describeInWords()
    {
        QFETCH(QString, expression);
        QFETCH(QString, words);
        const auto cron = CronExpression::parse(expression);
        QVERIFY2(cron.ok(), qPrintable(cron ? QString() : cron.error().message));
        QCOMPARE(cron->describe(), words);
    }
};

QTEST_GUILESS_MAIN(TestCronExpression)
#include "TestCronExpression.moc"
