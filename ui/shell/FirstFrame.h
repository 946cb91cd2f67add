#pragma once

#include <functional>

class QWidget;

namespace funcdesk {

// Runs `then` once the window's first frame is up: one event-loop turn after the first Expose of
// its native window (Qt paints the backing store while handling it), at once (next turn) when it
// is exposed already, and after 1 s at the latest (a platform that never exposes the window).
// Call after show().
void afterFirstFrame(QWidget *window, std::function<void()> then);

} // namespace funcdesk
