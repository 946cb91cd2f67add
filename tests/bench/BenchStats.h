#pragma once

// Small statistics helpers for the benchmark harnesses.

#include <algorithm>
#include <chrono>
#include <cstdio>
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

// The machine's CPU time so far from /proc/stat's first line, in clock ticks: all of it, and
// the part the hypervisor gave to others (steal). Zeros where /proc/stat cannot be read.
struct MachineCpu
{
    unsigned long long total = 0;
    unsigned long long steal = 0;
    unsigned long long idle = 0;

    static MachineCpu now()
    {
        MachineCpu cpu;
        FILE *stat = std::fopen("/proc/stat", "r");
        if (!stat)
            return cpu;
        unsigned long long v[8] = {}; // user nice system idle iowait irq softirq steal
        if (std::fscanf(stat, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5],
                        &v[6], &v[7]) == 8) {
            for (unsigned long long x : v)
                cpu.total += x;
            cpu.steal = v[7];
            cpu.idle = v[3] + v[4];
        }
        std::fclose(stat);
        return cpu;
    }
    // Shares of the machine's time between `before` and this, in percent.
    double stealPercentSince(const MachineCpu &before) const
    {
        return total > before.total ? 100.0 * double(steal - before.steal) / double(total - before.total) : 0;
    }
    double idlePercentSince(const MachineCpu &before) const
    {
        return total > before.total ? 100.0 * double(idle - before.idle) / double(total - before.total) : 0;
    }
};

} // namespace funcdesk::bench
