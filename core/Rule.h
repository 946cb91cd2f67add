#pragma once

#include "core/KeyValue.h"

namespace funcdesk {

// A reference to an entity in a rule: {"path": "guest", "name": "hello"} on GET, a string
// "/guest/hello" (or "hello", "/_/hello") on PUT. Written back in the form it was read.
struct EntityRef
{
    QString path; // namespace, or "namespace/package"
    QString name;
    bool asString = false;

    static Result<EntityRef> fromJson(const QJsonValue &value, QLatin1StringView field);
    QJsonValue toJson() const;
    // "/path/name"
    QString fullyQualified() const;

    friend bool operator==(const EntityRef &, const EntityRef &) = default;
};

// An OpenWhisk rule: links a trigger to an action, active or inactive.
struct Rule
{
    std::optional<QString> ns;
    std::optional<QString> name;
    std::optional<QString> version;
    std::optional<bool> publish;
    std::optional<KeyValueList> annotations;
    std::optional<QString> status; // "active" | "inactive" ("" allowed on PUT)
    std::optional<EntityRef> trigger;
    std::optional<EntityRef> action;
    std::optional<qint64> updated;
    QJsonObject extra;

    static Result<Rule> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    bool isActive() const { return status.value_or(QString()) == QLatin1StringView("active"); }

    friend bool operator==(const Rule &, const Rule &) = default;
};

} // namespace funcdesk
