#include "platforms/local/RuleBook.h"

#include "core/ActivationId.h"
#include "core/SemVer.h"

#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>

namespace funcdesk {

namespace {
const QString kTriggers = QStringLiteral("triggers");
const QString kRules = QStringLiteral("rules");

// OpenWhisk's update of an entity header: the version is bumped unless given, annotations are
// (old -- delAnnotations) ++ new.
template <typename T> Result<T> mergedHeader(const std::optional<T> &existing, const T &put, const PutOptions &options)
{
    if (existing && !options.overwrite)
        return PlatformError{PlatformError::Kind::Conflict, QStringLiteral("resource already exists")};
    T merged = existing.value_or(T());
    if (existing) {
        const SemVer previous = SemVer::parse(existing->version.value_or(QString())).value_or(SemVer{});
        merged.version = put.version.value_or(previous.nextPatch().toString());
    } else {
        merged.version = put.version.value_or(QStringLiteral("0.0.1"));
    }
    if (!SemVer::parse(*merged.version))
        return PlatformError{
            PlatformError::Kind::Invalid,
            QStringLiteral("The request content was malformed: '%1' is not a version (major.minor.patch).")
                .arg(*merged.version)};
    merged.publish = put.publish.value_or(merged.publish.value_or(false));
    KeyValueList annotations = merged.annotations.value_or(KeyValueList());
    for (const QString &key : options.delAnnotations)
        annotations.remove(key);
    const KeyValueList added = put.annotations.value_or(KeyValueList()); // outlives the loop
    for (const KeyValue &item : added.items())
        annotations.set(item.key, item.value);
    merged.annotations = annotations;
    for (auto it = put.extra.begin(); it != put.extra.end(); ++it)
        merged.extra.insert(it.key(), it.value());
    merged.updated = QDateTime::currentMSecsSinceEpoch();
    return merged;
}

// "_" and "_/package" in a rule's reference stand for the rule's namespace.
QString resolvePath(const QString &path, const QString &ns)
{
    if (path == QLatin1StringView("_"))
        return ns;
    return path.startsWith(QLatin1StringView("_/")) ? ns + path.mid(1) : path;
}

QJsonObject pathName(const QString &path, const QString &name)
{
    return {{QLatin1StringView("path"), path}, {QLatin1StringView("name"), name}};
}

// A rule's action {path: "ns[/package]", name}, resolved in the rule's namespace.
std::optional<QualifiedName> ruleAction(const QString &ns, const EntityRef &action)
{
    return QualifiedName::resolve(ns, QLatin1Char('/') + action.path + QLatin1Char('/') + action.name);
}

// ActivationResponse's status codes, as OpenWhisk writes them in a trigger's rule logs: an
// invocation the platform refused is the application's error (1), its own failure a whisk
// error (3).
constexpr int kRuleSucceeded = 0;
constexpr int kRuleApplicationError = 1;
constexpr int kRuleWhiskError = 3;

QString ruleLogLine(const QString &rule, const QString &action, int statusCode, const QString &key,
                    const QString &value)
{
    const QJsonObject line{{QLatin1StringView("rule"), rule},
                           {QLatin1StringView("action"), action},
                           {QLatin1StringView("statusCode"), statusCode},
                           {QLatin1StringView("success"), statusCode == kRuleSucceeded},
                           {key, value}};
    return QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact));
}
} // namespace

RuleBook::RuleBook(EngineState &state, Invoker &invoker, Invoker::Recorded recorded)
    : m_state(state), m_invoker(invoker), m_recorded(std::move(recorded))
{
}

QJsonObject RuleBook::linkedRules(const QString &ns, const QString &trigger) const
{
    QJsonObject links;
    for (const Rule &rule : m_state.rules.value(ns)) {
        if (!rule.trigger || rule.trigger->path != ns || rule.trigger->name != trigger || !rule.action)
            continue;
        links.insert(ns + QLatin1Char('/') + rule.name.value_or(QString()),
                     QJsonObject{{QLatin1StringView("action"), pathName(rule.action->path, rule.action->name)},
                                 {QLatin1StringView("status"), rule.status.value_or(QStringLiteral("inactive"))}});
    }
    return links;
}

