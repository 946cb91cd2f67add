#include "core/AlarmSchedule.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace funcdesk {

namespace {

// Texts the alarms package answers with (action/alarmWebAction.js, provider/lib/*.js); they are
// part of the API, so they stay in English like OpenWhisk's own messages.
Result<AlarmSchedule> invalid(const QString &message)
{
    return Result<AlarmSchedule>::failure(PlatformError::Kind::Invalid, message);
}

// JavaScript's truthiness, which the alarms package uses to tell "given" from "not given".
bool truthy(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return false;
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Double:
        return value.toDouble() != 0 && !std::isnan(value.toDouble());
    case QJsonValue::String:
        return !value.toString().isEmpty();
    default:
        return true;
    }
}

// A value as JavaScript's template strings print it, for the error texts.
QString jsText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d != std::floor(d) || std::abs(d) >= 1e21)
            return QString::number(d, 'g', 17);
        if (std::abs(d) < 9e18)
            return QString::number(qint64(d));
        // Past qint64 JavaScript still writes an integer in full: its shortest digits, then zeros.
        const QString shortest = QString::number(std::abs(d), 'e', QLocale::FloatingPointShortest);
        const qsizetype e = shortest.indexOf(QLatin1Char('e'));
        const QString digits =
            shortest.left(e).remove(QLatin1Char('.')).leftJustified(shortest.mid(e + 1).toInt() + 1, QLatin1Char('0'));
        return d < 0 ? QLatin1Char('-') + digits : digits;
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Object:
        return QStringLiteral("[object Object]");
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items << jsText(item);
        return items.join(QLatin1Char(','));
    }
    case QJsonValue::Null:
        return QStringLiteral("null");
    default:
        return QStringLiteral("undefined");
    }
}

