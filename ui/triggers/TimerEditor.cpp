#include "ui/triggers/TimerEditor.h"

#include "ui/shell/ErrorLabel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimeZone>

namespace funcdesk {

TimerEditor::TimerEditor(QWidget *parent) : QWidget(parent)
{
    auto *modes = new QHBoxLayout;
    m_mode = new QButtonGroup(this);
    const std::pair<TimerTriggerForm::Mode, QString> choices[] = {{TimerTriggerForm::Mode::Cron, tr("Schedule (cron)")},
                                                                  {TimerTriggerForm::Mode::Interval, tr("Interval")},
                                                                  {TimerTriggerForm::Mode::Once, tr("Once")}};
    const char *names[] = {"timerModeCron", "timerModeInterval", "timerModeOnce"};
    int i = 0;
    for (const auto &[mode, label] : choices) {
        auto *button = new QRadioButton(label, this);
        button->setObjectName(QLatin1StringView(names[i++]));
        m_mode->addButton(button, static_cast<int>(mode));
        modes->addWidget(button);
    }
    modes->addStretch();

    m_pages = new QStackedWidget(this);
    m_pages->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum); // one line, not the spare height
    m_cron = new QLineEdit(this);
    m_cron->setObjectName(QStringLiteral("timerCron"));
    m_cron->setPlaceholderText(tr("*/5 * * * *  (minute hour day month weekday; 6 fields: seconds first)"));
    m_minutes = new QSpinBox(this);
    m_minutes->setObjectName(QStringLiteral("timerMinutes"));
    m_minutes->setRange(1, 525600);
    m_minutes->setSuffix(tr(" min"));
    m_date = new QDateTimeEdit(this);
    m_date->setObjectName(QStringLiteral("timerDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    // Page order follows TimerTriggerForm::Mode: Cron, Once, Interval.
    m_pages->addWidget(m_cron);
    m_pages->addWidget(m_date);
    m_pages->addWidget(m_minutes);

    m_zone = new QComboBox(this);
    m_zone->setObjectName(QStringLiteral("timerZone"));
    m_zone->setEditable(true);
    m_zone->addItems(TimerTriggerForm::timeZones());
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);

    m_preview = new ErrorLabel(this);
    m_preview->setObjectName(QStringLiteral("timerPreview"));
    m_preview->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_preview->setWordWrap(true);
    m_next = new QListWidget(this);
    m_next->setObjectName(QStringLiteral("timerNextFires"));
    m_next->setMaximumHeight(m_next->fontMetrics().height() * 6 + 8);
    m_next->setFocusPolicy(Qt::NoFocus);
    m_payload = new QPlainTextEdit(this);
    m_payload->setObjectName(QStringLiteral("timerPayload"));
    m_payload->setPlaceholderText(tr("{\"source\": \"timer\"}  (optional: what each fire passes to the function)"));
    m_payload->setMaximumHeight(m_payload->fontMetrics().height() * 5);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Fires:"), modes);
    form->addRow(tr("When:"), m_pages);
    form->addRow(tr("Time zone:"), m_zone);
    form->addRow(tr("Means:"), m_preview);
    form->addRow(tr("Next fires:"), m_next);
    form->addRow(tr("Payload:"), m_payload);

    connect(m_mode, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            refresh();
    });
    connect(m_cron, &QLineEdit::textChanged, this, &TimerEditor::refresh);
    connect(m_minutes, &QSpinBox::valueChanged, this, &TimerEditor::refresh);
    connect(m_date, &QDateTimeEdit::dateTimeChanged, this, &TimerEditor::refresh);
    connect(m_zone, &QComboBox::currentTextChanged, this, &TimerEditor::refresh);
    connect(m_payload, &QPlainTextEdit::textChanged, this, &TimerEditor::refresh);

    setForm(TimerTriggerForm());
}

void TimerEditor::setForm(const TimerTriggerForm &form)
{
    const QSignalBlocker blockCron(m_cron), blockMinutes(m_minutes), blockDate(m_date), blockZone(m_zone),
        blockPayload(m_payload);
    m_mode->button(static_cast<int>(form.mode))->setChecked(true);
    m_cron->setText(form.cron);
    m_minutes->setValue(form.minutes);
    const QDateTime when = form.onceAt.isValid() ? form.onceAt : QDateTime::currentDateTime().addSecs(3600);
    m_date->setDateTime(QDateTime(when.date(), when.time()));
    m_zone->setCurrentText(form.timeZone.isEmpty() ? QStringLiteral("UTC") : form.timeZone);
    m_payload->setPlainText(form.payloadText);
    refresh();
}

TimerTriggerForm TimerEditor::form() const
{
    TimerTriggerForm form;
    form.mode = static_cast<TimerTriggerForm::Mode>(m_mode->checkedId());
    form.cron = m_cron->text();
    form.minutes = m_minutes->value();
    form.timeZone = m_zone->currentText().trimmed();
    if (form.timeZone == QLatin1StringView("UTC"))
        form.timeZone.clear();
    // The wall-clock time typed, in the chosen zone.
    const QTimeZone zone = form.timeZone.isEmpty() ? QTimeZone::utc() : QTimeZone(form.timeZone.toUtf8());
    form.onceAt = QDateTime(m_date->date(), m_date->time(), zone.isValid() ? zone : QTimeZone::utc());
    form.payloadText = m_payload->toPlainText();
    return form;
}

void TimerEditor::refresh()
{
    const TimerTriggerForm current = form();
    m_pages->setCurrentIndex(static_cast<int>(current.mode));
    const QString problem = current.validate();
    m_preview->setText(problem.isEmpty() ? current.preview() : problem);
    m_preview->setError(!problem.isEmpty());
    m_next->clear();
    m_next->addItems(current.nextFires(5));
    Q_EMIT changed();
}

} // namespace funcdesk
