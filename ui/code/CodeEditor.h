#pragma once

#include <QWidget>

class QAction;
class QLabel;

namespace funcdesk {

class CodeFindBar;
class CodeGoToLineBar;
class CodeTextEdit;
class CodeViewApi;

// The code editor of the code panel: a QScintilla view (CodeTextEdit) with the find/replace bar
// and the go-to-line bar under it, and the dirty state — whether the text differs from the
// deployed code. Its actions (Find Ctrl+F, Replace Ctrl+H, Find Next F3, Find Previous
// Shift+F3, Go to Line Ctrl+G, Esc closes a bar) are in actions() for the window's menus.
//
// The QScintilla view and its bars are built on first need — when the editor is first shown,
// an action or an accessor needs them, or by build() — so the first window does not wait for
// them (issue 16). Until then the editor keeps its kind, text and read-only state itself and
// answers every call the same way. The view comes from libfuncdesk_views.so (ui/views/Views.h),
// loaded by the first build(); when it cannot be loaded the editor says so in its place and keeps
// the text it was given (nothing to type into, nothing lost).
class CodeEditor : public QWidget
{
    Q_OBJECT

public:
    explicit CodeEditor(QWidget *parent = nullptr);

    // The action's kind picks the lexer: "nodejs:*" JavaScript, "python:*" Python.
    void setKind(const QString &kind);
    QString kind() const;

    QString text() const;
    // Replaces the whole text as one undoable step (revert and restore can be undone).
    void setText(const QString &text);
    // Replaces the whole text and forgets the undo history (opening another function).
    void loadText(const QString &text);
    void setReadOnly(bool readOnly);
    bool isReadOnly() const;

    // The code on the platform; the editor is dirty while its text differs from it.
    void setDeployedCode(const QString &code);
    QString deployedCode() const { return m_deployed; }
    bool isDirty() const { return m_dirty; }

    void openFind();
    void openReplace();
    void openGoToLine();
    bool goToLine(int line); // 1-based; false (and a message in the bar) when out of range
    void closeBars();

    // Builds the QScintilla view and the bars now when they are not built yet.
    void build();
    // Built: the view, or (the views module missing) the label that says why there is none.
    bool isBuilt() const { return m_view != nullptr || m_unavailable != nullptr; }
    // A problem at `line` (1-based) shown in the view, or none (the view is built first).
    void showProblem(int line, const QString &message);
    void clearProblem();
    // These build the view first; null when the module could not be loaded.
    CodeTextEdit *textEdit() const;
    CodeFindBar *findBar() const;
    CodeGoToLineBar *goToLineBar() const;

Q_SIGNALS:
    void textChanged();
    void dirtyChanged(bool dirty);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QAction *addEditorAction(const QString &text, const QKeySequence &key, const QString &objectName);
    void updateDirty();

    CodeViewApi *m_view = nullptr;   // nullptr until built (a child QObject, from the module)
    QLabel *m_unavailable = nullptr; // says why there is no view
    QAction *m_closeBarsAction = nullptr;
    // Until the view is built: its kind, text and read-only state.
    QString m_kind;
    QString m_text;
    bool m_readOnly = false;
    QString m_deployed;
    bool m_dirty = false;
};

} // namespace funcdesk
