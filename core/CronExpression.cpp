#include "core/CronExpression.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QRegularExpression>

#include <array>
#include <functional>
#include <optional>

namespace funcdesk {

namespace {

// One field of the expression: its name for messages, its bounds and the names it accepts.
struct FieldSpec
{
    const char *name; // for QT_TRANSLATE_NOOP below
    int min;
    int max;
    const char *const *names; // three-letter names for min, min+1, ...; nullptr when none
    int nameBase;             // the value of names[0]
};

const char *const kMonthNames[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
const char *const kDayNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

enum FieldIndex { Second, Minute, Hour, DayOfMonth, Month, DayOfWeek, FieldCount };

const std::array<FieldSpec, FieldCount> kFields = {{
    {QT_TRANSLATE_NOOP("CronExpression", "second"), 0, 59, nullptr, 0},
    {QT_TRANSLATE_NOOP("CronExpression", "minute"), 0, 59, nullptr, 0},
    {QT_TRANSLATE_NOOP("CronExpression", "hour"), 0, 23, nullptr, 0},
    {QT_TRANSLATE_NOOP("CronExpression", "day of month"), 1, 31, nullptr, 0},
    {QT_TRANSLATE_NOOP("CronExpression", "month"), 1, 12, kMonthNames, 1},
    // 7 is Sunday too; folded onto 0 after parsing.
    {QT_TRANSLATE_NOOP("CronExpression", "day of week"), 0, 7, kDayNames, 0},
}};

// The fields a macro stands for (with seconds 0).
std::optional<QString> expandMacro(const QString &macro)
{
    const QString lower = macro.toLower();
    if (lower == QLatin1String("@yearly") || lower == QLatin1String("@annually"))
        return QStringLiteral("0 0 0 1 1 *");
    if (lower == QLatin1String("@monthly"))
        return QStringLiteral("0 0 0 1 * *");
    if (lower == QLatin1String("@weekly"))
        return QStringLiteral("0 0 0 * * 0");
    if (lower == QLatin1String("@daily") || lower == QLatin1String("@midnight"))
        return QStringLiteral("0 0 0 * * *");
    if (lower == QLatin1String("@hourly"))
        return QStringLiteral("0 0 * * * *");
    return std::nullopt;
}

// A value of `spec` written as a number or (where the field has them) a three-letter name.
// Returns the value or sets `error`.
int parseValue(const QString &token, const FieldSpec &spec, QString *error)
{
    bool isNumber = false;
    const int number = token.toInt(&isNumber);
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    if (digits.match(token).hasMatch()) {
        if (!isNumber || number < spec.min || number > spec.max)
            *error = QCoreApplication::translate("CronExpression", "%1 is out of range %2-%3.")
                         .arg(token)
                         .arg(spec.min)
                         .arg(spec.max);
        return number;
    }
    if (spec.names) {
        const int count = spec.max - spec.min + 1 - (spec.names == kDayNames ? 1 : 0);
        for (int i = 0; i < count; ++i) {
            if (token.compare(QLatin1String(spec.names[i]), Qt::CaseInsensitive) == 0)
                return spec.nameBase + i;
        }
        *error = QCoreApplication::translate("CronExpression", "'%1' is neither a number nor a name.").arg(token);
        return -1;
    }
    *error = QCoreApplication::translate("CronExpression", "'%1' is not a number.").arg(token);
    return -1;
}

// Parses one field ("*", "1-5", "*/10", "10-30/5", "MON,WED,FRI" ...) into the values it allows.
// Returns the values (bit i = value i) or sets `error`.
std::bitset<64> parseField(const QString &text, const FieldSpec &spec, QString *error)
{
    std::bitset<64> bits;
    const QStringList items = text.split(QLatin1Char(','));
    for (const QString &item : items) {
        if (item.isEmpty()) {
            *error = QCoreApplication::translate("CronExpression", "a list has an empty item.");
            return {};
        }
        const QStringList stepParts = item.split(QLatin1Char('/'));
        if (stepParts.size() > 2) {
            *error = QCoreApplication::translate("CronExpression", "'%1' has more than one step.").arg(item);
            return {};
        }
        int step = 1;
        if (stepParts.size() == 2) {
            bool ok = false;
            step = stepParts[1].toInt(&ok);
            static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
            if (!ok || !digits.match(stepParts[1]).hasMatch() || step < 1) {
                *error =
                    QCoreApplication::translate("CronExpression", "step '%1' must be a whole number of at least 1.")
                        .arg(stepParts[1]);
                return {};
            }
        }
        const QString &base = stepParts[0];
        // "*" and "a/n" run to the field's maximum; for weekdays to Saturday, so Sunday counts once.
        const int last = &spec == &kFields[DayOfWeek] ? 6 : spec.max;
        int from = spec.min;
        int to = last;
        if (base != QLatin1String("*")) {
            const int dash = base.indexOf(QLatin1Char('-'));
            from = parseValue(dash < 0 ? base : base.left(dash), spec, error);
            if (!error->isEmpty())
                return {};
            if (dash >= 0) {
                to = parseValue(base.mid(dash + 1), spec, error);
                if (!error->isEmpty())
                    return {};
                if (to < from) {
                    *error = QCoreApplication::translate("CronExpression", "range %1 goes backwards.").arg(base);
                    return {};
                }
            } else {
                to = stepParts.size() == 1 ? from : std::max(from, last);
            }
        }
        for (qint64 value = from; value <= to; value += step) // qint64: a step may be near INT_MAX
            bits.set(size_t(value));
    }
    return bits;
}

template <size_t N> std::bitset<N> narrow(const std::bitset<64> &bits)
{
    std::bitset<N> out;
    for (size_t i = 0; i < N; ++i)
        out[i] = bits[i];
    return out;
}

// The first set bit at or after `from`, or -1.
template <size_t N> int nextSet(const std::bitset<N> &bits, int from)
{
    for (size_t i = size_t(std::max(from, 0)); i < N; ++i) {
        if (bits[i])
            return int(i);
    }
    return -1;
}

// A wall-clock time in a zone, field by field.
struct Wall
{
    int year, month, day, hour, minute, second;
};

qint64 naiveSecs(const Wall &w)
{
    return QDateTime(QDate(w.year, w.month, w.day), QTime(w.hour, w.minute, w.second), Qt::UTC).toSecsSinceEpoch();
}

int offsetAt(const QTimeZone &zone, qint64 utcSecs)
{
    return zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utcSecs, Qt::UTC));
}

// The first instant (UTC seconds) at which the wall clock of `zone` shows `w`: none inside a DST
// gap, the earlier of two inside a DST repeat. Computed from the offsets a day either side, so it
// does not depend on how QDateTime resolves ambiguous local times.
std::optional<qint64> firstInstant(const Wall &w, const QTimeZone &zone)
{
    const qint64 naive = naiveSecs(w);
    std::optional<qint64> best;
    for (const int offset : {offsetAt(zone, naive - 86400), offsetAt(zone, naive + 86400)}) {
        const qint64 instant = naive - offset;
        if (offsetAt(zone, instant) == offset && (!best || instant < *best))
            best = instant;
    }
    return best;
}

// How a field's allowed values look, for describe().
struct Shape
{
    enum Kind { All, Step, Single, Other } kind = Other;
    int value = 0;                   // Single: the value; Step: the step
    QList<std::pair<int, int>> runs; // Other (and Single): runs of consecutive values
};

template <size_t N> Shape shapeOf(const std::bitset<N> &bits, int min, int max)
{
    Shape shape;
    QList<int> values;
    for (int v = min; v <= max; ++v) {
        if (bits[size_t(v)])
            values.append(v);
    }
    for (int v : values) {
        if (!shape.runs.isEmpty() && shape.runs.last().second == v - 1)
            shape.runs.last().second = v;
        else
            shape.runs.append({v, v});
    }
    if (values.size() == max - min + 1) {
        shape.kind = Shape::All;
    } else if (values.size() == 1) {
        shape.kind = Shape::Single;
        shape.value = values.first();
    } else if (values.size() >= 2 && values.first() == min) {
        const int step = values[1] - values[0];
        bool progression = step > 1 && values.last() + step > max;
        for (int i = 1; progression && i < values.size(); ++i)
            progression = values[i] - values[i - 1] == step;
        if (progression) {
            shape.kind = Shape::Step;
            shape.value = step;
        }
    }
    return shape;
}

// "a, b and c" in the UI language.
// The clauses of a description, time first ("at 09:30, Monday to Friday, in January"). A
// language may put them in another order: zh_CN says months, then days, then the time.
QString joinClauses(const QStringList &clauses)
{
    QString text = clauses.value(0);
    for (qsizetype i = 1; i < clauses.size(); ++i) {
        text = QCoreApplication::translate("CronExpression", "%1, %2",
                                           "clauses of a schedule: the time so far, then days or months")
                   .arg(text, clauses.at(i));
    }
    return text;
}

QString joinList(const QStringList &items)
{
    if (items.isEmpty())
        return {};
    QString text = items.first();
    for (int i = 1; i < items.size(); ++i)
        //: Joins the items of a list: "Monday, Wednesday and Friday".
        text = (i == items.size() - 1 ? QCoreApplication::translate("CronExpression", "%1 and %2")
                                      : QCoreApplication::translate("CronExpression", "%1, %2"))
                   .arg(text, items[i]);
    return text;
}

// The runs of a shape as a list: single values and pairs listed, longer runs as "from-to"
// ("from to to" with names).
QString runsText(const Shape &shape, const std::function<QString(int)> &name, bool named)
{
    QStringList items;
    for (const auto &[from, to] : shape.runs) {
        if (to - from >= 2)
            items << (named ? QCoreApplication::translate("CronExpression", "%1 to %2") : QStringLiteral("%1-%2"))
                         .arg(name(from), name(to));
        else
            for (int v = from; v <= to; ++v)
                items << name(v);
    }
    return joinList(items);
}

QString twoDigits(int value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

QString dayName(int dayOfWeek)
{
    return QLocale().dayName(dayOfWeek == 0 ? 7 : dayOfWeek);
}

} // namespace

Result<CronExpression> CronExpression::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    const auto fail = [&](const QString &detail) {
        return Result<CronExpression>::failure(
            PlatformError::Kind::Invalid,
            QCoreApplication::translate("CronExpression", "Invalid cron expression '%1': %2").arg(trimmed, detail));
    };
    QString fieldText = trimmed;
    bool hasSeconds = false;
    if (trimmed.startsWith(QLatin1Char('@'))) {
        const auto expanded = expandMacro(trimmed);
        if (!expanded)
            return fail(QCoreApplication::translate(
                "CronExpression", "unknown macro; use @yearly, @annually, @monthly, @weekly, @daily, @midnight or "
                                  "@hourly."));
        fieldText = *expanded;
    }
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList parts = fieldText.split(space, Qt::SkipEmptyParts);
    if (parts.size() == 6 && !trimmed.startsWith(QLatin1Char('@')))
        hasSeconds = true;
    else if (parts.size() == 5)
        parts.prepend(QStringLiteral("0"));
    else if (parts.size() != 6)
        return fail(QCoreApplication::translate(
                        "CronExpression",
                        "expected 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds "
                        "first, found %1.")
                        .arg(parts.size()));