// `new Date(value)` for the values the alarms package documents: epoch ms or an ISO-8601 string
// (a string without an offset is read as UTC, the provider's time zone).
std::optional<qint64> parseDate(const QJsonValue &value)
{
    constexpr double kMaxTime = 8.64e15; // ECMAScript's TimeClip bound
    if (value.isDouble() || value.isBool()) {
        const double ms = value.toDouble(value.toBool() ? 1 : 0);
        if (std::isnan(ms) || std::abs(ms) > kMaxTime)
            return std::nullopt;
        return qint64(std::trunc(ms));
    }
    if (!value.isString())
        return std::nullopt;
    QDateTime time = QDateTime::fromString(value.toString().trimmed(), Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time = QDateTime(time.date(), time.time(), Qt::UTC);
    return time.toMSecsSinceEpoch();
}

// validateDate() of alarmWebAction.js: the error text, or nullopt and the date in `ms`.
std::optional<QString> validateDate(const QJsonValue &date, const char *name, qint64 nowMs, qint64 *ms,
                                    const QJsonValue &startDate = QJsonValue::Undefined)
{
    const auto parsed = parseDate(date);
    const QString prefix = QStringLiteral("%1 parameter '%2'").arg(QLatin1String(name), jsText(date));
    if (!parsed)
        return prefix + QStringLiteral(" is not a valid Date");
    if (nowMs >= *parsed)
        return prefix + QStringLiteral(" must be in the future");
    if (truthy(startDate)) {
        const auto start = parseDate(startDate);
        if (start && *parsed <= *start)
            return prefix + QStringLiteral(" must be greater than the startDate parameter '%1'").arg(jsText(startDate));
    }
    *ms = *parsed;
    return std::nullopt;
}

// Reads the date `name` from `params` when it is given: validated, then kept as given in `*raw`
// and as epoch ms in `*ms`. Returns the error text.
std::optional<QString> takeDate(const QJsonObject &params, const char *name, qint64 nowMs, QJsonValue *raw,
                                std::optional<qint64> *ms, const QJsonValue &startDate = QJsonValue::Undefined)
{
    const QJsonValue value = params.value(QLatin1String(name));
    if (!truthy(value))
        return std::nullopt;
    qint64 parsed = 0;
    if (auto error = validateDate(value, name, nowMs, &parsed, startDate))
        return error;
    *raw = value;
    *ms = parsed;
    return std::nullopt;
}

// `trigger_payload`: a string becomes {"payload": string}, an object is kept, nothing gives {}.
// Other values (numbers, arrays) are wrapped like a string, so a fire always posts an object.
QJsonObject payloadOf(const QJsonValue &value)
{
    if (value.isObject())
        return value.toObject();
    if (value.isString() || truthy(value))
        return QJsonObject{{QStringLiteral("payload"), value}};
    return {};
}

// The minutes parameter: "+minutes !== parseInt(minutes)" rejects all but whole numbers.
std::optional<QString> validateMinutes(const QJsonValue &value, int *minutes)
{
    const QString mustBeInteger = QStringLiteral("the minutes parameter must be an integer");
    double number = 0;
    if (value.isDouble()) {
        number = value.toDouble();
    } else if (value.isString()) {
        static const QRegularExpression integer(QStringLiteral("^\\s*[+-]?[0-9]+(\\.0*)?\\s*$"));
        if (!integer.match(value.toString()).hasMatch())
            return mustBeInteger;
        number = value.toString().trimmed().toDouble();
    } else {
        return mustBeInteger;
    }
    if (number != std::floor(number))
        return mustBeInteger;
    if (number <= 0)
        return QStringLiteral("the minutes parameter must be an integer greater than zero");
    if (number > 1e9) // bounded so the interval in ms fits comfortably
        return QStringLiteral("the minutes parameter must be at most 1000000000");
    *minutes = int(number);
    return std::nullopt;
}

std::optional<QString> validateDeleteAfterFire(const QJsonValue &value, QString *normalized)
{
    const QString text = jsText(value).trimmed().toLower();
    if (text != QLatin1String("false") && text != QLatin1String("true") && text != QLatin1String("rules"))
        return QStringLiteral("deleteAfterFire parameter must be one of [false, true, rules].");
    *normalized = text;
    return std::nullopt;
}

// The cron parameter with its time zone, as `new CronJob(cron, ..., timezone)` checks them.
std::optional<QString> validateCron(const QJsonValue &cron, const QJsonValue &timezone,
                                    std::optional<CronExpression> *parsed)
{
    if (truthy(timezone) && (!timezone.isString() || !QTimeZone::isTimeZoneIdAvailable(timezone.toString().toUtf8())))
        return QStringLiteral("Invalid timezone.");
    const auto expression = cron.isString() ? CronExpression::parse(cron.toString())
                                            : Result<CronExpression>::failure(PlatformError::Kind::Invalid, {});
    if (!expression)
        return QStringLiteral("cron pattern '%1' is not valid").arg(jsText(cron));
    *parsed = expression.value();
    return std::nullopt;
}

// hasSecondsGranularity() of alarmWebAction.js.
bool hasSecondsGranularity(const QJsonValue &cron)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QStringList fields = jsText(cron).trimmed().split(space);
    return fields.size() > 5 && fields[fields.size() - 6] != QLatin1String("0");
}

// hashName() of provider/lib/cronAlarm.js, with JavaScript's 32-bit shift, so a trigger gets
// the same delay as it would from the alarms provider configured with the same limit.
int hashName(const QString &name, int limit)
{
    qint64 hash = 0;
    for (const QChar c : name) {
        const auto shifted = qint32(quint32(hash) << 5); // ToInt32(hash) << 5
        hash = qint64(shifted) - hash + c.unicode();
    }
    hash %= limit + 1;
    return int(std::abs(hash));
}

QString dateText(qint64 ms, const QTimeZone &zone)
{
    return QStringLiteral("%1 (%2)").arg(
        QDateTime::fromMSecsSinceEpoch(ms, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
        QString::fromUtf8(zone.id()));
}

} // namespace

std::optional<AlarmSchedule::Kind> AlarmSchedule::kindOfFeed(QStringView feedName)
{
    if (feedName.startsWith(QLatin1Char('/')))
        feedName = feedName.mid(1);
    for (const Kind kind : {Kind::Cron, Kind::Once, Kind::Interval}) {
        if (feedName == QStringView(AlarmSchedule::feedName(kind)).mid(1))
            return kind;
    }
    return std::nullopt;
}

