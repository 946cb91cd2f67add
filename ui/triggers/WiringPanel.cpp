#include "ui/triggers/WiringPanel.h"

#include "models/triggers/WiringGraph.h"
#include "ui/shell/ErrorLabel.h"
#include "ui/triggers/WiringView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace funcdesk {

namespace {

QToolButton *toolButton(const QString &objectName, const QString &text, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

WiringPanel::WiringPanel(QWidget *parent) : QWidget(parent), m_graph(new WiringGraph(this))
{
    setObjectName(QStringLiteral("wiringPanel"));
    m_view = new WiringView(m_graph, this);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("wiringSearch"));
    m_search->setPlaceholderText(tr("Find a trigger or function"));
    m_search->setClearButtonEnabled(true);
    m_matchCount = new QLabel(this);
    m_matchCount->setObjectName(QStringLiteral("wiringMatches"));
    QToolButton *zoomIn = toolButton(QStringLiteral("wiringZoomIn"), tr("+"), tr("Zoom in (Ctrl+wheel)"), this);
    QToolButton *zoomOut = toolButton(QStringLiteral("wiringZoomOut"), tr("−"), tr("Zoom out (Ctrl+wheel)"), this);
    QToolButton *fit = toolButton(QStringLiteral("wiringFit"), tr("Fit"), tr("Show the whole wiring"), this);
    QToolButton *refresh =
        toolButton(QStringLiteral("wiringRefresh"), tr("Refresh"), tr("Load the wiring again"), this);

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_matchCount);
    top->addWidget(zoomOut);
    top->addWidget(zoomIn);
    top->addWidget(fit);
    top->addWidget(refresh);

    m_ruleBar = new QWidget(this);
    m_ruleBar->setObjectName(QStringLiteral("wiringRuleBar"));
    m_ruleLabel = new QLabel(m_ruleBar);
    m_ruleLabel->setObjectName(QStringLiteral("wiringRuleLabel"));
    m_toggleRule = new QPushButton(m_ruleBar);
    m_toggleRule->setObjectName(QStringLiteral("wiringToggleRule"));
    m_deleteRule = new QPushButton(tr("Delete rule"), m_ruleBar);
    m_deleteRule->setObjectName(QStringLiteral("wiringDeleteRule"));
    auto *ruleLayout = new QHBoxLayout(m_ruleBar);
    ruleLayout->setContentsMargins(0, 0, 0, 0);
    ruleLayout->addWidget(m_ruleLabel, 1);
    ruleLayout->addWidget(m_toggleRule);
    ruleLayout->addWidget(m_deleteRule);
    m_ruleBar->hide();

    m_status = new ErrorLabel(this);
    m_status->setObjectName(QStringLiteral("wiringStatus"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_ruleBar);
    layout->addWidget(m_status);

    connect(m_search, &QLineEdit::textChanged, this, &WiringPanel::search);
    connect(m_search, &QLineEdit::returnPressed, this, &WiringPanel::nextMatch);
    connect(zoomIn, &QToolButton::clicked, m_view, &WiringView::zoomIn);
    connect(zoomOut, &QToolButton::clicked, m_view, &WiringView::zoomOut);
    connect(fit, &QToolButton::clicked, m_view, &WiringView::fitAll);
    connect(refresh, &QToolButton::clicked, this, &WiringPanel::refresh);
    connect(m_toggleRule, &QPushButton::clicked, this, &WiringPanel::toggleSelectedRule);
    connect(m_deleteRule, &QPushButton::clicked, this, &WiringPanel::deleteSelectedRule);
    connect(m_view, &WiringView::selectedRuleChanged, this, &WiringPanel::ruleSelected);
    connect(m_view, &WiringView::functionActivated, this, &WiringPanel::functionActivated);
    connect(m_view, &WiringView::triggerActivated, this, &WiringPanel::triggerActivated);
    connect(m_graph, &WiringGraph::rulesChanged, this, &WiringPanel::rulesChanged);
    connect(m_graph, &WiringGraph::connectionsChanged, this, [this] { ruleSelected(m_view->selectedRule()); });
    connect(m_graph, &WiringGraph::graphReset, this, [this] {
        search(m_search->text());
        showState();
    });
    connect(m_graph, &WiringGraph::loadingChanged, this, &WiringPanel::showState);
    connect(m_graph, &WiringGraph::errorTextChanged, this, &WiringPanel::showState);
    showState();
}

void WiringPanel::setPlatform(Platform *platform)
{
    m_graph->setPlatform(platform);
}

void WiringPanel::refresh()
{
    m_graph->refresh();
}

void WiringPanel::search(const QString &text)
{
    m_matches = m_graph->find(text);
    m_currentMatch = m_matches.isEmpty() ? -1 : 0;
    m_view->highlight(m_matches, m_currentMatch >= 0 ? m_matches[m_currentMatch] : -1);
    if (text.trimmed().isEmpty())
        m_matchCount->clear();
    else if (m_matches.isEmpty())
        m_matchCount->setText(tr("No match"));
    else
        m_matchCount->setText(tr("1 of %n", nullptr, static_cast<int>(m_matches.size())));
}

void WiringPanel::nextMatch()
{
    if (m_matches.isEmpty())
        return;
    m_currentMatch = (m_currentMatch + 1) % static_cast<int>(m_matches.size());
    m_view->highlight(m_matches, m_matches[m_currentMatch]);
    m_matchCount->setText(tr("%1 of %n", nullptr, static_cast<int>(m_matches.size())).arg(m_currentMatch + 1));
}

void WiringPanel::ruleSelected(const QString &rule)
{
    const int index = m_graph->connectionOf(rule);
    m_ruleBar->setVisible(index >= 0);
    if (index < 0)
        return;
    const WiringRule &wiring = m_graph->connections()[index].rule;
    m_ruleLabel->setText(wiring.active
                             ? tr("Rule %1: %2 → %3 (active)").arg(wiring.name, wiring.trigger, wiring.function)
                             : tr("Rule %1: %2 → %3 (disabled)").arg(wiring.name, wiring.trigger, wiring.function));
    m_toggleRule->setText(wiring.active ? tr("Disable") : tr("Enable"));
}

void WiringPanel::toggleSelectedRule()
{
    const int index = m_graph->connectionOf(m_view->selectedRule());
    if (index < 0)
        return;
    const WiringRule &wiring = m_graph->connections()[index].rule;
    m_graph->setRuleActive(wiring.name, !wiring.active);
}

void WiringPanel::deleteSelectedRule()
{
    const QString rule = m_view->selectedRule();
    if (rule.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete rule"),
        tr("Delete rule %1? The trigger and the function stay; the trigger stops running the function.").arg(rule),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        m_graph->deleteRule(rule);
}

void WiringPanel::showState()
{
    if (!m_graph->errorText().isEmpty()) {
        m_status->setError(true);
        m_status->setText(m_graph->errorText());
    } else if (m_graph->isLoading()) {
        m_status->setError(false);
        m_status->setText(tr("Loading the wiring…"));
    } else {
        m_status->setError(false);
        m_status->setText(
            m_graph->nodes().isEmpty()
                ? tr("No triggers or functions yet.")
                : tr("Drag from a trigger to a function to run the function when the trigger fires. "
                     "Click a connection to enable, disable or delete it; double-click a box to open it."));
    }
}

} // namespace funcdesk
