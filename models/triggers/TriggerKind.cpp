#include "models/triggers/TriggerKind.h"

#include "core/AlarmSchedule.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>

namespace funcdesk {

namespace {

// The context lupdate gives tr() calls in free functions of namespace funcdesk (there is no class
// here to name one): "funcdesk". Another name would leave every text here untranslated.
QString tr(const char *text)
{
    return QCoreApplication::translate("funcdesk", text);
}

// "alarms/alarm" of "/whisk.system/alarms/alarm".
QString packagedName(const QString &feed)
{
    const QStringList parts = feed.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return parts.size() >= 2 ? parts.at(parts.size() - 2) + QLatin1Char('/') + parts.last() : feed;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList items;
    if (value.isString())
        items = value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QJsonValue &item : value.toArray())
        items.append(item.toString());
    for (QString &item : items)
        item = item.trimmed();
    return items;
}

} // namespace

TriggerKind triggerKindOfFeed(const QString &feed)
{
    if (feed.isEmpty())
        return TriggerKind::Manual;
    const QString name = packagedName(feed);
    if (name.startsWith(QLatin1StringView("alarms/")))
        return TriggerKind::Timer;
    if (name == QLatin1StringView("storage/changes"))
        return TriggerKind::Object;
    return TriggerKind::Manual;
}

QString triggerKindLabel(TriggerKind kind)
{
    switch (kind) {
    case TriggerKind::Timer:
        return tr("Timer");
    case TriggerKind::Object:
        return tr("Object");
    case TriggerKind::Route:
        return tr("HTTP route");
    case TriggerKind::Manual:
        return tr("Manual");
    }
    return tr("Manual");
}

QString describeFeedConfig(const QString &feed, const QJsonObject &config)
{
    const QString name = packagedName(feed);
    if (name.startsWith(QLatin1StringView("alarms/"))) {
        // The alarms package's schedule in its own words (core/AlarmSchedule), dates local.
        const auto schedule = AlarmSchedule::fromConfig(config);
        if (schedule)
            return schedule->describe(QTimeZone::systemTimeZone());
        return config.value(QLatin1StringView("cron")).toString();
    }
    if (name == QLatin1StringView("storage/changes"))
        return describeObjectFilter(config.value(QLatin1StringView("bucket")).toString(),
                                    config.value(QLatin1StringView("prefix")).toString(),
                                    config.value(QLatin1StringView("suffix")).toString(),
                                    stringList(config.value(QLatin1StringView("events"))));
    return {};
}

QString describeObjectFilter(const QString &bucket, const QString &prefix, const QString &suffix,
                             const QStringList &events)
{
    const bool puts = events.isEmpty() || events.contains(QLatin1StringView("put"));
    const bool deletes = events.isEmpty() || events.contains(QLatin1StringView("delete"));
    const QString pattern = prefix + QLatin1Char('*') + suffix;
    if (puts && deletes)
        return tr("on put or delete of %1 in bucket %2").arg(pattern, bucket);
    if (deletes)
        return tr("on delete of %1 in bucket %2").arg(pattern, bucket);
    return tr("on put of %1 in bucket %2").arg(pattern, bucket);
}

} // namespace funcdesk
