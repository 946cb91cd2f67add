#include "models/activations/ActivationText.h"

#include <QDateTime>
#include <QLocale>

namespace funcdesk {

QString ActivationText::status(std::optional<ActivationStatus> status)
{
    if (!status)
        return tr("running");
    switch (*status) {
    case ActivationStatus::Success:
        return tr("success");
    case ActivationStatus::ApplicationError:
        return tr("application error");
    case ActivationStatus::DeveloperError:
        return tr("developer error");
    case ActivationStatus::InternalError:
        return tr("internal error");
    }
    return tr("internal error");
}

QString ActivationText::start(const ActivationSummary &summary)
{
    if (!summary.cold)
        return tr("warm");
    if (summary.initTimeMs)
        return tr("cold (init %1)").arg(milliseconds(static_cast<double>(*summary.initTimeMs)));
    return tr("cold");
}

QString ActivationText::memory(const ActivationSummary &summary)
{
    const double mebibyte = 1024.0 * 1024.0;
    if (summary.peakMemoryBytes && summary.memoryLimitMb) {
        return tr("%1 of %2")
            .arg(megabytes(static_cast<double>(*summary.peakMemoryBytes) / mebibyte),
                 megabytes(static_cast<double>(*summary.memoryLimitMb)));
    }
    if (summary.peakMemoryBytes)
        return tr("%1 peak").arg(megabytes(static_cast<double>(*summary.peakMemoryBytes) / mebibyte));
    if (summary.memoryLimitMb)
        return megabytes(static_cast<double>(*summary.memoryLimitMb));
    return {};
}

QString ActivationText::milliseconds(double ms)
{
    const bool whole = ms == static_cast<double>(static_cast<qint64>(ms));
    return tr("%1 ms").arg(QLocale().toString(ms, 'f', whole ? 0 : 1));
}

QString ActivationText::megabytes(double mb)
{
    const bool whole = mb == static_cast<double>(static_cast<qint64>(mb));
    return tr("%1 MB").arg(QLocale().toString(mb, 'f', whole ? 0 : 1));
}

QString ActivationText::time(qint64 epochMs, bool withMilliseconds)
{
    if (epochMs <= 0)
        return {};
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(epochMs).toLocalTime();
    return local.toString(withMilliseconds ? QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")
                                           : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace funcdesk
