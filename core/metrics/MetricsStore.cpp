#include "core/metrics/MetricsStorePrivate.h"

#include <unordered_map>

namespace funcdesk {

namespace {

bool byStart(const ActivationSample &a, const ActivationSample &b)
{
    return a.startMs < b.startMs;
}

bool byStartThenId(const ActivationSample &a, const ActivationSample &b)
{
    return a.startMs != b.startMs ? a.startMs < b.startMs : a.id < b.id;
}

// Past maxSamples the store evicts down to this share of the bound at once, so that a store at
// its bound does not move a day's samples for every activation that arrives.
constexpr qint64 kEvictionSlackDivisor = 64;

} // namespace

qint64 resolutionMs(Resolution resolution)
{
    switch (resolution) {
    case Resolution::Second:
        return kSecondMs;
    case Resolution::Minute:
        return kMinuteMs;
    case Resolution::Hour:
        return kHourMs;
    }
    return kSecondMs;
}

void addSample(MetricsBucket &bucket, const ActivationSample &sample)
{
    ++bucket.invocations;
    ++bucket.byOutcome[size_t(sample.outcome)];
    if (sample.cold) {
        ++bucket.coldStarts;
        bucket.initMsSum += sample.initMs;
    }
    bucket.durations.add(double(sample.durationMs));
    bucket.waitMsSum += sample.waitMs;
    bucket.cpuSeconds += double(sample.cpuMicros) / 1e6;
    bucket.peakMemoryMb = std::max(bucket.peakMemoryMb, double(sample.peakMemoryKb) / 1024.0);
}

void mergeBucket(MetricsBucket &into, const MetricsBucket &from)
{
    into.invocations += from.invocations;
    for (size_t i = 0; i < into.byOutcome.size(); ++i)
        into.byOutcome[i] += from.byOutcome[i];
    into.coldStarts += from.coldStarts;
    into.durations.merge(from.durations);
    into.initMsSum += from.initMsSum;
    into.waitMsSum += from.waitMsSum;
    into.cpuSeconds += from.cpuSeconds;
    into.peakMemoryMb = std::max(into.peakMemoryMb, from.peakMemoryMb);
    into.concurrencyMax = std::max(into.concurrencyMax, from.concurrencyMax);
    into.usage += from.usage;
    into.cost += from.cost;
}

BilledUsage usageOfSample(const PriceList &prices, const ActivationSample &sample)
{
    return prices.usageOf(sample.durationMs, sample.memoryMb, double(sample.cpuMilli) / 1000.0, sample.diskMb);
}

BilledUsage usageOfRollUp(const PriceList &prices, const RollUp &rollUp)
{
    BilledUsage total;
    for (const auto &[valueMs, count] : rollUp.bucket.durations.buckets()) {
        const BilledUsage one = prices.usageOf(qint64(std::llround(valueMs)), rollUp.memoryMb,
                                               double(rollUp.cpuMilli) / 1000.0, rollUp.diskMb);
        const double n = double(count);
        total += BilledUsage{one.requests * n, one.gbSeconds * n, one.vcpuSeconds * n, one.diskGbSeconds * n};
    }
    return total;
}

quint32 MetricsStore::Private::internName(const QString &name)
{
    const auto found = indexOfName.constFind(name);
    if (found != indexOfName.constEnd())
        return found.value();
    const auto index = quint32(names.size());
    names.append(name);
    indexOfName.insert(name, index);
    return index;
}

qsizetype MetricsStore::Private::insert(std::vector<ActivationSample> batch)
{
    std::erase_if(batch, [this](const ActivationSample &s) { return s.startMs < rolledUpBeforeMs; });
    std::sort(batch.begin(), batch.end(), byStartThenId);
    // The same record twice in one batch: equal start and id are adjacent now.
    batch.erase(std::unique(batch.begin(), batch.end(),
                            [](const ActivationSample &a, const ActivationSample &b) {
                                return a.startMs == b.startMs && a.id == b.id;
                            }),
                batch.end());
    qsizetype added = 0;
    auto group = batch.begin();
    while (group != batch.end()) {
        const qint64 day = floorDiv(group->startMs, kDayMs);
        const qint64 nextDayMs = (day + 1) * kDayMs;
        auto groupEnd =
            std::find_if(group, batch.end(), [&](const ActivationSample &s) { return s.startMs >= nextDayMs; });
        std::vector<ActivationSample> &samples = days[day];
        // De-duplication without an index: a record keeps its start, so a copy already held has
        // the same startMs; look among the (few) samples of that millisecond.
        const qsizetype oldSize = qsizetype(samples.size());
        const qint64 lastHeld = samples.empty() ? std::numeric_limits<qint64>::min() : samples.back().startMs;
        std::vector<ActivationSample> fresh;
        fresh.reserve(size_t(groupEnd - group));
        for (auto it = group; it != groupEnd; ++it) {
            if (it->startMs <= lastHeld) {
                auto [lo, hi] = std::equal_range(samples.begin(), samples.begin() + oldSize, *it, byStart);
                if (std::any_of(lo, hi, [&](const ActivationSample &s) { return s.id == it->id; }))
                    continue;
            }
            fresh.push_back(*it);
        }
        if (!fresh.empty()) {
            // Growth by 1/16 (not the usual doubling): the capacity slack counts in the 64 bytes
            // per activation.
            const size_t needed = samples.size() + fresh.size();
            if (needed > samples.capacity())
                samples.reserve(std::max(needed, samples.size() + samples.size() / 16 + 256));
            samples.insert(samples.end(), fresh.begin(), fresh.end());
            if (fresh.front().startMs < lastHeld)
                std::inplace_merge(samples.begin(), samples.begin() + oldSize, samples.end(), byStart);
            for (const ActivationSample &s : fresh)
                longestMs = std::max(longestMs, s.durationMs);
            added += qsizetype(fresh.size());
        }
        if (samples.empty())
            days.erase(day);
        group = groupEnd;
    }
    count += added;
    return added;
}

void MetricsStore::Private::rollUp(const ActivationSample *begin, const ActivationSample *end)
{
    // Concurrency of the rolled-up samples among themselves, in total and per function.
    ConcurrencySweep all;
    std::unordered_map<quint32, ConcurrencySweep> perFunction;
    for (const ActivationSample *s = begin; s != end; ++s) {
        const qint64 hour = floorDiv(s->startMs, kHourMs) * kHourMs;
        HourRollUps &rollUps = hours[hour];
        rollUps.total.bucket.startMs = hour;
        auto function = std::find_if(rollUps.functions.begin(), rollUps.functions.end(),
                                     [&](const auto &entry) { return entry.first == s->functionIndex; });
        if (function == rollUps.functions.end()) {
            rollUps.functions.emplace_back(s->functionIndex, RollUp());
            function = rollUps.functions.end() - 1;
            function->second.bucket.startMs = hour;
        }
        for (RollUp *rollUp : {&rollUps.total, &function->second}) {
            addSample(rollUp->bucket, *s);
            rollUp->memoryMb = s->memoryMb;
            rollUp->cpuMilli = s->cpuMilli;
            rollUp->diskMb = s->diskMb;
        }
        rollUps.total.bucket.concurrencyMax =
            std::max(rollUps.total.bucket.concurrencyMax, all.start(s->startMs, s->endMs()));
        function->second.bucket.concurrencyMax = std::max(function->second.bucket.concurrencyMax,
                                                          perFunction[s->functionIndex].start(s->startMs, s->endMs()));
        rolledUpBeforeMs = std::max(rolledUpBeforeMs, s->startMs + 1);
    }
}

qint64 MetricsStore::Private::newestMs() const
{
    qint64 newest = 0;
    if (!days.empty())
        newest = days.rbegin()->second.back().startMs;
    if (!hours.empty())
        newest = std::max(newest, hours.rbegin()->first);
    return newest;
}

void MetricsStore::Private::enforceBounds()
{
    if (days.empty() && hours.empty())
        return;
    const qint64 newest = newestMs();
    // Samples beyond the detailed range, then the oldest samples past maxSamples, fold into
    // hourly roll-ups, oldest first.
    const qint64 detailFrom = newest - qint64(bounds.detailDays) * kDayMs;
    const qint64 target = count > bounds.maxSamples
                              ? std::max<qint64>(0, bounds.maxSamples - bounds.maxSamples / kEvictionSlackDivisor)
                              : count;
    while (!days.empty()) {
        std::vector<ActivationSample> &samples = days.begin()->second;
        const auto oldEnough = std::lower_bound(samples.begin(), samples.end(), detailFrom,
                                                [](const ActivationSample &s, qint64 ms) { return s.startMs < ms; });
        qsizetype fold = oldEnough - samples.begin();
        fold = std::max<qsizetype>(fold, std::min<qsizetype>(qsizetype(samples.size()), count - target));
        if (fold == 0)
            break;
        rollUp(samples.data(), samples.data() + fold);
        count -= fold;
        if (fold == qsizetype(samples.size())) {
            days.erase(days.begin());
            continue;
        }
        samples.erase(samples.begin(), samples.begin() + fold);
        samples.shrink_to_fit();
        if (count <= target)
            break;
    }
    const qint64 keepFrom = newest - qint64(bounds.retentionDays) * kDayMs;
    while (!hours.empty() && hours.begin()->first + kHourMs <= keepFrom)
        hours.erase(hours.begin());
}

MetricsStore::MetricsStore(Bounds bounds) : d(std::make_unique<Private>())
{
    d->bounds = bounds;
}

MetricsStore::MetricsStore() : MetricsStore(Bounds())
{
}
MetricsStore::~MetricsStore() = default;
MetricsStore::MetricsStore(MetricsStore &&) noexcept = default;
MetricsStore &MetricsStore::operator=(MetricsStore &&) noexcept = default;

qsizetype MetricsStore::ingest(const QList<Activation> &activations)
{
    std::vector<ActivationSample> batch;
    batch.reserve(size_t(activations.size()));
    QString lastName;
    quint32 lastIndex = 0;
    for (const Activation &activation : activations) {
        std::optional<ActivationSample> sample = ActivationSample::from(activation);
        if (!sample)
            continue;
        // Streams come in runs of one function: skip the hash lookup for those.
        const QString name = ActivationSample::functionNameOf(activation);
        if (batch.empty() || name != lastName) {
            lastIndex = d->internName(name);
            lastName = name;
        }
        sample->functionIndex = lastIndex;
        batch.push_back(*sample);
    }
    const qsizetype added = d->insert(std::move(batch));
    d->enforceBounds();
    return added;
}

qsizetype MetricsStore::ingest(const ActivationSample &sample, const QString &function)
{
    ActivationSample copy = sample;
    copy.functionIndex = d->internName(function);
    const qsizetype added = d->insert({copy});
    d->enforceBounds();
    return added;
}

bool MetricsStore::contains(const std::array<quint8, 16> &id) const
{
    // A scan: ids are only looked up one by one in tests and diagnostics; ingest de-duplicates
    // by start time instead (see Private::insert).
    for (const auto &[day, samples] : d->days) {
        if (std::any_of(samples.begin(), samples.end(), [&](const ActivationSample &s) { return s.id == id; }))
            return true;
    }
    return false;
}

qsizetype MetricsStore::sampleCount() const
{
    return d->count;
}

qint64 MetricsStore::oldestMs() const
{
    if (!d->hours.empty())
        return d->hours.begin()->first;
    if (!d->days.empty())
        return d->days.begin()->second.front().startMs;
    return 0;
}

qint64 MetricsStore::newestMs() const
{
    return d->newestMs();
}

QStringList MetricsStore::functions() const
{
    return d->names;
}

qsizetype MetricsStore::memoryBytes() const
{
    // std::map nodes: the value plus about four pointers and a colour.
    constexpr qsizetype kNodeOverhead = 40;
    qsizetype bytes = sizeof(Private);
    for (const auto &[day, samples] : d->days)
        bytes +=
            kNodeOverhead + qsizetype(sizeof(day) + sizeof(samples) + samples.capacity() * sizeof(ActivationSample));
    for (const auto &[hour, rollUps] : d->hours) {
        bytes +=
            kNodeOverhead + qsizetype(sizeof(hour) + sizeof(rollUps)) + rollUps.total.bucket.durations.memoryBytes();
        bytes += qsizetype(rollUps.functions.capacity() * sizeof(rollUps.functions[0]));
        for (const auto &[index, rollUp] : rollUps.functions)
            bytes += rollUp.bucket.durations.memoryBytes() - qsizetype(sizeof(DurationSketch));
    }
    for (const QString &name : d->names)
        bytes += qsizetype(sizeof(QString) + name.capacity() * sizeof(QChar)) + 32; // + hash node
    return bytes;
}

void MetricsStore::clear()
{
    const Bounds bounds = d->bounds;
    d = std::make_unique<Private>();
    d->bounds = bounds;
}

} // namespace funcdesk
