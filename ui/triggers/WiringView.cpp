#include "ui/triggers/WiringView.h"

#include "ui/triggers/WiringItems.h"

#include <algorithm>
#include <cmath>

#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>

#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>

namespace funcdesk {

namespace {

constexpr double kMinZoom = 0.05;
constexpr double kMaxZoom = 4.0;
constexpr double kZoomStep = 1.25;
constexpr int kFlashMs = 900;
constexpr double kMargin = 40;

} // namespace

WiringView::WiringView(WiringGraph *graph, QWidget *parent)
    : QGraphicsView(parent), m_graph(graph), m_scene(new QGraphicsScene(this))
{
    setObjectName(QStringLiteral("wiringView"));
    setScene(m_scene);
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlag(QGraphicsView::DontSavePainterState);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    connect(m_graph, &WiringGraph::graphReset, this, &WiringView::rebuild);
    connect(m_graph, &WiringGraph::connectionsChanged, this, &WiringView::rebuildConnections);
    connect(m_graph, &WiringGraph::ruleFired, this, &WiringView::flash);
    rebuild();
}

void WiringView::rebuild()
{
    m_dragFrom = nullptr;
    m_dropTarget = nullptr;
    m_dragLine = nullptr;
    m_connections.clear();
    m_highlighted.clear();
    m_scene->clear();
    m_nodes.clear();
    const QList<WiringGraph::Node> &nodes = m_graph->nodes();
    m_nodes.reserve(nodes.size());
    for (int i = 0; i < nodes.size(); ++i) {
        auto *item = new WiringNodeItem(i, nodes[i]);
        m_scene->addItem(item);
        m_nodes.append(item);
    }
    if (!nodes.isEmpty()) {
        QFont bold = font();
        bold.setBold(true);
        const std::pair<double, QString> headings[] = {{0.0, tr("Triggers")},
                                                       {WiringGraph::kFunctionColumnX, tr("Functions")}};
        for (const auto &[x, text] : headings) {
            QGraphicsSimpleTextItem *heading = m_scene->addSimpleText(text, bold);
            heading->setBrush(palette().color(QPalette::PlaceholderText));
            heading->setPos(x, -kMargin * 0.7);
        }
    }
    m_scene->setSceneRect(m_graph->bounds().adjusted(-kMargin, -kMargin, kMargin, kMargin));
    rebuildConnections();
}

void WiringView::rebuildConnections()
{
    qDeleteAll(m_connections);
    m_connections.clear();
    const QList<WiringGraph::Node> &nodes = m_graph->nodes();
    const QPointF halfHeight(0, WiringGraph::kNodeHeight / 2);
    for (const WiringGraph::Connection &connection : m_graph->connections()) {
        const QPointF from = nodes[connection.from].position + QPointF(WiringGraph::kNodeWidth, 0) + halfHeight;
        const QPointF to = nodes[connection.to].position + halfHeight;
        auto *item = new WiringConnectionItem(connection.rule, from, to);
        m_scene->addItem(item);
        m_connections.insert(connection.rule.name, item);
    }
    if (!m_connections.contains(m_selectedRule))
        selectRule({});
    else
        m_connections.value(m_selectedRule)->setSelectedRule(true);
}

WiringNodeItem *WiringView::nodeItem(WiringGraph::Side side, const QString &name) const
{
    const int node = m_graph->nodeOf(side, name);
    return node >= 0 && node < m_nodes.size() ? m_nodes[node] : nullptr;
}

WiringConnectionItem *WiringView::connectionItem(const QString &rule) const
{
    return m_connections.value(rule);
}

void WiringView::selectRule(const QString &rule)
{
    if (WiringConnectionItem *previous = m_connections.value(m_selectedRule))
        previous->setSelectedRule(false);
    const QString selected = m_connections.contains(rule) ? rule : QString();
    if (!selected.isEmpty())
        m_connections.value(selected)->setSelectedRule(true);
    if (selected == m_selectedRule)
        return;
    m_selectedRule = selected;
    Q_EMIT selectedRuleChanged(selected);
}

void WiringView::highlight(const QList<int> &nodes, int current)
{
    for (int node : std::as_const(m_highlighted)) {
        if (node < m_nodes.size())
            m_nodes[node]->setHighlighted(false);
    }
    m_highlighted = nodes;
    for (int node : nodes) {
        if (node < m_nodes.size())
            m_nodes[node]->setHighlighted(true);
    }
    if (current >= 0 && current < m_nodes.size())
        centerOn(m_nodes[current]);
}

void WiringView::zoomIn()
{
    setZoom(zoom() * kZoomStep);
}

void WiringView::zoomOut()
{
    setZoom(zoom() / kZoomStep);
}

void WiringView::fitAll()
{
    fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    setZoom(zoom()); // within the bounds
}

void WiringView::setZoom(double factor)
{
    const double bounded = std::clamp(factor, kMinZoom, kMaxZoom);
    setTransform(QTransform::fromScale(bounded, bounded));
}

void WiringView::flash(const QString &rule)
{
    WiringConnectionItem *item = m_connections.value(rule);
    if (!item)
        return;
    item->setFlashing(true);
    // Looked up again when the flash ends: the connections may have been rebuilt meanwhile.
    QTimer::singleShot(kFlashMs, this, [this, rule] {
        if (WiringConnectionItem *still = m_connections.value(rule))
            still->setFlashing(false);
    });
}

WiringNodeItem *WiringView::nodeAt(const QPoint &viewPos) const
{
    const QList<QGraphicsItem *> hits = items(viewPos);
    for (QGraphicsItem *hit : hits) {
        if (hit->type() == WiringNodeItem::Type)
            return static_cast<WiringNodeItem *>(hit);
    }
    return nullptr;
}

void WiringView::setDropTarget(WiringNodeItem *target)
{
    if (target == m_dropTarget)
        return;
    if (m_dropTarget && !m_highlighted.contains(m_dropTarget->node()))
        m_dropTarget->setHighlighted(false);
    m_dropTarget = target;
    if (m_dropTarget)
        m_dropTarget->setHighlighted(true);
}

void WiringView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        WiringNodeItem *node = nodeAt(event->position().toPoint());
        if (node && node->side() == WiringGraph::Side::Trigger) {
            m_dragFrom = node;
            const QPointF start = node->pos() + QPointF(WiringGraph::kNodeWidth, WiringGraph::kNodeHeight / 2);
            m_dragLine = m_scene->addLine(QLineF(start, start),
                                          QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine, Qt::RoundCap));
            m_dragLine->setZValue(2);
            viewport()->setCursor(Qt::CrossCursor);
            event->accept();
            return;
        }
        if (!node) {
            for (QGraphicsItem *hit : items(event->position().toPoint())) {
                if (hit->type() == WiringConnectionItem::Type) {
                    selectRule(static_cast<WiringConnectionItem *>(hit)->rule().name);
                    event->accept();
                    return;
                }
            }
            selectRule({});
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void WiringView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragFrom)
        return QGraphicsView::mouseMoveEvent(event);
    QLineF line = m_dragLine->line();
    line.setP2(mapToScene(event->position().toPoint()));
    m_dragLine->setLine(line);
    WiringNodeItem *target = nodeAt(event->position().toPoint());
    setDropTarget(target && target->side() == WiringGraph::Side::Function ? target : nullptr);
    event->accept();
}

void WiringView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragFrom)
        return QGraphicsView::mouseReleaseEvent(event);
    WiringNodeItem *target = nodeAt(event->position().toPoint());
    const QString trigger = m_dragFrom->name();
    setDropTarget(nullptr);
    delete m_dragLine;
    m_dragLine = nullptr;
    m_dragFrom = nullptr;
    viewport()->unsetCursor();
    event->accept();
    if (target && target->side() == WiringGraph::Side::Function)
        m_graph->connectNodes(trigger, target->name());
}

void WiringView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (WiringNodeItem *node = nodeAt(event->position().toPoint())) {
        event->accept();
        if (node->side() == WiringGraph::Side::Trigger)
            Q_EMIT triggerActivated(node->name());
        else
            Q_EMIT functionActivated(node->name());
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void WiringView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y() / 120;
        if (steps != 0)
            setZoom(zoom() * std::pow(kZoomStep, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

} // namespace funcdesk
