#include "core/Action.h"

#include "core/JsonFields.h"

namespace funcdesk {

namespace {
const QLatin1StringView kNamespace("namespace");
const QLatin1StringView kName("name");
const QLatin1StringView kVersion("version");
const QLatin1StringView kPublish("publish");
const QLatin1StringView kExec("exec");
const QLatin1StringView kParameters("parameters");
const QLatin1StringView kAnnotations("annotations");
const QLatin1StringView kLimits("limits");
const QLatin1StringView kUpdated("updated");
} // namespace

Result<Action> Action::fromJson(const QJsonObject &object)
{
    JsonFields fields(object);
    Action action;
    action.ns = fields.string(kNamespace);
    action.name = fields.string(kName);
    action.version = fields.string(kVersion);
    action.publish = fields.boolean(kPublish);
    action.updated = fields.integer(kUpdated);
    fields.nested(kExec, action.exec);
    fields.nested(kLimits, action.limits);
    if (const auto parameters = fields.array(kParameters)) {
        auto parsed = KeyValueList::fromJson(*parameters, kParameters);
        if (!parsed)
            return parsed.error();
        action.parameters = std::move(parsed).value();
    }
    if (const auto annotations = fields.array(kAnnotations)) {
        auto parsed = KeyValueList::fromJson(*annotations, kAnnotations);
        if (!parsed)
            return parsed.error();
        action.annotations = std::move(parsed).value();
    }
    if (fields.error())
        return *fields.error();
    action.extra = fields.rest();
    return action;
}

QJsonObject Action::toJson() const
{
    QJsonObject object = extra;
    insertIfSet(object, kNamespace, ns);
    insertIfSet(object, kName, name);
    insertIfSet(object, kVersion, version);
    insertIfSet(object, kPublish, publish);
    if (exec)
        object.insert(kExec, exec->toJson());
    if (parameters)
        object.insert(kParameters, parameters->toJson());
    if (annotations)
        object.insert(kAnnotations, annotations->toJson());
    if (limits)
        object.insert(kLimits, limits->toJson());
    insertIfSet(object, kUpdated, updated);
    return object;
}

QString Action::fullyQualifiedName() const
{
    return QLatin1Char('/') + ns.value_or(QStringLiteral("_")) + QLatin1Char('/') + name.value_or(QString());
}

} // namespace funcdesk
