#include "core/Trigger.h"

#include "core/JsonFields.h"

namespace funcdesk {

namespace {
const QLatin1StringView kNamespace("namespace");
const QLatin1StringView kName("name");
const QLatin1StringView kVersion("version");
const QLatin1StringView kPublish("publish");
const QLatin1StringView kParameters("parameters");
const QLatin1StringView kAnnotations("annotations");
const QLatin1StringView kLimits("limits");
const QLatin1StringView kRules("rules");
const QLatin1StringView kUpdated("updated");
} // namespace

Result<Trigger> Trigger::fromJson(const QJsonObject &object)
{
    JsonFields fields(object);
    Trigger trigger;
    trigger.ns = fields.string(kNamespace);
    trigger.name = fields.string(kName);
    trigger.version = fields.string(kVersion);
    trigger.publish = fields.boolean(kPublish);
    fields.nestedArray(kParameters, trigger.parameters);
    fields.nestedArray(kAnnotations, trigger.annotations);
    trigger.limits = fields.object(kLimits);
    trigger.rules = fields.object(kRules);
    trigger.updated = fields.integer(kUpdated);
    if (fields.error())
        return *fields.error();
    trigger.extra = fields.rest();
    return trigger;
}

QJsonObject Trigger::toJson() const
{
    QJsonObject object = extra;
    insertIfSet(object, kNamespace, ns);
    insertIfSet(object, kName, name);
    insertIfSet(object, kVersion, version);
    insertIfSet(object, kPublish, publish);
    if (parameters)
        object.insert(kParameters, parameters->toJson());
    if (annotations)
        object.insert(kAnnotations, annotations->toJson());
    if (limits)
        object.insert(kLimits, *limits);
    if (rules)
        object.insert(kRules, *rules);
    insertIfSet(object, kUpdated, updated);
    return object;
}

QString Trigger::feed() const
{
    return annotations ? annotations->value(QStringLiteral("feed")).toString() : QString();
}

} // namespace funcdesk
