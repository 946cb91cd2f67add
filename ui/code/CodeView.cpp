#include "ui/code/CodeView.h"

#include "ui/code/CodeFindBar.h"
#include "ui/code/CodeGoToLineBar.h"
#include "ui/code/CodeTextEdit.h"

namespace funcdesk {

CodeView::CodeView(QWidget *editor)
    : QObject(editor), m_edit(new CodeTextEdit(editor)), m_findBar(new CodeFindBar(m_edit, editor)),
      m_goToLineBar(new CodeGoToLineBar(m_edit, editor))
{
    setObjectName(QStringLiteral("codeView"));
    m_findBar->hide();
    m_goToLineBar->hide();
}

QWidget *CodeView::textWidget()
{
    return m_edit;
}

QWidget *CodeView::findBarWidget()
{
    return m_findBar;
}

QWidget *CodeView::goToLineBarWidget()
{
    return m_goToLineBar;
}

void CodeView::setKind(const QString &kind)
{
    m_edit->setKind(kind);
}

QString CodeView::kind() const
{
    return m_edit->kind();
}

QString CodeView::text() const
{
    return m_edit->text();
}

void CodeView::replaceText(const QString &text)
{
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

void CodeView::loadText(const QString &text)
{
    const bool readOnly = m_edit->isReadOnly();
    m_edit->setReadOnly(false);
    m_edit->setText(text);
    m_edit->setReadOnly(readOnly);
    m_edit->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    m_edit->setCursorPosition(0, 0);
}

void CodeView::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
}

bool CodeView::isReadOnly() const
{
    return m_edit->isReadOnly();
}

void CodeView::showProblem(int line, const QString &message)
{
    m_edit->showProblem(line, message);
}

void CodeView::clearProblem()
{
    m_edit->clearProblem();
}

void CodeView::openFind()
{
    m_goToLineBar->hide();
    m_findBar->openFind();
}

void CodeView::openReplace()
{
    m_goToLineBar->hide();
    m_findBar->openReplace();
}

void CodeView::openGoToLine()
{
    m_findBar->hide();
    m_goToLineBar->open();
}

bool CodeView::goToLine(int line)
{
    return m_goToLineBar->goToLine(line);
}

bool CodeView::findAgain(bool forward)
{
    if (m_findBar->isHidden() || m_findBar->findText().isEmpty())
        return false;
    if (forward)
        m_findBar->findNext();
    else
        m_findBar->findPrevious();
    return true;
}

void CodeView::hideBars()
{
    m_findBar->hide();
    m_goToLineBar->hide();
}

void CodeView::setCallbacks(std::function<void()> textChanged, std::function<void()> closeBars)
{
    connect(m_edit, &QsciScintilla::textChanged, this, [this, textChanged = std::move(textChanged)] {
        m_edit->clearProblem(); // it spoke of the text before this change
        if (textChanged)
            textChanged();
    });
    const auto close = [closeBars = std::move(closeBars)] {
        if (closeBars)
            closeBars();
    };
    connect(m_findBar, &CodeFindBar::closeRequested, this, close);
    connect(m_goToLineBar, &CodeGoToLineBar::closeRequested, this, close);
    connect(m_goToLineBar, &CodeGoToLineBar::done, this, close);
}

} // namespace funcdesk
