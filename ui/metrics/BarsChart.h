#pragma once

#include "ui/views/ViewApis.h"

#include <QChartView>

#include <functional>

class QBarCategoryAxis;
class QBarSet;
class QValueAxis;

namespace funcdesk {

// Labelled bars: the top functions by cost or by invocations (horizontal, the largest on top),
// or a duration histogram (vertical, in order). Hovering a bar shows its exact value.
class BarsChart : public QChartView, public BarsChartApi
{
    Q_OBJECT

public:
    BarsChart(const QString &title, Qt::Orientation orientation, QWidget *parent = nullptr);

    void setValueText(std::function<QString(double)> text) override;
    QWidget *widget() override { return this; }
    BarsChart *barsChart() override { return this; }
    // One bar per label, in the order given (horizontal charts list the first on top).
    void setBars(const QStringList &labels, const QList<double> &values) override;
    QStringList labels() const { return m_labels; }
    QList<double> values() const { return m_values; }
    QString tooltipText(int index) const;
    bool savePng(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    Qt::Orientation m_orientation;
    std::function<QString(double)> m_valueText;
    QStringList m_labels;
    QList<double> m_values;
    QBarCategoryAxis *m_categories = nullptr;
    QValueAxis *m_valueAxis = nullptr;
};

} // namespace funcdesk
