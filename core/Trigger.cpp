#include "core/Trigger.h"

#include "core/EntityFields.h"

namespace funcdesk {

namespace {
const QLatin1StringView kLimits("limits");
const QLatin1StringView kRules("rules");
} // namespace

Result<Trigger> Trigger::fromJson(const QJsonObject &object)
{
    JsonFields fields(object);
    Trigger trigger;
    readEntityFields(fields, trigger);
    trigger.limits = fields.object(kLimits);
    trigger.rules = fields.object(kRules);
    if (fields.error())
        return *fields.error();
    trigger.extra = fields.rest();
    return trigger;
}

QJsonObject Trigger::toJson() const
{
    QJsonObject object = extra;
    writeEntityFields(object, *this);
    if (limits)
        object.insert(kLimits, *limits);
    if (rules)
        object.insert(kRules, *rules);
    return object;
}

QString Trigger::feed() const
{
    return annotations ? annotations->value(QStringLiteral("feed")).toString() : QString();
}

} // namespace funcdesk