    std::array<std::bitset<64>, FieldCount> bits;
    for (int i = 0; i < FieldCount; ++i) {
        QString error;
        bits[size_t(i)] = parseField(parts[i], kFields[size_t(i)], &error);
        if (!error.isEmpty())
            return fail(QStringLiteral("%1: %2").arg(
                QCoreApplication::translate("CronExpression", kFields[size_t(i)].name), error));
    }
    if (bits[DayOfWeek][7])
        bits[DayOfWeek].set(0);

    CronExpression cron;
    cron.m_text = trimmed;
    cron.m_hasSeconds = hasSeconds;
    cron.m_seconds = narrow<60>(bits[Second]);
    cron.m_minutes = narrow<60>(bits[Minute]);
    cron.m_hours = narrow<24>(bits[Hour]);
    cron.m_daysOfMonth = narrow<32>(bits[DayOfMonth]);
    cron.m_months = narrow<13>(bits[Month]);
    cron.m_daysOfWeek = narrow<7>(bits[DayOfWeek]);
    // Vixie cron's rule: a field that starts with "*" (also "*/2") counts as unrestricted, and
    // only when both day fields are restricted does a day match if either matches.
    cron.m_dayOfMonthStar = parts[DayOfMonth].startsWith(QLatin1Char('*'));
    cron.m_dayOfWeekStar = parts[DayOfWeek].startsWith(QLatin1Char('*'));
    return cron;
}

