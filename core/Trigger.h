#pragma once

#include "core/KeyValue.h"

namespace funcdesk {

// An OpenWhisk trigger document. `rules` is the trigger's map of linked rules as OpenWhisk
// returns it on GET: {"ns/rule": {"action": {"path", "name"}, "status": "active"}}.
struct Trigger
{
    std::optional<QString> ns;
    std::optional<QString> name;
    std::optional<QString> version;
    std::optional<bool> publish;
    std::optional<KeyValueList> parameters;
    std::optional<KeyValueList> annotations;
    std::optional<QJsonObject> limits;
    std::optional<QJsonObject> rules;
    std::optional<qint64> updated;
    QJsonObject extra;

    static Result<Trigger> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    // The `feed` annotation ("/whisk.system/alarms/alarm"), empty when the trigger has none.
    QString feed() const;

    friend bool operator==(const Trigger &, const Trigger &) = default;
};

} // namespace funcdesk
