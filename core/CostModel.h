#pragma once

#include "core/Activation.h"

#include <QString>

#include <optional>

namespace funcdesk {

// A price list: what one request, one GB-second and one vCPU-second cost, and how duration is
// billed (rounded up to `granularityMs`, never less than `minimumMs`).
struct PricingPreset
{
    QString name;
    QString currency = QStringLiteral("USD");
    double pricePerRequest = 0.0;
    double pricePerGbSecond = 0.0;
    double pricePerVcpuSecond = 0.0;
    qint64 granularityMs = 1;
    qint64 minimumMs = 1;

    // $0.20 per million requests, $0.0000166667 per GB-second, 1 ms granularity, no CPU price.
    static PricingPreset awsLambdaLike();
};

// What one activation costs under a preset, and the quantities it was computed from.
struct CostEstimate
{
    qint64 billedMs = 0;
    qint64 memoryMb = 0;
    double vcpus = 0.0;
    double gbSeconds = 0.0;
    double vcpuSeconds = 0.0;
    double total = 0.0;
};

// Prices activations. Cost is never stored with an activation: it is computed from the record
// (duration and the `limits` annotation), so a different preset re-prices history.
class CostModel
{
public:
    explicit CostModel(PricingPreset preset = PricingPreset::awsLambdaLike());

    const PricingPreset &preset() const { return m_preset; }

    // One request of `durationMs` with `memoryMb` configured and `vcpus` allocated.
    CostEstimate estimate(qint64 durationMs, qint64 memoryMb, double vcpus = 0.0) const;
    // From an activation record: duration, memory (MB) and cpu from its `limits` annotation.
    // Memory defaults to OpenWhisk's 256 MB when the record has no limits; nullopt when the
    // record has no duration (list summaries, activations still running).
    std::optional<CostEstimate> estimate(const Activation &activation) const;

    // "$0.0000021": enough decimals to show two significant digits of small amounts.
    QString format(double amount) const;

    static constexpr qint64 kDefaultMemoryMb = 256;

private:
    PricingPreset m_preset;
};

} // namespace funcdesk
