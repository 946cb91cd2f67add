#pragma once

#include <QRect>

namespace funcdesk {

// Where the main window goes on a screen whose free area (without panels and docks) is
// `available`. The first window takes 90 % of it, at most kLargestFirstWindow, centred; a
// restored geometry is kept where it fits, and otherwise shrunk to the free area and moved into
// it, so the status bar is never below the screen's edge. Geometries are the client area's; the
// window manager's title bar and borders are unknown until the window is shown, so kFrame
// allows for them.
struct WindowGeometry
{
    static constexpr QSize kLargestFirstWindow{1600, 1000};
    static constexpr double kFirstWindowShare = 0.9;
    static constexpr QMargins kFrame{8, 40, 8, 8}; // a title bar up to 32 px and 8 px borders

    // The client geometry of a first window, at least `minimum` where there is room.
    static QRect firstWindow(const QRect &available, const QSize &minimum = {});
    // `restored` moved and shrunk as little as needed to fit, its frame included.
    static QRect clamped(const QRect &restored, const QRect &available);
    // The largest client size that fits, its frame included.
    static QSize room(const QRect &available);
};

} // namespace funcdesk
