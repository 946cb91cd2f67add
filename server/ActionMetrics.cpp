#include "server/ActionMetrics.h"

#include "core/ActivationStatus.h"
#include "server/PrometheusText.h"

#include <QJsonObject>

#include <vector>

namespace funcdesk {

namespace {

using prometheus::appendFamilyHeader;
using prometheus::appendLabel;
using prometheus::appendMillisAsSeconds;

// The `le` label of each bucket as OpenWhisk's Java client writes it (a double: "1.0", "10.0").
constexpr std::array<const char *, 15> kTimeBucketLabels{"0.005", "0.01", "0.025", "0.05", "0.075",
                                                         "0.1",   "0.25", "0.5",   "0.75", "1.0",
                                                         "2.5",   "5.0",  "7.5",   "10.0", "+Inf"};
constexpr std::array<const char *, 11> kSizeBucketLabels{"0.0",       "1048576.0", "2097152.0", "3145728.0",
                                                         "4194304.0", "5242880.0", "6291456.0", "7340032.0",
                                                         "8388608.0", "9437184.0", "+Inf"};

// OpenWhisk's `status` label values (ActivationResponse.statusSuccess etc.), in label order.
struct StatusLabel
{
    const char *text;
    ActivationStatus status;
};
constexpr std::array<StatusLabel, 4> kStatusLabels{{
    {"action_developer_error", ActivationStatus::DeveloperError},
    {"application_error", ActivationStatus::ApplicationError},
    {"success", ActivationStatus::Success},
    {"whisk_internal_error", ActivationStatus::InternalError},
}};

constexpr char kDropped[] = "funcdeskd_metrics_series_dropped_total";
constexpr char kActivations[] = "openwhisk_action_activations_total";
constexpr char kColdStarts[] = "openwhisk_action_coldStarts_total";
constexpr char kDuration[] = "openwhisk_action_duration_seconds";
constexpr char kInitTime[] = "openwhisk_action_initTime_seconds";
constexpr char kMemory[] = "openwhisk_action_memory";
constexpr char kResponseSize[] = "openwhisk_action_response_size_bytes";
constexpr char kStatus[] = "openwhisk_action_status";
constexpr char kStatusCode[] = "openwhisk_action_status_code";
constexpr char kWaitTime[] = "openwhisk_action_waitTime_seconds";

qint64 annotationMillis(const Activation &activation, const QString &key)
{
    return qMax<qint64>(0, activation.annotation(key).toInteger(0));
}

// OpenWhisk's Activation.userDefinedStatusCode: `error.statusCode` or `statusCode` of the
// result, a number as an integer, anything else 400 (Bad Request).
std::optional<qint64> userDefinedStatusCode(const Activation &activation)
{
    if (!activation.response || !activation.response->result.isObject())
        return std::nullopt;
    const QJsonObject result = activation.response->result.toObject();
    const QLatin1StringView field("statusCode");
    QJsonValue code = result.value(QLatin1StringView("error")).toObject().value(field);
    if (code.isUndefined())
        code = result.value(field);
    if (code.isUndefined())
        return std::nullopt;
    return code.isDouble() ? static_cast<qint64>(code.toDouble()) : 400;
}

void appendCount(QByteArray &out, quint64 value)
{
    out += ' ';
    out += QByteArray::number(value);
    out += '\n';
}

} // namespace

ActionMetrics::ActionMetrics(int maxSeries) : m_maxSeries(qMax(1, maxSeries))
{
}

void ActionMetrics::record(const Activation &activation)
{
    // OpenWhisk's Activation event: the path and kind annotations are required, the rest has
    // defaults (memory 0, wait and init time 0; a cold start is one with an init time).
    const QString path = activation.annotation(QStringLiteral("path")).toString();
    const QString kind = activation.annotation(QStringLiteral("kind")).toString();
    if (path.isEmpty() || kind.isEmpty())
        return;
    Key key;
    key.ns = path.section(QLatin1Char('/'), 0, 0);
    key.action = path.section(QLatin1Char('/'), 1);
    key.initiator = activation.ns.value_or(key.ns);
    key.kind = kind;
    key.memory =
        activation.annotation(QStringLiteral("limits")).toObject().value(QLatin1StringView("memory")).toInteger(0);
    const qint64 initTime = annotationMillis(activation, QStringLiteral("initTime"));
    const qint64 waitTime = annotationMillis(activation, QStringLiteral("waitTime"));
    const qint64 duration = qMax<qint64>(0, activation.duration.value_or(0));
    const ActivationStatus status =
        activation.response ? activation.response->statusValue() : ActivationStatus::InternalError;
    // -1: none (an optional here trips GCC 12's -Wmaybe-uninitialized at -O2).
    const qint64 responseSize = activation.response ? activation.response->size.value_or(-1) : -1;
    const std::optional<qint64> statusCode = userDefinedStatusCode(activation);

    std::lock_guard lock(m_mutex);
    auto found = m_series.find(key);
    if (found == m_series.end()) {
        if (static_cast<int>(m_series.size()) >= m_maxSeries) {
            m_series.erase(m_series.find(*m_recency.front()));
            m_recency.pop_front();
            ++m_dropped;
        }
        found = m_series.emplace(std::move(key), Entry()).first;
        found->second.position = m_recency.insert(m_recency.end(), &found->first);
    } else {
        m_recency.splice(m_recency.end(), m_recency, found->second.position);
    }
    Series &series = found->second.series;
    series.lastUpdate = ++m_updates;
    ++series.activations;
    if (initTime != 0) {
        ++series.coldStarts;
        series.initTime.observe(initTime, kBucketMillis);
    }
    series.waitTime.observe(waitTime, kBucketMillis);
    series.duration.observe(duration, kBucketMillis);
    ++series.statuses[static_cast<std::size_t>(status)];
    if (responseSize >= 0)
        series.responseSize.observe(responseSize, kBucketBytes);
    if (statusCode)
        ++series.statusCodes[*statusCode];
}

int ActionMetrics::seriesCount() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_series.size());
}

