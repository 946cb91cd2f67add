#include "ui/code/CodeEditor.h"

#include "ui/views/Views.h"

#include <QAction>
#include <QApplication>
#include <QBoxLayout>
#include <QLabel>

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
                if (!m_view || !m_view->findAgain(true))
                    openFind();
            });
    connect(addEditorAction(tr("Find Previous"), QKeySequence(Qt::SHIFT | Qt::Key_F3),
                            QStringLiteral("findPreviousAction")),
            &QAction::triggered, this, [this] {
                if (!m_view || !m_view->findAgain(false))
                    openFind();
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
    if (isBuilt())
        return;
    m_view = views::createCodeView(this);
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    if (!m_view) {
        m_unavailable = new QLabel(views::loadError(), this);
        m_unavailable->setObjectName(QStringLiteral("unavailableView"));
        m_unavailable->setWordWrap(true);
        m_unavailable->setAlignment(Qt::AlignCenter);
        layout->addWidget(m_unavailable, 1);
        m_unavailable->show();
        return;
    }
    QWidget *edit = m_view->textWidget();
    const bool hadFocus = hasFocus();
    setFocusProxy(edit);
    layout->addWidget(edit, 1);
    layout->addWidget(m_view->findBarWidget());
    layout->addWidget(m_view->goToLineBarWidget());
    // Shown now, not one turn later (as a child added to a visible widget would be): a focus or
    // a shortcut right after this must find the view visible.
    edit->show();

    // What was set before: the same state as if the view had been there all along (no signal:
    // the text does not change).
    m_view->setKind(m_kind);
    m_view->loadText(m_text);
    m_view->setReadOnly(m_readOnly);
    m_kind.clear();
    m_text.clear();
    if (hadFocus)
        edit->setFocus(Qt::OtherFocusReason);

    m_view->setCallbacks(
        [this] {
            updateDirty();
            Q_EMIT textChanged();
        },
        [this] { closeBars(); });
}

void CodeEditor::showEvent(QShowEvent *event)
{
    build();
    QWidget::showEvent(event);
}

CodeTextEdit *CodeEditor::textEdit() const
{
    const_cast<CodeEditor *>(this)->build();
    return m_view ? m_view->textEdit() : nullptr;
}

CodeFindBar *CodeEditor::findBar() const
{
    const_cast<CodeEditor *>(this)->build();
    return m_view ? m_view->findBar() : nullptr;
}

CodeGoToLineBar *CodeEditor::goToLineBar() const
{
    const_cast<CodeEditor *>(this)->build();
    return m_view ? m_view->goToLineBar() : nullptr;
}

void CodeEditor::showProblem(int line, const QString &message)
{
    build();
    if (m_view)
        m_view->showProblem(line, message);
}

void CodeEditor::clearProblem()
{
    if (m_view)
        m_view->clearProblem();
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
    if (m_view)
        m_view->setKind(kind);
    else
        m_kind = kind;
}

QString CodeEditor::kind() const
{
    return m_view ? m_view->kind() : m_kind;
}

QString CodeEditor::text() const
{
    return m_view ? m_view->text() : m_text;
}

void CodeEditor::setText(const QString &text)
{
    if (text == this->text())
        return;
    build(); // one undo step: only the view keeps an undo stack
    if (m_view) {
        m_view->replaceText(text);
        return;
    }
    loadText(text); // no view to be had: kept here, as before the view
}

void CodeEditor::loadText(const QString &text)
{
    if (!m_view) {
        if (text == m_text)
            return;
        m_text = text; // as the view would: the text changed, and with it perhaps the dirty state
        updateDirty();
        Q_EMIT textChanged();
        return;
    }
    m_view->loadText(text);
}

void CodeEditor::setReadOnly(bool readOnly)
{
    if (m_view)
        m_view->setReadOnly(readOnly);
    else
        m_readOnly = readOnly;
}

bool CodeEditor::isReadOnly() const
{
    return m_view ? m_view->isReadOnly() : m_readOnly;
}

void CodeEditor::setDeployedCode(const QString &code)
{
    m_deployed = code;
    updateDirty();
}

void CodeEditor::openFind()
{
    build();
    if (!m_view)
        return;
    m_view->openFind();
    m_closeBarsAction->setEnabled(true);
}

void CodeEditor::openReplace()
{
    build();
    if (!m_view)
        return;
    m_view->openReplace();
    m_closeBarsAction->setEnabled(true);
}

void CodeEditor::openGoToLine()
{
    build();
    if (!m_view)
        return;
    m_view->openGoToLine();
    m_closeBarsAction->setEnabled(true);
}

bool CodeEditor::goToLine(int line)
{
    build();
    return m_view && m_view->goToLine(line);
}

void CodeEditor::closeBars()
{
    m_closeBarsAction->setEnabled(false);
    if (!m_view)
        return; // no bar was ever open
    m_view->hideBars();
    // Back to the text only from a bar of this editor: a new function's load closes the bars too,
    // and taking the focus then left the function list without it (Delete went to the code).
    if (isAncestorOf(QApplication::focusWidget()))
        m_view->textWidget()->setFocus(Qt::OtherFocusReason);
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
