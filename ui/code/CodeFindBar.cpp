#include "ui/code/CodeFindBar.h"

#include "ui/code/PaletteColors.h"
#include "ui/code/QsciHeaders.h"

#include <QAction>
#include <QBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace funcdesk {

namespace {

QToolButton *toolButton(QAction *action, const QString &objectName, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setObjectName(objectName);
    button->setAutoRaise(true);
    return button;
}

QAction *barAction(const QString &text, const QKeySequence &key, QWidget *owner)
{
    auto *action = new QAction(text, owner);
    if (!key.isEmpty()) {
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        owner->addAction(action);
    }
    return action;
}

} // namespace

CodeFindBar::CodeFindBar(QsciScintilla *editor, QWidget *parent)
    : QWidget(parent), m_editor(editor), m_findField(new QLineEdit(this)), m_replaceField(new QLineEdit(this)),
      m_status(new QLabel(this)), m_replaceRow(new QWidget(this))
{
    setObjectName(QStringLiteral("codeFindBar"));
    m_findField->setObjectName(QStringLiteral("findField"));
    m_findField->setPlaceholderText(tr("Find"));
    // Its clear button comes with the first open(): the button's icon is an icon-theme lookup,
    // which the first window should not wait for (the bar is hidden until Ctrl+F).
    m_findField->installEventFilter(this);
    m_replaceField->setObjectName(QStringLiteral("replaceField"));
    m_replaceField->setPlaceholderText(tr("Replace with"));
    m_replaceField->installEventFilter(this);
    m_status->setObjectName(QStringLiteral("findStatus"));

    auto *previous = barAction(tr("Previous"), {}, this);
    previous->setToolTip(tr("Previous match (Shift+F3, Shift+Enter)"));
    auto *next = barAction(tr("Next"), {}, this);
    next->setToolTip(tr("Next match (F3, Enter)"));
    auto *matchCase = barAction(tr("Aa"), QKeySequence(Qt::ALT | Qt::Key_C), this);
    matchCase->setCheckable(true);
    matchCase->setToolTip(tr("Match case (%1)").arg(matchCase->shortcut().toString(QKeySequence::NativeText)));
    auto *wholeWords = barAction(tr("W"), QKeySequence(Qt::ALT | Qt::Key_W), this);
    wholeWords->setCheckable(true);
    wholeWords->setToolTip(tr("Whole words (%1)").arg(wholeWords->shortcut().toString(QKeySequence::NativeText)));
    auto *close = barAction(tr("×"), {}, this);
    close->setToolTip(tr("Close (Esc)"));
    m_caseButton = toolButton(matchCase, QStringLiteral("findCaseButton"), this);
    m_wordButton = toolButton(wholeWords, QStringLiteral("findWordButton"), this);

    auto *replace = new QPushButton(tr("Replace"), m_replaceRow);
    replace->setObjectName(QStringLiteral("replaceButton"));
    replace->setToolTip(tr("Replace this match and find the next (Enter in the replace field)"));
    auto *replaceAllButton = new QPushButton(tr("Replace All"), m_replaceRow);
    replaceAllButton->setObjectName(QStringLiteral("replaceAllButton"));

    auto *findRow = new QHBoxLayout;
    findRow->setContentsMargins(0, 0, 0, 0);
    findRow->addWidget(m_findField, 1);
    findRow->addWidget(toolButton(previous, QStringLiteral("findPreviousButton"), this));
    findRow->addWidget(toolButton(next, QStringLiteral("findNextButton"), this));
    findRow->addWidget(m_caseButton);
    findRow->addWidget(m_wordButton);
    findRow->addWidget(m_status);
    findRow->addWidget(toolButton(close, QStringLiteral("findCloseButton"), this));
    auto *replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replaceField, 1);
    replaceLayout->addWidget(replace);
    replaceLayout->addWidget(replaceAllButton);
    replaceLayout->addStretch(0);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    layout->addLayout(findRow);
    layout->addWidget(m_replaceRow);

    connect(m_findField, &QLineEdit::textEdited, this, [this] { find(true, true); });
    connect(previous, &QAction::triggered, this, &CodeFindBar::findPrevious);
    connect(next, &QAction::triggered, this, &CodeFindBar::findNext);
    connect(matchCase, &QAction::toggled, this, [this] { find(true, true); });
    connect(wholeWords, &QAction::toggled, this, [this] { find(true, true); });
    connect(close, &QAction::triggered, this, &CodeFindBar::closeRequested);
    connect(replace, &QPushButton::clicked, this, &CodeFindBar::replaceCurrent);
    connect(replaceAllButton, &QPushButton::clicked, this, &CodeFindBar::replaceAll);
}

