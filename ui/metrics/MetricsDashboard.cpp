#include "ui/metrics/MetricsDashboard.h"

#include "models/metrics/ChartData.h"
#include "models/metrics/MetricsFeed.h"
#include "ui/metrics/RangeBar.h"
#include "ui/views/Views.h"

#include <QFileDialog>
#include <QGridLayout>
#include <QSaveFile>
#include <QScrollArea>
#include <QVBoxLayout>

namespace funcdesk {

MetricsDashboard::MetricsDashboard(QWidget *parent) : QWidget(parent)
{
    m_feed = new MetricsFeed(this);
    m_rangeBar = new RangeBar(this);
    // The charts come from libfuncdesk_views.so, loaded now (ui/views/Views.h).
    using Style = MetricsChartApi::Style;
    m_invocations = views::createMetricsChart(tr("Invocations and errors"), Style::Lines, this);
    m_invocations->widget()->setObjectName(QStringLiteral("invocationsChart"));
    m_durations = views::createMetricsChart(tr("Duration percentiles"), Style::Lines, this);
    m_durations->widget()->setObjectName(QStringLiteral("durationsChart"));
    m_durations->setValueText([](double ms) { return tr("%1 ms").arg(QString::number(ms, 'f', 1)); });
    m_coldStarts = views::createMetricsChart(tr("Cold starts"), Style::Lines, this);
    m_coldStarts->widget()->setObjectName(QStringLiteral("coldStartChart"));
    m_coldStarts->setValueText([](double percent) { return tr("%1 %").arg(QString::number(percent, 'f', 1)); });
    m_cost = views::createMetricsChart(tr("Cost by function"), Style::StackedArea, this);
    m_cost->widget()->setObjectName(QStringLiteral("costChart"));
    m_cost->setValueText([this](double amount) { return ChartData::money(amount, m_currency); });

    auto *content = new QWidget;
    m_grid = new QGridLayout(content);
    m_grid->addWidget(m_invocations->widget(), 0, 0);
    m_grid->addWidget(m_durations->widget(), 0, 1);
    m_grid->addWidget(m_coldStarts->widget(), 1, 0);
    m_grid->addWidget(m_cost->widget(), 1, 1);
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(1, 1);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("metricsScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_rangeBar);
    layout->addWidget(m_scroll, 1);

    connect(m_feed, &MetricsFeed::seriesChanged, this, &MetricsDashboard::showSeries);
    connect(m_feed, &MetricsFeed::cleared, this, &MetricsDashboard::clearCharts);
    connect(m_feed, &MetricsFeed::coverageChanged, this, [this] { m_rangeBar->setCoverage(m_feed->coverageText()); });
    connect(m_rangeBar, &RangeBar::rangeChanged, m_feed, &MetricsFeed::setRange);
    connect(m_rangeBar, &RangeBar::exportCsvRequested, this, &MetricsDashboard::askExportPath);
    for (MetricsChartApi *chart : chartApis())
        chart->setCallbacks([this](const QDateTime &at, qint64 stepMs) { Q_EMIT pointClicked(at, stepMs); },
                            [this](int) { fitPoints(); });
}

QList<MetricsChartApi *> MetricsDashboard::chartApis() const
{
    return {m_invocations, m_durations, m_coldStarts, m_cost};
}

MetricsChart *MetricsDashboard::invocationsChart() const
{
    return m_invocations->metricsChart();
}

MetricsChart *MetricsDashboard::durationsChart() const
{
    return m_durations->metricsChart();
}

MetricsChart *MetricsDashboard::coldStartChart() const
{
    return m_coldStarts->metricsChart();
}

MetricsChart *MetricsDashboard::costChart() const
{
    return m_cost->metricsChart();
}

void MetricsDashboard::setService(MetricsService *service)
{
    m_feed->setService(service);
}

void MetricsDashboard::setFunction(std::optional<QString> function)
{
    m_feed->setFunction(std::move(function));
}

void MetricsDashboard::setCurrency(const QString &currency)
{
    m_currency = currency;
}

void MetricsDashboard::showSeries(const MetricsSeries &series)
{
    m_invocations->setData(ChartData::invocations(series));
    m_durations->setData(ChartData::durations(series));
    m_coldStarts->setData(ChartData::coldStartRatio(series));
    m_cost->setData(ChartData::costByFunction(series));
    m_rangeBar->setCoverage(m_feed->coverageText());
}

void MetricsDashboard::clearCharts()
{
    for (MetricsChartApi *chart : chartApis())
        chart->clear();
}

void MetricsDashboard::fitPoints()
{
    int width = std::numeric_limits<int>::max();
    for (MetricsChartApi *chart : chartApis())
        width = std::min(width, chart->plotWidth());
    m_feed->setMaxPoints(width);
}

void MetricsDashboard::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    fitPoints();
    m_feed->setActive(true);
}

void MetricsDashboard::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_feed->setActive(false);
}

QString MetricsDashboard::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    file.write(ChartData::csv(m_feed->series()).toUtf8());
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return QString();
}

void MetricsDashboard::askExportPath()
{
    // Qt's own dialog: the same on every desktop (and typed into by the GUI tests).
    QFileDialog dialog(this, tr("Export metrics as CSV"));
    dialog.setObjectName(QStringLiteral("exportCsvDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setNameFilter(tr("CSV files (*.csv)"));
    dialog.setDefaultSuffix(QStringLiteral("csv"));
    dialog.selectFile(QStringLiteral("metrics.csv"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    const QString error = exportCsv(path);
    Q_EMIT statusMessage(error.isEmpty() ? tr("Metrics saved to %1.").arg(path) : error);
}

} // namespace funcdesk
