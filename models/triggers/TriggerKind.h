#pragma once

#include <QJsonObject>
#include <QString>

namespace funcdesk {

// What makes a trigger fire, as the Triggers view tells them apart: the feed annotation names a
// clock (the alarms feeds) or object uploads (storage/changes); an API route makes an HTTP
// trigger; a trigger without a feed fires only when someone fires it.
enum class TriggerKind { Timer, Object, Route, Manual };

// The system catalog's feeds the console creates triggers with (the alarms feeds' names are
// AlarmSchedule::feedName's).
namespace Feeds {
inline const QString kObjectChanges = QStringLiteral("/whisk.system/storage/changes");
} // namespace Feeds

// The kind of a trigger with feed annotation `feed` (empty: Manual). Feeds are matched by
// package and name, so "/whisk.system/alarms/alarm" and "/_/alarms/alarm" (a binding) agree.
TriggerKind triggerKindOfFeed(const QString &feed);
// "Timer", "Object", "HTTP route", "Manual", in the UI language.
QString triggerKindLabel(TriggerKind kind);

// A feed's READ answer's `config` in words, in the UI language: "every 5 minutes, Monday to
// Friday (Europe/Berlin)", "once at 2026-12-24 18:00", "every 15 minutes", "on put of *.csv in
// bucket data". Empty when the feed is not one the console knows.
QString describeFeedConfig(const QString &feed, const QJsonObject &config);
// "on put or delete of uploads/*.csv in bucket data" (events empty: both).
QString describeObjectFilter(const QString &bucket, const QString &prefix, const QString &suffix,
                             const QStringList &events);

} // namespace funcdesk
