#pragma once

#include "core/CronExpression.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>

#include <optional>

namespace funcdesk {

// The most a 5-field cron alarm without `strict` is delayed, in seconds (the alarms provider's
// ALARM_DELAY_LIMIT, which it caps below 60). The delay, 0 to this many seconds, comes from a hash
// of the trigger's name, so triggers sharing a cron do not all fire in the same second.
inline constexpr int kAlarmDelayLimitSeconds = 10;

// The schedule of one trigger fed by the alarms package (/whisk.system/alarms/alarm, once,
// interval), as apache/openwhisk-package-alarms validates and fires it: its parameter names, its
// error texts, dates as epoch ms or ISO-8601 strings (without an offset: UTC), `trigger_payload`
// (a string becomes {"payload": string}). Shared by the platform's scheduler and the console.
//
// Fire times: a cron fires at its matches from startDate (inclusive) in `timezone` (default UTC);
// an interval fires at startDate (default: 30 s after creation) and then every `minutes`; once
// fires at `date`. Nothing fires after stopDate (a fire exactly at stopDate still happens).
class AlarmSchedule
{
public:
    enum class Kind { Cron, Once, Interval }; // feeds alarm, once, interval
    // What happens to a once trigger after its fire (the once feed's deleteAfterFire).
    enum class AfterFire { Disable, DeleteTrigger, DeleteTriggerAndRules };

    // "/whisk.system/alarms/alarm" (leading slash optional) → Cron, ".../once" → Once,
    // ".../interval" → Interval; nullopt for any other name.
    static std::optional<Kind> kindOfFeed(QStringView feedName);
    static QString feedName(Kind kind); // "/whisk.system/alarms/alarm" ...

    // CREATE: validates the feed's parameters as the alarms package does, with its error texts
    // (PlatformError::Kind::Invalid). `nowMs` for the "must be in the future" checks and the
    // interval's default start; `triggerName` ("/ns/name") for the config and the cron delay.
    static Result<AlarmSchedule> fromFeedParams(Kind kind, const QJsonObject &params, const QString &triggerName,
                                                qint64 nowMs);
    // UPDATE: this schedule with the parameters the alarms package lets an update change.
    Result<AlarmSchedule> updated(const QJsonObject &params, qint64 nowMs) const;
    // Restores a schedule from config() (to reload persisted schedules: no "in the future" checks).
    static Result<AlarmSchedule> fromConfig(const QJsonObject &config);

    // The READ answer's "config": name, namespace, payload, strict, then date and
    // deleteAfterFire (once), or startDate, stopDate and minutes (interval) or cron and timezone.
    QJsonObject config() const;
    QJsonObject payload() const { return m_payload; } // the body a fire posts to the trigger

    // The first fire strictly after `afterMs` (epoch ms); nullopt when it will not fire again.
    std::optional<qint64> nextFireAfter(qint64 afterMs) const;
    QList<qint64> nextFires(qint64 afterMs, int count) const;
    // The provider's reason to disable the trigger after the fire at `firedAtMs` ("Automatically
    // disabled after firing once" ...); nullopt while fires remain.
    std::optional<QString> disableReasonAfterFire(qint64 firedAtMs) const;
    // Why the provider would refuse to (re)start this schedule at `nowMs` ("the stop date has
    // expired" ...); nullopt when it can run.
    std::optional<QString> scheduleProblem(qint64 nowMs) const;

    // In words, dates shown in `displayZone`: "every 10 seconds", "once at 2026-12-24 18:00
    // (Europe/Berlin)", "every 15 minutes, from ... until ...".
    QString describe(const QTimeZone &displayZone = QTimeZone::utc()) const;

    Kind kind() const { return m_kind; }
    QString triggerName() const { return QStringLiteral("/%1/%2").arg(m_namespace, m_name); }
    AfterFire afterFire() const;
    bool strict() const;
    int delaySeconds() const; // the non-strict delay a 5-field cron gets (0 otherwise)
    std::optional<CronExpression> cron() const { return m_cron; }
    QTimeZone timeZone() const;

private:
    AlarmSchedule() = default;
    std::optional<CronExpression> effectiveCron() const;

    Kind m_kind = Kind::Cron;
    QString m_namespace;
    QString m_name;
    QJsonObject m_payload;
    std::optional<CronExpression> m_cron;
    QString m_timezone;                            // IANA id; empty: UTC
    QJsonValue m_strict{QJsonValue::Undefined};    // as given; Undefined when not given
    int m_minutes = 0;                             // Interval
    QJsonValue m_date{QJsonValue::Undefined};      // Once, as given
    qint64 m_dateMs = 0;                           //
    QString m_deleteAfterFire;                     // Once: "false", "true", "rules" or empty (not given)
    QJsonValue m_startDate{QJsonValue::Undefined}; // as given (Interval: a number when defaulted)
    std::optional<qint64> m_startMs;
    QJsonValue m_stopDate{QJsonValue::Undefined};
    std::optional<qint64> m_stopMs;
};

} // namespace funcdesk
