#include "models/metrics/ChartData.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace funcdesk {

namespace {
// Call sites wrap their texts in QT_TRANSLATE_NOOP so that lupdate extracts them.
QString translated(const char *text)
{
    return QCoreApplication::translate("funcdesk::ChartData", text);
}

ChartData frameOf(const MetricsSeries &series, QStringList names)
{
    ChartData data;
    data.fromMs = series.fromMs;
    data.toMs = series.toMs;
    data.stepMs = series.stepMs;
    data.names = std::move(names);
    for (int layer = 0; layer < data.names.size(); ++layer) {
        data.values.append(QList<double>());
        data.values.last().reserve(series.buckets.size());
    }
    return data;
}

QString number(double value)
{
    return QString::number(value, 'g', 12);
}
} // namespace

ChartData ChartData::invocations(const MetricsSeries &series)
{
    ChartData data = frameOf(series, {translated(QT_TRANSLATE_NOOP("funcdesk::ChartData", "Invocations")),
                                      translated(QT_TRANSLATE_NOOP("funcdesk::ChartData", "Errors"))});
    data.additive = true;
    for (const MetricsBucket &bucket : series.buckets) {
        data.values[0].append(double(bucket.invocations));
        data.values[1].append(double(bucket.errors()));
    }
    return data;
}

ChartData ChartData::durations(const MetricsSeries &series)
{
    ChartData data = frameOf(series, {QStringLiteral("p50"), QStringLiteral("p90"), QStringLiteral("p99")});
    for (const MetricsBucket &bucket : series.buckets) {
        data.values[0].append(bucket.durations.quantile(0.50));
        data.values[1].append(bucket.durations.quantile(0.90));
        data.values[2].append(bucket.durations.quantile(0.99));
    }
    return data;
}

ChartData ChartData::coldStartRatio(const MetricsSeries &series)
{
    ChartData data = frameOf(series, {translated(QT_TRANSLATE_NOOP("funcdesk::ChartData", "Cold starts (%)"))});
    for (const MetricsBucket &bucket : series.buckets)
        data.values[0].append(bucket.invocations > 0 ? 100.0 * double(bucket.coldStarts) / double(bucket.invocations)
                                                     : 0.0);
    return data;
}

ChartData ChartData::costByFunction(const MetricsSeries &series)
{
    QStringList names;
    for (const QString &name : series.costSeriesNames)
        names.append(name.isEmpty() ? translated(QT_TRANSLATE_NOOP("funcdesk::ChartData", "Other functions")) : name);
    ChartData data = frameOf(series, names);
    data.additive = true;
    for (int layer = 0; layer < names.size() && layer < series.costSeries.size(); ++layer)
        data.values[layer] = series.costSeries.at(layer);
    // Every layer has one value per bucket, whatever the series held.
    for (QList<double> &layer : data.values)
        layer.resize(series.buckets.size(), 0.0);
    return data;
}

QString ChartData::money(double amount, const QString &currency)
{
    const double magnitude = std::abs(amount);
    // Cents for amounts of a cent or more; three significant digits below (one invocation costs
    // millionths of a dollar).
    const QString digits =
        magnitude >= 0.01 || magnitude == 0.0
            ? QString::number(amount, 'f', 2)
            : QString::number(amount, 'f', std::clamp(2 - int(std::floor(std::log10(magnitude))), 2, 12));
    if (currency == QLatin1StringView("USD"))
        return amount < 0 ? QStringLiteral("-$") + digits.mid(1) : QStringLiteral("$") + digits;
    return digits + QLatin1Char(' ') + currency;
}

QString ChartData::csvHeader()
{
    return QStringLiteral("time,invocations,errors,cold_starts,p50_ms,p90_ms,p99_ms,max_ms,cost");
}

QString ChartData::csv(const MetricsSeries &series)
{
    QString text = csvHeader() + QLatin1Char('\n');
    for (const MetricsBucket &bucket : series.buckets) {
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(bucket.startMs, Qt::UTC);
        const QStringList cells{time.toString(Qt::ISODate),
                                QString::number(bucket.invocations),
                                QString::number(bucket.errors()),
                                QString::number(bucket.coldStarts),
                                number(bucket.durations.quantile(0.50)),
                                number(bucket.durations.quantile(0.90)),
                                number(bucket.durations.quantile(0.99)),
                                number(bucket.durations.max()),
                                number(bucket.cost)};
        text += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return text;
}

} // namespace funcdesk