QFuture<Result<QList<Trigger>>> RuleBook::listTriggers(const QString &ns, ListOptions options) const
{
    QReadLocker locker(&m_state.lock);
    QList<Trigger> page = EngineState::page(m_state.triggers, ns, options);
    for (Trigger &trigger : page) {
        trigger.parameters.reset();
        trigger.limits.reset();
    }
    return readyResult<QList<Trigger>>(page);
}

Result<Trigger> RuleBook::getTrigger(const QString &ns, const QString &name) const
{
    QReadLocker locker(&m_state.lock);
    auto trigger = EngineState::find(m_state.triggers, ns, name);
    if (!trigger)
        return notFoundError();
    const QJsonObject rules = linkedRules(ns, name);
    if (!rules.isEmpty())
        trigger->rules = rules;
    return *trigger;
}

QFuture<Result<Trigger>> RuleBook::putTrigger(const QString &ns, const QString &name, const Trigger &put,
                                              const PutOptions &options)
{
    return m_state.store->post<Result<Trigger>>(
        [this, ns, name, put, options](StoreWorker::Store &store) -> Result<Trigger> {
            std::optional<Trigger> existing;
            {
                QReadLocker locker(&m_state.lock);
                existing = EngineState::find(m_state.triggers, ns, name);
            }
            auto merged = mergedHeader(existing, put, options);
            if (!merged)
                return merged;
            Trigger trigger = std::move(merged).value();
            trigger.ns = ns;
            trigger.name = name;
            if (put.parameters || !trigger.parameters)
                trigger.parameters = put.parameters.value_or(KeyValueList());
            if (put.limits || !trigger.limits)
                trigger.limits = put.limits.value_or(QJsonObject());
            trigger.rules.reset(); // derived from the rules on read, never stored
            const QJsonValue feed = trigger.annotations->value(QStringLiteral("feed"));
            if (!feed.isUndefined() && (!feed.isString() || !feed.toString().startsWith(QLatin1Char('/'))))
                return PlatformError{PlatformError::Kind::Invalid, QStringLiteral("Feed name is not valid")};
            if (auto stored = store.entities.put(kTriggers, ns, name, *trigger.updated, trigger.toJson()); !stored)
                return stored.error();
            QWriteLocker locker(&m_state.lock);
            m_state.triggers[ns].insert(name, trigger);
            const QJsonObject rules = linkedRules(ns, name);
            if (!rules.isEmpty())
                trigger.rules = rules;
            return trigger;
        });
}

QFuture<Result<Trigger>> RuleBook::deleteTrigger(const QString &ns, const QString &name)
{
    return m_state.store->post<Result<Trigger>>([this, ns, name](StoreWorker::Store &store) -> Result<Trigger> {
        auto trigger = getTrigger(ns, name);
        if (!trigger)
            return trigger;
        if (auto removed = store.entities.remove(kTriggers, ns, name); !removed)
            return removed.error();
        QWriteLocker locker(&m_state.lock);
        m_state.triggers[ns].remove(name);
        return trigger;
    });
}

