#pragma once

#include "models/metrics/MetricsRange.h"

#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace funcdesk {

// The dashboards' top row: the time range (Live, 1 h, 24 h, 7 d, 30 d, Custom… with from and to),
// how far back data reaches, and "Export CSV…". Panels add their own controls to extras().
class RangeBar : public QWidget
{
    Q_OBJECT

public:
    explicit RangeBar(QWidget *parent = nullptr);

    void setRange(MetricsRange range);
    MetricsRange range() const;
    // The custom range's from and to (used when range() is Custom).
    TimeSpan customSpan() const;
    void setCustomSpan(TimeSpan span);
    void setCoverage(const QString &text);
    QString coverage() const;
    QHBoxLayout *extras() const { return m_extras; }

Q_SIGNALS:
    void rangeChanged(funcdesk::MetricsRange range, funcdesk::TimeSpan custom);
    void exportCsvRequested();

private:
    void emitRange();

    QComboBox *m_range;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLabel *m_coverage;
    QPushButton *m_export;
    QHBoxLayout *m_extras;
};

} // namespace funcdesk
