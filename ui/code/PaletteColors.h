#pragma once

#include <QColor>
#include <QPalette>

// Color arithmetic for the code panel's highlights: tints are mixed into the palette's own
// colors, so the same code reads in light and dark palettes.
namespace funcdesk::codeui {

// `base` moved `amount` (0..1) of the way towards `tint`.
inline QColor mix(const QColor &base, const QColor &tint, double amount)
{
    const auto channel = [amount](int from, int to) { return int(from + (to - from) * amount + 0.5); };
    return QColor(channel(base.red(), tint.red()), channel(base.green(), tint.green()),
                  channel(base.blue(), tint.blue()));
}

inline bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// Tints for changes and states, in a light and a dark variant.
inline QColor addedTint(bool dark)
{
    return dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x9f, 0x3a);
}
inline QColor removedTint(bool dark)
{
    return dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xd1, 0x24, 0x2f);
}
inline QColor warningTint(bool dark)
{
    return dark ? QColor(0xd2, 0x99, 0x22) : QColor(0xbf, 0x87, 0x00);
}
inline QColor infoTint(bool dark)
{
    return dark ? QColor(0x58, 0xa6, 0xff) : QColor(0x09, 0x69, 0xda);
}

} // namespace funcdesk::codeui
