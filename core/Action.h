#pragma once

#include "core/ActionLimits.h"
#include "core/Exec.h"
#include "core/KeyValue.h"

namespace funcdesk {

// An OpenWhisk action document (`Action` / `ActionPut` in the swagger). Parsing and writing it
// back is lossless: fields Funcdesk does not know travel in `extra`.
struct Action
{
    std::optional<QString> ns; // "namespace" on the wire
    std::optional<QString> name;
    std::optional<QString> version;
    std::optional<bool> publish;
    std::optional<Exec> exec;
    std::optional<KeyValueList> parameters;
    std::optional<KeyValueList> annotations;
    std::optional<ActionLimits> limits;
    std::optional<qint64> updated;
    // Funcdesk's read-only extension "warmInstances": how many warm processes of this action's
    // current version the platform holds now (GET only; ignored on PUT, never stored).
    std::optional<qint64> warmInstances;
    QJsonObject extra;

    static Result<Action> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;

    // "/namespace/name", as OpenWhisk names actions in activations and env vars.
    QString fullyQualifiedName() const;

    friend bool operator==(const Action &, const Action &) = default;
};

} // namespace funcdesk
