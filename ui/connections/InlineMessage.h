#pragma once

#include <QWidget>

class QLabel;

namespace funcdesk {

// A message beside the field it is about: a standard icon (no hard-coded colors, so it reads in
// light and dark palettes) and wrapped, selectable text. Hidden while empty.
class InlineMessage : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Information, Success, Warning, Error };

    explicit InlineMessage(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    void clear();
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel *m_icon;
    QLabel *m_text;
    Kind m_kind = Kind::Information;
};

} // namespace funcdesk
