#include "models/triggers/WiringGraph.h"

#include "core/FutureCallback.h"
#include "models/activations/ActivationSummary.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace funcdesk {

namespace {

// The rules a trigger activation ran: its logs hold one JSON line per rule, {"rule": "ns/name", ...}.
QStringList rulesOfTriggerActivation(const Activation &activation)
{
    QStringList rules;
    for (const QString &line : activation.logs.value_or(QStringList())) {
        const QJsonObject entry = QJsonDocument::fromJson(line.toUtf8()).object();
        const QString rule = entry.value(QLatin1StringView("rule")).toString();
        if (!rule.isEmpty())
            rules.append(rule.section(QLatin1Char('/'), -1));
    }
    return rules;
}

} // namespace

WiringGraph::WiringGraph(QObject *parent) : QObject(parent)
{
}

void WiringGraph::setPlatform(Platform *platform)
{
    if (platform == m_platform)
        return;
    if (m_platform)
        disconnect(m_platform, nullptr, this, nullptr);
    m_platform = platform;
    ++m_generation;
    setSnapshot(WiringSnapshot{});
    setErrorText({});
    setLoading(false);
    if (!platform)
        return;
    connect(platform, &Platform::activationsArrived, this, &WiringGraph::liveArrived);
    platform->setLiveActivations(true);
    refresh();
}

void WiringGraph::refresh()
{
    if (!m_platform)
        return;
    const quint64 generation = ++m_generation;
    setLoading(true);
    loadWiringSnapshot(m_platform, this, true, [this, generation](Result<WiringSnapshot> snapshot) {
        if (generation != m_generation)
            return;
        setLoading(false);
        if (!snapshot)
            return setErrorText(snapshot.error().message);
        setErrorText({});
        setSnapshot(snapshot.value());
    });
}

void WiringGraph::setSnapshot(const WiringSnapshot &snapshot)
{
    m_ns = snapshot.ns;
    m_nodes.clear();
    m_triggerIndex.clear();
    m_functionIndex.clear();
    m_connections.clear();
    m_functionCount = 0;

    QList<Trigger> triggers = snapshot.triggers;
    std::sort(triggers.begin(), triggers.end(), [](const Trigger &a, const Trigger &b) { return a.name < b.name; });
    for (const Trigger &trigger : std::as_const(triggers)) {
        const QString name = trigger.name.value_or(QString());
        if (name.isEmpty() || m_triggerIndex.contains(name))
            continue;
        const double y = static_cast<double>(m_triggerIndex.size()) * kRowPitch;
        m_triggerIndex.insert(name, static_cast<int>(m_nodes.size()));
        m_nodes.append(Node{Side::Trigger, name, WiringSnapshot::kindOf(trigger), QPointF(0, y)});
    }
    QStringList functions;
    functions.reserve(snapshot.actions.size());
    for (const Action &action : snapshot.actions)
        functions.append(ActivationSummary::functionOf(action));
    functions.sort(Qt::CaseInsensitive);
    for (const QString &function : std::as_const(functions))
        ensureFunctionNode(function);
    for (const WiringRule &rule : snapshot.rules) {
        const int from = m_triggerIndex.value(rule.trigger, -1);
        if (from < 0 || rule.function.isEmpty())
            continue; // a rule of a trigger that is gone: nothing to draw it from
        m_connections.append(Connection{rule, from, ensureFunctionNode(rule.function)});
    }
    indexConnections();
    Q_EMIT graphReset();
}

int WiringGraph::ensureFunctionNode(const QString &function)
{
    const int existing = m_functionIndex.value(function, -1);
    if (existing >= 0)
        return existing;
    const int node = static_cast<int>(m_nodes.size());
    m_nodes.append(Node{Side::Function, function, WiringTriggerKind::Manual,
                        QPointF(kFunctionColumnX, m_functionCount * kRowPitch)});
    ++m_functionCount;
    m_functionIndex.insert(function, node);
    return node;
}

void WiringGraph::indexConnections()
{
    m_connectionIndex.clear();
    for (int i = 0; i < m_connections.size(); ++i)
        m_connectionIndex.insert(m_connections[i].rule.name, i);
}

int WiringGraph::nodeOf(Side side, const QString &name) const
{
    return (side == Side::Trigger ? m_triggerIndex : m_functionIndex).value(name, -1);
}

int WiringGraph::connectionOf(const QString &rule) const
{
    return m_connectionIndex.value(rule, -1);
}

QRectF WiringGraph::bounds() const
{
    const double rows = std::max<double>(std::max<qsizetype>(m_triggerIndex.size(), m_functionCount), 1);
    return QRectF(0, 0, kFunctionColumnX + kNodeWidth, (rows - 1) * kRowPitch + kNodeHeight);
}

QList<int> WiringGraph::find(const QString &text) const
{
    QList<int> found;
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return found;
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].name.contains(needle, Qt::CaseInsensitive))
            found.append(i);
    }
    // Nodes are stored triggers first, each column top to bottom already.
    return found;
}

