#include "core/CostModel.h"

#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace funcdesk {

CostModel::CostModel() : CostModel(PriceList::byId(QStringLiteral("aws-lambda-x86")))
{
}

CostModel::CostModel(PriceList prices) : m_prices(std::move(prices))
{
}

CostEstimate CostModel::estimate(qint64 durationMs, qint64 memoryMb, double vcpus, qint64 diskMb) const
{
    const BilledUsage usage = m_prices.usageOf(durationMs, memoryMb, vcpus, diskMb);
    CostEstimate cost;
    cost.billedMs = m_prices.billedMs(durationMs);
    cost.memoryMb = memoryMb;
    cost.vcpus = vcpus > 0.0 ? vcpus : m_prices.vcpusFor(memoryMb);
    cost.gbSeconds = usage.gbSeconds;
    cost.vcpuSeconds = usage.vcpuSeconds;
    cost.diskGbSeconds = usage.diskGbSeconds;
    cost.total = m_prices.price(usage);
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
    const qint64 diskMb = limits.value(QLatin1StringView("storage")).toInteger(0);
    return estimate(*duration, memoryMb, vcpus, diskMb);
}

QString CostModel::format(double amount) const
{
    int decimals = 2;
    if (amount > 0.0 && amount < 0.1) {
        // Two significant digits: 0.0000021 needs 7 decimals (the first digit is the 6th).
        decimals = std::min(12, static_cast<int>(-std::floor(std::log10(amount))) + 1);
    }
    const QString number = QString::number(amount, 'f', decimals);
    if (m_prices.currency == QLatin1StringView("USD"))
        return QLatin1Char('$') + number;
    if (m_prices.currency == QLatin1StringView("EUR"))
        return QChar(0x20AC) + number;
    return number + QLatin1Char(' ') + m_prices.currency;
}

} // namespace funcdesk
