// libFuzzer target: the cron parser (core/CronExpression) and the alarms feed's parameters
// (core/AlarmSchedule: cron, timezone, dates, intervals, as a trigger's feed CREATE sends them).
// Text input is a cron expression; a JSON object is the parameters of the three alarm feeds.
#include "core/AlarmSchedule.h"
#include "core/CronExpression.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QJsonDocument>

namespace {

using namespace funcdesk;

constexpr qint64 kNowMs = 1767225600000; // 2026-01-01T00:00:00Z

// Zones with a DST gap and repeat, a half-hour shift, and none.
const QList<QTimeZone> &zones()
{
    static const QList<QTimeZone> list{QTimeZone::utc(), QTimeZone("Europe/Berlin"), QTimeZone("Australia/Lord_Howe"),
                                       QTimeZone("America/St_Johns")};
    return list;
}

void fuzzCron(const QString &text)
{
    const auto cron = CronExpression::parse(text);
    if (!cron) {
        FUZZ_CHECK(cron.error().message.contains(QLatin1StringView("Invalid cron expression")), "the error says why");
        return;
    }
    FUZZ_CHECK(CronExpression::parse(cron->text()).ok(), "its own text parses again");
    (void)cron->describe();
    const QDateTime after = QDateTime::fromMSecsSinceEpoch(kNowMs, QTimeZone::utc());
    const QTimeZone &zone = zones().at(int(qHash(text) % zones().size()));
    QDateTime previous = after;
    for (const QDateTime &time : cron->nextTimes(after, zone, 3)) {
        FUZZ_CHECK(time.isValid() && time > previous, "fire times are strictly after the last one");
        previous = time;
    }
}

void fuzzAlarm(const QJsonObject &params)
{
    for (auto kind : {AlarmSchedule::Kind::Cron, AlarmSchedule::Kind::Once, AlarmSchedule::Kind::Interval}) {
        const auto schedule = AlarmSchedule::fromFeedParams(kind, params, QStringLiteral("/guest/fuzzed"), kNowMs);
        if (!schedule) {
            FUZZ_CHECK(!schedule.error().message.isEmpty(), "a refused schedule says why");
            continue;
        }
        (void)schedule->describe(zones().at(1));
        (void)schedule->scheduleProblem(kNowMs);
        qint64 previous = kNowMs;
        for (qint64 fire : schedule->nextFires(kNowMs, 3)) {
            FUZZ_CHECK(fire > previous, "fires are strictly after the last one");
            previous = fire;
        }
        const auto restored = AlarmSchedule::fromConfig(schedule->config());
        FUZZ_CHECK(restored.ok(), "a stored schedule is read back");
        FUZZ_CHECK(restored->config() == schedule->config(), "and is the same schedule");
        (void)schedule->updated(params, kNowMs);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = funcdesk::fuzz::bytesOf(data, size);
    if (bytes.startsWith('{')) {
        const QJsonDocument document = QJsonDocument::fromJson(bytes);
        if (document.isObject())
            fuzzAlarm(document.object());
        return 0;
    }
    fuzzCron(QString::fromUtf8(bytes));
    return 0;
}
