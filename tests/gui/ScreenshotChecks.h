#pragma once

// What the screenshot tests share: whether they run at 200 %, the console's size, whether a grab
// shows anything, and rendering under the dark palette (Fusion and the colors a dark desktop theme hands a Qt
// application).

#include "support/TestPalettes.h"

#include <QApplication>
#include <QImage>
#include <QSet>
#include <QSize>
#include <QStyle>
#include <QStyleFactory>

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

} // namespace funcdesk::test
