#pragma once

// Small statistics helpers for the benchmark harnesses.

#include <algorithm>
#include <chrono>
#include <vector>

namespace funcdesk::bench {

using Clock = std::chrono::steady_clock;

inline double microsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

// The q-quantile (0..1) of the samples; sorts a copy.
inline double quantile(std::vector<double> samples, double q)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto index = static_cast<size_t>(q * static_cast<double>(samples.size() - 1) + 0.5);
    return samples[std::min(index, samples.size() - 1)];
}

inline double median(std::vector<double> samples)
{
    return quantile(std::move(samples), 0.5);
}

}  // namespace funcdesk::bench
