#include "ui/metrics/MetricsChart.h"

#include "ui/metrics/ChartTheme.h"

#include <QAreaSeries>
#include <QContextMenuEvent>
#include <QCursor>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QLineSeries>
#include <QMenu>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace funcdesk {

namespace {
// Merges runs of adjacent buckets so that `data` has at most `points` buckets: sums of counts,
// averages of the rest.
ChartData fitTo(const ChartData &data, int points)
{
    const int count = data.bucketCount();
    if (count <= points || points < 1)
        return data;
    const int factor = (count + points - 1) / points;
    ChartData fitted = data;
    fitted.stepMs = data.stepMs * factor;
    for (QList<double> &layer : fitted.values) {
        QList<double> merged;
        merged.reserve(count / factor + 1);
        for (int start = 0; start < count; start += factor) {
            const int end = std::min(count, start + factor);
            double sum = 0.0;
            for (int i = start; i < end; ++i)
                sum += layer.at(i);
            merged.append(data.additive ? sum : sum / (end - start));
        }
        layer = std::move(merged);
    }
    return fitted;
}
} // namespace

MetricsChart::MetricsChart(const QString &title, Style style, QWidget *parent)
    : QChartView(new QChart, parent), m_style(style), m_valueText([](double v) { return QString::number(v, 'g', 6); })
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(200);
    chart()->setTitle(title);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    m_timeAxis = new QDateTimeAxis(chart());
    m_valueAxis = new QValueAxis(chart());
    m_valueAxis->setMin(0);
    m_valueAxis->setLabelFormat(QStringLiteral("%.4g"));
    m_valueAxis->setTickCount(5);
    chart()->addAxis(m_timeAxis, Qt::AlignBottom);
    chart()->addAxis(m_valueAxis, Qt::AlignLeft);
    retheme();
    clear();
}

void MetricsChart::setValueText(std::function<QString(double)> text)
{
    m_valueText = std::move(text);
}

void MetricsChart::setData(const ChartData &data)
{
    const bool sameLayers = data.names == m_data.names && !m_layers.isEmpty();
    m_source = data;
    m_data = fitTo(data, plotWidth());
    if (!sameLayers)
        rebuildSeries();
    fillSeries();
    // New axis labels can narrow the plot: fit again to the width it has now.
    if (pointCount() > plotWidth()) {
        m_data = fitTo(m_source, plotWidth());
        fillSeries();
    }
}

void MetricsChart::setCallbacks(std::function<void(const QDateTime &, qint64)> pointClicked,
                                std::function<void(int)> plotWidthChanged)
{
    if (pointClicked)
        connect(this, &MetricsChart::pointClicked, this, std::move(pointClicked));
    if (plotWidthChanged)
        connect(this, &MetricsChart::plotWidthChanged, this, std::move(plotWidthChanged));
}

void MetricsChart::clear()
{
    ChartData empty;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    empty.fromMs = now - 15 * 60 * 1000;
    empty.toMs = now;
    empty.stepMs = 1000;
    m_source = empty;
    m_data = empty;
    rebuildSeries();
    fillSeries();
}

void MetricsChart::rebuildSeries()
{
    chart()->removeAllSeries();
    m_layers.clear();
    QLineSeries *below = nullptr;
    for (int layer = 0; layer < m_data.names.size(); ++layer) {
        QAbstractSeries *series = nullptr;
        if (m_style == Style::Lines) {
            auto *line = new QLineSeries;
            connect(line, &QXYSeries::hovered, this,
                    [this, layer](const QPointF &point, bool state) { hoverAt(layer, point, state); });
            connect(line, &QXYSeries::clicked, this, [this](const QPointF &point) { clickAt(qint64(point.x())); });
            series = line;
        } else {
            auto *upper = new QLineSeries;
            auto *area = new QAreaSeries(upper, below);
            upper->setParent(area);
            connect(area, &QAreaSeries::hovered, this,
                    [this, layer](const QPointF &point, bool state) { hoverAt(layer, point, state); });
            connect(area, &QAreaSeries::clicked, this, [this](const QPointF &point) { clickAt(qint64(point.x())); });
            below = upper;
            series = area;
        }
        series->setName(m_data.names.at(layer));
        chart()->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
        m_layers.append(series);
    }
    retheme();
}

