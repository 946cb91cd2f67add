#include "models/activations/ActivationIsolation.h"

#include "models/activations/ActivationText.h"

#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace funcdesk {

namespace {

// Megabytes to one decimal; a few kilobytes read "< 0.1 MB", not a misleading "0.0 MB".
QString usedMegabytes(qint64 bytes)
{
    const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
    if (bytes > 0 && mb < 0.05)
        return ActivationIsolation::tr("< 0.1 MB");
    return ActivationText::megabytes(bytes == 0 ? 0.0 : std::round(mb * 10.0) / 10.0);
}

} // namespace

ActivationIsolation ActivationIsolation::of(const Activation &activation)
{
    ActivationIsolation isolation;
    const QJsonObject enforcement = activation.annotation(QStringLiteral("enforcement")).toObject();
    const QJsonObject limits = activation.annotation(QStringLiteral("limits")).toObject();
    isolation.sandbox = enforcement.value(QLatin1StringView("sandbox")).toString();
    isolation.network = enforcement.value(QLatin1StringView("network")).toString();
    isolation.networkLimit = limits.value(QLatin1StringView("network")).toString();
    // A record that does not say: without a sandbox nothing took the network away, whatever the
    // setting; otherwise the setting is what was enforced.
    if (isolation.network.isEmpty())
        isolation.network = isolation.unisolated() ? QStringLiteral("host") : isolation.networkLimit;
    const QJsonValue used = activation.annotation(QStringLiteral("storageUsed"));
    if (used.isDouble() && used.toDouble() >= 0)
        isolation.storageUsedBytes = static_cast<qint64>(used.toDouble());
    const QJsonValue storage = limits.value(QLatin1StringView("storage"));
    if (storage.isDouble() && storage.toDouble() > 0)
        isolation.storageLimitMb = static_cast<qint64>(storage.toDouble());
    return isolation;
}

QString ActivationIsolation::sandboxText() const
{
    if (sandbox.isEmpty())
        return {};
    if (unisolated())
        return tr("not isolated");
    return tr("isolated (%1)").arg(sandbox);
}

QString ActivationIsolation::sandboxNote() const
{
    if (sandbox.isEmpty())
        return {};
    if (unisolated())
        return tr("The function ran without a sandbox: it could read and write whatever the platform's user can, "
                  "and its /tmp was the machine's.");
    return tr("The function saw only its own files and its own /tmp, in its own process namespace.");
}

QString ActivationIsolation::networkText() const
{
    if (network == QLatin1StringView("on"))
        return tr("on");
    if (network == QLatin1StringView("off"))
        return tr("off");
    if (network == QLatin1StringView("host"))
        return networkLimit == QLatin1StringView("off") ? tr("on (not isolated, although set to off)")
                                                        : tr("on (not isolated)");
    return network;
}

QString ActivationIsolation::storageText() const
{
    if (!storageUsedBytes)
        return {};
    if (!storageLimitMb)
        return usedMegabytes(*storageUsedBytes);
    return tr("%1 of %2")
        .arg(usedMegabytes(*storageUsedBytes), ActivationText::megabytes(static_cast<double>(*storageLimitMb)));
}

} // namespace funcdesk
