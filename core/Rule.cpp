#include "core/Rule.h"

#include "core/EntityFields.h"

namespace funcdesk {

namespace {
const QLatin1StringView kPath("path");
const QLatin1StringView kName = entityKeys::name; // an entity reference's own "name"
const QLatin1StringView kStatus("status");
const QLatin1StringView kTrigger("trigger");
const QLatin1StringView kAction("action");
} // namespace

Result<EntityRef> EntityRef::fromJson(const QJsonValue &value, QLatin1StringView field)
{
    EntityRef ref;
    if (value.isString()) {
        // "/ns/name", "/ns/pkg/name", "name" or "pkg/name" (relative to the caller's namespace).
        QString text = value.toString();
        ref.asString = true;
        QStringList parts = text.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.isEmpty() || parts.size() > 3 || (!text.startsWith(QLatin1Char('/')) && parts.size() > 2))
            return JsonFields::malformed(QStringLiteral("'%1' is not a valid entity name: '%2'.").arg(field, text));
        ref.name = parts.takeLast();
        if (!text.startsWith(QLatin1Char('/')))
            parts.prepend(QStringLiteral("_"));
        ref.path = parts.join(QLatin1Char('/'));
        return ref;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.value(kPath).isString() && object.value(kName).isString()) {
            ref.path = object.value(kPath).toString();
            ref.name = object.value(kName).toString();
            return ref;
        }
    }
    return JsonFields::malformed(QStringLiteral("'%1' must be an entity name or {\"path\", \"name\"}.").arg(field));
}

QJsonValue EntityRef::toJson() const
{
    if (asString)
        return fullyQualified();
    return QJsonObject{{kPath, path}, {kName, name}};
}

QString EntityRef::fullyQualified() const
{
    return QLatin1Char('/') + path + QLatin1Char('/') + name;
}

Result<Rule> Rule::fromJson(const QJsonObject &object)
{
    JsonFields fields(object);
    Rule rule;
    readEntityFields(fields, rule);
    rule.status = fields.string(kStatus);
    for (const auto &[key, out] : {std::pair{kTrigger, &rule.trigger}, std::pair{kAction, &rule.action}}) {
        const QJsonValue value = fields.any(key);
        if (value.isUndefined())
            continue;
        auto ref = EntityRef::fromJson(value, key);
        if (ref)
            *out = std::move(ref).value();
        else
            fields.fail(ref.error());
    }
    if (fields.error())
        return *fields.error();
    rule.extra = fields.rest();
    return rule;
}

QJsonObject Rule::toJson() const
{
    QJsonObject object = extra;
    writeEntityFields(object, *this);
    insertIfSet(object, kStatus, status);
    if (trigger)
        object.insert(kTrigger, trigger->toJson());
    if (action)
        object.insert(kAction, action->toJson());
    return object;
}

} // namespace funcdesk
