#include "platforms/local/AlarmFeeds.h"

#include "core/AlarmSchedule.h"
#include "platforms/local/LocalEngine.h"

#include <QJsonArray>

#include <limits>

namespace funcdesk {

namespace {
// The alarms package's answers (action/alarmWebAction.js, action/lib/common.js, Database.js).
const QString kAuthFailed = QStringLiteral("Trigger authentication request failed.");

PlatformError invalid(const QString &message)
{
    return {PlatformError::Kind::Invalid, message};
}

PlatformError notInDatabase(const QString &triggerName)
{
    return {PlatformError::Kind::NotFound,
            QStringLiteral("could not find trigger %1 in the database").arg(triggerName)};
}

QJsonObject success()
{
    return {{QLatin1StringView("status"), QStringLiteral("success")}};
}

AlarmSchedule::Kind kindOf(AlarmFeedAction::Feed feed)
{
    switch (feed) {
    case AlarmFeedAction::Feed::Once:
        return AlarmSchedule::Kind::Once;
    case AlarmFeedAction::Feed::Interval:
        return AlarmSchedule::Kind::Interval;
    case AlarmFeedAction::Feed::Alarm:
        break;
    }
    return AlarmSchedule::Kind::Cron;
}

QString feedNameOf(AlarmFeedAction::Feed feed)
{
    switch (feed) {
    case AlarmFeedAction::Feed::Once:
        return QStringLiteral("once");
    case AlarmFeedAction::Feed::Interval:
        return QStringLiteral("interval");
    case AlarmFeedAction::Feed::Alarm:
        break;
    }
    return QStringLiteral("alarm");
}

// "/ns/name" → {ns, name}; a name without a leading slash is in "_" (common.js parseQName).
std::pair<QString, QString> parseQName(const QString &qname)
{
    if (!qname.startsWith(QLatin1Char('/')))
        return {QStringLiteral("_"), qname};
    return {qname.section(QLatin1Char('/'), 1, 1), qname.section(QLatin1Char('/'), 2)};
}

QJsonObject readAnswer(const AlarmRegistration &registration)
{
    QJsonObject status{{QLatin1StringView("active"), registration.active},
                       {QLatin1StringView("dateChanged"), registration.dateChangedMs},
                       {QLatin1StringView("dateChangedISO"),
                        QDateTime::fromMSecsSinceEpoch(registration.dateChangedMs, Qt::UTC).toString(Qt::ISODate)}};
    if (!registration.reason.isEmpty())
        status.insert(QLatin1StringView("reason"), registration.reason);
    return {{QLatin1StringView("config"), registration.config}, {QLatin1StringView("status"), status}};
}
} // namespace

Result<QJsonObject> AlarmFeedAction::run(const BuiltinCall &call)
{
    QJsonObject params = call.params;
    const QString event = params.take(QLatin1StringView("lifecycleEvent")).toString();
    static const QStringList kEvents{QStringLiteral("CREATE"), QStringLiteral("READ"),  QStringLiteral("UPDATE"),
                                     QStringLiteral("DELETE"), QStringLiteral("PAUSE"), QStringLiteral("UNPAUSE")};
    if (!kEvents.contains(event))
        return invalid(QStringLiteral("unsupported lifecycleEvent"));
    const QString qname = params.take(QLatin1StringView("triggerName")).toString();
    if (qname.isEmpty())
        return invalid(QStringLiteral("no trigger name parameter was provided"));
    const QString authKey = params.take(QLatin1StringView("authKey")).toString();

    // The key must reach the trigger's namespace, and the trigger must exist (as the package
    // checks with a trigger GET under that key), except for a DELETE of a trigger already gone.
    auto [ns, name] = parseQName(qname);
    const qsizetype colon = authKey.indexOf(QLatin1Char(':'));
    const Result<Identity> identity = colon > 0
                                          ? m_engine.authenticate(authKey.left(colon), authKey.mid(colon + 1))
                                          : Result<Identity>(PlatformError{PlatformError::Kind::Auth, kAuthFailed});
    if (!identity || (ns != QLatin1StringView("_") && ns != identity->ns))
        return PlatformError{PlatformError::Kind::Auth, kAuthFailed};
    ns = identity->ns;
    const QString triggerName = QLatin1Char('/') + ns + QLatin1Char('/') + name;
    const bool isDelete = event == QLatin1StringView("DELETE");
    if (!m_engine.getTrigger(ns, name).result().ok() && !isDelete)
        return PlatformError{PlatformError::Kind::NotFound, kAuthFailed};

    AlarmScheduler &alarms = m_engine.alarms();
    const qint64 now = alarms.clock().nowMs();
    if (event == QLatin1StringView("CREATE")) {
        auto schedule = AlarmSchedule::fromFeedParams(kindOf(m_feed), params, triggerName, now);
        if (!schedule)
            return schedule.error();
        AlarmRegistration registration;
        registration.ns = ns;
        registration.trigger = name;
        registration.feed = feedNameOf(m_feed);
        registration.config = schedule->config();
        registration.acceptedMs = now;
        registration.dateChangedMs = now;
        if (auto put = alarms.put(registration); !put)
            return put.error();
        return success();
    }

    const std::optional<AlarmRegistration> existing = alarms.find(ns, name);
    if (!existing)
        return notInDatabase(triggerName);
    if (event == QLatin1StringView("READ"))
        return readAnswer(*existing);
    if (isDelete) {
        if (auto removed = alarms.remove(ns, name); !removed)
            return removed.error();
        return success();
    }
    if (event == QLatin1StringView("UPDATE")) {
        auto current = AlarmSchedule::fromConfig(existing->config);
        if (!current)
            return current.error();
        auto updated = current->updated(params, now);
        if (!updated)
            return updated.error();
        AlarmRegistration registration = *existing;
        registration.config = updated->config();
        registration.acceptedMs = now;
        registration.handledUpToMs = now;
        registration.active = true; // an update enables the trigger again, as the package does
        registration.reason = {};
        registration.dateChangedMs = now;
        if (auto put = alarms.put(registration); !put)
            return put.error();
        return success();
    }
    const bool pause = event == QLatin1StringView("PAUSE");
    const QJsonObject reason{{QLatin1StringView("kind"), QStringLiteral("USER")},
                             {QLatin1StringView("message"), QStringLiteral("Paused (lifecycleEvent PAUSE)")}};
    if (auto changed = alarms.setActive(ns, name, !pause, pause ? reason : QJsonObject()); !changed)
        return changed.error();
    return success();
}

QList<BuiltinDefinition> alarmFeedDefinitions(LocalEngine &engine)
{
    struct Published
    {
        AlarmFeedAction::Feed feed;
        const char *description;
        QStringList required;
        QStringList optional;
    };
    // Names, descriptions and parameters as the package's installCatalog.sh publishes them.
    const QList<Published> published{
        {AlarmFeedAction::Feed::Alarm,
         "Fire trigger when alarm occurs",
         {QStringLiteral("cron")},
         {QStringLiteral("timezone"), QStringLiteral("startDate"), QStringLiteral("stopDate"),
          QStringLiteral("strict")}},
        {AlarmFeedAction::Feed::Once,
         "Fire trigger once when alarm occurs",
         {QStringLiteral("date")},
         {QStringLiteral("deleteAfterFire")}},
        {AlarmFeedAction::Feed::Interval,
         "Fire trigger at specified interval",
         {QStringLiteral("minutes")},
         {QStringLiteral("startDate"), QStringLiteral("stopDate")}},
    };
    QList<BuiltinDefinition> definitions;
    for (const Published &feed : published) {
        QJsonArray parameters;
        for (const QString &name : feed.required)
            parameters.append(QJsonObject{{QLatin1StringView("name"), name}, {QLatin1StringView("required"), true}});
        for (const QString &name : feed.optional)
            parameters.append(QJsonObject{{QLatin1StringView("name"), name}, {QLatin1StringView("required"), false}});
        BuiltinDefinition definition;
        definition.package = QStringLiteral("alarms");
        definition.name = feedNameOf(feed.feed);
        definition.annotations = KeyValueList{{QStringLiteral("feed"), true, {}},
                                              {QStringLiteral("description"), QString::fromUtf8(feed.description), {}},
                                              {QStringLiteral("parameters"), parameters, {}}};
        definition.action = std::make_shared<AlarmFeedAction>(engine, feed.feed);
        definitions.append(definition);
    }
    return definitions;
}

AlarmScheduler::Hooks alarmHooks(LocalEngine &engine)
{
    AlarmScheduler::Hooks hooks;
    hooks.plan = [](const AlarmRegistration &registration) -> Result<AlarmPlan> {
        auto restored = AlarmSchedule::fromConfig(registration.config);
        if (!restored)
            return restored.error();
        auto schedule = std::make_shared<const AlarmSchedule>(std::move(restored).value());
        AlarmPlan plan;
        plan.nextAfter = [schedule](qint64 afterMs) { return schedule->nextFireAfter(afterMs); };
        plan.payload = schedule->payload();
        switch (schedule->afterFire()) {
        case AlarmSchedule::AfterFire::DeleteTrigger:
            plan.deleteAfterFire = QStringLiteral("true");
            break;
        case AlarmSchedule::AfterFire::DeleteTriggerAndRules:
            plan.deleteAfterFire = QStringLiteral("rules");
            break;
        case AlarmSchedule::AfterFire::Disable:
            break;
        }
        // After the last fire, whenever that is, the provider's text for the schedule's kind.
        plan.exhaustedReason =
            schedule->disableReasonAfterFire(std::numeric_limits<qint64>::max() / 2)
                .value_or(QStringLiteral("Automatically disabled: the schedule has no further fire time"));
        return plan;
    };
    hooks.fire = [&engine](const QString &ns, const QString &trigger, const QJsonObject &payload) -> Result<Done> {
        const auto fired = engine.fireTrigger(ns, trigger, payload).result();
        if (!fired)
            return fired.error();
        return Done{};
    };
    hooks.deleteTrigger = [&engine](const QString &ns, const QString &trigger, bool withRules) {
        if (withRules) {
            const auto found = engine.getTrigger(ns, trigger).result();
            const QJsonObject rules = found ? found->rules.value_or(QJsonObject()) : QJsonObject();
            for (auto it = rules.begin(); it != rules.end(); ++it) // keys are "ns/rule"
                engine.deleteRule(ns, it.key().section(QLatin1Char('/'), 1));
        }
        engine.deleteTrigger(ns, trigger);
    };
    return hooks;
}

} // namespace funcdesk
