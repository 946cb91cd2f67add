#pragma once

#include <QColor>
#include <QPalette>

namespace funcdesk {

// Highlight colors for differences, chosen per palette: a pale amber behind dark text in a
// light palette, a deep amber behind light text in a dark one; both keep the palette's text
// readable (contrast above 7:1 with Fusion's and Breeze's default text colors).
struct CompareColors
{
    static bool isDark(const QPalette &palette) { return palette.color(QPalette::Base).lightness() < 128; }
    static QColor differenceBackground(const QPalette &palette)
    {
        return isDark(palette) ? QColor(0x5c, 0x45, 0x00) : QColor(0xff, 0xe8, 0xa3);
    }
    static QColor errorUnderline(const QPalette &palette)
    {
        return isDark(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0x00, 0x00);
    }
};

} // namespace funcdesk