QDateTime CronExpression::next(const QDateTime &after, const QTimeZone &zoneIn) const
{
    if (!after.isValid())
        return {};
    // An invalid zone (never produced by the alarms feed, which checks the name) counts as UTC.
    const QTimeZone zone = zoneIn.isValid() ? zoneIn : QTimeZone::utc();
    const qint64 afterSecs = after.toSecsSinceEpoch(); // rounds towards the past: next is > after
    const qint64 startSecs = afterSecs + 1;
    const QDateTime startWall =
        QDateTime::fromSecsSinceEpoch(startSecs + offsetAt(zone, startSecs), Qt::UTC); // wall clock as UTC
    Wall w{startWall.date().year(), startWall.date().month(),  startWall.date().day(),
           startWall.time().hour(), startWall.time().minute(), startWall.time().second()};
    const int lastYear = w.year + 5;

    const auto nextDay = [&w] {
        const QDate d = QDate(w.year, w.month, w.day).addDays(1);
        w = Wall{d.year(), d.month(), d.day(), 0, 0, 0};
    };
    const auto nextMonth = [&w] {
        w = w.month == 12 ? Wall{w.year + 1, 1, 1, 0, 0, 0} : Wall{w.year, w.month + 1, 1, 0, 0, 0};
    };

    // Each step either accepts a field or jumps the earliest field that does not match to its next
    // allowed value (resetting the smaller ones), so a search costs at most a few thousand steps.
    while (w.year <= lastYear) {
        if (!m_months[size_t(w.month)]) {
            const int month = nextSet(m_months, w.month + 1);
            w = month < 0 ? Wall{w.year + 1, 1, 1, 0, 0, 0} : Wall{w.year, month, 1, 0, 0, 0};
            continue;
        }
        const QDate date(w.year, w.month, w.day);
        if (!date.isValid()) { // past the month's last day
            nextMonth();
            continue;
        }
        const bool domMatch = m_daysOfMonth[size_t(w.day)];
        const bool dowMatch = m_daysOfWeek[size_t(date.dayOfWeek() % 7)];
        const bool dayMatch = (m_dayOfMonthStar || m_dayOfWeekStar) ? (domMatch && dowMatch) : (domMatch || dowMatch);
        if (!dayMatch) {
            nextDay();
            continue;
        }
        const int hour = nextSet(m_hours, w.hour);
        if (hour < 0) {
            nextDay();
            continue;
        }
        if (hour != w.hour)
            w = Wall{w.year, w.month, w.day, hour, 0, 0};
        const int minute = nextSet(m_minutes, w.minute);
        if (minute < 0) {
            w = Wall{w.year, w.month, w.day, w.hour + 1, 0, 0};
            if (w.hour == 24)
                nextDay();
            continue;
        }
        if (minute != w.minute)
            w = Wall{w.year, w.month, w.day, w.hour, minute, 0};
        const int second = nextSet(m_seconds, w.second);
        if (second < 0) {
            w = Wall{w.year, w.month, w.day, w.hour, w.minute + 1, 0};
            if (w.minute == 60)
                w = Wall{w.year, w.month, w.day, w.hour + 1, 0, 0};
            if (w.hour == 24)
                nextDay();
            continue;
        }
        w.second = second;
        // A time in a DST gap never happens; one in a repeat fires at its first occurrence only,
        // so a wall time whose first occurrence is not after `after` is passed over too.
        const auto instant = firstInstant(w, zone);
        if (instant && *instant > afterSecs)
            return QDateTime::fromSecsSinceEpoch(*instant, zone);
        ++w.second;
        if (w.second == 60)
            w = Wall{w.year, w.month, w.day, w.hour, w.minute + 1, 0};
        if (w.minute == 60)
            w = Wall{w.year, w.month, w.day, w.hour + 1, 0, 0};
        if (w.hour == 24)
            nextDay();
    }
    return {};
}