QString WiringGraph::newRuleName(const QString &trigger, const QString &function) const
{
    // Entity names allow letters, digits, '_', '@', ' ', '.', '&' and '-' (openwhisk-notes.md §1).
    static const QRegularExpression disallowed(QStringLiteral("[^\\w@.&-]"));
    QString base = trigger + QLatin1StringView("-to-") + function.section(QLatin1Char('/'), -1);
    base.replace(disallowed, QStringLiteral("-"));
    base.truncate(240);
    QString name = base;
    for (int n = 2; m_connectionIndex.contains(name); ++n)
        name = base + QLatin1Char('-') + QString::number(n);
    return name;
}

void WiringGraph::connectNodes(const QString &trigger, const QString &function)
{
    if (!m_platform)
        return;
    Rule rule;
    rule.trigger = EntityRef{QStringLiteral("_"), trigger, true};
    if (function.startsWith(QLatin1Char('/'))) { // another namespace's, e.g. /whisk.system/utils/echo
        const qsizetype last = function.lastIndexOf(QLatin1Char('/'));
        rule.action = EntityRef{function.mid(1, last - 1), function.mid(last + 1), true};
    } else if (function.contains(QLatin1Char('/'))) {
        rule.action = EntityRef{QStringLiteral("_/") + function.section(QLatin1Char('/'), 0, 0),
                                function.section(QLatin1Char('/'), 1), true};
    } else {
        rule.action = EntityRef{QStringLiteral("_"), function, true};
    }
    const QString name = newRuleName(trigger, function);
    onResult(m_platform->putRule(name, rule, PutOptions{}), this, [this](Result<Rule> created) {
        if (!created)
            return setErrorText(created.error().message);
        setErrorText({});
        applyRule(created.value());
    });
}

void WiringGraph::setRuleActive(const QString &rule, bool active)
{
    if (!m_platform)
        return;
    onResult(m_platform->setRuleActive(rule, active), this, [this, rule, active](Result<Done> done) {
        if (!done)
            return setErrorText(done.error().message);
        setErrorText({});
        const int index = connectionOf(rule);
        if (index < 0)
            return;
        m_connections[index].rule.active = active;
        Q_EMIT connectionsChanged();
        Q_EMIT rulesChanged();
    });
}

void WiringGraph::deleteRule(const QString &rule)
{
    if (!m_platform)
        return;
    onResult(m_platform->deleteRule(rule), this, [this, rule](Result<Rule> deleted) {
        if (!deleted && deleted.error().kind != PlatformError::Kind::NotFound)
            return setErrorText(deleted.error().message);
        setErrorText({});
        removeRule(rule);
    });
}

void WiringGraph::applyRule(const Rule &rule)
{
    const WiringRule wiring = WiringSnapshot::wiringRuleOf(rule, m_ns);
    const int from = m_triggerIndex.value(wiring.trigger, -1);
    if (from < 0)
        return refresh(); // made elsewhere for a trigger this graph has not seen yet
    const int nodesBefore = static_cast<int>(m_nodes.size());
    const Connection connection{wiring, from, ensureFunctionNode(wiring.function)};
    const int index = connectionOf(wiring.name);
    if (index >= 0)
        m_connections[index] = connection;
    else
        m_connections.append(connection);
    indexConnections();
    if (m_nodes.size() != nodesBefore)
        Q_EMIT graphReset();
    else
        Q_EMIT connectionsChanged();
    Q_EMIT rulesChanged();
}

void WiringGraph::removeRule(const QString &rule)
{
    const int index = connectionOf(rule);
    if (index < 0)
        return;
    m_connections.removeAt(index);
    indexConnections();
    Q_EMIT connectionsChanged();
    Q_EMIT rulesChanged();
}

void WiringGraph::liveArrived(const QList<Activation> &activations)
{
    for (const Activation &activation : activations) {
        const QString name = activation.name.value_or(QString());
        // A trigger's activation has no end (OpenWhisk writes 0 or nothing); an action's has one,
        // and a rule's also carries the trigger activation as its cause.
        if (activation.cause || activation.end.value_or(0) != 0 || !m_triggerIndex.contains(name))
            continue;
        QStringList rules = rulesOfTriggerActivation(activation);
        if (rules.isEmpty()) { // a list summary without logs: every active rule of the trigger ran
            for (const Connection &connection : std::as_const(m_connections)) {
                if (connection.rule.trigger == name && connection.rule.active)
                    rules.append(connection.rule.name);
            }
        }
        for (const QString &rule : std::as_const(rules)) {
            if (m_connectionIndex.contains(rule))
                Q_EMIT ruleFired(rule);
        }
    }
}

void WiringGraph::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void WiringGraph::setErrorText(const QString &text)
{
    if (text == m_errorText)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged(text);
}

} // namespace funcdesk
