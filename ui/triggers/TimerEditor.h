#pragma once

#include "models/triggers/TimerTriggerForm.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;

namespace funcdesk {

class ErrorLabel;

// The Timer trigger's editor: a cron schedule (5 fields, or 6 with seconds first) with its
// description in words, a single date, or an interval; the time zone; the next five fire times;
// the payload each fire posts. Bound to a TimerTriggerForm; changed() on every edit.
class TimerEditor : public QWidget
{
    Q_OBJECT

public:
    explicit TimerEditor(QWidget *parent = nullptr);

    void setForm(const TimerTriggerForm &form);
    TimerTriggerForm form() const;
    // Empty when valid, else what is wrong.
    QString problem() const { return form().validate(); }

Q_SIGNALS:
    void changed();

private:
    void refresh();

    QButtonGroup *m_mode;
    QStackedWidget *m_pages;
    QLineEdit *m_cron;
    QDateTimeEdit *m_date;
    QSpinBox *m_minutes;
    QComboBox *m_zone;
    ErrorLabel *m_preview;
    QListWidget *m_next;
    QPlainTextEdit *m_payload;
};

} // namespace funcdesk