Result<std::optional<QString>> RuleBook::fire(const QString &ns, const QString &name, const QJsonObject &payload)
{
    if (auto refused = m_state.rates->admitFire(ns))
        return *refused;
    std::optional<Trigger> trigger;
    QList<Rule> linked;
    {
        QReadLocker locker(&m_state.lock);
        trigger = EngineState::find(m_state.triggers, ns, name);
        if (!trigger)
            return notFoundError();
        for (const Rule &rule : m_state.rules.value(ns)) {
            if (rule.trigger && rule.trigger->path == ns && rule.trigger->name == name && rule.action)
                linked.append(rule);
        }
    }
    // No active rule: nothing runs and nothing is recorded (204). Otherwise every linked rule
    // gets a line in the trigger activation's logs, inactive ones saying so (ctrl/Triggers.scala).
    if (std::none_of(linked.cbegin(), linked.cend(), [](const Rule &rule) { return rule.isActive(); }))
        return std::optional<QString>();

    QJsonObject args = trigger->parameters ? trigger->parameters->toObject() : QJsonObject();
    for (auto it = payload.begin(); it != payload.end(); ++it)
        args.insert(it.key(), it.value());
    Activation record;
    record.activationId = newActivationId();
    record.ns = ns;
    record.name = name;
    record.version = trigger->version;
    record.publish = false;
    record.subject = ns;
    record.start = QDateTime::currentMSecsSinceEpoch();
    record.end = 0;
    ActivationResponse response;
    response.setStatus(ActivationStatus::Success);
    response.result = payload; // what was posted; the actions get the trigger's parameters too
    record.response = response;
    record.annotations = KeyValueList{{QStringLiteral("path"), ns + QLatin1Char('/') + name, {}}};

    QStringList logs;
    std::sort(linked.begin(), linked.end(), [](const Rule &a, const Rule &b) { return a.name < b.name; });
    for (const Rule &rule : linked) {
        const QString ruleName = ns + QLatin1Char('/') + rule.name.value_or(QString());
        const std::optional<QualifiedName> action = ruleAction(ns, *rule.action);
        const QString actionName = action ? action->path() : rule.action->path + QLatin1Char('/') + rule.action->name;
        if (!rule.isActive()) {
            logs.append(ruleLogLine(
                ruleName, actionName, kRuleApplicationError, QStringLiteral("error"),
                QStringLiteral("Rule '%1' is inactive, action '%2' was not activated.").arg(ruleName, actionName)));
            continue;
        }
        // Non-blocking: the future is ready now with the id or the reason it could not start.
        // The action is named fully, so one in another namespace (a published package, such as
        // /whisk.system/utils) runs and is recorded in this one.
        const Result<InvokeOutcome> invoked =
            action ? m_invoker
                         .invoke(ns, QLatin1Char('/') + action->path(), args, InvokeOptions{false, false, std::nullopt},
                                 record.activationId)
                         .result()
                   : Result<InvokeOutcome>(notFoundError());
        if (invoked) {
            logs.append(ruleLogLine(ruleName, actionName, kRuleSucceeded, QStringLiteral("activationId"),
                                    invoked->activationId));
        } else {
            const int status = invoked.error().httpStatus() >= 500 ? kRuleWhiskError : kRuleApplicationError;
            logs.append(ruleLogLine(ruleName, actionName, status, QStringLiteral("error"), invoked.error().message));
        }
    }
    record.logs = logs;
    m_state.store->record(ActivationRepository::Row::of(record));
    m_recorded(record);
    return std::optional<QString>(record.activationId);
}

QFuture<Result<QList<Rule>>> RuleBook::listRules(const QString &ns, ListOptions options) const
{
    QReadLocker locker(&m_state.lock);
    return readyResult<QList<Rule>>(EngineState::page(m_state.rules, ns, options));
}

Result<Rule> RuleBook::getRule(const QString &ns, const QString &name) const
{
    QReadLocker locker(&m_state.lock);
    auto rule = EngineState::find(m_state.rules, ns, name);
    if (!rule)
        return notFoundError();
    return *rule;
}

