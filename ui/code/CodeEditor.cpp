#include "ui/code/CodeEditor.h"

#include "ui/code/CodeFindBar.h"
#include "ui/code/CodeGoToLineBar.h"
#include "ui/code/CodeTextEdit.h"

#include <QAction>
#include <QApplication>
#include <QBoxLayout>

namespace funcdesk {

CodeEditor::CodeEditor(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("codeEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // The actions exist from the start (the Code menu lists them); each builds the view it needs.
    connect(addEditorAction(tr("Find…"), QKeySequence(Qt::CTRL | Qt::Key_F), QStringLiteral("findAction")),
            &QAction::triggered, this, &CodeEditor::openFind);
    connect(addEditorAction(tr("Replace…"), QKeySequence(Qt::CTRL | Qt::Key_H), QStringLiteral("replaceAction")),
            &QAction::triggered, this, &CodeEditor::openReplace);
    connect(addEditorAction(tr("Find Next"), QKeySequence(Qt::Key_F3), QStringLiteral("findNextAction")),
            &QAction::triggered, this, [this] {
                if (!m_findBar || m_findBar->isHidden() || m_findBar->findText().isEmpty())
                    openFind();
                else
                    m_findBar->findNext();
            });
    connect(addEditorAction(tr("Find Previous"), QKeySequence(Qt::SHIFT | Qt::Key_F3),
                            QStringLiteral("findPreviousAction")),
            &QAction::triggered, this, [this] {
                if (!m_findBar || m_findBar->isHidden() || m_findBar->findText().isEmpty())
                    openFind();
                else
                    m_findBar->findPrevious();
            });
    connect(addEditorAction(tr("Go to Line…"), QKeySequence(Qt::CTRL | Qt::Key_G), QStringLiteral("goToLineAction")),
            &QAction::triggered, this, &CodeEditor::openGoToLine);
    m_closeBarsAction =
        addEditorAction(tr("Close Bar"), QKeySequence(Qt::Key_Escape), QStringLiteral("closeBarAction"));
    m_closeBarsAction->setEnabled(false); // only while a bar is open, so Esc stays free otherwise
    connect(m_closeBarsAction, &QAction::triggered, this, &CodeEditor::closeBars);
}

void CodeEditor::build()
{
    if (m_edit)
        return;
    m_edit = new CodeTextEdit(this);
    m_findBar = new CodeFindBar(m_edit, this);
    m_goToLineBar = new CodeGoToLineBar(m_edit, this);
    const bool hadFocus = hasFocus();
    setFocusProxy(m_edit);
    m_findBar->hide();
    m_goToLineBar->hide();
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_findBar);
    layout->addWidget(m_goToLineBar);
    // Shown now, not one turn later (as a child added to a visible widget would be): a focus or
    // a shortcut right after this must find the view visible.
    m_edit->show();

    // What was set before: the same state as if the view had been there all along (no signal:
    // the text does not change).
    m_edit->setKind(m_kind);
    m_edit->setText(m_text);
    m_edit->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    m_edit->setCursorPosition(0, 0);
    m_edit->setReadOnly(m_readOnly);
    m_kind.clear();
    m_text.clear();
    if (hadFocus)
        m_edit->setFocus(Qt::OtherFocusReason);

    connect(m_findBar, &CodeFindBar::closeRequested, this, &CodeEditor::closeBars);
    connect(m_goToLineBar, &CodeGoToLineBar::closeRequested, this, &CodeEditor::closeBars);
    connect(m_goToLineBar, &CodeGoToLineBar::done, this, &CodeEditor::closeBars);
    connect(m_edit, &QsciScintilla::textChanged, this, [this] {
        m_edit->clearProblem(); // it spoke of the text before this change
        updateDirty();
        Q_EMIT textChanged();
    });
}

void CodeEditor::showEvent(QShowEvent *event)
{
    build();
    QWidget::showEvent(event);
}

CodeTextEdit *CodeEditor::textEdit() const
{
    const_cast<CodeEditor *>(this)->build();
    return m_edit;
}

CodeFindBar *CodeEditor::findBar() const
{
    const_cast<CodeEditor *>(this)->build();
    return m_findBar;
}

CodeGoToLineBar *CodeEditor::goToLineBar() const
{
    const_cast<CodeEditor *>(this)->build();
    return m_goToLineBar;
}

QAction *CodeEditor::addEditorAction(const QString &text, const QKeySequence &key, const QString &objectName)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcut(key);
    // Only while the focus is in the editor or its bars: other panels keep their own Ctrl+F.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
    addAction(action);
    return action;
}

