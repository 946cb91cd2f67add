#include "ui/code/DiffView.h"

#include "ui/code/PaletteColors.h"

#include <QBoxLayout>
#include <QButtonGroup>
#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextCursor>
#include <QToolButton>

namespace funcdesk {

namespace {

struct DiffColors
{
    QColor added;
    QColor removed;
    QColor filler; // the empty side of a one-sided change
    QColor fold;   // "⋯ n unchanged lines"
    QColor dim;    // line numbers and markers
};

DiffColors colorsFor(const QPalette &palette)
{
    const bool dark = codeui::isDark(palette);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    // Stronger tints on dark backgrounds, where a light mix would be invisible.
    const double amount = dark ? 0.30 : 0.20;
    return {codeui::mix(base, codeui::addedTint(dark), amount), codeui::mix(base, codeui::removedTint(dark), amount),
            codeui::mix(base, text, 0.05), codeui::mix(base, text, 0.10), codeui::mix(base, text, 0.50)};
}

// Appends rows (blocks) to a plain-text document: a dim gutter, the text, a background per row.
class RowWriter
{
public:
    RowWriter(QPlainTextEdit *view, const DiffColors &colors) : m_cursor(view->document()), m_colors(colors)
    {
        view->clear();
        m_dimFormat.setForeground(colors.dim);
        m_markerFormat.setForeground(colors.dim);
        m_markerFormat.setFontItalic(true);
    }

    void row(const QString &gutter, const QString &text, const QColor &background, bool missingNewline = false)
    {
        start(background);
        m_cursor.insertText(gutter, m_dimFormat);
        m_cursor.insertText(text, m_plainFormat);
        if (missingNewline)
            m_cursor.insertText(DiffView::tr("  (no newline at end)"), m_markerFormat);
    }

    void note(const QString &text, const QColor &background)
    {
        start(background);
        m_cursor.insertText(text, m_markerFormat);
    }

private:
    void start(const QColor &background)
    {
        QTextBlockFormat format;
        if (background.isValid())
            format.setBackground(background);
        if (m_first) {
            m_cursor.setBlockFormat(format);
            m_first = false;
        } else {
            m_cursor.insertBlock(format);
        }
    }

    QTextCursor m_cursor;
    DiffColors m_colors;
    QTextCharFormat m_dimFormat;
    QTextCharFormat m_markerFormat;
    QTextCharFormat m_plainFormat;
    bool m_first = true;
};

QString number(int line, int width)
{
    return line > 0 ? QStringLiteral("%1").arg(line, width) : QString(width, QLatin1Char(' '));
}

QString foldText(int count)
{
    return DiffView::tr("⋯ %n unchanged line(s)", nullptr, count);
}

// The old line number the hunk starts after: its first old line, or (a pure insertion) the
// line it follows.
int firstOldLine(const DiffHunk &hunk)
{
    for (const DiffLine &line : hunk.lines) {
        if (line.oldLine > 0)
            return line.oldLine;
    }
    return hunk.oldStart + 1;
}

int lastOldLine(const DiffHunk &hunk, int fallback)
{
    for (auto it = hunk.lines.crbegin(); it != hunk.lines.crend(); ++it) {
        if (it->oldLine > 0)
            return it->oldLine;
    }
    return fallback;
}

int countLines(const LineDiff &diff, bool old)
{
    int count = 0;
    for (const DiffLine &line : diff.lines())
        count += old ? (line.kind != DiffLine::Kind::Added) : (line.kind != DiffLine::Kind::Removed);
    return count;
}

QPlainTextEdit *makeView(const QString &objectName, QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(objectName);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap); // the fixed font comes with the first render()
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return view;
}

void syncScrolling(QScrollBar *a, QScrollBar *b)
{
    QObject::connect(a, &QScrollBar::valueChanged, b, &QScrollBar::setValue);
    QObject::connect(b, &QScrollBar::valueChanged, a, &QScrollBar::setValue);
}

} // namespace