void CodeFindBar::openFind()
{
    open(false);
}

void CodeFindBar::openReplace()
{
    open(true);
}

bool CodeFindBar::replaceVisible() const
{
    return m_replaceRow->isVisibleTo(this);
}

void CodeFindBar::open(bool withReplace)
{
    const QString selected = m_editor->selectedText();
    if (!selected.isEmpty() && !selected.contains(QLatin1Char('\n')))
        m_findField->setText(selected);
    m_replaceRow->setVisible(withReplace);
    setStatus({}, false);
    m_findField->setClearButtonEnabled(true);
    show();
    m_findField->setFocus(Qt::ShortcutFocusReason);
    m_findField->selectAll();
}

bool CodeFindBar::findNext()
{
    return find(true, false);
}

bool CodeFindBar::findPrevious()
{
    return find(false, false);
}

QString CodeFindBar::findText() const
{
    return m_findField->text();
}

QString CodeFindBar::statusText() const
{
    return m_status->text();
}

bool CodeFindBar::find(bool forward, bool fromSelectionStart)
{
    const QString expr = m_findField->text();
    if (expr.isEmpty()) {
        setStatus({}, false);
        return false;
    }
    int lineFrom = -1;
    int indexFrom = -1;
    int lineTo = -1;
    int indexTo = -1;
    m_editor->getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
    int line = lineFrom;
    int index = indexFrom;
    if (lineFrom < 0) {
        m_editor->getCursorPosition(&line, &index);
    } else if (forward && !fromSelectionStart) {
        line = lineTo;
        index = indexTo;
    }
    // Searching backwards from the selection's start skips the current match; forwards from its
    // end moves on; forwards from its start (typing) keeps extending the current match.
    const bool found = m_editor->findFirst(expr, false, m_caseButton->isChecked(), m_wordButton->isChecked(), true,
                                           forward, line, index, true);
    setStatus(found ? QString() : tr("No match"), !found);
    return found;
}

bool CodeFindBar::selectionIsMatch() const
{
    const QString expr = m_findField->text();
    return !expr.isEmpty() && m_editor->selectedText().compare(
                                  expr, m_caseButton->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive) == 0;
}

void CodeFindBar::replaceCurrent()
{
    if (m_editor->isReadOnly())
        return;
    if (selectionIsMatch())
        m_editor->replaceSelectedText(m_replaceField->text());
    find(true, false);
}

int CodeFindBar::replaceAll()
{
    const QString expr = m_findField->text();
    if (expr.isEmpty() || m_editor->isReadOnly())
        return 0;
    const QString replacement = m_replaceField->text();
    // At most one replacement per character of the text: a guard, should Scintilla's search
    // ever stop advancing past a replacement that contains the searched text.
    const qsizetype limit = m_editor->text().size();
    int count = 0;
    m_editor->beginUndoAction();
    bool found = m_editor->findFirst(expr, false, m_caseButton->isChecked(), m_wordButton->isChecked(), false, true, 0,
                                     0, false);
    while (found && count <= limit) {
        m_editor->replace(replacement);
        ++count;
        found = m_editor->findNext();
    }
    m_editor->endUndoAction();
    if (count == 0)
        setStatus(tr("No match"), true);
    else
        setStatus(tr("Replaced %n", nullptr, count), false);
    return count;
}

void CodeFindBar::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    QPalette pal = palette();
    if (problem)
        pal.setColor(QPalette::WindowText, codeui::removedTint(codeui::isDark(pal)));
    m_status->setPalette(pal);
}

bool CodeFindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (watched == m_replaceField)
                replaceCurrent();
            else if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace funcdesk
