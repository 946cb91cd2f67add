#include "core/Package.h"

#include "core/EntityFields.h"

namespace funcdesk {

namespace {
const QLatin1StringView kBinding("binding");
const QLatin1StringView kActions("actions");
const QLatin1StringView kFeeds("feeds");
} // namespace

Result<Package> Package::fromJson(const QJsonObject &object)
{
    JsonFields fields(object);
    Package package;
    readEntityFields(fields, package);
    package.binding = fields.any(kBinding);
    if (!package.binding.isUndefined() && !package.binding.isBool() && !package.binding.isObject())
        fields.fail(JsonFields::malformed(QStringLiteral("'binding' must be false or {\"namespace\", \"name\"}.")));
    package.actions = fields.array(kActions);
    package.feeds = fields.array(kFeeds);
    if (fields.error())
        return *fields.error();
    package.extra = fields.rest();
    return package;
}

QJsonObject Package::toJson() const
{
    QJsonObject object = extra;
    writeEntityFields(object, *this);
    if (!binding.isUndefined())
        object.insert(kBinding, binding);
    if (actions)
        object.insert(kActions, *actions);
    if (feeds)
        object.insert(kFeeds, *feeds);
    return object;
}

} // namespace funcdesk
