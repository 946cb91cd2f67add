#include "ui/code/CodeGoToLineBar.h"

#include "ui/code/PaletteColors.h"
#include "ui/code/QsciHeaders.h"

#include <QBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QToolButton>

namespace funcdesk {

CodeGoToLineBar::CodeGoToLineBar(QsciScintilla *editor, QWidget *parent)
    : QWidget(parent), m_editor(editor), m_field(new QLineEdit(this)), m_range(new QLabel(this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("codeGoToLineBar"));
    auto *label = new QLabel(tr("Go to line:"), this);
    label->setBuddy(m_field);
    m_field->setObjectName(QStringLiteral("goToLineField"));
    // Digits only; the range is checked on Enter so the message can say what is allowed.
    m_field->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,9}")), m_field));
    m_field->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('9')) * 12);
    m_field->installEventFilter(this);
    m_range->setObjectName(QStringLiteral("goToLineRange"));
    m_status->setObjectName(QStringLiteral("goToLineStatus"));
    auto *close = new QToolButton(this);
    close->setObjectName(QStringLiteral("goToLineCloseButton"));
    close->setText(tr("×"));
    close->setToolTip(tr("Close (Esc)"));
    close->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(label);
    layout->addWidget(m_field);
    layout->addWidget(m_range);
    layout->addWidget(m_status, 1);
    layout->addWidget(close);

    connect(close, &QToolButton::clicked, this, &CodeGoToLineBar::closeRequested);
    connect(m_field, &QLineEdit::textEdited, m_status, &QLabel::clear);
}

void CodeGoToLineBar::open()
{
    updateRange();
    int line = 0;
    int index = 0;
    m_editor->getCursorPosition(&line, &index);
    m_field->setText(QString::number(line + 1));
    m_status->clear();
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

bool CodeGoToLineBar::goToLine(int line)
{
    const int count = std::max(m_editor->lines(), 1);
    if (line < 1 || line > count) {
        m_status->setText(tr("There is no line %1: enter 1 to %2.").arg(line).arg(count));
        QPalette pal = palette();
        pal.setColor(QPalette::WindowText, codeui::removedTint(codeui::isDark(pal)));
        m_status->setPalette(pal);
        return false;
    }
    m_status->clear();
    m_editor->setCursorPosition(line - 1, 0);
    m_editor->ensureLineVisible(line - 1);
    return true;
}

QString CodeGoToLineBar::statusText() const
{
    return m_status->text();
}

void CodeGoToLineBar::submit()
{
    updateRange();
    bool ok = false;
    const int line = m_field->text().toInt(&ok);
    if (!ok) {
        goToLine(0);
        return;
    }
    if (goToLine(line))
        Q_EMIT done();
}

void CodeGoToLineBar::updateRange()
{
    m_range->setText(tr("(1–%1)").arg(std::max(m_editor->lines(), 1)));
}

bool CodeGoToLineBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            submit();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace funcdesk