DiffView::DiffView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("diffView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

// The header and the three text views are made on first use (a diff to show, a mode, the view
// shown): the first window builds this view hidden and need not wait for them (~1 ms, issue 16).
void DiffView::build()
{
    if (m_stack)
        return;
    m_leftTitle = new QLabel(this);
    m_rightTitle = new QLabel(this);
    m_summary = new QLabel(this);
    m_sideBySideButton = new QToolButton(this);
    m_unifiedButton = new QToolButton(this);
    m_stack = new QStackedWidget(this);
    m_left = makeView(QStringLiteral("diffLeft"), this);
    m_right = makeView(QStringLiteral("diffRight"), this);
    m_unified = makeView(QStringLiteral("diffUnified"), this);
    m_leftTitle->setObjectName(QStringLiteral("diffLeftTitle"));
    m_rightTitle->setObjectName(QStringLiteral("diffRightTitle"));
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_summary->setMinimumWidth(m_summary->fontMetrics().averageCharWidth() * 6);
    for (QLabel *title : {m_leftTitle, m_rightTitle}) {
        title->setTextFormat(Qt::PlainText);
        // Cut (the tooltip has it all) rather than widen the panel and push the window's splitter.
        title->setMinimumWidth(title->fontMetrics().averageCharWidth() * 6);
        title->setAutoFillBackground(true);
        title->setMargin(3);
    }
    m_sideBySideButton->setObjectName(QStringLiteral("diffSideBySideButton"));
    m_sideBySideButton->setText(tr("Side by Side"));
    m_unifiedButton->setObjectName(QStringLiteral("diffUnifiedButton"));
    m_unifiedButton->setText(tr("Unified"));
    auto *group = new QButtonGroup(this);
    for (QToolButton *button : {m_sideBySideButton, m_unifiedButton}) {
        button->setCheckable(true);
        button->setAutoRaise(true);
        group->addButton(button);
    }

    // Two rows: the titles get the whole width (beside History they would not fit in one).
    auto *titles = new QHBoxLayout;
    titles->addWidget(m_leftTitle);
    titles->addWidget(new QLabel(QStringLiteral("→"), this));
    titles->addWidget(m_rightTitle);
    titles->addStretch(1);
    auto *counts = new QHBoxLayout;
    counts->addWidget(m_summary);
    counts->addStretch(1);
    counts->addWidget(m_sideBySideButton);
    counts->addWidget(m_unifiedButton);
    auto *header = new QVBoxLayout;
    header->setSpacing(2);
    header->addLayout(titles);
    header->addLayout(counts);

    auto *sides = new QWidget(this);
    auto *sidesLayout = new QHBoxLayout(sides);
    sidesLayout->setContentsMargins(0, 0, 0, 0);
    sidesLayout->setSpacing(2);
    sidesLayout->addWidget(m_left);
    sidesLayout->addWidget(m_right);
    syncScrolling(m_left->verticalScrollBar(), m_right->verticalScrollBar());
    syncScrolling(m_left->horizontalScrollBar(), m_right->horizontalScrollBar());
    m_stack->addWidget(sides);
    m_stack->addWidget(m_unified);

    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);
    showMode();

    connect(m_sideBySideButton, &QToolButton::clicked, this, [this] { setMode(Mode::SideBySide); });
    connect(m_unifiedButton, &QToolButton::clicked, this, [this] { setMode(Mode::Unified); });
}

void DiffView::setTexts(const QString &leftTitle, const QString &leftText, const QString &rightTitle,
                        const QString &rightText)
{
    build();
    m_leftTitle->setText(QStringLiteral("− ") + leftTitle);
    m_leftTitle->setToolTip(leftTitle);
    m_rightTitle->setText(QStringLiteral("+ ") + rightTitle);
    m_rightTitle->setToolTip(rightTitle);
    m_diff = LineDiff::compare(leftText, rightText);
    m_onlyLineEndingsDiffer = m_diff.identical() && leftText != rightText;
    render();
}

void DiffView::setMode(Mode mode)
{
    m_mode = mode;
    if (m_stack)
        showMode();
    else
        build(); // shows m_mode
}

void DiffView::showMode()
{
    m_sideBySideButton->setChecked(m_mode == Mode::SideBySide);
    m_unifiedButton->setChecked(m_mode == Mode::Unified);
    m_stack->setCurrentIndex(m_mode == Mode::SideBySide ? 0 : 1);
    // Focus on the view lands in the text, where the keyboard can scroll and select.
    setFocusProxy(m_mode == Mode::SideBySide ? m_right : m_unified);
}

QString DiffView::leftTitle() const
{
    return m_stack ? m_leftTitle->text() : QString();
}

QString DiffView::rightTitle() const
{
    return m_stack ? m_rightTitle->text() : QString();
}

