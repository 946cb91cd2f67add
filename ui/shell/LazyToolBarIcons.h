#pragma once

namespace funcdesk {

// Every QToolBar makes its extension button ("»", shown only when the bar's actions do not fit)
// in its constructor, with the style's icon for it decoded at once: Qt's common style reads its
// PNGs for each toolbar (~0.2 ms each, ~0.8 ms of the console's first window for an arrow it does
// not show). Installs, before any widget exists, an application style that is the platform's
// default one except that it hands out those two icons lazily: decoded when first drawn or asked
// for a size. Call right after the QApplication is made.
void installLazyToolBarIcons();

// How many of those icons have been decoded so far (tests).
int lazyToolBarIconsDecoded();

} // namespace funcdesk
