#include "ui/functions/FunctionItemIcons.h"

#include "models/functions/FunctionListModel.h"

#include <QPainter>
#include <QPixmap>

namespace funcdesk {

namespace {

constexpr int kSize = 16;

// The icons are drawn, not looked up: a style's standard icons on Linux come from the icon theme,
// whose first look-up parses the theme's index files (~7 ms the first frame would wait for).
QIcon drawnIcon(int kind, const QColor &color)
{
    QPixmap pixmap(kSize * 2, kSize * 2); // drawn at twice the size: sharp at 200 %
    pixmap.setDevicePixelRatio(2.0);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(color, 1.2);
    painter.setPen(pen);
    switch (kind) {
    case FunctionListModel::SequenceItem: { // three steps joined, left to right
        const qreal box = kSize / 4.0;
        const qreal y = (kSize - box) / 2.0;
        painter.drawLine(QPointF(box, kSize / 2.0), QPointF(kSize - box, kSize / 2.0));
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        for (int step = 0; step < 3; ++step)
            painter.drawRoundedRect(QRectF(step * (kSize - box) / 2.0, y, box, box), 1.0, 1.0);
        break;
    }
    case FunctionListModel::PackageItem:
    case FunctionListModel::BindingItem: { // a box; a binding's has an arrow out of it
        QColor fill = color;
        fill.setAlphaF(0.25);
        painter.setBrush(fill);
        painter.drawRect(QRectF(2.5, 5.5, 11, 8));
        painter.drawLine(QPointF(2.5, 5.5), QPointF(5, 2.5));
        painter.drawLine(QPointF(13.5, 5.5), QPointF(11, 2.5));
        painter.drawLine(QPointF(5, 2.5), QPointF(11, 2.5));
        if (kind == FunctionListModel::BindingItem) {
            painter.setBrush(Qt::NoBrush);
            pen.setWidthF(1.6);
            painter.setPen(pen);
            painter.drawLine(QPointF(6, 9.5), QPointF(10.5, 9.5));
            painter.drawLine(QPointF(8.5, 7.5), QPointF(10.5, 9.5));
            painter.drawLine(QPointF(8.5, 11.5), QPointF(10.5, 9.5));
        }
        break;
    }
    default: // a function: a page with two lines of code
        painter.drawRoundedRect(QRectF(3.5, 1.5, 9, 13), 1.0, 1.0);
        painter.drawLine(QPointF(5.5, 6), QPointF(10.5, 6));
        painter.drawLine(QPointF(5.5, 9), QPointF(9, 9));
        break;
    }
    return QIcon(pixmap);
}

} // namespace

void FunctionItemIcons::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() != FunctionListModel::NameColumn)
        return;
    const QVariant kind = index.data(FunctionListModel::KindRole);
    if (!kind.isValid())
        return;
    option->icon = iconFor(kind.toInt(), *option);
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->decorationSize = option->decorationSize.isValid() ? option->decorationSize : QSize(16, 16);
}

QIcon FunctionItemIcons::iconFor(int kind, const QStyleOptionViewItem &option) const
{
    const QRgb color = option.palette.color(QPalette::Text).rgba();
    if (color != m_color) { // drawn again when the palette changes (light and dark)
        m_icons.clear();
        m_color = color;
    }
    QIcon &icon = m_icons[kind];
    if (icon.isNull())
        icon = drawnIcon(kind, QColor::fromRgba(color));
    return icon;
}

} // namespace funcdesk
