#include "models/metrics/TuningResults.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace funcdesk {

QString TuningSetting::label() const
{
    if (!cpu)
        return tr("%1 MB").arg(memoryMb);
    return tr("%1 MB, %2 vCPU").arg(memoryMb).arg(*cpu);
}

double SettingResult::averageMs() const
{
    if (durationsMs.isEmpty())
        return 0.0;
    double sum = 0.0;
    for (qint64 duration : durationsMs)
        sum += double(duration);
    return sum / double(durationsMs.size());
}

qint64 SettingResult::p95Ms() const
{
    if (durationsMs.isEmpty())
        return 0;
    QList<qint64> sorted = durationsMs;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = qsizetype(std::ceil(0.95 * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

void SettingResult::addError(const QString &message)
{
    ++errors;
    if (!errorMessages.contains(message) && errorMessages.size() < kMaxErrorMessages)
        errorMessages.append(message);
}

double TuningRecommendations::balanceScore(const SettingResult &result, double minCost, double minDurationMs)
{
    const double cost = minCost > 0.0 ? result.costPerInvocation / minCost : 1.0;
    const double speed = minDurationMs > 0.0 ? result.averageMs() / minDurationMs : 1.0;
    return cost * speed;
}

TuningRecommendations TuningRecommendations::from(const QList<SettingResult> &results)
{
    QList<int> candidates;
    for (int i = 0; i < results.size(); ++i) {
        const SettingResult &r = results.at(i);
        if (r.complete() && r.errors == 0 && !r.durationsMs.isEmpty())
            candidates.append(i);
    }
    TuningRecommendations best;
    if (candidates.isEmpty())
        return best;
    auto cost = [&](int i) { return results.at(i).costPerInvocation; };
    auto duration = [&](int i) { return results.at(i).averageMs(); };
    // Lexicographic minimum: first key, then the tie-breaker.
    auto pick = [&](auto first, auto second) {
        return *std::min_element(candidates.begin(), candidates.end(), [&](int a, int b) {
            if (first(a) != first(b))
                return first(a) < first(b);
            return second(a) < second(b);
        });
    };
    best.cheapest = pick(cost, duration);
    best.fastest = pick(duration, cost);
    const double minCost = cost(best.cheapest);
    const double minDuration = duration(best.fastest);
    auto score = [&](int i) { return balanceScore(results.at(i), minCost, minDuration); };
    // All costs zero: every score ties at the speed ratio's order, so the tie-breaker is speed.
    best.balanced = minCost > 0.0 ? pick(score, cost) : pick(score, duration);
    return best;
}

} // namespace funcdesk