QString AlarmSchedule::feedName(Kind kind)
{
    switch (kind) {
    case Kind::Once:
        return QStringLiteral("/whisk.system/alarms/once");
    case Kind::Interval:
        return QStringLiteral("/whisk.system/alarms/interval");
    case Kind::Cron:
        break;
    }
    return QStringLiteral("/whisk.system/alarms/alarm");
}

Result<AlarmSchedule> AlarmSchedule::fromFeedParams(Kind kind, const QJsonObject &params, const QString &triggerName,
                                                    qint64 nowMs)
{
    if (triggerName.isEmpty())
        return invalid(QStringLiteral("no trigger name parameter was provided"));
    AlarmSchedule schedule;
    schedule.m_kind = kind;
    // parseQName() of action/lib/common.js: "/ns/name", or "name" in namespace "_".
    if (triggerName.startsWith(QLatin1Char('/'))) {
        const QStringList parts = triggerName.split(QLatin1Char('/'));
        schedule.m_namespace = parts.value(1);
        schedule.m_name = parts.mid(2).join(QLatin1Char('/'));
    } else {
        schedule.m_namespace = QStringLiteral("_");
        schedule.m_name = triggerName;
    }
    schedule.m_payload = payloadOf(params.value(QLatin1String("trigger_payload")));

    if (kind == Kind::Once) {
        const QJsonValue date = params.value(QLatin1String("date"));
        if (!truthy(date))
            return invalid(QStringLiteral("alarms once trigger feed is missing the date parameter"));
        if (const auto error = validateDate(date, "date", nowMs, &schedule.m_dateMs))
            return invalid(*error);
        schedule.m_date = date;
        const QJsonValue deleteAfterFire = params.value(QLatin1String("deleteAfterFire"));
        if (truthy(deleteAfterFire)) {
            if (const auto error = validateDeleteAfterFire(deleteAfterFire, &schedule.m_deleteAfterFire))
                return invalid(*error);
        }
        return schedule;
    }

    if (kind == Kind::Interval) {
        const QJsonValue minutes = params.value(QLatin1String("minutes"));
        if (!truthy(minutes))
            return invalid(QStringLiteral("interval trigger feed is missing the minutes parameter"));
        if (const auto error = validateMinutes(minutes, &schedule.m_minutes))
            return invalid(*error);
    } else {
        const QJsonValue cron = params.value(QLatin1String("cron"));
        if (!truthy(cron))
            return invalid(QStringLiteral("alarms trigger feed is missing the cron parameter"));
        const QJsonValue timezone = params.value(QLatin1String("timezone"));
        if (const auto error = validateCron(cron, timezone, &schedule.m_cron))
            return invalid(*error);
        if (truthy(params.value(QLatin1String("limitCronFields"))) && hasSecondsGranularity(cron))
            return invalid(
                QStringLiteral("cron pattern is limited to 5 fields with 1 minute as the finest granularity"));
        if (truthy(timezone))
            schedule.m_timezone = timezone.toString();
        schedule.m_strict = params.value(QLatin1String("strict"));
    }

    if (const auto error = takeDate(params, "startDate", nowMs, &schedule.m_startDate, &schedule.m_startMs))
        return invalid(*error);
    if (!schedule.m_startMs && kind == Kind::Interval) {
        // startDate must be in the future, so without one the interval starts 30 s from now.
        schedule.m_startMs = nowMs + 30 * 1000;
        schedule.m_startDate = double(*schedule.m_startMs);
    }

    const bool hasStopDate = truthy(params.value(QLatin1String("stopDate")));
    if (truthy(params.value(QLatin1String("maxTriggers"))) && hasStopDate) {
        return invalid(kind == Kind::Interval
                           ? QStringLiteral("maxTriggers is not supported for the interval trigger feed")
                           : QStringLiteral("maxTriggers is not allowed when the stopDate parameter is specified"));
    }
    if (const auto error =
            takeDate(params, "stopDate", nowMs, &schedule.m_stopDate, &schedule.m_stopMs, schedule.m_startDate))
        return invalid(*error);
    if (hasStopDate && kind == Kind::Cron) {
        // As the package does: the cron's next match from now, without start date or delay.
        const QDateTime first =
            schedule.m_cron->next(QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC), schedule.timeZone());
        if (!first.isValid() || first.toMSecsSinceEpoch() > *schedule.m_stopMs)
            return invalid(QStringLiteral("the first scheduled trigger fire is not until after the stop date"));
    }
    return schedule;
}