std::optional<PlatformError> RuleBook::checkRuleTargets(const QString &ns, const Rule &rule) const
{
    if (!rule.trigger || !rule.action)
        return PlatformError{
            PlatformError::Kind::Invalid,
            QStringLiteral("The request content was malformed: a rule needs a trigger and an action.")};
    {
        QReadLocker locker(&m_state.lock);
        if (rule.trigger->path != ns || !EngineState::find(m_state.triggers, ns, rule.trigger->name))
            return PlatformError{
                PlatformError::Kind::Invalid,
                QStringLiteral("The trigger '%1' does not exist.").arg(rule.trigger->fullyQualified())};
    }
    // The action may be in a package ({path: "ns/package"}) and in another namespace, if that
    // namespace published the package (/whisk.system/utils/echo). One the rule's namespace may
    // not see does not exist for it.
    const std::optional<QualifiedName> action = ruleAction(ns, *rule.action);
    if (!action || m_state.checkEntitled(ns, *action) || !m_state.findAction(*action))
        return PlatformError{PlatformError::Kind::Invalid,
                             QStringLiteral("The action '%1' does not exist.").arg(rule.action->fullyQualified())};
    return std::nullopt;
}

QFuture<Result<Rule>> RuleBook::putRule(const QString &ns, const QString &name, const Rule &put,
                                        const PutOptions &options)
{
    return m_state.store->post<Result<Rule>>([this, ns, name, put, options](StoreWorker::Store &store) -> Result<Rule> {
        std::optional<Rule> existing;
        {
            QReadLocker locker(&m_state.lock);
            existing = EngineState::find(m_state.rules, ns, name);
        }
        auto merged = mergedHeader(existing, put, options);
        if (!merged)
            return merged;
        Rule rule = std::move(merged).value();
        rule.ns = ns;
        rule.name = name;
        for (const auto &[given, target] :
             {std::pair{&put.trigger, &rule.trigger}, std::pair{&put.action, &rule.action}}) {
            if (*given) {
                EntityRef ref = **given;
                ref.path = resolvePath(ref.path, ns);
                ref.asString = false; // stored and returned as {path, name}
                *target = ref;
            }
        }
        if (!existing)
            rule.status = QStringLiteral("active"); // a new rule starts active
        if (auto problem = checkRuleTargets(ns, rule))
            return *problem;
        if (auto stored = store.entities.put(kRules, ns, name, *rule.updated, rule.toJson()); !stored)
            return stored.error();
        QWriteLocker locker(&m_state.lock);
        m_state.rules[ns].insert(name, rule);
        return rule;
    });
}

QFuture<Result<Rule>> RuleBook::deleteRule(const QString &ns, const QString &name)
{
    return m_state.store->post<Result<Rule>>([this, ns, name](StoreWorker::Store &store) -> Result<Rule> {
        auto rule = getRule(ns, name);
        if (!rule)
            return rule;
        if (auto removed = store.entities.remove(kRules, ns, name); !removed)
            return removed.error();
        QWriteLocker locker(&m_state.lock);
        m_state.rules[ns].remove(name);
        Rule deleted = rule.value();
        deleted.status = QStringLiteral("inactive");
        return deleted;
    });
}

QFuture<Result<Done>> RuleBook::setRuleActive(const QString &ns, const QString &name, bool active)
{
    return m_state.store->post<Result<Done>>([this, ns, name, active](StoreWorker::Store &store) -> Result<Done> {
        auto found = getRule(ns, name);
        if (!found)
            return found.error();
        Rule rule = found.value();
        if (active) {
            QReadLocker locker(&m_state.lock);
            if (!rule.trigger || !EngineState::find(m_state.triggers, rule.trigger->path, rule.trigger->name))
                return PlatformError{PlatformError::Kind::NotFound,
                                     QStringLiteral("Only rules with existing triggers can be activated")};
        }
        const QString status = active ? QStringLiteral("active") : QStringLiteral("inactive");
        if (rule.status == status)
            return Done{};
        rule.status = status;
        if (auto stored = store.entities.put(kRules, ns, name, rule.updated.value_or(0), rule.toJson()); !stored)
            return stored.error();
        QWriteLocker locker(&m_state.lock);
        m_state.rules[ns].insert(name, rule);
        return Done{};
    });
}

} // namespace funcdesk
