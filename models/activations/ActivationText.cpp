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

QString ActivationText::ending(const ActivationSummary &summary)
{
    switch (summary.ending) {
    case ActivationSummary::Ending::Normal:
        return {};
    case ActivationSummary::Ending::TimedOut:
        return summary.timeoutLimitMs
                   ? tr("timed out after %1").arg(milliseconds(static_cast<double>(*summary.timeoutLimitMs)))
                   : tr("timed out");
    case ActivationSummary::Ending::OutOfMemory:
        return summary.memoryLimitMb
                   ? tr("out of memory at %1").arg(megabytes(static_cast<double>(*summary.memoryLimitMb)))
                   : tr("out of memory");
    case ActivationSummary::Ending::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QString ActivationText::statusWithEnding(const ActivationSummary &summary)
{
    const QString why = ending(summary);
    return why.isEmpty() ? status(summary.status) : tr("%1: %2").arg(status(summary.status), why);
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