quint64 ActionMetrics::droppedSeries() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

QByteArray ActionMetrics::render(const std::optional<QString> &initiator) const
{
    // A copy under the lock, the text without it: recording never waits for a scrape's text.
    std::vector<std::pair<Key, Series>> copied;
    quint64 dropped = 0;
    {
        std::lock_guard lock(m_mutex);
        dropped = m_dropped;
        copied.reserve(m_series.size());
        for (const auto &[key, entry] : m_series) {
            if (!initiator || key.initiator == *initiator)
                copied.emplace_back(key, entry.series);
        }
    }

    // All families but activations_total are labelled by (namespace, initiator, action) only:
    // the series of one action with several kinds or memory sizes (it was updated) are summed,
    // and its memory is the one it last ran with. The map's order keeps them next to each other.
    struct Group
    {
        QByteArray labels; // namespace="…",initiator="…",action="…"
        Series merged;
        qint64 memory = 0;
    };
    std::vector<Group> groups;
    std::vector<std::size_t> groupOf(copied.size());
    for (std::size_t i = 0; i < copied.size(); ++i) {
        const auto &[key, series] = copied[i];
        const bool sameAction = i > 0 && copied[i - 1].first.ns == key.ns &&
                                copied[i - 1].first.initiator == key.initiator &&
                                copied[i - 1].first.action == key.action;
        if (!sameAction) {
            Group group;
            appendLabel(group.labels, "namespace", key.ns);
            group.labels += ',';
            appendLabel(group.labels, "initiator", key.initiator);
            group.labels += ',';
            appendLabel(group.labels, "action", key.action);
            groups.push_back(std::move(group));
        }
        Group &group = groups.back();
        groupOf[i] = groups.size() - 1;
        Series &merged = group.merged;
        if (series.lastUpdate > merged.lastUpdate) {
            merged.lastUpdate = series.lastUpdate;
            group.memory = key.memory;
        }
        merged.activations += series.activations;
        merged.coldStarts += series.coldStarts;
        for (std::size_t s = 0; s < merged.statuses.size(); ++s)
            merged.statuses[s] += series.statuses[s];
        merged.waitTime.add(series.waitTime);
        merged.initTime.add(series.initTime);
        merged.duration.add(series.duration);
        merged.responseSize.add(series.responseSize);
        for (const auto &[code, count] : series.statusCodes)
            merged.statusCodes[code] += count;
    }

    QByteArray out;
    out.reserve(256 + qsizetype(groups.size()) * 6000);
    const auto counterPerGroup = [&](const char *name, const char *help, auto value) {
        appendFamilyHeader(out, name, help, "counter");
        for (const Group &group : groups) {
            out += name;
            out += '{' + group.labels + '}';
            appendCount(out, value(group.merged));
        }
    };
    // `labels` of the buckets; `appendSum(out, sum)` writes the sum in the family's unit.
    const auto histogram = [&](const char *name, const char *help, auto member, const auto &labels, auto appendSum) {
        appendFamilyHeader(out, name, help, "histogram");
        for (const Group &group : groups) {
            const auto &h = group.merged.*member;
            quint64 cumulative = 0;
            for (std::size_t b = 0; b < h.counts.size(); ++b) {
                cumulative += h.counts[b];
                out += name;
                out += "_bucket{" + group.labels + ",le=\"";
                out += labels[b];
                out += "\"}";
                appendCount(out, cumulative);
            }
            out += name;
            out += "_count{" + group.labels + '}';
            appendCount(out, h.count);
            out += name;
            out += "_sum{" + group.labels + "} ";
            appendSum(out, h.sum);
            out += '\n';
        }
    };
    const auto timeHistogram = [&](const char *name, const char *help, TimeHistogram Series::*member) {
        histogram(name, help, member, kTimeBucketLabels, appendMillisAsSeconds);
    };

    appendFamilyHeader(out, kDropped,
                       "Series of openwhisk_action_* metrics replaced by newer ones past the server's bound "
                       "of series (docs/server.md)",
                       "counter");
    out += kDropped;
    appendCount(out, dropped);

    appendFamilyHeader(out, kActivations, "Activation Count", "counter");
    for (std::size_t i = 0; i < copied.size(); ++i) {
        const auto &[key, series] = copied[i];
        out += kActivations;
        out += '{' + groups[groupOf[i]].labels + ',';
        appendLabel(out, "kind", key.kind);
        out += ',';
        appendLabel(out, "memory", QString::number(key.memory));
        out += '}';
        appendCount(out, series.activations);
    }
    counterPerGroup(kColdStarts, "Cold start counts", [](const Series &s) { return s.coldStarts; });
    timeHistogram(kDuration, "Actual time the action code was running", &Series::duration);
    timeHistogram(kInitTime, "Time it took to initialize an action, e.g. docker init", &Series::initTime);
    appendFamilyHeader(out, kMemory, "Memory consumption of the action containers", "gauge");
    for (const Group &group : groups) {
        out += kMemory;
        out += '{' + group.labels + '}';
        appendCount(out, quint64(qMax<qint64>(0, group.memory)));
    }
    histogram(kResponseSize, "Activation Response size", &Series::responseSize, kSizeBucketLabels,
              [](QByteArray &text, qint64 bytes) { text += QByteArray::number(bytes); });
    appendFamilyHeader(out, kStatus, "Activation failure status type", "counter");
    for (const Group &group : groups) {
        for (const StatusLabel &label : kStatusLabels) {
            out += kStatus;
            out += '{' + group.labels + ",status=\"";
            out += label.text;
            out += "\"}";
            appendCount(out, group.merged.statuses[static_cast<std::size_t>(label.status)]);
        }
    }
    appendFamilyHeader(out, kStatusCode, "status code returned in action result response set by developer", "counter");
    for (const Group &group : groups) {
        for (const auto &[code, count] : group.merged.statusCodes) {
            out += kStatusCode;
            out += '{' + group.labels + ",status_code=\"" + QByteArray::number(code) + "\"}";
            appendCount(out, count);
        }
    }
    timeHistogram(kWaitTime, "Internal system hold time", &Series::waitTime);
    return out;
}

} // namespace funcdesk
