#pragma once

// What the screenshot tests share: whether they run at 200 %, the console's size, whether a grab
// shows anything, and rendering under the dark palette (Fusion and the colors a dark desktop theme hands a Qt
// application).

#include "support/TestPalettes.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QSize>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOptionComboBox>
#include <QTextDocument>
#include <QToolButton>

namespace funcdesk::test {

// ctest runs each screenshot program a second time under QT_SCALE_FACTOR=2 (the *_200 tests).
inline bool screenshotsDoubled()
{
    return qEnvironmentVariableIntValue("QT_SCALE_FACTOR") == 2;
}

// The console's size in screenshots: a 1366×768 screen, or 1280×720 logical pixels at 200 %.
inline QSize consoleScreenshotSize()
{
    return screenshotsDoubled() ? QSize(1280, 720) : QSize(1366, 768);
}

// A blank or single-color grab means nothing was painted.
inline bool looksRendered(const QImage &image)
{
    QSet<QRgb> colors;
    for (int y = 0; y < image.height() && colors.size() < 16; y += 17)
        for (int x = 0; x < image.width() && colors.size() < 16; x += 13)
            colors.insert(image.pixel(x, y));
    return colors.size() >= 16;
}

// Runs `render` with Fusion and the dark palette, then puts the application's style back.
template <typename F> void withDarkStyle(F render)
{
    const QString style = QApplication::style()->name();
    const QPalette palette = QApplication::palette();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(darkPalette());
    render();
    QApplication::setStyle(QStyleFactory::create(style));
    QApplication::setPalette(palette);
}

// A widget whose text does not fit in it: cut at the side (narrower than the text and its
// margins) or crushed (lower than a line of text). `where` names it for a person: class, object
// name (or the nearest named ancestor's), the text, its size and what the text needs.
struct ClippedText
{
    QString where;
    QString owner; // the nearest ancestor named (object or class name) in the owners asked for, or ""
};

namespace clipping {

inline QString plain(QString text)
{
    // "&&" is a literal ampersand; a single "&" marks the mnemonic and takes no room.
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

inline int widest(const QFontMetrics &metrics, const QString &text)
{
    int width = 0;
    for (const QString &line : text.split(QLatin1Char('\n')))
        width = std::max(width, metrics.horizontalAdvance(line));
    return width;
}

inline QString describe(const QWidget *widget, const QString &text, QSize needs)
{
    QString name = widget->objectName();
    for (const QWidget *up = widget->parentWidget(); name.isEmpty() && up; up = up->parentWidget())
        if (!up->objectName().isEmpty() && !up->objectName().startsWith(QLatin1StringView("qt_")))
            name = QStringLiteral("in ") + up->objectName();
    return QStringLiteral("%1 %2 \"%3\" is %4x%5, needs %6x%7")
        .arg(QString::fromLatin1(widget->metaObject()->className()), name, text.left(60))
        .arg(widget->width())
        .arg(widget->height())
        .arg(needs.width())
        .arg(needs.height());
}

// What `widget`'s text needs, or an empty size when there is nothing to check.
inline QSize needs(const QWidget *widget, QString *text)
{
    const QFontMetrics metrics = widget->fontMetrics();
    const int line = metrics.height();
    if (auto *label = qobject_cast<const QLabel *>(widget)) {
        *text = label->text();
        if (text->isEmpty() || label->pixmap().cacheKey() != QPixmap().cacheKey())
            return {};
        const QMargins margins =
            label->contentsMargins() + QMargins(label->margin(), label->margin(), label->margin(), label->margin());
        if (label->wordWrap() || Qt::mightBeRichText(*text)) {
            // Wrapped or rich text: as high as it is at this width.
            const int width = label->width();
            const int height = label->hasHeightForWidth() ? label->heightForWidth(width) : label->sizeHint().height();
            return {0, std::min(height, line * 8)};
        }
        *text = plain(*text);
        return {widest(metrics, *text) + margins.left() + margins.right(),
                line * int(text->count(QLatin1Char('\n')) + 1) + margins.top() + margins.bottom()};
    }
    if (auto *button = qobject_cast<const QAbstractButton *>(widget)) {
        *text = plain(button->text());
        auto *tool = qobject_cast<const QToolButton *>(button);
        if (text->isEmpty() || (tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly && !tool->icon().isNull()))
            return {}; // an icon-only tool button shows no text
        const int icon = button->icon().isNull() ? 0 : button->iconSize().width() + 4;
        return {widest(metrics, *text) + icon + 6, line};
    }
    if (auto *edit = qobject_cast<const QLineEdit *>(widget)) { // a long value scrolls; a crushed field hides it
        *text = edit->text().isEmpty() ? edit->placeholderText() : edit->text();
        return {0, line};
    }
    if (auto *combo = qobject_cast<const QComboBox *>(widget)) {
        *text = combo->currentText();
        if (text->isEmpty() || combo->isEditable())
            return {0, line};
        QStyleOptionComboBox option;
        option.initFrom(combo);
        option.editable = false;
        option.currentText = *text;
        const QSize contents(metrics.horizontalAdvance(*text), line);
        return {combo->style()->sizeFromContents(QStyle::CT_ComboBox, &option, contents, combo).width() - 8, line};
    }
    return {};
}

} // namespace clipping

// Every visible label, button, line edit, combo box and header section under `root` whose text
// does not fit, with the owner it sits in (the nearest ancestor whose object name or class name,
// with its namespace, is one of `owners`), so a test can tell its own widgets from others'.
inline QList<ClippedText> clippedTexts(QWidget *root, const QStringList &owners = {})
{
    QList<ClippedText> found;
    const auto ownerOf = [&](const QWidget *widget) {
        for (const QWidget *up = widget; up && up != root; up = up->parentWidget())
            if (owners.contains(up->objectName()))
                return up->objectName();
            else if (const QString type = QString::fromLatin1(up->metaObject()->className()); owners.contains(type))
                return type;
        return QString();
    };
    // Shown, and not scrolled out of sight: some of it lies inside every ancestor up to `root`.
    const auto shown = [root](const QWidget *widget) {
        if (!widget->isVisible() || !widget->isVisibleTo(root))
            return false;
        QRect visible = widget->rect();
        for (const QWidget *up = widget; up != root && !up->isWindow(); up = up->parentWidget()) {
            visible = visible.translated(up->pos()) & up->parentWidget()->rect();
            if (visible.isEmpty())
                return false;
        }
        return true;
    };
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!shown(widget))
            continue;
        if (auto *header = qobject_cast<QHeaderView *>(widget)) {
            const QAbstractItemModel *model = header->model();
            if (!model || header->orientation() != Qt::Horizontal)
                continue;
            const int margin = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
            for (int section = 0; section < header->count(); ++section) {
                if (header->isSectionHidden(section))
                    continue;
                const QString text = model->headerData(section, Qt::Horizontal).toString();
                const int needed = header->fontMetrics().horizontalAdvance(text) + margin;
                if (!text.isEmpty() && header->sectionSize(section) < needed)
                    found.append(
                        {QStringLiteral("header section %1 \"%2\" of %3 is %4 wide, needs %5")
                             .arg(section)
                             .arg(text, header->parentWidget() ? header->parentWidget()->objectName() : QString())
                             .arg(header->sectionSize(section))
                             .arg(needed),
                         ownerOf(header)});
            }
            continue;
        }
        QString text;
        const QSize need = clipping::needs(widget, &text);
        if (!need.isValid())
            continue;
        if (widget->width() < need.width() || widget->height() < need.height())
            found.append({clipping::describe(widget, text, need), ownerOf(widget)});
    }
    return found;
}

} // namespace funcdesk::test
