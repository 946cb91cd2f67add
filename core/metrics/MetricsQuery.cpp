// MetricsStore::query: one pass over the range's samples (and roll-ups) into chart buckets.

#include "core/metrics/MetricsStorePrivate.h"

#include <QDateTime>
#include <QTimeZone>

#include <cmath>

namespace funcdesk {

namespace {

// The steps a series may use, finest first: the smallest that fits maxPoints wins.
constexpr qint64 kSteps[] = {kSecondMs,     5 * kSecondMs,  10 * kSecondMs, 30 * kSecondMs, kMinuteMs,
                             5 * kMinuteMs, 15 * kMinuteMs, 30 * kMinuteMs, kHourMs,        3 * kHourMs,
                             6 * kHourMs,   12 * kHourMs,   kDayMs};

qint64 stepFor(qint64 rangeMs, int maxPoints)
{
    const qint64 points = std::max(1, maxPoints);
    for (qint64 step : kSteps) {
        if ((rangeMs + step - 1) / step <= points)
            return step;
    }
    // Longer than maxPoints days: whole days.
    const qint64 days = (rangeMs + kDayMs - 1) / kDayMs;
    return kDayMs * ((days + points - 1) / points);
}

BilledUsage scaled(const BilledUsage &usage, double factor)
{
    return {usage.requests * factor, usage.gbSeconds * factor, usage.vcpuSeconds * factor,
            usage.diskGbSeconds * factor};
}

QList<HistogramBin> histogramOf(const DurationSketch &durations, int bins)
{
    QList<HistogramBin> histogram;
    if (durations.isEmpty() || bins <= 0)
        return histogram;
    const std::vector<std::pair<double, quint64>> buckets = durations.buckets();
    double low = durations.min();
    if (low <= 0.0) {
        // Log-spaced bins cannot start at 0: the first bin starts at the smallest non-zero value
        // and also holds the zeros.
        low = 1.0;
        for (const auto &[value, count] : buckets) {
            if (value > 0.0) {
                low = std::min(value, durations.max());
                break;
            }
        }
    }
    const double high = std::max(durations.max(), low);
    if (high <= low) {
        histogram.append({low, high, qint64(durations.count())});
        return histogram;
    }
    const double logRatio = std::log(high / low);
    for (int i = 0; i < bins; ++i)
        histogram.append({low * std::exp(logRatio * i / bins), low * std::exp(logRatio * (i + 1) / bins), 0});
    histogram.last().toMs = high;
    for (const auto &[value, count] : buckets) {
        int bin = value <= low ? 0 : int(std::floor(bins * std::log(value / low) / logRatio));
        histogram[std::clamp(bin, 0, bins - 1)].count += qint64(count);
    }
    return histogram;
}

} // namespace

MetricsSeries MetricsStore::query(const SeriesQuery &query) const
{
    MetricsSeries series;
    series.fromMs = query.fromMs;
    series.toMs = std::max(query.fromMs, query.toMs);
    series.oldestMs = oldestMs();
    const qint64 rangeMs = series.toMs - series.fromMs;
    series.stepMs = stepFor(std::max<qint64>(rangeMs, 1), query.maxPoints);
    const qint64 bucketCount = (rangeMs + series.stepMs - 1) / series.stepMs;
    series.buckets.resize(bucketCount);
    for (qint64 i = 0; i < bucketCount; ++i)
        series.buckets[i].startMs = series.fromMs + i * series.stepMs;

    std::optional<quint32> only;
    bool unknownFunction = false;
    if (query.function) {
        const auto found = d->indexOfName.constFind(*query.function);
        if (found == d->indexOfName.constEnd())
            unknownFunction = true;
        else
            only = found.value();
    }

    // Per function: totals and the usage of each bucket (for the cost layers), in slots given
    // to functions as they appear.
    std::vector<int> slotOf(size_t(d->names.size()), -1);
    std::vector<FunctionTotals> totals;
    std::vector<BilledUsage> totalUsage;
    std::vector<BilledUsage> bucketUsage; // [slot * bucketCount + bucket]
    auto slotFor = [&](quint32 function) {
        int &slot = slotOf[function];
        if (slot < 0) {
            slot = int(totals.size());
            totals.emplace_back();
            totals.back().name = d->names.at(function);
            totalUsage.emplace_back();
            bucketUsage.resize(bucketUsage.size() + size_t(bucketCount));
        }
        return slot;
    };

    // The month containing toMs (UTC), for month-to-date and the projection.
    const QDate toDate = QDateTime::fromMSecsSinceEpoch(std::max<qint64>(series.toMs - 1, 0), QTimeZone::utc()).date();
    const QDate monthFirst(toDate.year(), toDate.month(), 1);
    const qint64 monthFromMs = QDateTime(monthFirst, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const qint64 monthToMs = QDateTime(monthFirst.addMonths(1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    BilledUsage monthUsage;

    const PriceList &prices = query.prices;
    if (!unknownFunction && bucketCount > 0) {
        // Activations that started before the range and are still running at its start.
        ConcurrencySweep sweep;
        d->forEachInRange(series.fromMs - qint64(d->longestMs), series.fromMs, [&](const ActivationSample &s) {
            if ((!only || s.functionIndex == *only) && s.endMs() > series.fromMs)
                sweep.start(s.startMs, s.endMs());
        });
        qint64 current = 0;
        series.buckets[0].concurrencyMax = sweep.runningAt(series.fromMs);
        d->forEachInRange(series.fromMs, series.toMs, [&](const ActivationSample &s) {
            if (only && s.functionIndex != *only)
                return;
            const qint64 index = (s.startMs - series.fromMs) / series.stepMs;
            // Buckets passed since the previous sample start with what is still running.
            while (current < index) {
                ++current;
                MetricsBucket &passed = series.buckets[current];
                passed.concurrencyMax = std::max(passed.concurrencyMax, sweep.runningAt(passed.startMs));
            }
            MetricsBucket &bucket = series.buckets[index];
            addSample(bucket, s);
            bucket.concurrencyMax = std::max(bucket.concurrencyMax, sweep.start(s.startMs, s.endMs()));
            const BilledUsage usage = usageOfSample(prices, s);
            bucket.usage += usage;
            const int slot = slotFor(s.functionIndex);
            FunctionTotals &function = totals[size_t(slot)];
            ++function.invocations;
            function.errors += s.outcome != SampleOutcome::Success;
            function.coldStarts += s.cold;
            function.durations.add(double(s.durationMs));
            function.peakMemoryMb = std::max(function.peakMemoryMb, double(s.peakMemoryKb) / 1024.0);
            function.memoryMb = s.memoryMb;
            totalUsage[size_t(slot)] += usage;
            bucketUsage[size_t(slot) * size_t(bucketCount) + size_t(index)] += usage;
            if (s.startMs >= monthFromMs)
                monthUsage += usage;
        });
        while (current + 1 < bucketCount) {
            ++current;
            MetricsBucket &passed = series.buckets[current];
            passed.concurrencyMax = std::max(passed.concurrencyMax, sweep.runningAt(passed.startMs));
        }

        // Hours folded into roll-ups: each lands whole in the bucket of its start.
        for (auto hour = d->hours.lower_bound(floorDiv(series.fromMs + kHourMs - 1, kHourMs) * kHourMs);
             hour != d->hours.end() && hour->first < series.toMs; ++hour) {
            const qint64 index = (hour->first - series.fromMs) / series.stepMs;
            MetricsBucket &bucket = series.buckets[index];
            if (!only) {
                MetricsBucket counts = hour->second.total.bucket;
                counts.startMs = bucket.startMs;
                mergeBucket(bucket, counts);
            }
            for (const auto &[functionIndex, rollUp] : hour->second.functions) {
                if (only && functionIndex != *only)
                    continue;
                if (only)
                    mergeBucket(bucket, rollUp.bucket);
                const BilledUsage usage = usageOfRollUp(prices, rollUp);
                bucket.usage += usage;
                const int slot = slotFor(functionIndex);
                FunctionTotals &function = totals[size_t(slot)];
                function.invocations += rollUp.bucket.invocations;
                function.errors += rollUp.bucket.errors();
                function.coldStarts += rollUp.bucket.coldStarts;
                function.durations.merge(rollUp.bucket.durations);
                function.peakMemoryMb = std::max(function.peakMemoryMb, rollUp.bucket.peakMemoryMb);
                if (function.memoryMb == 0)
                    function.memoryMb = rollUp.memoryMb;
                totalUsage[size_t(slot)] += usage;
                bucketUsage[size_t(slot) * size_t(bucketCount) + size_t(index)] += usage;
                if (hour->first >= monthFromMs)
                    monthUsage += usage;
            }
        }
    }

    for (MetricsBucket &bucket : series.buckets) {
        bucket.cost = prices.price(bucket.usage);
        mergeBucket(series.total, bucket);
    }
    series.total.startMs = series.fromMs;
    series.total.cost = prices.price(series.total.usage);

    // Functions by cost, descending (then by invocations, then by name: a stable order).
    std::vector<int> order(totals.size());
    for (size_t i = 0; i < totals.size(); ++i) {
        totals[i].cost = prices.price(totalUsage[i]);
        order[i] = int(i);
    }
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const FunctionTotals &x = totals[size_t(a)];
        const FunctionTotals &y = totals[size_t(b)];
        if (x.cost != y.cost)
            return x.cost > y.cost;
        if (x.invocations != y.invocations)
            return x.invocations > y.invocations;
        return x.name < y.name;
    });
    const size_t top = size_t(std::max(0, query.costBreakdownTop));
    QList<double> other(bucketCount, 0.0);
    bool hasOther = false;
    for (size_t rank = 0; rank < order.size(); ++rank) {
        const size_t slot = size_t(order[rank]);
        const BilledUsage *usage = bucketUsage.data() + slot * size_t(bucketCount);
        if (rank < top) {
            series.costSeriesNames.append(totals[slot].name);
            QList<double> layer(bucketCount);
            for (qint64 i = 0; i < bucketCount; ++i)
                layer[i] = prices.price(usage[i]);
            series.costSeries.append(std::move(layer));
        } else {
            hasOther = true;
            for (qint64 i = 0; i < bucketCount; ++i)
                other[i] += prices.price(usage[i]);
        }
        series.functions.append(std::move(totals[slot]));
    }
    if (hasOther) {
        series.costSeriesNames.append(QString());
        series.costSeries.append(std::move(other));
    }
    series.durationHistogram = histogramOf(series.total.durations, query.histogramBins);

    // The part of the month before the range, when the range starts after the month does.
    if (!unknownFunction && monthFromMs < series.fromMs) {
        const qint64 beforeMs = std::min(series.fromMs, series.toMs);
        d->forEachInRange(monthFromMs, beforeMs, [&](const ActivationSample &s) {
            if (!only || s.functionIndex == *only)
                monthUsage += usageOfSample(prices, s);
        });
        for (auto hour = d->hours.lower_bound(monthFromMs); hour != d->hours.end() && hour->first < beforeMs; ++hour) {
            for (const auto &[functionIndex, rollUp] : hour->second.functions) {
                if (!only || functionIndex == *only)
                    monthUsage += usageOfRollUp(prices, rollUp);
            }
        }
    }
    series.month.month = monthFirst;
    series.month.usageToDate = monthUsage;
    series.month.toDate = prices.monthPrice(monthUsage);
    const qint64 elapsedMs = std::clamp<qint64>(series.toMs - monthFromMs, 0, monthToMs - monthFromMs);
    // The projection scales the usage, not the price, so the free tier applies once to the
    // whole projected month.
    series.month.projected =
        elapsedMs > 0 ? prices.monthPrice(scaled(monthUsage, double(monthToMs - monthFromMs) / double(elapsedMs)))
                      : series.month.toDate;
    return series;
}

} // namespace funcdesk