void CodeEditor::setKind(const QString &kind)
{
    if (m_edit)
        m_edit->setKind(kind);
    else
        m_kind = kind;
}

QString CodeEditor::kind() const
{
    return m_edit ? m_edit->kind() : m_kind;
}

QString CodeEditor::text() const
{
    return m_edit ? m_edit->text() : m_text;
}

void CodeEditor::setText(const QString &text)
{
    if (text == this->text())
        return;
    build(); // one undo step: only the view keeps an undo stack
    // selectAll + replaceSelectedText rather than setText: one step on the undo stack instead of
    // wiping it, so "Revert" and "Restore draft" can be undone.
    const bool readOnly = m_edit->isReadOnly();
    m_edit->setReadOnly(false);
    m_edit->beginUndoAction();
    m_edit->selectAll(true);
    m_edit->replaceSelectedText(text);
    m_edit->endUndoAction();
    m_edit->setReadOnly(readOnly);
    m_edit->setCursorPosition(0, 0);
}

void CodeEditor::loadText(const QString &text)
{
    if (!m_edit) {
        if (text == m_text)
            return;
        m_text = text; // as the view would: the text changed, and with it perhaps the dirty state
        updateDirty();
        Q_EMIT textChanged();
        return;
    }
    const bool readOnly = m_edit->isReadOnly();
    m_edit->setReadOnly(false);
    m_edit->setText(text);
    m_edit->setReadOnly(readOnly);
    m_edit->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    m_edit->setCursorPosition(0, 0);
}

void CodeEditor::setReadOnly(bool readOnly)
{
    if (m_edit)
        m_edit->setReadOnly(readOnly);
    else
        m_readOnly = readOnly;
}

bool CodeEditor::isReadOnly() const
{
    return m_edit ? m_edit->isReadOnly() : m_readOnly;
}

void CodeEditor::setDeployedCode(const QString &code)
{
    m_deployed = code;
    updateDirty();
}

void CodeEditor::openFind()
{
    build();
    m_goToLineBar->hide();
    m_findBar->openFind();
    m_closeBarsAction->setEnabled(true);
}

void CodeEditor::openReplace()
{
    build();
    m_goToLineBar->hide();
    m_findBar->openReplace();
    m_closeBarsAction->setEnabled(true);
}

void CodeEditor::openGoToLine()
{
    build();
    m_findBar->hide();
    m_goToLineBar->open();
    m_closeBarsAction->setEnabled(true);
}

bool CodeEditor::goToLine(int line)
{
    build();
    return m_goToLineBar->goToLine(line);
}

void CodeEditor::closeBars()
{
    m_closeBarsAction->setEnabled(false);
    if (!m_edit)
        return; // no bar was ever open
    m_findBar->hide();
    m_goToLineBar->hide();
    // Back to the text only from a bar of this editor: a new function's load closes the bars too,
    // and taking the focus then left the function list without it (Delete went to the code).
    if (isAncestorOf(QApplication::focusWidget()))
        m_edit->setFocus(Qt::OtherFocusReason);
}

void CodeEditor::updateDirty()
{
    const bool dirty = text() != m_deployed;
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    Q_EMIT dirtyChanged(dirty);
}

} // namespace funcdesk
