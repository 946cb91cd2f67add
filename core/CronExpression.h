#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <bitset>

namespace funcdesk {

// A cron expression as the alarms feed accepts it (node-cron's syntax, as OpenWhisk's
// openwhisk-package-alarms): 5 fields "minute hour day-of-month month day-of-week", or 6 with
// seconds first; ranges (1-5), steps (*/5, 10-30/10), lists (1,3,5), month and weekday names
// (JAN-DEC, SUN-SAT, case-insensitive), 0 and 7 both Sunday, and the macros @yearly (@annually),
// @monthly, @weekly, @daily (@midnight) and @hourly. When both day-of-month and day-of-week are
// restricted (neither is "*"), a day matches if either does (Vixie cron's OR rule).
//
// Fire times are computed in a named time zone (QTimeZone): a wall-clock time that does not
// exist (a DST gap) is skipped, a time that happens twice (a DST repeat) fires once, at its
// first occurrence.
class CronExpression
{
public:
    // Parses `text`; the error (Kind::Invalid) names the field that is wrong and why, e.g.
    // "Invalid cron expression '61 * * * *': minute: 61 is out of range 0-59."
    static Result<CronExpression> parse(const QString &text);

    QString text() const { return m_text; }
    bool hasSeconds() const { return m_hasSeconds; } // written with 6 fields

    // The first fire time strictly after `after`, in `zone`; an invalid QDateTime when there is
    // none within the next 5 years (e.g. "0 0 30 2 *").
    QDateTime next(const QDateTime &after, const QTimeZone &zone) const;
    // The next `count` fire times strictly after `after` (fewer when there are fewer).
    QList<QDateTime> nextTimes(const QDateTime &after, const QTimeZone &zone, int count) const;

    // The expression in words, in the UI language: "every 5 minutes, Monday to Friday",
    // "at 09:30, on day 1 of the month". Uses QCoreApplication::translate("CronExpression", ...).
    QString describe() const;

    friend bool operator==(const CronExpression &a, const CronExpression &b) { return a.m_text == b.m_text; }

private:
    QString m_text;
    bool m_hasSeconds = false;
    std::bitset<60> m_seconds;
    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_daysOfMonth; // 1-31
    std::bitset<13> m_months;      // 1-12
    std::bitset<7> m_daysOfWeek;   // 0 = Sunday
    bool m_dayOfMonthStar = true;
    bool m_dayOfWeekStar = true;
};

} // namespace funcdesk