Result<AlarmSchedule> AlarmSchedule::updated(const QJsonObject &params, qint64 nowMs) const
{
    AlarmSchedule next = *this;
    bool changed = false;
    const QJsonValue payload = params.value(QLatin1String("trigger_payload"));
    if (truthy(payload)) {
        next.m_payload = payloadOf(payload);
        changed = true;
    }
    if (m_kind == Kind::Once) {
        const QJsonValue date = params.value(QLatin1String("date"));
        if (truthy(date)) {
            if (const auto error = validateDate(date, "date", nowMs, &next.m_dateMs))
                return invalid(*error);
            next.m_date = date;
            changed = true;
        }
        const QJsonValue deleteAfterFire = params.value(QLatin1String("deleteAfterFire"));
        if (truthy(deleteAfterFire)) {
            if (const auto error = validateDeleteAfterFire(deleteAfterFire, &next.m_deleteAfterFire))
                return invalid(*error);
            changed = true;
        }
    } else {
        if (m_kind == Kind::Interval) {
            const QJsonValue minutes = params.value(QLatin1String("minutes"));
            if (truthy(minutes)) {
                if (const auto error = validateMinutes(minutes, &next.m_minutes))
                    return invalid(*error);
                changed = true;
            }
        } else {
            const QJsonValue cron = params.value(QLatin1String("cron"));
            const QJsonValue timezone = params.value(QLatin1String("timezone"));
            if (truthy(cron) || truthy(timezone)) {
                const QJsonValue newCron = truthy(cron) ? cron : QJsonValue(m_cron->text());
                const QJsonValue newZone = truthy(timezone) ? timezone : QJsonValue(m_timezone);
                if (const auto error = validateCron(newCron, newZone, &next.m_cron))
                    return invalid(*error);
                if (truthy(cron) && truthy(params.value(QLatin1String("limitCronFields"))) &&
                    hasSecondsGranularity(cron))
                    return invalid(
                        QStringLiteral("cron pattern is limited to 5 fields with 1 minute as the finest granularity"));
                if (truthy(timezone))
                    next.m_timezone = timezone.toString();
                changed = true;
            }
            if (params.contains(QLatin1String("strict"))) {
                next.m_strict = params.value(QLatin1String("strict"));
                changed = true;
            }
        }
        const QJsonValue startDate = params.value(QLatin1String("startDate"));
        const QJsonValue stopDate = params.value(QLatin1String("stopDate"));
        if (const auto error = takeDate(params, "startDate", nowMs, &next.m_startDate, &next.m_startMs))
            return invalid(*error);
        if (const auto error = takeDate(params, "stopDate", nowMs, &next.m_stopDate, &next.m_stopMs,
                                        truthy(startDate) ? startDate : m_startDate))
            return invalid(*error);
        if (truthy(startDate) && !truthy(stopDate) && m_stopMs && *next.m_startMs >= *m_stopMs) {
            return invalid(QStringLiteral("startDate parameter '%1' must be less than the stopDate parameter '%2'")
                               .arg(jsText(startDate), jsText(m_stopDate)));
        }
        changed = changed || truthy(startDate) || truthy(stopDate);
    }
    if (!changed)
        return invalid(QStringLiteral("no updatable parameters were specified"));
    return next;
}

