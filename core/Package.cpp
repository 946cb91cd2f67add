#include "core/Package.h"

#include "core/JsonFields.h"

namespace funcdesk {

namespace {
const QLatin1StringView kNamespace("namespace");
const QLatin1StringView kName("name");
const QLatin1StringView kVersion("version");
const QLatin1StringView kPublish("publish");
const QLatin1StringView kParameters("parameters");
const QLatin1StringView kAnnotations("annotations");
const QLatin1StringView kBinding("binding");
const QLatin1StringView kActions("actions");
const QLatin1StringView kFeeds("feeds");
const QLatin1StringView kUpdated("updated");
} // namespace

Result<Package> Package::fromJson(const QJsonObject &object)
{
    JsonFields fields(object);
    Package package;
    package.ns = fields.string(kNamespace);
    package.name = fields.string(kName);
    package.version = fields.string(kVersion);
    package.publish = fields.boolean(kPublish);
    fields.nestedArray(kParameters, package.parameters);
    fields.nestedArray(kAnnotations, package.annotations);
    package.binding = fields.any(kBinding);
    if (!package.binding.isUndefined() && !package.binding.isBool() && !package.binding.isObject())
        fields.fail(JsonFields::malformed(QStringLiteral("'binding' must be false or {\"namespace\", \"name\"}.")));
    package.actions = fields.array(kActions);
    package.feeds = fields.array(kFeeds);
    package.updated = fields.integer(kUpdated);
    if (fields.error())
        return *fields.error();
    package.extra = fields.rest();
    return package;
}

QJsonObject Package::toJson() const
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
    if (!binding.isUndefined())
        object.insert(kBinding, binding);
    if (actions)
        object.insert(kActions, *actions);
    if (feeds)
        object.insert(kFeeds, *feeds);
    insertIfSet(object, kUpdated, updated);
    return object;
}

} // namespace funcdesk
