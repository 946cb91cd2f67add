#include "ui/metrics/ChartTheme.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QWidget>

namespace funcdesk {

void applyChartTheme(QChart *chart, const QWidget *widget)
{
    const QPalette &palette = widget->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != theme)
        chart->setTheme(theme); // resets colors and fonts: the palette's come after
    const QColor text = palette.color(QPalette::WindowText);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundRoundness(0);
    QFont titleFont = widget->font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setTitleBrush(text);
    chart->legend()->setFont(widget->font());
    chart->legend()->setLabelColor(text);
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsFont(widget->font());
        axis->setLabelsColor(text);
        axis->setTitleFont(widget->font());
        axis->setTitleBrush(text);
        QColor grid = text;
        grid.setAlpha(40);
        axis->setGridLineColor(grid);
    }
}

} // namespace funcdesk
