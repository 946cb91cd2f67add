#include "core/Action.h"

#include "core/EntityFields.h"

namespace funcdesk {

namespace {
const QLatin1StringView kExec("exec");
const QLatin1StringView kLimits("limits");
const QLatin1StringView kWarmInstances("warmInstances");
} // namespace

Result<Action> Action::fromJson(const QJsonObject &object)
{
    JsonFields fields(object);
    Action action;
    readEntityFields(fields, action);
    fields.nested(kExec, action.exec);
    fields.nested(kLimits, action.limits);
    action.warmInstances = fields.integer(kWarmInstances);
    if (fields.error())
        return *fields.error();
    action.extra = fields.rest();
    return action;
}

QJsonObject Action::toJson() const
{
    QJsonObject object = extra;
    writeEntityFields(object, *this);
    if (exec)
        object.insert(kExec, exec->toJson());
    if (limits)
        object.insert(kLimits, limits->toJson());
    insertIfSet(object, kWarmInstances, warmInstances);
    return object;
}

QString Action::fullyQualifiedName() const
{
    return QLatin1Char('/') + ns.value_or(QStringLiteral("_")) + QLatin1Char('/') + name.value_or(QString());
}

} // namespace funcdesk
