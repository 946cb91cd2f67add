#include "ui/metrics/BarsChart.h"

#include "ui/metrics/ChartTheme.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QToolTip>
#include <QValueAxis>

namespace funcdesk {

BarsChart::BarsChart(const QString &title, Qt::Orientation orientation, QWidget *parent)
    : QChartView(new QChart, parent), m_orientation(orientation),
      m_valueText([](double v) { return QString::number(v, 'g', 6); })
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(200);
    chart()->setTitle(title);
    chart()->legend()->hide();
    chart()->setMargins(QMargins(4, 4, 4, 4));
    setBars({}, {});
}

void BarsChart::setValueText(std::function<QString(double)> text)
{
    m_valueText = std::move(text);
}

void BarsChart::setBars(const QStringList &labels, const QList<double> &values)
{
    m_labels = labels;
    m_values = values;
    m_values.resize(labels.size(), 0.0);
    const bool horizontal = m_orientation == Qt::Horizontal;
    if (!m_categories) { // the axes stay; the series is made again for each set of bars
        m_categories = new QBarCategoryAxis;
        m_valueAxis = new QValueAxis;
        m_valueAxis->setLabelFormat(QStringLiteral("%.4g"));
        m_categories->setTruncateLabels(false); // function names are read whole
        chart()->addAxis(m_categories, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
        chart()->addAxis(m_valueAxis, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    }
    chart()->removeAllSeries();
    // Horizontal bars are drawn bottom up: reversed, the first label is on top.
    QStringList shownLabels = m_labels;
    QList<double> shownValues = m_values;
    if (horizontal) {
        std::reverse(shownLabels.begin(), shownLabels.end());
        std::reverse(shownValues.begin(), shownValues.end());
    }
    auto *set = new QBarSet(chart()->title());
    double top = 0.0;
    for (double value : std::as_const(shownValues)) {
        set->append(value);
        top = std::max(top, value);
    }
    const int count = int(shownValues.size());
    connect(set, &QBarSet::hovered, this, [this, horizontal, count](bool status, int index) {
        if (!status) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(), tooltipText(horizontal ? count - 1 - index : index), this);
    });
    QAbstractBarSeries *series = horizontal ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries)
                                            : static_cast<QAbstractBarSeries *>(new QBarSeries);
    series->append(set);
    series->setBarWidth(0.7);
    chart()->addSeries(series);
    m_categories->clear();
    m_categories->append(shownLabels.isEmpty() ? QStringList{QString()} : shownLabels);
    // Too many bars for their labels (a histogram's 40 bins): the tooltips tell each one.
    m_categories->setLabelsVisible(horizontal || count <= 12);
    m_valueAxis->setRange(0.0, top > 0.0 ? top * 1.1 : 1.0);
    m_valueAxis->applyNiceNumbers();
    // Whole numbers from 1,000 up ("10000", not "1e+04"); small amounts (costs) keep 4 digits.
    m_valueAxis->setLabelFormat(m_valueAxis->max() >= 1000.0 ? QStringLiteral("%.0f") : QStringLiteral("%.4g"));
    series->attachAxis(m_categories);
    series->attachAxis(m_valueAxis);
    applyChartTheme(chart(), this);
}

QString BarsChart::tooltipText(int index) const
{
    if (index < 0 || index >= m_labels.size())
        return QString();
    return tr("%1: %2").arg(m_labels.at(index), m_valueText(m_values.at(index)));
}

bool BarsChart::savePng(const QString &path)
{
    return grab().save(path, "PNG");
}

void BarsChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyChartTheme(chart(), this);
}

} // namespace funcdesk
