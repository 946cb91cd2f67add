#pragma once

#include <QLabel>

namespace funcdesk {

// A label that can show its text as an error: in a red chosen for the palette in use (one that
// reads on light and on dark backgrounds), and chosen again when the desktop switches between
// light and dark. Without the error mark it follows the palette like any label.
class ErrorLabel : public QLabel
{
public:
    explicit ErrorLabel(QWidget *parent = nullptr);

    void setError(bool error);
    bool isError() const { return m_error; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColor();

    bool m_error = false;
};

} // namespace funcdesk
