#pragma once

#include "core/Result.h"

#include <QJsonObject>

#include <optional>

namespace funcdesk {

// OpenWhisk's `limits` object. Every field is optional on the wire; SystemLimits fills defaults.
// Funcdesk's extension fields, which stock OpenWhisk clients ignore: `cpu` (vCPUs, e.g. 0.25),
// `storage` (MB, the size of the function's private /tmp), `network` ("on" | "off": "off" runs
// the function in an empty network namespace) and `minInstances` (warm, sandboxed processes of
// the current version kept ready at all times, like provisioned concurrency).
struct ActionLimits
{
    std::optional<qint64> timeoutMs;
    std::optional<qint64> memoryMb;
    std::optional<qint64> logsMb;
    std::optional<qint64> concurrency;
    std::optional<qint64> instances;
    std::optional<double> cpu;
    std::optional<qint64> storageMb;    // "storage"
    std::optional<QString> network;     // "network": "on" | "off"
    std::optional<qint64> minInstances; // "minInstances"
    QJsonObject extra;

    static Result<ActionLimits> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;

    // Fields set in `update` replace ours (OpenWhisk merges limits field by field on update).
    ActionLimits mergedWith(const ActionLimits &update) const;

    friend bool operator==(const ActionLimits &, const ActionLimits &) = default;
};

} // namespace funcdesk
