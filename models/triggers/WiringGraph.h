#pragma once

#include "models/triggers/WiringSnapshot.h"

#include <QPointF>
#include <QPointer>
#include <QRectF>

namespace funcdesk {

// The wiring of one namespace as a graph the wiring view draws: triggers in a column on the
// left, functions on the right, one connection per rule. Node positions are computed here, once
// per load, so the view never lays anything out. Changes (a new rule, enabled, disabled, deleted)
// go to the platform and update the connections without moving a node; a trigger's fire is
// reported per rule so its connection can flash.
class WiringGraph : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)

public:
    enum class Side { Trigger, Function };
    struct Node
    {
        Side side = Side::Trigger;
        QString name;
        WiringTriggerKind kind = WiringTriggerKind::Manual; // triggers only
        QPointF position;                                   // top-left corner, scene units
    };
    struct Connection
    {
        WiringRule rule;
        int from = -1; // trigger node
        int to = -1;   // function node
    };

    // Geometry of the layout, in scene units.
    static constexpr double kNodeWidth = 240;
    static constexpr double kNodeHeight = 30;
    static constexpr double kRowPitch = 40;
    static constexpr double kFunctionColumnX = 640;

    explicit WiringGraph(QObject *parent = nullptr);

    // The platform shown: loads it (refresh()) and follows its live activations.
    void setPlatform(Platform *platform);
    Platform *platform() const { return m_platform; }
    void refresh();
    // Replaces the graph with `snapshot` (refresh() and the benchmark feed it).
    void setSnapshot(const WiringSnapshot &snapshot);

    const QList<Node> &nodes() const { return m_nodes; }
    const QList<Connection> &connections() const { return m_connections; }
    int nodeOf(Side side, const QString &name) const;
    int connectionOf(const QString &rule) const;
    // The rectangle holding every node.
    QRectF bounds() const;
    // Nodes whose name contains `text` (case-insensitive), triggers first, top to bottom.
    QList<int> find(const QString &text) const;

    bool isLoading() const { return m_loading; }
    QString errorText() const { return m_errorText; }

    // Creates an active rule from trigger `trigger` to function `function`, named after both.
    void connectNodes(const QString &trigger, const QString &function);
    void setRuleActive(const QString &rule, bool active);
    void deleteRule(const QString &rule);
    // The name connectNodes() gives a new rule (unique among the rules shown).
    QString newRuleName(const QString &trigger, const QString &function) const;

Q_SIGNALS:
    // Nodes and connections were replaced: the view builds its scene again.
    void graphReset();
    // Connections were added, removed or changed status; nodes stayed where they were.
    void connectionsChanged();
    // The platform's rules changed through this graph (other panels show them too).
    void rulesChanged();
    // A trigger fired and ran `rule`.
    void ruleFired(const QString &rule);
    void loadingChanged(bool loading);
    // A load or a change failed; the message says why (empty: the last one worked).
    void errorTextChanged(const QString &text);

private:
    void liveArrived(const QList<Activation> &activations);
    void applyRule(const Rule &rule);
    void removeRule(const QString &rule);
    int ensureFunctionNode(const QString &function);
    void indexConnections();
    void setLoading(bool loading);
    void setErrorText(const QString &text);

    QPointer<Platform> m_platform;
    QString m_ns;
    QList<Node> m_nodes;
    QList<Connection> m_connections;
    QHash<QString, int> m_triggerIndex;
    QHash<QString, int> m_functionIndex;
    QHash<QString, int> m_connectionIndex; // rule → connection
    int m_functionCount = 0;
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_errorText;
};

} // namespace funcdesk
