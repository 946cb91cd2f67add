#include "ui/triggers/WiringItems.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>

namespace funcdesk {

namespace {

constexpr double kRadius = 6;
constexpr double kPadding = 8;

} // namespace

WiringNodeItem::WiringNodeItem(int node, const WiringGraph::Node &data)
    : m_node(node), m_side(data.side), m_name(data.name),
      m_detail(data.side == WiringGraph::Side::Trigger ? WiringSnapshot::kindName(data.kind) : QString())
{
    setPos(data.position);
    setCacheMode(DeviceCoordinateCache);
    setToolTip(m_detail.isEmpty() ? m_name : QStringLiteral("%1 (%2)").arg(m_name, m_detail));
    setZValue(1);
}

void WiringNodeItem::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

QRectF WiringNodeItem::boundingRect() const
{
    return QRectF(0, 0, WiringGraph::kNodeWidth, WiringGraph::kNodeHeight).adjusted(-1, -1, 1, 1);
}

void WiringNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = QApplication::palette();
    const QRectF box(0, 0, WiringGraph::kNodeWidth, WiringGraph::kNodeHeight);
    QColor fill = palette.color(QPalette::Base);
    QColor border = m_side == WiringGraph::Side::Trigger ? QColor(0xd9, 0x82, 0x2b) : QColor(0x2b, 0x7b, 0xd9);
    if (m_highlighted) {
        fill = palette.color(QPalette::Highlight).lighter(170);
        border = palette.color(QPalette::Highlight);
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(border, m_highlighted ? 2.5 : 1.5));
    painter->setBrush(fill);
    painter->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);

    painter->setPen(palette.color(QPalette::Text));
    const QFontMetricsF metrics(painter->font());
    QRectF text = box.adjusted(kPadding, 0, -kPadding, 0);
    if (!m_detail.isEmpty()) {
        const double detailWidth = metrics.horizontalAdvance(m_detail) + kPadding;
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(text, Qt::AlignRight | Qt::AlignVCenter, m_detail);
        painter->setPen(palette.color(QPalette::Text));
        text.setRight(text.right() - detailWidth);
    }
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(m_name, Qt::ElideMiddle, text.width()));
}

WiringConnectionItem::WiringConnectionItem(const WiringRule &rule, QPointF from, QPointF to) : m_rule(rule)
{
    QPainterPath path(from);
    const double bend = (to.x() - from.x()) / 2;
    path.cubicTo(from + QPointF(bend, 0), to - QPointF(bend, 0), to);
    setPath(path);
    setToolTip(rule.active
                   ? QApplication::translate("funcdesk::WiringConnectionItem", "Rule %1 (active)").arg(rule.name)
                   : QApplication::translate("funcdesk::WiringConnectionItem", "Rule %1 (disabled)").arg(rule.name));
    setZValue(0);
    updatePen();
}

void WiringConnectionItem::setSelectedRule(bool selected)
{
    m_selected = selected;
    updatePen();
}

void WiringConnectionItem::setFlashing(bool on)
{
    m_flashing = on;
    updatePen();
}

void WiringConnectionItem::updatePen()
{
    QColor color = m_rule.active ? QColor(0x55, 0x60, 0x70) : QColor(0x99, 0x99, 0x99);
    double width = 1.6;
    if (m_selected) {
        color = QApplication::palette().color(QPalette::Highlight);
        width = 3;
    }
    if (m_flashing) {
        color = QColor(0xf0, 0xa0, 0x00);
        width = 4;
    }
    QPen pen(color, width);
    pen.setCosmetic(true); // readable at any zoom
    pen.setStyle(m_rule.active ? Qt::SolidLine : Qt::DashLine);
    setPen(pen);
}

QPainterPath WiringConnectionItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    return stroker.createStroke(path());
}

} // namespace funcdesk