Result<AlarmSchedule> AlarmSchedule::fromConfig(const QJsonObject &config)
{
    const auto broken = [](const QString &why) {
        return Result<AlarmSchedule>::failure(PlatformError::Kind::Invalid,
                                              QStringLiteral("The stored alarm schedule is broken: %1").arg(why));
    };
    AlarmSchedule schedule;
    schedule.m_namespace = config.value(QLatin1String("namespace")).toString();
    schedule.m_name = config.value(QLatin1String("name")).toString();
    if (schedule.m_name.isEmpty())
        return broken(QStringLiteral("no name"));
    schedule.m_payload = config.value(QLatin1String("payload")).toObject();
    schedule.m_strict = config.value(QLatin1String("strict"));
    const auto readDate = [&config](const char *key, QJsonValue *raw, std::optional<qint64> *ms) {
        *raw = config.value(QLatin1String(key));
        if (raw->isUndefined() || raw->isNull())
            return true;
        *ms = parseDate(*raw);
        return ms->has_value();
    };
    if (config.contains(QLatin1String("date"))) {
        schedule.m_kind = Kind::Once;
        std::optional<qint64> ms;
        if (!readDate("date", &schedule.m_date, &ms) || !ms)
            return broken(QStringLiteral("bad date"));
        schedule.m_dateMs = *ms;
        schedule.m_deleteAfterFire = config.value(QLatin1String("deleteAfterFire")).toString();
        return schedule;
    }
    if (!readDate("startDate", &schedule.m_startDate, &schedule.m_startMs) ||
        !readDate("stopDate", &schedule.m_stopDate, &schedule.m_stopMs))
        return broken(QStringLiteral("bad startDate or stopDate"));
    if (config.contains(QLatin1String("minutes"))) {
        schedule.m_kind = Kind::Interval;
        if (const auto error = validateMinutes(config.value(QLatin1String("minutes")), &schedule.m_minutes))
            return broken(*error);
        if (!schedule.m_startMs)
            return broken(QStringLiteral("an interval without startDate"));
        return schedule;
    }
    schedule.m_kind = Kind::Cron;
    const QJsonValue timezone = config.value(QLatin1String("timezone"));
    if (const auto error = validateCron(config.value(QLatin1String("cron")), timezone, &schedule.m_cron))
        return broken(*error);
    if (truthy(timezone))
        schedule.m_timezone = timezone.toString();
    return schedule;
}

QJsonObject AlarmSchedule::config() const
{
    QJsonObject config{{QStringLiteral("name"), m_name},
                       {QStringLiteral("namespace"), m_namespace},
                       {QStringLiteral("payload"), m_payload},
                       {QStringLiteral("strict"), m_strict.isUndefined() ? QJsonValue(false) : m_strict}};
    const auto put = [&config](const char *key, const QJsonValue &value) {
        if (!value.isUndefined() && !value.isNull())
            config.insert(QLatin1String(key), value);
    };
    if (m_kind == Kind::Once) {
        put("date", m_date);
        put("deleteAfterFire", m_deleteAfterFire.isEmpty() ? QJsonValue() : QJsonValue(m_deleteAfterFire));
        return config;
    }
    put("startDate", m_startDate);
    put("stopDate", m_stopDate);
    if (m_kind == Kind::Interval) {
        config.insert(QStringLiteral("minutes"), m_minutes);
    } else {
        config.insert(QStringLiteral("cron"), m_cron->text());
        put("timezone", m_timezone.isEmpty() ? QJsonValue() : QJsonValue(m_timezone));
    }
    return config;
}

AlarmSchedule::AfterFire AlarmSchedule::afterFire() const
{
    if (m_deleteAfterFire == QLatin1String("true"))
        return AfterFire::DeleteTrigger;
    if (m_deleteAfterFire == QLatin1String("rules"))
        return AfterFire::DeleteTriggerAndRules;
    return AfterFire::Disable;
}

bool AlarmSchedule::strict() const
{
    // isStrict() of cronAlarm.js: "true" in any case or true; not given: the default, not strict.
    return jsText(m_strict).toLower() == QLatin1String("true");
}

int AlarmSchedule::delaySeconds() const
{
    if (m_kind != Kind::Cron || strict() || m_cron->hasSeconds() || m_cron->text().startsWith(QLatin1Char('@')))
        return 0;
    return hashName(m_name, kAlarmDelayLimitSeconds);
}

QTimeZone AlarmSchedule::timeZone() const
{
    return m_timezone.isEmpty() ? QTimeZone::utc() : QTimeZone(m_timezone.toUtf8());
}