QString DiffView::summary() const
{
    return m_stack ? m_summary->text() : QString();
}

QString DiffView::unifiedText() const
{
    return m_stack ? m_unified->toPlainText() : QString();
}

QString DiffView::sideText(bool left) const
{
    return m_stack ? (left ? m_left : m_right)->toPlainText() : QString();
}

void DiffView::showEvent(QShowEvent *event)
{
    build();
    QWidget::showEvent(event);
}

void DiffView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_stack)
        render();
}

void DiffView::render()
{
    // Set here rather than when the view is made: it lays the documents out again, which loads
    // the monospace font, and the first window (which builds this view hidden) need not wait for it.
    if (!m_fixedFont) {
        m_fixedFont = true;
        const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        for (QPlainTextEdit *view : {m_left, m_right, m_unified})
            view->setFont(fixed);
    }
    const DiffColors colors = colorsFor(palette());
    QPalette leftPalette = m_leftTitle->palette();
    leftPalette.setColor(QPalette::Window, colors.removed);
    leftPalette.setColor(QPalette::WindowText, palette().color(QPalette::Text));
    m_leftTitle->setPalette(leftPalette);
    QPalette rightPalette = leftPalette;
    rightPalette.setColor(QPalette::Window, colors.added);
    m_rightTitle->setPalette(rightPalette);

    RowWriter left(m_left, colors);
    RowWriter right(m_right, colors);
    RowWriter unified(m_unified, colors);
    if (m_diff.identical()) {
        const QString text =
            m_onlyLineEndingsDiffer ? tr("No differences except line endings (CRLF and LF).") : tr("No differences.");
        m_summary->setText(text);
        for (RowWriter *writer : {&left, &right, &unified})
            writer->note(text, QColor());
        return;
    }
    m_summary->setText(tr("%1 added, %2 removed").arg(m_diff.addedCount()).arg(m_diff.removedCount()));

    const int oldTotal = countLines(m_diff, true);
    const int width = int(QString::number(std::max(oldTotal, countLines(m_diff, false))).size());
    const auto fold = [&](int count) {
        if (count <= 0)
            return;
        for (RowWriter *writer : {&left, &right, &unified})
            writer->note(foldText(count), colors.fold);
    };

    int shownOld = 0; // the last old line shown so far
    for (const DiffHunk &hunk : m_diff.hunks(3)) {
        fold(firstOldLine(hunk) - shownOld - 1);
        shownOld = lastOldLine(hunk, shownOld);
        QList<DiffLine> removed;
        QList<DiffLine> added;
        // A replacement is shown as rows pairing its removed and added lines.
        const auto flushChange = [&] {
            for (qsizetype i = 0; i < std::max(removed.size(), added.size()); ++i) {
                if (i < removed.size())
                    left.row(number(removed[i].oldLine, width) + QStringLiteral("  "), removed[i].text, colors.removed,
                             removed[i].missingNewline);
                else
                    left.row(QString(width + 2, QLatin1Char(' ')), QString(), colors.filler);
                if (i < added.size())
                    right.row(number(added[i].newLine, width) + QStringLiteral("  "), added[i].text, colors.added,
                              added[i].missingNewline);
                else
                    right.row(QString(width + 2, QLatin1Char(' ')), QString(), colors.filler);
            }
            removed.clear();
            added.clear();
        };
        for (const DiffLine &line : hunk.lines) {
            const QString gutter = number(line.oldLine, width) + QLatin1Char(' ') + number(line.newLine, width);
            switch (line.kind) {
            case DiffLine::Kind::Same:
                flushChange();
                left.row(number(line.oldLine, width) + QStringLiteral("  "), line.text, QColor(), line.missingNewline);
                right.row(number(line.newLine, width) + QStringLiteral("  "), line.text, QColor(), line.missingNewline);
                unified.row(gutter + QStringLiteral("   "), line.text, QColor(), line.missingNewline);
                break;
            case DiffLine::Kind::Removed:
                removed.append(line);
                unified.row(gutter + QStringLiteral(" − "), line.text, colors.removed, line.missingNewline);
                break;
            case DiffLine::Kind::Added:
                added.append(line);
                unified.row(gutter + QStringLiteral(" + "), line.text, colors.added, line.missingNewline);
                break;
            }
        }
        flushChange();
    }
    fold(oldTotal - shownOld);
}

} // namespace funcdesk