QString CronExpression::describe() const
{
    const Shape sec = m_hasSeconds ? shapeOf(m_seconds, 0, 59) : Shape{Shape::Single, 0, {{0, 0}}};
    const Shape min = shapeOf(m_minutes, 0, 59);
    const Shape hour = shapeOf(m_hours, 0, 23);
    const Shape dom = shapeOf(m_daysOfMonth, 1, 31);
    const Shape dow = shapeOf(m_daysOfWeek, 0, 6);
    const Shape month = shapeOf(m_months, 1, 12);
    const bool secTrivial = sec.kind == Shape::Single && sec.value == 0;
    const auto number = [](int v) { return QString::number(v); };

    // The days: day of month and day of week (joined by "or" under the OR rule), then months.
    QStringList days;
    QString domText;
    if (dom.kind != Shape::All)
        domText = dom.kind == Shape::Single
                      ? QCoreApplication::translate("CronExpression", "on day %1 of the month").arg(dom.value)
                      : QCoreApplication::translate("CronExpression", "on days %1 of the month")
                            .arg(runsText(dom, number, false));
    QString dowText;
    if (dow.kind != Shape::All) {
        if (dow.runs.size() == 1 && dow.runs.first().second - dow.runs.first().first >= 2)
            dowText = QCoreApplication::translate("CronExpression", "%1 to %2")
                          .arg(dayName(dow.runs.first().first), dayName(dow.runs.first().second));
        else
            //: %1: one or more weekdays, "Monday and Friday".
            dowText = QCoreApplication::translate("CronExpression", "on %1").arg(runsText(dow, dayName, true));
    }
    if (!domText.isEmpty() && !dowText.isEmpty() && !m_dayOfMonthStar && !m_dayOfWeekStar)
        days << QCoreApplication::translate("CronExpression", "%1 or %2").arg(domText, dowText);
    else
        for (const QString &text : {domText, dowText})
            if (!text.isEmpty())
                days << text;
    if (month.kind != Shape::All) {
        const auto monthName = [](int m) { return QLocale().monthName(m); };
        if (month.runs.size() == 1 && month.runs.first().second - month.runs.first().first >= 2)
            days << QCoreApplication::translate("CronExpression", "%1 to %2")
                        .arg(monthName(month.runs.first().first), monthName(month.runs.first().second));
        else
            //: %1: one or more months, "January and July".
            days << QCoreApplication::translate("CronExpression", "in %1").arg(runsText(month, monthName, true));
    }

    QStringList parts;
    // Fixed times of day: "at 09:30", "at 09:30 and 17:30".
    const bool hoursListed = hour.kind == Shape::Single || (hour.kind == Shape::Other && hour.runs.size() <= 6);
    if (sec.kind == Shape::Single && min.kind == Shape::Single && hoursListed) {
        QStringList times;
        for (int h = 0; h < 24; ++h) {
            if (!m_hours[size_t(h)])
                continue;
            QString time = twoDigits(h) + QLatin1Char(':') + twoDigits(min.value);
            if (sec.value != 0)
                time += QLatin1Char(':') + twoDigits(sec.value);
            times << time;
        }
        if (times.size() <= 6) {
            const QString at = joinList(times);
            parts << (days.isEmpty() ? QCoreApplication::translate("CronExpression", "every day at %1").arg(at)
                                     : QCoreApplication::translate("CronExpression", "at %1").arg(at));
            return joinClauses(parts + days);
        }
    }

    if (!secTrivial) {
        if (sec.kind == Shape::All)
            parts << QCoreApplication::translate("CronExpression", "every second");
        else if (sec.kind == Shape::Step)
            parts << QCoreApplication::translate("CronExpression", "every %1 seconds").arg(sec.value);
        else if (sec.kind == Shape::Single)
            parts << QCoreApplication::translate("CronExpression", "at second %1").arg(sec.value);
        else
            parts << QCoreApplication::translate("CronExpression", "at seconds %1").arg(runsText(sec, number, false));
    }
    bool hourDone = false;
    if (min.kind == Shape::All) {
        if (sec.kind != Shape::All && sec.kind != Shape::Step)
            parts << QCoreApplication::translate("CronExpression", "every minute");
    } else if (min.kind == Shape::Step) {
        parts << QCoreApplication::translate("CronExpression", "every %1 minutes").arg(min.value);
    } else if (min.kind == Shape::Single && min.value == 0 && secTrivial && hour.kind == Shape::All) {
        parts << QCoreApplication::translate("CronExpression", "every hour");
        hourDone = true;
    } else if (min.kind == Shape::Single && min.value == 0 && secTrivial && hour.kind == Shape::Step) {
        parts << QCoreApplication::translate("CronExpression", "every %1 hours").arg(hour.value);
        hourDone = true;
    } else if (min.kind == Shape::Single) {
        parts << QCoreApplication::translate("CronExpression", "at minute %1").arg(min.value);
    } else {
        parts << QCoreApplication::translate("CronExpression", "at minutes %1").arg(runsText(min, number, false));
    }
    if (!hourDone) {
        if (hour.kind == Shape::All) {
            if (min.kind == Shape::Single || min.kind == Shape::Other)
                parts << QCoreApplication::translate("CronExpression", "every hour");
        } else if (hour.kind == Shape::Step) {
            parts << QCoreApplication::translate("CronExpression", "every %1 hours").arg(hour.value);
        } else if (hour.runs.size() == 1) {
            parts << QCoreApplication::translate("CronExpression", "between %1 and %2")
                         .arg(twoDigits(hour.runs.first().first) + QStringLiteral(":00"),
                              twoDigits(hour.runs.first().second) + QStringLiteral(":59"));
        } else {
            parts << QCoreApplication::translate("CronExpression", "in hours %1").arg(runsText(hour, number, false));
        }
    }
    return joinClauses(parts + days);
}

QList<QDateTime> CronExpression::nextTimes(const QDateTime &after, const QTimeZone &zone, int count) const
{
    QList<QDateTime> times;
    QDateTime cursor = after;
    while (times.size() < count) {
        cursor = next(cursor, zone);
        if (!cursor.isValid())
            break;
        times.append(cursor);
    }
    return times;
}

} // namespace funcdesk
