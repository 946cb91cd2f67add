#pragma once

#include <QWidget>

class QsciScintilla;
class QLabel;
class QLineEdit;

namespace funcdesk {

// The inline "Go to line" input under the code editor (Ctrl+G): accepts 1..line count, says so
// in the bar when the number is out of range, and moves the cursor on Enter.
class CodeGoToLineBar : public QWidget
{
    Q_OBJECT

public:
    explicit CodeGoToLineBar(QsciScintilla *editor, QWidget *parent = nullptr);

    void open();
    // Moves to `line` (1-based) and returns true, or says why not and returns false.
    bool goToLine(int line);
    QString statusText() const;

Q_SIGNALS:
    void closeRequested();
    void done();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void submit();
    void updateRange();

    QsciScintilla *m_editor;
    QLineEdit *m_field;
    QLabel *m_range;
    QLabel *m_status;
};

} // namespace funcdesk