void MetricsChart::fillSeries()
{
    const int count = m_data.bucketCount();
    QList<double> stacked(count, 0.0);
    double top = 0.0;
    for (int layer = 0; layer < m_layers.size() && layer < m_data.values.size(); ++layer) {
        QList<QPointF> points;
        points.reserve(count);
        const QList<double> &values = m_data.values.at(layer);
        for (int bucket = 0; bucket < count && bucket < values.size(); ++bucket) {
            const double value =
                m_style == Style::StackedArea ? (stacked[bucket] += values.at(bucket)) : values.at(bucket);
            top = std::max(top, value);
            // A point in the middle of its bucket: the line reads where the activations were.
            points.append(QPointF(double(m_data.timeOf(bucket) + m_data.stepMs / 2), value));
        }
        if (auto *line = qobject_cast<QLineSeries *>(m_layers.at(layer)))
            line->replace(points);
        else if (auto *area = qobject_cast<QAreaSeries *>(m_layers.at(layer)))
            area->upperSeries()->replace(points);
    }
    m_timeAxis->setFormat(timeFormat());
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_data.fromMs), QDateTime::fromMSecsSinceEpoch(m_data.toMs));
    m_valueAxis->setRange(0.0, top > 0.0 ? top * 1.1 : 1.0);
    m_valueAxis->applyNiceNumbers();
    // Whole numbers from 1,000 up ("10000", not "1e+04"); small amounts (costs) keep 4 digits.
    m_valueAxis->setLabelFormat(m_valueAxis->max() >= 1000.0 ? QStringLiteral("%.0f") : QStringLiteral("%.4g"));
}

void MetricsChart::retheme()
{
    applyChartTheme(chart(), this);
    // The themes repeat their colours after five series: a stacked area of the top functions then
    // shows two functions in one colour. Ten distinct hues (the Tableau 10 set) instead, and the
    // theme draws areas with a contrasting border that, stacked, reads as extra lines.
    static const QRgb kHues[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    for (qsizetype i = 0; i < m_layers.size(); ++i) {
        const QColor hue = QColor::fromRgb(kHues[i % std::size(kHues)]);
        if (auto *area = qobject_cast<QAreaSeries *>(m_layers.at(i))) {
            area->setColor(hue);
            area->setBorderColor(hue);
        } else if (auto *line = qobject_cast<QLineSeries *>(m_layers.at(i))) {
            QPen pen = line->pen();
            pen.setColor(hue);
            line->setPen(pen);
        }
    }
}

QString MetricsChart::timeFormat() const
{
    const qint64 span = m_data.toMs - m_data.fromMs;
    if (span <= 2 * 3600 * 1000)
        return QStringLiteral("HH:mm");
    if (span <= 2 * 24 * 3600 * 1000)
        return QStringLiteral("ddd HH:mm");
    return QStringLiteral("d MMM");
}

int MetricsChart::plotWidth() const
{
    const int width = int(chart()->plotArea().width());
    // Before the first layout the plot area is empty: the view's width is the bound then.
    return std::max(2, width > 0 ? width : this->width());
}

int MetricsChart::pointCount() const
{
    if (m_layers.isEmpty())
        return 0;
    if (auto *line = qobject_cast<QLineSeries *>(m_layers.first()))
        return int(line->count());
    if (auto *area = qobject_cast<QAreaSeries *>(m_layers.first()))
        return int(area->upperSeries()->count());
    return 0;
}

int MetricsChart::bucketAt(qreal timeMs) const
{
    if (m_data.stepMs <= 0 || m_data.bucketCount() == 0)
        return -1;
    const int bucket = int(std::floor((timeMs - double(m_data.fromMs)) / double(m_data.stepMs)));
    return std::clamp(bucket, 0, m_data.bucketCount() - 1);
}

QString MetricsChart::tooltipText(int layer, int bucket) const
{
    if (layer < 0 || layer >= m_data.values.size() || bucket < 0 || bucket >= m_data.values.at(layer).size())
        return QString();
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(m_data.timeOf(bucket));
    const QString time = m_data.stepMs >= 24 * 3600 * 1000 ? QLocale().toString(start.date(), QLocale::ShortFormat)
                                                           : QLocale().toString(start, QLocale::ShortFormat);
    return tr("%1 · %2: %3").arg(time, m_data.names.at(layer), m_valueText(m_data.values.at(layer).at(bucket)));
}

void MetricsChart::hoverAt(int layer, const QPointF &point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), tooltipText(layer, bucketAt(point.x())), this);
}

void MetricsChart::clickAt(qint64 timeMs)
{
    const int bucket = bucketAt(double(timeMs));
    if (bucket >= 0)
        Q_EMIT pointClicked(QDateTime::fromMSecsSinceEpoch(m_data.timeOf(bucket)), m_data.stepMs);
}

bool MetricsChart::savePng(const QString &path)
{
    return grab().save(path, "PNG");
}

void MetricsChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        retheme();
}

void MetricsChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    const int width = plotWidth();
    if (width != m_lastPlotWidth) {
        m_lastPlotWidth = width;
        if (pointCount() > width)
            setData(m_source);
        Q_EMIT plotWidthChanged(width);
    }
}

void MetricsChart::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Save chart as PNG…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save chart"), chart()->title() + QStringLiteral(".png"), tr("PNG images (*.png)"));
        if (!path.isEmpty() && !savePng(path))
            QToolTip::showText(QCursor::pos(), tr("Could not save %1.").arg(path), this);
    });
    menu.exec(event->globalPos());
}

} // namespace funcdesk
