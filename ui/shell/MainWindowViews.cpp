// MainWindow's views that are not shown at start (Triggers, Wiring, Buckets, Metrics, and a
// function's Monitoring tab): built when their tab is first opened, by their accessor, or in idle
// time after the first frame, so the first window does not wait for them (issue 16). Each factory
// wires its view and gives it the current connection, function and local services; the rest of
// MainWindow only talks to a view that exists.

#include "models/connections/ConnectionManager.h"
#include "models/connections/WebActionAddress.h"
#include "models/functions/FunctionListModel.h"
#include "models/triggers/TriggerListModel.h"
#include "models/triggers/TriggerOperations.h"
#include "ui/code/CodeEditor.h"
#include "ui/code/CodePanel.h"
#include "ui/functions/ConfigPanel.h"
#include "ui/functions/FunctionsPanel.h"
#include "ui/metrics/MonitoringPanel.h"
#include "ui/metrics/OverviewPanel.h"
#include "ui/objects/BucketBrowser.h"
#include "ui/shell/FirstFrame.h"
#include "ui/shell/LazyTab.h"
#include "ui/shell/MainWindow.h"
#include "ui/triggers/TriggersPanel.h"
#include "ui/triggers/WiringPanel.h"

#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace funcdesk {

TriggersPanel *MainWindow::triggersPanel() const
{
    m_triggersTab->create();
    return m_triggers;
}

WiringPanel *MainWindow::wiringPanel() const
{
    m_wiringTab->create();
    return m_wiring;
}

BucketBrowser *MainWindow::bucketBrowser() const
{
    m_bucketsTab->create();
    return m_buckets;
}

OverviewPanel *MainWindow::overviewPanel() const
{
    m_overviewTab->create();
    return m_overview;
}

MonitoringPanel *MainWindow::monitoringPanel() const
{
    m_monitoringTab->create();
    return m_monitoring;
}

QString MainWindow::currentConnectionId() const
{
    return m_context.connections ? m_context.connections->currentProfile().id : ConnectionProfile::localId();
}

QWidget *MainWindow::createTriggers()
{
    m_triggers = new TriggersPanel(this);
    // A trigger made, changed or deleted in the Triggers view changes what runs each function.
    connect(m_triggers->operations(), &TriggerOperations::done, m_functions->model(),
            &FunctionListModel::refreshTriggers);
    connect(m_triggers, &TriggersPanel::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    m_triggers->setApiRoot(WebActionAddress::of(currentProfile(), m_context.localWebBaseUrl).root());
    m_triggers->setPlatform(m_platform);
    return m_triggers;
}

QWidget *MainWindow::createWiring()
{
    m_wiring = new WiringPanel(this);
    connect(m_wiring, &WiringPanel::functionActivated, this, [this](const QString &name) {
        m_views->setCurrentWidget(m_splitter);
        m_functions->selectFunction(name);
    });
    connect(m_wiring, &WiringPanel::triggerActivated, this, [this](const QString &name) {
        TriggersPanel *triggers = triggersPanel();
        m_views->setCurrentWidget(triggers); // reloads the list: select the trigger once it is there
        if (!triggers->selectTrigger(name))
            connect(
                triggers->model(), &QAbstractItemModel::modelReset, triggers,
                [triggers, name] { triggers->selectTrigger(name); }, Qt::SingleShotConnection);
    });
    connect(m_wiring, &WiringPanel::rulesChanged, m_functions->model(), &FunctionListModel::refreshTriggers);
    m_wiring->setPlatform(m_platform);
    return m_wiring;
}

QWidget *MainWindow::createBuckets()
{
    m_buckets = new BucketBrowser(this);
    connect(m_buckets, &BucketBrowser::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    m_buckets->setPlatform(m_platform);
    return m_buckets;
}

QWidget *MainWindow::createOverview()
{
    m_overview = new OverviewPanel(m_context.settings, this);
    m_overview->setService(m_context.metrics);
    m_overview->setFunctionList(m_functions->model());
    // A chart's point opens the activations of its bucket; the budget alert reaches the user.
    connect(m_overview, &OverviewPanel::pointClicked, this,
            [this](const QDateTime &at, qint64 stepMs) { showActivationsAround(at, stepMs, QString()); });
    connect(m_overview, &OverviewPanel::budgetAlert, this, &MainWindow::budgetAlert);
    connect(m_overview, &OverviewPanel::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    m_overview->setConnection(currentProfile().id);
    return m_overview;
}

QWidget *MainWindow::createMonitoring()
{
    m_monitoring = new MonitoringPanel(this);
    m_monitoring->setService(m_context.metrics);
    m_monitoring->setLocalExecutor(m_context.localExecutor);
    connect(m_monitoring, &MonitoringPanel::pointClicked, this,
            [this](const QDateTime &at, qint64 stepMs) { showActivationsAround(at, stepMs, m_function); });
    connect(m_monitoring, &MonitoringPanel::functionChanged, this, [this](const Action &action) {
        functionChanged(action);
        if (m_config && action.name.value_or(QString()) == m_function)
            m_config->setContext(m_platform, m_function); // power tuning changed its limits: show them
    });
    connect(m_monitoring, &MonitoringPanel::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    m_monitoring->setContext(m_platform, currentConnectionId(), m_function);
    return m_monitoring;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_hiddenViewsScheduled)
        return;
    m_hiddenViewsScheduled = true;
    // One more turn after the first frame: what else waits for that frame (the local platform's
    // start, the startup probe) goes first.
    QPointer<MainWindow> window(this);
    afterFirstFrame(this, [window] {
        if (window)
            QTimer::singleShot(0, window, &MainWindow::buildHiddenViews);
    });
}

void MainWindow::buildHiddenViews()
{
    // One view per event-loop turn: input, repaints and the platform's replies go between them.
    // First the Code tab's editor (QScintilla), which a function's first click would otherwise wait for.
    if (!m_code->editor()->isBuilt()) {
        m_code->editor()->build();
        QTimer::singleShot(0, this, &MainWindow::buildHiddenViews);
        return;
    }
    for (LazyTab *tab : {m_configTab, m_testTab, m_activationsTab, m_monitoringTab, m_triggersTab, m_wiringTab,
                         m_bucketsTab, m_overviewTab}) {
        if (!tab->page()) {
            tab->create();
            QTimer::singleShot(0, this, &MainWindow::buildHiddenViews);
            return;
        }
    }
}

} // namespace funcdesk
