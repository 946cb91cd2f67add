#include "ui/metrics/MonitoringPanel.h"

#include "models/metrics/MetricsFeed.h"
#include "ui/metrics/MetricsDashboard.h"
#include "ui/metrics/PowerTuningDialog.h"
#include "ui/views/Views.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace funcdesk {

namespace {
QString milliseconds(double ms)
{
    return ms >= 100.0 ? QString::number(ms, 'f', 0) : QString::number(ms, 'g', 3);
}
} // namespace

BarsChart *MonitoringPanel::histogram() const
{
    return m_histogram->barsChart();
}

MonitoringPanel::MonitoringPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("monitoringPanel"));
    m_dashboard = new MetricsDashboard(this);
    m_histogram = views::createBarsChart(tr("Duration histogram"), Qt::Vertical, this);
    m_histogram->widget()->setObjectName(QStringLiteral("durationHistogram"));
    m_histogram->setValueText([](double count) { return tr("%n activation(s)", nullptr, int(count)); });
    m_starts = new QLabel(this);
    m_starts->setObjectName(QStringLiteral("coldWarmText"));
    m_starts->setWordWrap(true);
    m_memory = new QLabel(this);
    m_memory->setObjectName(QStringLiteral("memoryText"));
    m_memory->setWordWrap(true);

    auto *facts = new QWidget(this);
    auto *factsLayout = new QVBoxLayout(facts);
    auto *startsTitle = new QLabel(tr("<b>Cold and warm starts</b>"), facts);
    auto *memoryTitle = new QLabel(tr("<b>Memory</b>"), facts);
    factsLayout->addWidget(startsTitle);
    factsLayout->addWidget(m_starts);
    factsLayout->addWidget(memoryTitle);
    factsLayout->addWidget(m_memory);
    m_tune = new QPushButton(tr("Power tuning…"), facts);
    m_tune->setObjectName(QStringLiteral("powerTuningButton"));
    m_tune->setToolTip(tr("Run the function at several memory sizes and CPU settings and pick the cheapest, the "
                          "fastest or the balanced one."));
    m_tune->setEnabled(false);
    factsLayout->addWidget(m_tune, 0, Qt::AlignLeft);
    factsLayout->addStretch(1);
    QGridLayout *grid = m_dashboard->grid();
    grid->addWidget(m_histogram->widget(), m_dashboard->extrasRow(), 0);
    grid->addWidget(facts, m_dashboard->extrasRow(), 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_dashboard);

    connect(m_dashboard, &MetricsDashboard::pointClicked, this, &MonitoringPanel::pointClicked);
    connect(m_dashboard, &MetricsDashboard::statusMessage, this, &MonitoringPanel::statusMessage);
    connect(m_dashboard->feed(), &MetricsFeed::seriesChanged, this, &MonitoringPanel::showSeries);
    connect(m_dashboard->feed(), &MetricsFeed::cleared, this, &MonitoringPanel::clearFacts);
    connect(m_tune, &QPushButton::clicked, this, &MonitoringPanel::openPowerTuning);
    clearFacts();
}

void MonitoringPanel::setService(MetricsService *service)
{
    m_dashboard->setService(service);
}

void MonitoringPanel::setContext(Platform *platform, const QString &connectionId, const QString &function)
{
    m_platform = platform;
    m_connectionId = connectionId;
    const bool changed = function != m_function;
    m_function = function;
    m_dashboard->setEnabled(!function.isEmpty());
    m_tune->setEnabled(platform && !function.isEmpty());
    if (changed || function.isEmpty())
        m_dashboard->setFunction(function.isEmpty() ? std::optional<QString>() : std::optional<QString>(function));
    else
        m_dashboard->feed()->reset(); // the same name on another connection
}

void MonitoringPanel::openPowerTuning()
{
    if (!m_platform || m_function.isEmpty())
        return;
    // Modal: the dialog changes the function's limits while it runs and restores them when closed.
    PowerTuningDialog dialog(m_platform, m_connectionId, m_function, m_executor, this);
    connect(&dialog, &PowerTuningDialog::applied, this, &MonitoringPanel::functionChanged);
    dialog.exec();
}

void MonitoringPanel::clearFacts()
{
    m_histogram->setBars({}, {});
    m_starts->setText(m_function.isEmpty() ? tr("Select a function to see its metrics.")
                                           : tr("No activations in this range."));
    m_memory->clear();
}

void MonitoringPanel::showSeries(const MetricsSeries &series)
{
    if (m_function.isEmpty())
        return;
    QStringList labels;
    QList<double> counts;
    for (const HistogramBin &bin : series.durationHistogram) {
        labels.append(tr("%1–%2 ms").arg(milliseconds(bin.fromMs), milliseconds(bin.toMs)));
        counts.append(double(bin.count));
    }
    m_histogram->setBars(labels, counts);

    const MetricsBucket &total = series.total;
    if (total.invocations == 0) {
        clearFacts();
        return;
    }
    const qint64 warm = total.invocations - total.coldStarts;
    QString starts = tr("%1 cold, %2 warm (%3 % cold).")
                         .arg(QLocale().toString(total.coldStarts), QLocale().toString(warm),
                              QString::number(100.0 * double(total.coldStarts) / double(total.invocations), 'f', 1));
    if (total.coldStarts > 0)
        starts += QLatin1Char(' ') + tr("A cold start spends %1 ms on average initializing.")
                                         .arg(milliseconds(total.initMsSum / double(total.coldStarts)));
    starts += QLatin1Char(' ') +
              tr("Average duration %1 ms, p99 %2 ms.")
                  .arg(milliseconds(total.durations.sum() / double(std::max<quint64>(1, total.durations.count()))),
                       milliseconds(total.durations.quantile(0.99)));
    m_starts->setText(starts);

    qint64 configured = 0;
    for (const FunctionTotals &function : series.functions) {
        if (function.name == m_function)
            configured = function.memoryMb;
    }
    if (total.peakMemoryMb <= 0.0) {
        m_memory->setText(tr("Peak memory is not measured on this platform (%1 MB configured).").arg(configured));
    } else {
        QString memory =
            tr("Peak %1 MB of %2 MB configured.").arg(QString::number(total.peakMemoryMb, 'f', 0)).arg(configured);
        if (configured > 0 && total.peakMemoryMb < 0.5 * double(configured))
            memory +=
                QLatin1Char(' ') + tr("The function uses less than half of its memory: a smaller size may cost less.");
        m_memory->setText(memory);
    }
}

} // namespace funcdesk
