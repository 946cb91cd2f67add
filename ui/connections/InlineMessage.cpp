#include "ui/connections/InlineMessage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace funcdesk {

namespace {

QStyle::StandardPixmap iconFor(InlineMessage::Kind kind)
{
    switch (kind) {
    case InlineMessage::Kind::Success:
        return QStyle::SP_DialogApplyButton;
    case InlineMessage::Kind::Warning:
        return QStyle::SP_MessageBoxWarning;
    case InlineMessage::Kind::Error:
        return QStyle::SP_MessageBoxCritical;
    case InlineMessage::Kind::Information:
        break;
    }
    return QStyle::SP_MessageBoxInformation;
}

} // namespace

InlineMessage::InlineMessage(QWidget *parent) : QWidget(parent), m_icon(new QLabel(this)), m_text(new QLabel(this))
{
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_icon->setAlignment(Qt::AlignTop);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    hide();
}

void InlineMessage::showMessage(Kind kind, const QString &text)
{
    if (text.isEmpty())
        return clear();
    m_kind = kind;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(iconFor(kind)).pixmap(size, size));
    m_text->setText(text);
    setAccessibleDescription(text);
    show();
}

void InlineMessage::clear()
{
    m_text->clear();
    hide();
}

QString InlineMessage::text() const
{
    return m_text->text();
}

} // namespace funcdesk
