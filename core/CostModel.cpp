#include "core/CostModel.h"

#include <QJsonObject>

#include <cmath>

namespace funcdesk {

PricingPreset PricingPreset::awsLambdaLike()
{
    PricingPreset preset;
    preset.name = QStringLiteral("AWS-Lambda-like");
    preset.currency = QStringLiteral("USD");
    preset.pricePerRequest = 0.20 / 1'000'000.0;
    preset.pricePerGbSecond = 0.0000166667;
    preset.pricePerVcpuSecond = 0.0;
    preset.granularityMs = 1;
    preset.minimumMs = 1;
    return preset;
}

CostModel::CostModel(PricingPreset preset) : m_preset(std::move(preset))
{
}

CostEstimate CostModel::estimate(qint64 durationMs, qint64 memoryMb, double vcpus) const
{
    CostEstimate cost;
    const qint64 granularity = std::max<qint64>(1, m_preset.granularityMs);
    const qint64 rounded = (std::max<qint64>(0, durationMs) + granularity - 1) / granularity * granularity;
    cost.billedMs = std::max(rounded, m_preset.minimumMs);
    cost.memoryMb = memoryMb;
    cost.vcpus = vcpus;
    const double seconds = static_cast<double>(cost.billedMs) / 1000.0;
    // Billed GB are binary (1024 MB), as the public price lists count them.
    cost.gbSeconds = static_cast<double>(memoryMb) / 1024.0 * seconds;
    cost.vcpuSeconds = vcpus * seconds;
    cost.total = m_preset.pricePerRequest + cost.gbSeconds * m_preset.pricePerGbSecond +
                 cost.vcpuSeconds * m_preset.pricePerVcpuSecond;
    return cost;
}

std::optional<CostEstimate> CostModel::estimate(const Activation &activation) const
{
    std::optional<qint64> duration = activation.duration;
    if (!duration && activation.start && activation.end)
        duration = *activation.end - *activation.start;
    if (!duration)
        return std::nullopt;
    const QJsonObject limits = activation.annotation(QStringLiteral("limits")).toObject();
    const qint64 memoryMb = limits.value(QLatin1StringView("memory")).toInteger(kDefaultMemoryMb);
    const double vcpus = limits.value(QLatin1StringView("cpu")).toDouble(0.0);
    return estimate(*duration, memoryMb, vcpus);
}

QString CostModel::format(double amount) const
{
    int decimals = 2;
    if (amount > 0.0 && amount < 0.1) {
        // Two significant digits: 0.0000021 needs 7 decimals (the first digit is the 6th).
        decimals = std::min(12, static_cast<int>(-std::floor(std::log10(amount))) + 1);
    }
    const QString number = QString::number(amount, 'f', decimals);
    if (m_preset.currency == QLatin1StringView("USD"))
        return QLatin1Char('$') + number;
    if (m_preset.currency == QLatin1StringView("EUR"))
        return QChar(0x20AC) + number;
    return number + QLatin1Char(' ') + m_preset.currency;
}

} // namespace funcdesk
