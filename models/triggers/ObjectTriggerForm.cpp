#include "models/triggers/ObjectTriggerForm.h"

#include "models/triggers/TriggerKind.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace funcdesk {

ObjectTriggerForm ObjectTriggerForm::fromFeedConfig(const QJsonObject &config)
{
    ObjectTriggerForm form;
    form.bucket = config.value(QLatin1StringView("bucket")).toString();
    form.prefix = config.value(QLatin1StringView("prefix")).toString();
    form.suffix = config.value(QLatin1StringView("suffix")).toString();
    QStringList events;
    const QJsonValue value = config.value(QLatin1StringView("events"));
    if (value.isString())
        events = value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QJsonValue &event : value.toArray())
        events.append(event.toString());
    if (!events.isEmpty()) {
        form.onPut = events.contains(QLatin1StringView("put"));
        form.onDelete = events.contains(QLatin1StringView("delete"));
    } else {
        form.onPut = form.onDelete = true; // the feed's default: both
    }
    return form;
}

QString ObjectTriggerForm::validate() const
{
    if (bucket.isEmpty())
        return QCoreApplication::translate("funcdesk::ObjectTriggerForm", "Choose a bucket.");
    if (!onPut && !onDelete)
        return QCoreApplication::translate("funcdesk::ObjectTriggerForm", "Choose at least one event.");
    return {};
}

QString ObjectTriggerForm::preview() const
{
    QStringList events;
    if (onPut)
        events.append(QStringLiteral("put"));
    if (onDelete)
        events.append(QStringLiteral("delete"));
    return describeObjectFilter(bucket, prefix, suffix, events);
}

QJsonObject ObjectTriggerForm::feedParams() const
{
    QJsonObject params{{QLatin1StringView("bucket"), bucket}};
    if (!prefix.isEmpty())
        params.insert(QLatin1StringView("prefix"), prefix);
    if (!suffix.isEmpty())
        params.insert(QLatin1StringView("suffix"), suffix);
    QJsonArray events;
    if (onPut)
        events.append(QStringLiteral("put"));
    if (onDelete)
        events.append(QStringLiteral("delete"));
    params.insert(QLatin1StringView("events"), events);
    return params;
}

} // namespace funcdesk
