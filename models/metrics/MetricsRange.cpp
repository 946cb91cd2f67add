#include "models/metrics/MetricsRange.h"

#include <QCoreApplication>
#include <QList>

namespace funcdesk {

namespace {
constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

qint64 lengthOf(MetricsRange range)
{
    switch (range) {
    case MetricsRange::Live:
        return 15 * kMinute;
    case MetricsRange::LastHour:
        return kHour;
    case MetricsRange::LastDay:
        return kDay;
    case MetricsRange::LastWeek:
        return 7 * kDay;
    case MetricsRange::LastMonth:
        return 30 * kDay;
    case MetricsRange::Custom:
        break;
    }
    return 0;
}
} // namespace

QList<MetricsRange> MetricsRanges::all()
{
    return {MetricsRange::Live,     MetricsRange::LastHour,  MetricsRange::LastDay,
            MetricsRange::LastWeek, MetricsRange::LastMonth, MetricsRange::Custom};
}

QString MetricsRanges::name(MetricsRange range)
{
    switch (range) {
    case MetricsRange::Live:
        return QCoreApplication::translate("funcdesk::MetricsRanges", "Live (15 min)");
    case MetricsRange::LastHour:
        return QCoreApplication::translate("funcdesk::MetricsRanges", "Last hour");
    case MetricsRange::LastDay:
        return QCoreApplication::translate("funcdesk::MetricsRanges", "Last 24 hours");
    case MetricsRange::LastWeek:
        return QCoreApplication::translate("funcdesk::MetricsRanges", "Last 7 days");
    case MetricsRange::LastMonth:
        return QCoreApplication::translate("funcdesk::MetricsRanges", "Last 30 days");
    case MetricsRange::Custom:
        return QCoreApplication::translate("funcdesk::MetricsRanges", "Custom…");
    }
    return QString();
}

QString MetricsRanges::key(MetricsRange range)
{
    static const char *const keys[] = {"live", "1h", "24h", "7d", "30d", "custom"};
    return QLatin1StringView(keys[static_cast<int>(range)]);
}

MetricsRange MetricsRanges::fromKey(const QString &key)
{
    for (MetricsRange range : all()) {
        if (MetricsRanges::key(range) == key)
            return range;
    }
    return MetricsRange::Live;
}

TimeSpan MetricsRanges::spanOf(MetricsRange range, qint64 nowMs, TimeSpan custom)
{
    if (range == MetricsRange::Custom)
        return custom;
    return TimeSpan{nowMs - lengthOf(range), nowMs};
}

} // namespace funcdesk
