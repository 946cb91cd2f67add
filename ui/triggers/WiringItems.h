#pragma once

#include "models/triggers/WiringGraph.h"

#include <QGraphicsItem>
#include <QGraphicsPathItem>

namespace funcdesk {

// A trigger or function box of the wiring view. Painted once into a device cache: the scene
// holds hundreds of them and scrolling only blits.
class WiringNodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1301 };

    WiringNodeItem(int node, const WiringGraph::Node &data);

    int type() const override { return Type; }
    int node() const { return m_node; }
    WiringGraph::Side side() const { return m_side; }
    QString name() const { return m_name; }
    // A search match (drawn with a highlight) or the drop target of a drag.
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    int m_node;
    WiringGraph::Side m_side;
    QString m_name;
    QString m_detail; // the trigger's kind
    bool m_highlighted = false;
};

// A rule: a curve from its trigger to its function, solid while active, dashed while not. Flashes
// when its trigger fires.
class WiringConnectionItem : public QGraphicsPathItem
{
public:
    enum { Type = UserType + 1302 };

    WiringConnectionItem(const WiringRule &rule, QPointF from, QPointF to);

    int type() const override { return Type; }
    const WiringRule &rule() const { return m_rule; }
    void setSelectedRule(bool selected);
    // Highlighted for a moment; `on` false ends it.
    void setFlashing(bool on);
    bool isFlashing() const { return m_flashing; }
    // Easier to hit than the 2-pixel line it draws.
    QPainterPath shape() const override;

private:
    void updatePen();

    WiringRule m_rule;
    bool m_selected = false;
    bool m_flashing = false;
};

} // namespace funcdesk
