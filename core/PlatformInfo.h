#pragma once

#include "core/SystemLimits.h"

#include <QList>
#include <QStringList>

namespace funcdesk {

// One runtime kind in a platform's manifest (`GET /` → runtimes).
struct RuntimeKind
{
    QString family; // "nodejs"
    QString kind;   // "nodejs:20"
    bool isDefault = false;
    bool deprecated = false;

    friend bool operator==(const RuntimeKind &, const RuntimeKind &) = default;
};

// What a platform can do, as its controller root (`GET /`) reports it: limits, runtime kinds,
// and whether it honours Funcdesk's `limits.cpu` extension. A stock OpenWhisk reports no CPU
// support; its limits are read from the standard keys (bytes for memory and logs).
struct PlatformInfo
{
    QString description = QStringLiteral("OpenWhisk");
    SystemLimits limits;
    QList<RuntimeKind> runtimes;
    bool cpuLimits = false; // accepts and enforces limits.cpu
    QString enforcement;    // how the platform enforces limits ("cgroup-v2", ...), if it says
    // How functions are isolated: "bubblewrap", "none" (runs, not isolated), empty if unknown.
    QString sandbox;
    bool storageLimits = false; // accepts and enforces limits.storage, .network, .minInstances
    QJsonObject raw;            // the document as received

    static Result<PlatformInfo> fromJson(const QJsonObject &object);
    // The controller-root document: OpenWhisk's keys plus a "funcdesk" block with the rest.
    QJsonObject toJson() const;
    // Kinds accepted on PUT, canonical ones and the "family:default" aliases.
    QStringList kinds() const;
};

} // namespace funcdesk
