#include "ui/shell/ErrorLabel.h"

#include "ui/code/PaletteColors.h"

#include <QEvent>

namespace funcdesk {

ErrorLabel::ErrorLabel(QWidget *parent) : QLabel(parent)
{
}

void ErrorLabel::setError(bool error)
{
    m_error = error;
    applyColor();
}

void ErrorLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyColor(); // sets the palette only when the color is not right yet: no loop
}

void ErrorLabel::applyColor()
{
    if (!m_error) {
        if (testAttribute(Qt::WA_SetPalette))
            setPalette(QPalette()); // inherit everything again
        return;
    }
    // Both keep a contrast above 4.5:1 (WCAG body text) with Fusion's and Breeze's window colors.
    const QColor wanted = codeui::isDark(palette()) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    if (testAttribute(Qt::WA_SetPalette) && palette().color(QPalette::WindowText) == wanted)
        return;
    QPalette tinted;
    tinted.setColor(QPalette::WindowText, wanted); // only this role is set; the rest is inherited
    setPalette(tinted);
}

} // namespace funcdesk
