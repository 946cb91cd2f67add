#pragma once

#include "core/Result.h"

#include <QJsonObject>

#include <optional>

namespace funcdesk {

// OpenWhisk's `limits` object. Every field is optional on the wire; SystemLimits fills defaults.
// `cpu` (vCPUs, e.g. 0.25) is Funcdesk's extension field; stock OpenWhisk clients ignore it.
struct ActionLimits
{
    std::optional<qint64> timeoutMs;
    std::optional<qint64> memoryMb;
    std::optional<qint64> logsMb;
    std::optional<qint64> concurrency;
    std::optional<qint64> instances;
    std::optional<double> cpu;
    QJsonObject extra;

    static Result<ActionLimits> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;

    // Fields set in `update` replace ours (OpenWhisk merges limits field by field on update).
    ActionLimits mergedWith(const ActionLimits &update) const;

    friend bool operator==(const ActionLimits &, const ActionLimits &) = default;
};

} // namespace funcdesk
