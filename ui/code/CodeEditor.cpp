#include "ui/code/CodeEditor.h"

#include "ui/code/CodeFindBar.h"
#include "ui/code/CodeGoToLineBar.h"
#include "ui/code/CodeTextEdit.h"

#include <QAction>
#include <QApplication>
#include <QBoxLayout>

namespace funcdesk {

CodeEditor::CodeEditor(QWidget *parent)
    : QWidget(parent), m_edit(new CodeTextEdit(this)), m_findBar(new CodeFindBar(m_edit, this)),
      m_goToLineBar(new CodeGoToLineBar(m_edit, this))
{
    setObjectName(QStringLiteral("codeEditor"));
    setFocusProxy(m_edit);
    m_findBar->hide();
    m_goToLineBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_findBar);
    layout->addWidget(m_goToLineBar);

    connect(addEditorAction(tr("Find…"), QKeySequence(Qt::CTRL | Qt::Key_F), QStringLiteral("findAction")),
            &QAction::triggered, this, &CodeEditor::openFind);
    connect(addEditorAction(tr("Replace…"), QKeySequence(Qt::CTRL | Qt::Key_H), QStringLiteral("replaceAction")),
            &QAction::triggered, this, &CodeEditor::openReplace);
    connect(addEditorAction(tr("Find Next"), QKeySequence(Qt::Key_F3), QStringLiteral("findNextAction")),
            &QAction::triggered, this, [this] {
                if (m_findBar->isHidden() || m_findBar->findText().isEmpty())
                    openFind();
                else
                    m_findBar->findNext();
            });
    connect(addEditorAction(tr("Find Previous"), QKeySequence(Qt::SHIFT | Qt::Key_F3),
                            QStringLiteral("findPreviousAction")),
            &QAction::triggered, this, [this] {
                if (m_findBar->isHidden() || m_findBar->findText().isEmpty())
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

    connect(m_findBar, &CodeFindBar::closeRequested, this, &CodeEditor::closeBars);
    connect(m_goToLineBar, &CodeGoToLineBar::closeRequested, this, &CodeEditor::closeBars);
    connect(m_goToLineBar, &CodeGoToLineBar::done, this, &CodeEditor::closeBars);
    connect(m_edit, &QsciScintilla::textChanged, this, [this] {
        m_edit->clearProblem(); // it spoke of the text before this change
        updateDirty();
        Q_EMIT textChanged();
    });
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
    m_edit->setKind(kind);
}

QString CodeEditor::kind() const
{
    return m_edit->kind();
}

QString CodeEditor::text() const
{
    return m_edit->text();
}

void CodeEditor::setText(const QString &text)
{
    if (text == m_edit->text())
        return;
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
    const bool readOnly = m_edit->isReadOnly();
    m_edit->setReadOnly(false);
    m_edit->setText(text);
    m_edit->setReadOnly(readOnly);
    m_edit->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    m_edit->setCursorPosition(0, 0);
}

void CodeEditor::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
}

bool CodeEditor::isReadOnly() const
{
    return m_edit->isReadOnly();
}

void CodeEditor::setDeployedCode(const QString &code)
{
    m_deployed = code;
    updateDirty();
}

void CodeEditor::openFind()
{
    m_goToLineBar->hide();
    m_findBar->openFind();
    m_closeBarsAction->setEnabled(true);
}

void CodeEditor::openReplace()
{
    m_goToLineBar->hide();
    m_findBar->openReplace();
    m_closeBarsAction->setEnabled(true);
}

void CodeEditor::openGoToLine()
{
    m_findBar->hide();
    m_goToLineBar->open();
    m_closeBarsAction->setEnabled(true);
}

bool CodeEditor::goToLine(int line)
{
    return m_goToLineBar->goToLine(line);
}

void CodeEditor::closeBars()
{
    m_findBar->hide();
    m_goToLineBar->hide();
    m_closeBarsAction->setEnabled(false);
    // Back to the text only from a bar of this editor: a new function's load closes the bars too,
    // and taking the focus then left the function list without it (Delete went to the code).
    if (isAncestorOf(QApplication::focusWidget()))
        m_edit->setFocus(Qt::OtherFocusReason);
}

void CodeEditor::updateDirty()
{
    const bool dirty = m_edit->text() != m_deployed;
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    Q_EMIT dirtyChanged(dirty);
}

} // namespace funcdesk
