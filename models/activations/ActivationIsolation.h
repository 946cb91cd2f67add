#pragma once

#include "core/Activation.h"

#include <QCoreApplication>

#include <optional>

namespace funcdesk {

// How one activation was isolated, read from its annotations: the sandbox and network of the
// `enforcement` annotation, the `storageUsed` annotation (bytes in the function's /tmp at the end
// of the run) and `limits.storage`. The Test panel and the activation details say it with the
// same words. Fields a record does not carry stay empty (a stock OpenWhisk reports none of them).
struct ActivationIsolation
{
    Q_DECLARE_TR_FUNCTIONS(funcdesk::ActivationIsolation)

public:
    QString sandbox;      // "bubblewrap", "none", or empty when not reported
    QString network;      // "on", "off", "host" (not sandboxed), or empty when not reported
    QString networkLimit; // the function's setting (limits.network), when the record has it
    std::optional<qint64> storageUsedBytes;
    std::optional<qint64> storageLimitMb;

    static ActivationIsolation of(const Activation &activation);

    // The function ran without a sandbox: shown as a warning.
    bool unisolated() const { return sandbox == QLatin1StringView("none"); }
    // "isolated (bubblewrap)" / "not isolated"; empty when not reported.
    QString sandboxText() const;
    // Why that matters, for a tooltip; empty when not reported.
    QString sandboxNote() const;
    // "on" / "off" / "on (not isolated)" — "…, set to off" when the setting could not be kept
    // without a sandbox; empty when not reported.
    QString networkText() const;
    // "1.5 MB of 512 MB" (used of the limit), "1.5 MB", or empty when /tmp use is not reported.
    QString storageText() const;
};

} // namespace funcdesk
