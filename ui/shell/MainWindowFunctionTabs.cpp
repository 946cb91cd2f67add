// MainWindow's function tabs behind Code (Configuration, Test, Activations): built when their tab
// is first opened, the Function menu first opened, by their accessor, or in idle time after the
// first frame, so the first window does not wait for them (issue 16). Each factory wires its panel
// and gives it the current connection and function; until it exists, nothing about it can have
// changed (no unsaved configuration, no run in progress, no splitter moved).

#include "models/connections/ConnectionManager.h"
#include "models/connections/WebActionAddress.h"
#include "models/functions/FunctionListModel.h"
#include "ui/activations/ActivationsPanel.h"
#include "ui/code/CodePanel.h"
#include "ui/functions/ConfigPanel.h"
#include "ui/functions/FunctionsPanel.h"
#include "ui/shell/LazyTab.h"
#include "ui/shell/MainWindow.h"
#include "ui/testing/TestPanel.h"

#include <QMenu>
#include <QSplitter>
#include <QStatusBar>

namespace funcdesk {

ConfigPanel *MainWindow::configPanel() const
{
    m_configTab->create();
    return m_config;
}

TestPanel *MainWindow::testPanel() const
{
    m_testTab->create();
    return m_test;
}

ActivationsPanel *MainWindow::activationsPanel() const
{
    m_activationsTab->create();
    return m_activations;
}

bool MainWindow::mayLeaveConfiguration(std::function<void(bool)> answer)
{
    // Not built: nothing was typed into it.
    return m_config ? m_config->mayLeave(std::move(answer)) : true;
}

QByteArray MainWindow::activationsSplitterState() const
{
    return m_activations ? m_activations->splitter()->saveState() : m_activationsState;
}

QWidget *MainWindow::createConfig()
{
    m_config = new ConfigPanel(this);
    connect(m_config, &ConfigPanel::applied, this, &MainWindow::functionChanged);
    connect(m_config, &ConfigPanel::applied, m_code, &CodePanel::configurationApplied);
    connect(m_config, &ConfigPanel::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    m_config->setWebActionAddress(WebActionAddress::of(currentProfile(), m_context.localWebBaseUrl));
    m_config->setContext(m_platform, m_function);
    m_config->setTriggers(m_functions->model()->triggersOf(m_function));
    return m_config;
}

QWidget *MainWindow::createTest()
{
    m_test = new TestPanel(this);
    m_test->setLocalExecutor(m_context.localExecutor);
    m_test->setCodeSource([this] { return qMakePair(m_code->currentCode(), m_code->currentKind()); });
    m_test->setConnectionName(currentProfile().name);
    m_test->setContext(m_platform, currentConnectionId(), m_function); // fetches the deployed document
    addTestCommands();
    return m_test;
}

QWidget *MainWindow::createActivations()
{
    m_activations = new ActivationsPanel(this);
    m_activations->splitter()->restoreState(m_activationsState);
    m_activations->setFunctionFilter(m_function); // no platform yet: loads once, below
    m_activations->setPlatform(m_platform);
    return m_activations;
}

void MainWindow::addTestCommands()
{
    if (!m_test || !m_functionMenu || !m_functionMenu->isEmpty())
        return;
    m_functionMenu->addAction(m_test->runLocallyAction());
    m_functionMenu->addAction(m_test->runOnPlatformAction());
    m_functionMenu->addAction(m_test->compareAction());
}

} // namespace funcdesk
