#pragma once

#include <QWidget>

class QsciScintilla;
class QLabel;
class QLineEdit;
class QToolButton;
class QPushButton;
class QWidget;

namespace funcdesk {

// The inline find/replace bar under the code editor: find as you type, next/previous (Enter,
// Shift+Enter, F3, Shift+F3 — the editor owns F3), match case and whole words, replace the
// current match or all of them (one undo step). "No match" is said in the bar itself.
class CodeFindBar : public QWidget
{
    Q_OBJECT

public:
    explicit CodeFindBar(QsciScintilla *editor, QWidget *parent = nullptr);

    // Shows the bar (with the replace row for openReplace), seeded with a one-line selection,
    // and focuses the find field.
    void openFind();
    void openReplace();
    bool replaceVisible() const;

    bool findNext();
    bool findPrevious();
    // Replaces the current match (when the selection is one) and moves to the next.
    void replaceCurrent();
    int replaceAll();

    QString findText() const;
    QString statusText() const;

Q_SIGNALS:
    void closeRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void open(bool withReplace);
    bool find(bool forward, bool fromSelectionStart);
    bool selectionIsMatch() const;
    void setStatus(const QString &text, bool problem);

    QsciScintilla *m_editor;
    QLineEdit *m_findField;
    QLineEdit *m_replaceField;
    QToolButton *m_caseButton;
    QToolButton *m_wordButton;
    QLabel *m_status;
    QWidget *m_replaceRow;
};

} // namespace funcdesk
