#pragma once

class QChart;
class QWidget;

namespace funcdesk {

// Gives a chart the look of the widget it sits in: QtCharts' dark theme on a dark palette (window
// lightness below half), the light one otherwise; the widget's font (so 200 % scale and the
// user's font size apply), the palette's window color behind and its text color for titles and
// labels. Call again when the palette or the font changes.
void applyChartTheme(QChart *chart, const QWidget *widget);

} // namespace funcdesk
