#include "ui/code/CodeTextEdit.h"

#include "ui/code/PaletteColors.h"

#include <QEvent>
#include <QFontDatabase>

namespace funcdesk {

namespace {

// Token colors for a light and a dark background (the widely used VS Code "Light+"/"Dark+"
// hues, which keep good contrast on white and on near-black).
struct TokenColors
{
    QColor keyword, string, comment, number, function, type, regex, decorator, error;
};

TokenColors tokenColors(bool dark)
{
    if (dark)
        return {QColor(0x56, 0x9c, 0xd6), QColor(0xce, 0x91, 0x78), QColor(0x6a, 0x99, 0x55),
                QColor(0xb5, 0xce, 0xa8), QColor(0xdc, 0xdc, 0xaa), QColor(0x4e, 0xc9, 0xb0),
                QColor(0xd1, 0x69, 0x69), QColor(0xc5, 0x86, 0xc0), QColor(0xf4, 0x47, 0x47)};
    return {QColor(0x00, 0x00, 0xc8), QColor(0xa3, 0x15, 0x15), QColor(0x00, 0x80, 0x00),
            QColor(0x09, 0x86, 0x58), QColor(0x79, 0x5e, 0x26), QColor(0x26, 0x7f, 0x99),
            QColor(0x81, 0x1f, 0x3f), QColor(0xaf, 0x00, 0xdb), QColor(0xcd, 0x31, 0x31)};
}

void colorJavaScript(QsciLexerJavaScript &lexer, const TokenColors &c, const QFont &italic)
{
    using L = QsciLexerJavaScript;
    for (int style : {L::Comment, L::CommentLine, L::CommentDoc, L::CommentLineDoc}) {
        lexer.setColor(c.comment, style);
        lexer.setFont(italic, style);
    }
    for (int style : {L::CommentDocKeyword, L::CommentDocKeywordError, L::TaskMarker})
        lexer.setColor(c.decorator, style);
    lexer.setColor(c.number, L::Number);
    lexer.setColor(c.keyword, L::Keyword);
    lexer.setColor(c.type, L::KeywordSet2);
    lexer.setColor(c.type, L::GlobalClass);
    for (int style : {L::DoubleQuotedString, L::SingleQuotedString, L::RawString, L::VerbatimString,
                      L::HashQuotedString, L::TripleQuotedVerbatimString})
        lexer.setColor(c.string, style);
    lexer.setColor(c.error, L::UnclosedString);
    lexer.setColor(c.regex, L::Regex);
    lexer.setColor(c.decorator, L::PreProcessor);
    lexer.setColor(c.string, L::EscapeSequence);
}

void colorPython(QsciLexerPython &lexer, const TokenColors &c, const QFont &italic)
{
    using L = QsciLexerPython;
    for (int style : {L::Comment, L::CommentBlock}) {
        lexer.setColor(c.comment, style);
        lexer.setFont(italic, style);
    }
    lexer.setColor(c.number, L::Number);
    lexer.setColor(c.keyword, L::Keyword);
    for (int style :
         {L::DoubleQuotedString, L::SingleQuotedString, L::TripleSingleQuotedString, L::TripleDoubleQuotedString,
          L::DoubleQuotedFString, L::SingleQuotedFString, L::TripleSingleQuotedFString, L::TripleDoubleQuotedFString})
        lexer.setColor(c.string, style);
    lexer.setColor(c.error, L::UnclosedString);
    lexer.setColor(c.type, L::ClassName);
    lexer.setColor(c.function, L::FunctionMethodName);
    lexer.setColor(c.type, L::HighlightedIdentifier);
    lexer.setColor(c.decorator, L::Decorator);
}

} // namespace

CodeTextEdit::CodeTextEdit(QWidget *parent)
    : QsciScintilla(parent), m_javaScript(new QsciLexerJavaScript(this)), m_python(new QsciLexerPython(this))
{
    setObjectName(QStringLiteral("codeTextEdit"));
    setUtf8(true);
    setMarginType(0, NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginWidth(1, 0); // no symbol margin: there are no breakpoints or bookmarks here
    setBraceMatching(SloppyBraceMatch);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setTabWidth(4);
    setIndentationGuides(true);
    setCaretLineVisible(true);
    setCaretWidth(2);
    setScrollWidthTracking(true);
    setScrollWidth(1);
    // Scintilla's "cancel" binding would swallow Esc, which closes the find and go-to bars.
    if (QsciCommand *cancel = standardCommands()->boundTo(Qt::Key_Escape))
        cancel->setKey(0);
    connect(this, &QsciScintilla::linesChanged, this, &CodeTextEdit::updateMarginWidth);
    m_problemMarker = markerDefine(QsciScintilla::Background);
    setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    applyColors();
    updateMarginWidth();
}

void CodeTextEdit::setKind(const QString &kind)
{
    m_kind = kind;
    const QString family = kind.section(QLatin1Char(':'), 0, 0);
    QsciLexer *wanted = nullptr;
    if (family == QLatin1StringView("nodejs"))
        wanted = m_javaScript;
    else if (family == QLatin1StringView("python"))
        wanted = m_python;
    if (wanted != lexer()) {
        setLexer(wanted);
        applyColors();
    }
    // Python is indented with spaces; a JavaScript file would often use 2.
    setTabWidth(wanted == m_javaScript ? 2 : 4);
}

QString CodeTextEdit::language() const
{
    if (lexer() == m_javaScript)
        return QStringLiteral("javascript");
    if (lexer() == m_python)
        return QStringLiteral("python");
    return {};
}

void CodeTextEdit::showProblem(int line, const QString &message)
{
    clearProblem();
    if (line < 1 || line > lines())
        return;
    m_problemLine = line;
    markerAdd(line - 1, m_problemMarker);
    const QPalette pal = palette();
    const bool dark = codeui::isDark(pal);
    // A fixed style number: QsciStyle's own allocator runs out after 24 styles per process, and
    // 63 is used by neither lexer (JavaScript 0–27 and 64+, Python 0–19) nor Scintilla (32–39).
    QsciStyle style(63);
    style.setColor(pal.color(QPalette::Text));
    style.setPaper(codeui::mix(pal.color(QPalette::Base), codeui::removedTint(dark), dark ? 0.45 : 0.25));
    style.setFont(QFontDatabase::systemFont(QFontDatabase::GeneralFont));
    annotate(line - 1, message, style);
}

void CodeTextEdit::clearProblem()
{
    if (m_problemLine == 0)
        return;
    m_problemLine = 0;
    markerDeleteAll(m_problemMarker);
    clearAnnotations();
}

void CodeTextEdit::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyColors();
}

void CodeTextEdit::applyColors()
{
    const QPalette pal = palette();
    const bool dark = codeui::isDark(pal);
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QFont italic = font;
    italic.setItalic(true);

    for (QsciLexer *each : {static_cast<QsciLexer *>(m_javaScript), static_cast<QsciLexer *>(m_python)}) {
        each->setDefaultPaper(base);
        each->setDefaultColor(text);
        each->setDefaultFont(font);
        each->setPaper(base, -1);
        each->setColor(text, -1);
        each->setFont(font, -1);
    }
    const TokenColors colors = tokenColors(dark);
    colorJavaScript(*m_javaScript, colors, italic);
    colorPython(*m_python, colors, italic);
    if (!lexer()) {
        setPaper(base);
        setColor(text);
        setFont(font);
    }

    setMarginsFont(font);
    setMarginsBackgroundColor(codeui::mix(base, text, 0.04));
    setMarginsForegroundColor(codeui::mix(base, text, 0.55));
    setCaretForegroundColor(text);
    setCaretLineBackgroundColor(codeui::mix(base, text, 0.07));
    setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    setMatchedBraceBackgroundColor(codeui::mix(base, pal.color(QPalette::Highlight), 0.35));
    setMatchedBraceForegroundColor(text);
    setUnmatchedBraceBackgroundColor(base);
    setUnmatchedBraceForegroundColor(colors.error);
    setIndentationGuidesBackgroundColor(base);
    setIndentationGuidesForegroundColor(codeui::mix(base, text, 0.25));
    setMarkerBackgroundColor(codeui::mix(base, codeui::removedTint(dark), dark ? 0.30 : 0.15), m_problemMarker);
    // Some air between the (right-aligned) line numbers and the code.
    SendScintilla(SCI_SETMARGINLEFT, 0, long(QFontMetrics(font).averageCharWidth()));
    m_marginDigits = 0; // the font may have changed: re-measure
    updateMarginWidth();
}

void CodeTextEdit::updateMarginWidth()
{
    const int digits = int(QString::number(std::max(lines(), 1)).size());
    if (digits == m_marginDigits)
        return;
    m_marginDigits = digits;
    // One digit of slack: the margin does not jump while typing towards the next power of ten.
    setMarginWidth(0, QString(digits + 1, QLatin1Char('9')));
}

} // namespace funcdesk
