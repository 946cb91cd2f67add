#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace funcdesk {

// One configuration power tuning tries: a memory size and, where the platform enforces one, a
// CPU limit (nullopt: the platform's own choice, which follows memory).
struct TuningSetting
{
    Q_DECLARE_TR_FUNCTIONS(TuningSetting)

public:
    qint64 memoryMb = 256;
    std::optional<double> cpu;

    // "512 MB" or "512 MB, 0.5 vCPU".
    QString label() const;
    friend bool operator==(const TuningSetting &, const TuningSetting &) = default;
};

// What the runs of one setting measured. The warm-up run is never counted. Statistics are over
// the successful runs (a failed run's duration says nothing about the setting's speed); a
// setting with any error is never recommended.
struct SettingResult
{
    SettingResult() = default;
    SettingResult(TuningSetting tried, int runs) : setting(tried), planned(runs) {}

    TuningSetting setting;
    int planned = 0;                 // counted runs asked for
    int finished = 0;                // counted runs done (successful or not)
    int errors = 0;                  // counted runs that failed, and a failed warm-up
    QStringList errorMessages;       // distinct, at most kMaxErrorMessages
    QList<qint64> durationsMs;       // successful counted runs
    QList<qint64> failedDurationsMs; // failed counted runs that reported one (billed too)
    double costPerInvocation = 0.0;  // average over the successful runs, under the price list
    double totalCost = 0.0;          // every counted run that reported a duration

    static constexpr int kMaxErrorMessages = 5;

    bool complete() const { return finished >= planned; }
    double averageMs() const;
    // Nearest rank: the smallest duration with at least 95 % of the runs at or below it.
    qint64 p95Ms() const;
    void addError(const QString &message);
    // Recomputes both costs with `costOf(durationMs)`: cost is never kept apart from durations.
    template <typename CostOf> void price(CostOf costOf)
    {
        double successful = 0.0;
        for (qint64 duration : durationsMs)
            successful += costOf(duration);
        double failed = 0.0;
        for (qint64 duration : failedDurationsMs)
            failed += costOf(duration);
        costPerInvocation = durationsMs.isEmpty() ? 0.0 : successful / double(durationsMs.size());
        totalCost = successful + failed;
    }
};

// The indexes of the recommended settings in a result list, -1 when no setting qualifies.
// Candidates: complete, without errors, with at least one successful run.
//   cheapest: lowest average cost per invocation; ties go to the faster.
//   fastest:  lowest average duration; ties go to the cheaper.
//   balanced: lowest (cost / cheapest cost) × (duration / fastest duration) — the knee of the
//             cost/speed curve, where one more step neither saves nor speeds up much relative to
//             what it costs in the other. 1.0 would be a setting both cheapest and fastest.
//             Ties go to the cheaper. With all costs zero, it is the fastest.
struct TuningRecommendations
{
    int cheapest = -1;
    int fastest = -1;
    int balanced = -1;

    static TuningRecommendations from(const QList<SettingResult> &results);
    // The balanced score of one result against the candidates' minima (1.0 = best at both).
    static double balanceScore(const SettingResult &result, double minCost, double minDurationMs);
};

} // namespace funcdesk
