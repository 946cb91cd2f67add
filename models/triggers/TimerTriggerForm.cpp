#include "models/triggers/TimerTriggerForm.h"

#include "models/testing/PayloadValidator.h"
#include "models/triggers/TriggerKind.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>

namespace funcdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("funcdesk::TimerTriggerForm", text);
}

QString timeText(const QDateTime &when)
{
    return QLocale().toString(when, QStringLiteral("ddd yyyy-MM-dd HH:mm:ss"));
}

QDateTime parseDate(const QJsonValue &value, const QTimeZone &zone)
{
    QDateTime when = value.isDouble() ? QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(value.toDouble()))
                                      : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return when.isValid() ? when.toTimeZone(zone) : when;
}

} // namespace

TimerTriggerForm TimerTriggerForm::fromFeed(const QString &feed, const QJsonObject &config)
{
    TimerTriggerForm form;
    form.timeZone = config.value(QLatin1StringView("timezone")).toString();
    const QJsonValue payload = config.value(QLatin1StringView("payload"));
    if (payload.isObject() && !payload.toObject().isEmpty())
        form.payloadText = QString::fromUtf8(QJsonDocument(payload.toObject()).toJson(QJsonDocument::Indented));
    if (feed.endsWith(QLatin1StringView("/once"))) {
        form.mode = Mode::Once;
        form.onceAt = parseDate(config.value(QLatin1StringView("date")), form.zone());
    } else if (feed.endsWith(QLatin1StringView("/interval"))) {
        form.mode = Mode::Interval;
        form.minutes = config.value(QLatin1StringView("minutes")).toInt(form.minutes);
    } else if (config.contains(QLatin1StringView("cron"))) {
        form.cron = config.value(QLatin1StringView("cron")).toString();
    }
    return form;
}

QTimeZone TimerTriggerForm::zone() const
{
    if (timeZone.isEmpty())
        return QTimeZone::utc();
    const QTimeZone named(timeZone.toUtf8());
    return named.isValid() ? named : QTimeZone::utc();
}

QDateTime TimerTriggerForm::now() const
{
    return startAfter.isValid() ? startAfter : QDateTime::currentDateTimeUtc();
}

Result<AlarmSchedule> TimerTriggerForm::schedule() const
{
    if (!timeZone.isEmpty() && !QTimeZone(timeZone.toUtf8()).isValid())
        return PlatformError{PlatformError::Kind::Invalid, tr("Unknown time zone '%1'.").arg(timeZone)};
    if (mode == Mode::Cron && cron.trimmed().isEmpty())
        return PlatformError{PlatformError::Kind::Invalid, tr("A cron schedule is required.")};
    if (mode == Mode::Cron) {
        // The parser's message names the wrong field; the package's only says the pattern is bad.
        if (const auto parsed = CronExpression::parse(cron.trimmed()); !parsed)
            return parsed.error();
    }
    if (mode == Mode::Once && !onceAt.isValid())
        return PlatformError{PlatformError::Kind::Invalid, tr("A date is required.")};
    const PayloadCheck payload = PayloadValidator::check(payloadText);
    if (!payload.ok)
        return PlatformError{PlatformError::Kind::Invalid, tr("Payload: %1").arg(payload.message)};
    // The alarms package's own checks and texts (core/AlarmSchedule), as the feed will answer.
    const QString name = QStringLiteral("/_/") + (triggerName.isEmpty() ? QStringLiteral("trigger") : triggerName);
    return AlarmSchedule::fromFeedParams(kind(), feedParams(), name, now().toMSecsSinceEpoch());
}

QString TimerTriggerForm::validate() const
{
    const auto parsed = schedule();
    return parsed ? QString() : parsed.error().message;
}

QString TimerTriggerForm::preview() const
{
    const auto parsed = schedule();
    return parsed ? parsed->describe(zone()) : QString();
}

QStringList TimerTriggerForm::nextFires(int count) const
{
    QStringList times;
    const auto parsed = schedule();
    if (!parsed)
        return times;
    for (qint64 when : parsed->nextFires(now().toMSecsSinceEpoch(), count))
        times.append(timeText(QDateTime::fromMSecsSinceEpoch(when, zone())));
    return times;
}

AlarmSchedule::Kind TimerTriggerForm::kind() const
{
    switch (mode) {
    case Mode::Once:
        return AlarmSchedule::Kind::Once;
    case Mode::Interval:
        return AlarmSchedule::Kind::Interval;
    case Mode::Cron:
        break;
    }
    return AlarmSchedule::Kind::Cron;
}

QString TimerTriggerForm::feed() const
{
    return AlarmSchedule::feedName(kind());
}

QJsonObject TimerTriggerForm::feedParams() const
{
    QJsonObject params;
    switch (mode) {
    case Mode::Cron:
        params.insert(QLatin1StringView("cron"), cron.trimmed());
        if (!timeZone.isEmpty())
            params.insert(QLatin1StringView("timezone"), timeZone);
        break;
    case Mode::Once:
        params.insert(QLatin1StringView("date"), onceAt.toUTC().toString(Qt::ISODateWithMs));
        break;
    case Mode::Interval:
        params.insert(QLatin1StringView("minutes"), minutes);
        break;
    }
    const PayloadCheck payload = PayloadValidator::check(payloadText);
    if (payload.ok && !payload.params.isEmpty())
        params.insert(QLatin1StringView("trigger_payload"), payload.params);
    return params;
}

QStringList TimerTriggerForm::timeZones()
{
    QStringList zones{QStringLiteral("UTC")};
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        const QString name = QString::fromUtf8(id);
        if (name.contains(QLatin1Char('/')) && !name.startsWith(QLatin1StringView("Etc/")))
            zones.append(name);
    }
    return zones;
}

} // namespace funcdesk