std::optional<CronExpression> AlarmSchedule::effectiveCron() const
{
    if (m_kind != Kind::Cron)
        return std::nullopt;
    if (delaySeconds() == 0)
        return m_cron;
    // distributeCron() of cronAlarm.js: the delay becomes the seconds field.
    const auto delayed = CronExpression::parse(QString::number(delaySeconds()) + QLatin1Char(' ') + m_cron->text());
    return delayed ? std::optional<CronExpression>(delayed.value()) : m_cron;
}

std::optional<qint64> AlarmSchedule::nextFireAfter(qint64 afterMs) const
{
    std::optional<qint64> next;
    switch (m_kind) {
    case Kind::Once:
        if (m_dateMs > afterMs)
            next = m_dateMs;
        break;
    case Kind::Interval: {
        const qint64 start = m_startMs.value_or(0);
        const qint64 interval = qint64(m_minutes) * 60 * 1000;
        next = afterMs < start ? start : start + ((afterMs - start) / interval + 1) * interval;
        break;
    }
    case Kind::Cron: {
        // The start date is inclusive: a match exactly at startDate fires.
        const qint64 from = m_startMs ? std::max(afterMs, *m_startMs - 1) : afterMs;
        const QDateTime time = effectiveCron()->next(QDateTime::fromMSecsSinceEpoch(from, Qt::UTC), timeZone());
        if (time.isValid())
            next = time.toMSecsSinceEpoch();
        break;
    }
    }
    if (next && m_stopMs && *next > *m_stopMs)
        return std::nullopt;
    return next;
}

QList<qint64> AlarmSchedule::nextFires(qint64 afterMs, int count) const
{
    QList<qint64> fires;
    std::optional<qint64> next = afterMs;
    while (fires.size() < count && (next = nextFireAfter(*next)))
        fires.append(*next);
    return fires;
}

std::optional<QString> AlarmSchedule::disableReasonAfterFire(qint64 firedAtMs) const
{
    if (m_kind == Kind::Once)
        return QStringLiteral("Automatically disabled after firing once");
    if (!m_stopMs || nextFireAfter(firedAtMs))
        return std::nullopt;
    return m_kind == Kind::Cron ? QStringLiteral("Automatically disabled after firing last scheduled cron trigger")
                                : QStringLiteral("Automatically disabled after firing last scheduled interval trigger");
}

std::optional<QString> AlarmSchedule::scheduleProblem(qint64 nowMs) const
{
    if (m_kind == Kind::Once)
        return m_dateMs > nowMs ? std::nullopt
                                : std::optional<QString>(QStringLiteral("the fire once date has expired"));
    if (m_stopMs && *m_stopMs <= nowMs)
        return QStringLiteral("the stop date has expired");
    if (m_stopMs && !nextFireAfter(nowMs))
        return QStringLiteral("the next scheduled trigger fire is after the stop date");
    return std::nullopt;
}

QString AlarmSchedule::describe(const QTimeZone &displayZone) const
{
    QString text;
    switch (m_kind) {
    case Kind::Once:
        return QCoreApplication::translate("AlarmSchedule", "once at %1").arg(dateText(m_dateMs, displayZone));
    case Kind::Interval:
        text = m_minutes == 1 ? QCoreApplication::translate("AlarmSchedule", "every minute")
                              : QCoreApplication::translate("AlarmSchedule", "every %1 minutes").arg(m_minutes);
        break;
    case Kind::Cron:
        text = m_cron->describe();
        if (!m_timezone.isEmpty())
            //: %1: the schedule in words, %2: its time zone, "Europe/Berlin".
            text = QCoreApplication::translate("AlarmSchedule", "%1 (%2)").arg(text, m_timezone);
        break;
    }
    if (m_startMs)
        text = QCoreApplication::translate("AlarmSchedule", "%1, from %2").arg(text, dateText(*m_startMs, displayZone));
    if (m_stopMs)
        text = QCoreApplication::translate("AlarmSchedule", "%1, until %2").arg(text, dateText(*m_stopMs, displayZone));
    return text;
}

} // namespace funcdesk
