#pragma once

#include "core/AlarmSchedule.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace funcdesk {

// What the Timer editor edits: one of the alarms feeds (a cron schedule, a single date, or an
// interval in minutes) with its time zone and the payload each fire posts. Validates as the
// user types (the message names what is wrong), describes the schedule in words and lists the
// next fire times in the chosen zone, and writes the feed parameters of the alarms package.
class TimerTriggerForm
{
public:
    enum class Mode { Cron, Once, Interval };

    Mode mode = Mode::Cron;
    QString cron = QStringLiteral("*/5 * * * *");
    QString timeZone;     // IANA id ("Europe/Berlin"); empty: UTC, as the alarms package
    QDateTime onceAt;     // Mode::Once, in `timeZone`
    int minutes = 5;      // Mode::Interval
    QString payloadText;  // a JSON object, or empty
    QDateTime startAfter; // the time "now" for previews; invalid: the current time
    QString triggerName;  // for the 5-field cron's delay in the preview (the alarms package's)

    // The form as a feed's READ config gave it back (editing an existing trigger); Cron with the
    // defaults for an unknown feed.
    static TimerTriggerForm fromFeed(const QString &feed, const QJsonObject &config);

    // The schedule the feed will make of the form, or why it refuses it: the alarms package's
    // checks and texts (core/AlarmSchedule), after the form's own (time zone, payload).
    Result<AlarmSchedule> schedule() const;
    // Empty when the form can be sent, else what is wrong, in the UI language.
    QString validate() const;
    // "every 5 minutes, Monday to Friday", "once at …", "every 15 minutes"; empty when invalid.
    QString preview() const;
    // The next `count` fire times, as "ddd yyyy-MM-dd HH:mm:ss" in the chosen zone.
    QStringList nextFires(int count = 5) const;

    // "/whisk.system/alarms/alarm", ".../once" or ".../interval".
    QString feed() const;
    // The feed's parameters: cron (+ timezone), date, or minutes; trigger_payload when given.
    QJsonObject feedParams() const;

    // Every time zone the system knows, for the editor's chooser ("UTC" first).
    static QStringList timeZones();

private:
    AlarmSchedule::Kind kind() const;
    QTimeZone zone() const;
    QDateTime now() const;
};

} // namespace funcdesk
