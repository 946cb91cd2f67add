#pragma once

#include <QString>
#include <QtGlobal>

namespace funcdesk {

// The time ranges the dashboards offer. Live is the last 15 minutes, moving every second.
enum class MetricsRange { Live, LastHour, LastDay, LastWeek, LastMonth, Custom };

struct TimeSpan
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 lengthMs() const { return toMs - fromMs; }
    bool isValid() const { return toMs > fromMs; }
    friend bool operator==(const TimeSpan &, const TimeSpan &) = default;
};

struct MetricsRanges
{
    // Every range in the order the selector lists them.
    static QList<MetricsRange> all();
    // The user-visible name ("Live (15 min)", "Last hour", …).
    static QString name(MetricsRange range);
    // A stable key for settings ("live", "1h", "24h", "7d", "30d", "custom"); unknown keys → Live.
    static QString key(MetricsRange range);
    static MetricsRange fromKey(const QString &key);
    // The span the range covers when the clock reads `nowMs`; Custom answers `custom`.
    static TimeSpan spanOf(MetricsRange range, qint64 nowMs, TimeSpan custom = {});
    // Live ranges follow the clock (the dashboards refresh them every second).
    static bool isMoving(MetricsRange range) { return range == MetricsRange::Live; }
};

} // namespace funcdesk
