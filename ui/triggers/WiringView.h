#pragma once

#include "models/triggers/WiringGraph.h"

#include <QGraphicsView>
#include <QHash>
#include <QPointer>

class QGraphicsLineItem;

namespace funcdesk {

class WiringConnectionItem;
class WiringNodeItem;

// The wiring of a namespace drawn from a WiringGraph: drag from a trigger to a function to
// create a rule, click a connection to select it, double-click a node to open it; Ctrl+wheel
// zooms, the wheel and dragging the background scroll. The scene is built once per graph reset;
// a rule change rebuilds only the connections.
class WiringView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit WiringView(WiringGraph *graph, QWidget *parent = nullptr);

    WiringNodeItem *nodeItem(WiringGraph::Side side, const QString &name) const;
    WiringConnectionItem *connectionItem(const QString &rule) const;
    QString selectedRule() const { return m_selectedRule; }
    void selectRule(const QString &rule);
    // Highlights `nodes` (search matches) and scrolls to `current` (-1: none).
    void highlight(const QList<int> &nodes, int current);
    double zoom() const { return transform().m11(); }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitAll();
    void flash(const QString &rule);

Q_SIGNALS:
    void selectedRuleChanged(const QString &rule);
    // A double-click on a node.
    void functionActivated(const QString &name);
    void triggerActivated(const QString &name);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void rebuild();
    void rebuildConnections();
    void setZoom(double factor);
    WiringNodeItem *nodeAt(const QPoint &viewPos) const;
    void setDropTarget(WiringNodeItem *target);

    WiringGraph *m_graph;
    QGraphicsScene *m_scene;
    QList<WiringNodeItem *> m_nodes; // by node index
    QHash<QString, WiringConnectionItem *> m_connections;
    QList<int> m_highlighted;
    QString m_selectedRule;
    // A drag from a trigger: where it started and the line following the mouse.
    WiringNodeItem *m_dragFrom = nullptr;
    QGraphicsLineItem *m_dragLine = nullptr;
    WiringNodeItem *m_dropTarget = nullptr;
};

} // namespace funcdesk
