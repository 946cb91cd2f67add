#pragma once

#include "core/Activation.h"
#include "core/PriceList.h"

#include <QString>

#include <optional>

namespace funcdesk {

// What one activation costs under a price list, and the quantities it was computed from.
struct CostEstimate
{
    qint64 billedMs = 0;
    qint64 memoryMb = 0; // as configured (the list may bill more, see PriceList::billedMemoryMb)
    double vcpus = 0.0;  // as allocated, or the list's default for the memory
    double gbSeconds = 0.0;
    double vcpuSeconds = 0.0;
    double diskGbSeconds = 0.0; // disk beyond the list's free disk
    double total = 0.0;         // gross: one activation, no free tier
};

// Prices single activations with a PriceList. Cost is never stored with an activation: it is
// computed from the record (duration and the `limits` annotation), so a different list
// re-prices history. The default list is AWS Lambda x86.
class CostModel
{
public:
    CostModel();
    explicit CostModel(PriceList prices);

    const PriceList &prices() const { return m_prices; }

    // One request of `durationMs` with `memoryMb` configured, `vcpus` allocated (0 = the list's
    // default for the memory) and `diskMb` of storage.
    CostEstimate estimate(qint64 durationMs, qint64 memoryMb, double vcpus = 0.0, qint64 diskMb = 0) const;
    // From an activation record: duration, memory (MB), cpu and storage (MB) from its `limits`
    // annotation.
    // Memory defaults to OpenWhisk's 256 MB when the record has no limits; nullopt when the
    // record has no duration (list summaries, activations still running).
    std::optional<CostEstimate> estimate(const Activation &activation) const;

    // "$0.0000021": enough decimals to show two significant digits of small amounts.
    QString format(double amount) const;

    static constexpr qint64 kDefaultMemoryMb = 256;

private:
    PriceList m_prices;
};

} // namespace funcdesk
