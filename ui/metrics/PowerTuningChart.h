#pragma once

#include "ui/views/ViewApis.h"

#include <QChartView>

class QBarCategoryAxis;
class QBarSet;
class QLineSeries;
class QValueAxis;

namespace funcdesk {

// Power tuning's chart: average and p95 duration per setting as bars on the left axis (ms), and
// cost per invocation (per million, as list prices read) as a line with points on the right
// axis, one category per setting.
class PowerTuningChart : public QChartView, public PowerTuningChartApi
{
    Q_OBJECT

public:
    explicit PowerTuningChart(QWidget *parent = nullptr);

    QWidget *widget() override { return this; }
    PowerTuningChart *tuningChart() override { return this; }
    // One category per row; `currency` labels the cost axis ("USD").
    void setRows(const QList<TuningChartRow> &rows, const QString &currency) override;
    // What the chart shows, for tests: one entry per setting (costs per invocation).
    QList<double> averages() const;
    QList<double> costs() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void followPalette();

    QBarSet *m_average = nullptr;
    QBarSet *m_p95 = nullptr;
    QLineSeries *m_cost = nullptr;
    QBarCategoryAxis *m_settings = nullptr;
    QValueAxis *m_duration = nullptr;
    QValueAxis *m_costAxis = nullptr;
};

} // namespace funcdesk
