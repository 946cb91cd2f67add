#include "deploy/DeployCompare.h"

namespace funcdesk::deploy {

namespace {

// Every annotation `wanted` sets has that value in `current`.
bool setsMatch(const std::optional<KeyValueList> &wanted, const std::optional<KeyValueList> &current)
{
    const KeyValueList have = current.value_or(KeyValueList());
    const KeyValueList want = wanted.value_or(KeyValueList());
    for (const KeyValue &item : want.items())
        if (!have.contains(item.key) || have.value(item.key) != item.value)
            return false;
    return true;
}

bool sameParameters(const std::optional<KeyValueList> &wanted, const std::optional<KeyValueList> &current)
{
    return wanted.value_or(KeyValueList()).toObject() == current.value_or(KeyValueList()).toObject();
}

bool sameLimits(const std::optional<ActionLimits> &wanted, const std::optional<ActionLimits> &current)
{
    if (!wanted)
        return true;
    const ActionLimits have = current.value_or(ActionLimits());
    const auto same = [](const auto &want, const auto &got) { return !want || want == got; };
    return same(wanted->timeoutMs, have.timeoutMs) && same(wanted->memoryMb, have.memoryMb) &&
           same(wanted->logsMb, have.logsMb) && same(wanted->concurrency, have.concurrency);
}

} // namespace

std::optional<QString> resolveKind(const QString &kind, const PlatformInfo &info)
{
    if (info.runtimes.isEmpty() || kind == QLatin1StringView("sequence"))
        return kind;
    const QString family = kind.section(QLatin1Char(':'), 0, 0);
    const QString version = kind.section(QLatin1Char(':'), 1);
    std::optional<QString> found;
    for (const RuntimeKind &runtime : info.runtimes) {
        if (runtime.family != family && runtime.kind.section(QLatin1Char(':'), 0, 0) != family)
            continue;
        if (runtime.kind == kind)
            return kind;
        if (version == QLatin1StringView("default") && runtime.isDefault)
            found = runtime.kind;
        else if (!found && runtime.kind.startsWith(kind + QLatin1Char('.')))
            found = runtime.kind; // "python:3" names the platform's Python 3.x
    }
    return found;
}

bool samePackage(const Package &wanted, const Package &current)
{
    const auto bindingOf = [](const QJsonValue &binding) {
        return binding.isObject() && !binding.toObject().isEmpty() ? binding.toObject() : QJsonObject();
    };
    return wanted.publish.value_or(false) == current.publish.value_or(false) &&
           sameParameters(wanted.parameters, current.parameters) &&
           setsMatch(wanted.annotations, current.annotations) &&
           bindingOf(wanted.binding) == bindingOf(current.binding);
}

bool sameAction(const Action &wanted, const Action &current)
{
    if (!current.exec || !wanted.exec)
        return false;
    const Exec &want = *wanted.exec;
    const Exec &have = *current.exec;
    if (want.kind != have.kind)
        return false;
    std::optional<KeyValueList> parameters = current.parameters;
    if (want.kind == QLatin1StringView("sequence")) {
        if (want.components.value_or(QStringList()) != have.components.value_or(QStringList()))
            return false;
        // The platform keeps the components as the parameter `_actions` too, as OpenWhisk does:
        // compared above, and never the manifest's.
        if (parameters && !(wanted.parameters && wanted.parameters->contains(QStringLiteral("_actions"))))
            parameters->remove(QStringLiteral("_actions"));
    } else if (want.code != have.code || want.mainOrDefault() != have.mainOrDefault() ||
               want.binary.value_or(false) != have.binary.value_or(false)) {
        return false;
    }
    return sameParameters(wanted.parameters, parameters) && setsMatch(wanted.annotations, current.annotations) &&
           sameLimits(wanted.limits, current.limits);
}

bool sameTrigger(const PlannedTrigger &wanted, const Trigger &current, const std::optional<QJsonObject> &feedConfig)
{
    if (current.feed() != wanted.feed || !setsMatch(wanted.trigger.annotations, current.annotations))
        return false;
    if (wanted.feed.isEmpty())
        return sameParameters(wanted.trigger.parameters, current.parameters);
    if (!feedConfig)
        return false;
    for (auto it = wanted.feedParams.begin(); it != wanted.feedParams.end(); ++it) {
        // The alarms feed keeps `trigger_payload` as `payload` (OpenWhisk's provider does too).
        const QString key = it.key() == QLatin1StringView("trigger_payload") && !feedConfig->contains(it.key())
                                ? QStringLiteral("payload")
                                : it.key();
        if (feedConfig->value(key) != it.value())
            return false;
    }
    return true;
}

bool sameRule(const Rule &wanted, const Rule &current)
{
    return current.trigger && current.action && current.isActive() &&
           current.trigger->fullyQualified() == wanted.trigger->fullyQualified() &&
           current.action->fullyQualified() == wanted.action->fullyQualified() &&
           setsMatch(wanted.annotations, current.annotations);
}

} // namespace funcdesk::deploy
