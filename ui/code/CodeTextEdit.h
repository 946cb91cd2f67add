#pragma once

#include "ui/code/QsciHeaders.h"

namespace funcdesk {

// The QScintilla view of the code editor: a lexer chosen by the action's kind, a line-number
// margin as wide as the line count needs, brace matching, auto-indent, the system fixed font,
// and colors taken from the palette (re-applied when it changes, so light and dark both read).
class CodeTextEdit : public QsciScintilla
{
    Q_OBJECT

public:
    explicit CodeTextEdit(QWidget *parent = nullptr);

    // "nodejs:*" → JavaScript, "python:*" → Python, anything else plain text.
    void setKind(const QString &kind);
    QString kind() const { return m_kind; }
    // Which lexer is active: "javascript", "python" or "" (plain text).
    QString language() const;
    int lineNumberMarginWidth() const { return marginWidth(0); }
    // Marks `line` (1-based) as the place of a problem: a tinted background and `message` boxed
    // under it. One at a time; clearProblem() removes it.
    void showProblem(int line, const QString &message);
    void clearProblem();
    int problemLine() const { return m_problemLine; } // 1-based, 0 when none

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColors();
    void updateMarginWidth();

    QString m_kind;
    QsciLexerJavaScript *m_javaScript;
    QsciLexerPython *m_python;
    int m_marginDigits = 0;
    int m_problemMarker = -1;
    int m_problemLine = 0;
};

} // namespace funcdesk
