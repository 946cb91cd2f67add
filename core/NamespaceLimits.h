#pragma once

#include "core/SystemLimits.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace funcdesk {

// A namespace's limits as OpenWhisk reports them (`GET /namespaces/{ns}/limits`, swagger
// `UserLimits`): its rate limits and the ranges its actions' limits must fall in. Every field is
// optional on the wire; memory and logs are in MB, timeouts in ms.
struct NamespaceLimits
{
    std::optional<qint64> invocationsPerMinute;
    std::optional<qint64> concurrentInvocations;
    std::optional<qint64> firesPerMinute;
    std::optional<QStringList> allowedKinds; // unset: every kind the platform has
    std::optional<bool> storeActivations;
    std::optional<QString> maxParameterSize; // a size text, e.g. "1 MB"
    std::optional<qint64> minActionMemory;
    std::optional<qint64> maxActionMemory;
    std::optional<qint64> minActionTimeout;
    std::optional<qint64> maxActionTimeout;
    std::optional<qint64> minActionLogs;
    std::optional<qint64> maxActionLogs;
    std::optional<qint64> minActionConcurrency;
    std::optional<qint64> maxActionConcurrency;
    std::optional<qint64> maxActionInstances;
    QJsonObject extra; // fields this version does not know, kept for the round trip

    // What a namespace without overrides gets: the system's values, as OpenWhisk's controller
    // fills them in (core/controller/.../Limits.scala).
    static NamespaceLimits fromSystem(const SystemLimits &limits);
    static Result<NamespaceLimits> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;

    friend bool operator==(const NamespaceLimits &, const NamespaceLimits &) = default;
};

} // namespace funcdesk
