#include "core/SystemLimits.h"

#include <QLocale>
#include <QThread>

#include <algorithm>

namespace funcdesk {

namespace {

template <typename T>
std::optional<QString> checkRange(const std::optional<T> &value, const SystemLimits::Range<T> &range,
                                  const QString &what, const QString &unit)
{
    if (!value)
        return std::nullopt;
    const auto text = [&unit](T v) {
        QString number;
        if constexpr (std::is_integral_v<T>)
            number = QString::number(v);
        else
            number = QLocale::c().toString(v, 'g', 6);
        return unit.isEmpty() ? number : number + QLatin1Char(' ') + unit;
    };
    if (*value > range.max)
        return QStringLiteral("%1 %2 exceeds allowed threshold of %3").arg(what, text(*value), text(range.max));
    if (*value < range.min)
        return QStringLiteral("%1 %2 below allowed threshold of %3").arg(what, text(*value), text(range.min));
    return std::nullopt;
}

} // namespace

std::optional<PlatformError> SystemLimits::validate(const ActionLimits &limits) const
{
    const std::optional<QString> problems[] = {
        checkRange(limits.timeoutMs, timeoutMs, QStringLiteral("duration"), QStringLiteral("milliseconds")),
        checkRange(limits.memoryMb, memoryMb, QStringLiteral("memory size"), QStringLiteral("MB")),
        checkRange(limits.logsMb, logsMb, QStringLiteral("log size"), QStringLiteral("MB")),
        checkRange(limits.concurrency, concurrency, QStringLiteral("concurrency"), QString()),
        checkRange(limits.cpu, cpu, QStringLiteral("cpu"), QStringLiteral("vCPU")),
        checkRange(limits.storageMb, storageMb, QStringLiteral("storage size"), QStringLiteral("MB")),
        checkRange(limits.minInstances, minInstances, QStringLiteral("minInstances"), QString()),
    };
    for (const auto &problem : problems) {
        if (problem)
            return PlatformError{PlatformError::Kind::Invalid, *problem};
    }
    if (limits.network && *limits.network != QLatin1StringView("on") && *limits.network != QLatin1StringView("off"))
        return PlatformError{PlatformError::Kind::Invalid,
                             QStringLiteral("network must be \"on\" or \"off\", not \"%1\"").arg(*limits.network)};
    if (limits.instances && *limits.instances < 0)
        return PlatformError{PlatformError::Kind::Invalid,
                             QStringLiteral("instances %1 below allowed threshold of 0").arg(*limits.instances)};
    return std::nullopt;
}

ActionLimits SystemLimits::withDefaults(const ActionLimits &limits) const
{
    ActionLimits filled = limits;
    filled.timeoutMs = limits.timeoutMs.value_or(timeoutMs.defaultValue);
    filled.memoryMb = limits.memoryMb.value_or(memoryMb.defaultValue);
    filled.logsMb = limits.logsMb.value_or(logsMb.defaultValue);
    filled.concurrency = limits.concurrency.value_or(concurrency.defaultValue);
    filled.storageMb = limits.storageMb.value_or(storageMb.defaultValue);
    filled.network = limits.network.value_or(QStringLiteral("on"));
    filled.minInstances = limits.minInstances.value_or(minInstances.defaultValue);
    if (!filled.cpu)
        filled.cpu = cpuForMemory(*filled.memoryMb);
    return filled;
}

double SystemLimits::cpuForMemory(qint64 memory) const
{
    const double proportional = cpuPerGbMemory * static_cast<double>(memory) / 1024.0;
    return std::clamp(proportional, cpu.min, std::max(cpu.min, cpu.max));
}

double SystemLimits::machineCores()
{
    return std::max(1, QThread::idealThreadCount());
}

} // namespace funcdesk
