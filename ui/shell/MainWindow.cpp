#include "ui/shell/MainWindow.h"

#include "models/activations/ActivationListModel.h"
#include "models/connections/ConnectionManager.h"
#include "models/connections/ConnectionStore.h"
#include "models/connections/WebActionAddress.h"
#include "models/functions/FunctionListModel.h"
#include "models/metrics/MetricsService.h"
#include "models/objects/ObjectBrowserModel.h"
#include "models/settings/ConsoleSettings.h"
#include "models/triggers/TriggerListModel.h"
#include "models/triggers/TriggerOperations.h"
#include "ui/activations/ActivationsPanel.h"
#include "ui/code/CodeEditor.h"
#include "ui/code/CodePanel.h"
#include "ui/connections/ConnectionDialog.h"
#include "ui/connections/ConnectionSwitcher.h"
#include "ui/connections/KeyPrompt.h"
#include "ui/deploy/DeployProjectDialog.h"
#include "ui/functions/ConfigPanel.h"
#include "ui/functions/FunctionsPanel.h"
#include "ui/metrics/MonitoringPanel.h"
#include "ui/metrics/OverviewPanel.h"
#include "ui/objects/BucketBrowser.h"
#include "ui/packages/FunctionDetail.h"
#include "ui/shell/FirstFrame.h"
#include "ui/shell/LazyTab.h"
#include "ui/shell/LocalRunStopper.h"
#include "ui/shell/PlatformProblemBar.h"
#include "ui/shell/WindowGeometry.h"
#include "ui/testing/TestPanel.h"
#include "ui/triggers/TriggersPanel.h"
#include "ui/triggers/WiringPanel.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace funcdesk {

namespace {
// Where the Activations splitter's state is kept: its objectName, the key since before the panel
// was built on first use (settings written then still apply).
const QString kActivationsSplitter = QStringLiteral("activationsSplitter");
} // namespace

MainWindow::MainWindow(ConsoleContext context, QWidget *parent) : QMainWindow(parent), m_context(context)
{
    Q_ASSERT(m_context.settings);
    setObjectName(QStringLiteral("mainWindow"));
    m_runStopper = new LocalRunStopper(this, m_context.localExecutor); // outlives rebuilds: no panel of its own
    build();
    if (m_context.connections) {
        connect(m_context.connections, &ConnectionManager::currentChanged, this, &MainWindow::platformChanged);
        connect(m_context.connections, &ConnectionManager::availabilityChanged, this, &MainWindow::availabilityChanged);
    }
    restoreWindowState();
    if (m_context.connections)
        platformChanged(m_context.connections->current());
}

void MainWindow::build()
{
    m_functions = new FunctionsPanel(this);
    m_code = new CodePanel(m_context.drafts, this);
    // Not built yet: the tabs and views nobody has opened (LazyTab).
    m_config = nullptr;
    m_test = nullptr;
    m_activations = nullptr;
    m_functionMenu = nullptr;
    m_triggers = nullptr;
    m_wiring = nullptr;
    m_buckets = nullptr;
    m_overview = nullptr;
    m_monitoring = nullptr;

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("functionTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_code, tr("Code"));
    m_configTab = new LazyTab(m_tabs, tr("Configuration"), [this] { return createConfig(); });
    m_testTab = new LazyTab(m_tabs, tr("Test"), [this] { return createTest(); });
    m_activationsTab = new LazyTab(m_tabs, tr("Activations"), [this] { return createActivations(); });
    m_monitoringTab = new LazyTab(m_tabs, tr("Monitoring"), [this] { return createMonitoring(); });

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_functions);
    // The function's tabs, or the panel of the package whose row is the current one.
    auto *detail = new FunctionDetail(m_tabs, this);
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    // Neither side can be dragged (or restored) to nothing, and the explicit minimums keep a
    // panel's size hint — a diff's header, say — from moving the handle.
    m_splitter->setChildrenCollapsible(false);
    m_functions->setMinimumWidth(fontMetrics().averageCharWidth() * 30);
    m_tabs->setMinimumWidth(fontMetrics().averageCharWidth() * 72);

    // The top-level views; a new view is one addTab (or LazyTab) line.
    m_views = new QTabWidget(this);
    m_views->setObjectName(QStringLiteral("viewTabs"));
    m_views->setDocumentMode(true);
    m_views->addTab(m_splitter, tr("Functions"));
    m_triggersTab = new LazyTab(m_views, tr("Triggers"), [this] { return createTriggers(); });
    m_wiringTab = new LazyTab(m_views, tr("Wiring"), [this] { return createWiring(); });
    m_bucketsTab = new LazyTab(m_views, tr("Buckets"), [this] { return createBuckets(); });
    m_overviewTab = new LazyTab(m_views, tr("Metrics"), [this] { return createOverview(); });
    // Above the views, the bar that says when the current connection has no key.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    if (m_context.connectionStore) {
        m_keyPrompt = new KeyPrompt(m_context.connectionStore, central);
        centralLayout->addWidget(m_keyPrompt);
    }
    m_platformProblem = new PlatformProblemBar(central); // over the function list: the Local one failed
    centralLayout->addWidget(m_platformProblem);
    centralLayout->addWidget(m_views, 1);
    setCentralWidget(central);

    if (m_context.connections && m_context.connectionStore) {
        m_switcher = new ConnectionSwitcher(m_context.connectionStore, m_context.connections, this);
        m_connectionToolbar = addToolBar(tr("Connection"));
        m_connectionToolbar->setObjectName(QStringLiteral("connectionToolbar"));
        m_connectionToolbar->setMovable(false);
        m_connectionToolbar->addWidget(m_switcher);
        m_switcher->setSwitchCheck(
            [this](std::function<void(bool)> answer) { return mayLeaveConfiguration(std::move(answer)); });
    }

    m_connectionStatus = new QLabel(this);
    m_connectionStatus->setObjectName(QStringLiteral("connectionStatus"));
    statusBar()->addPermanentWidget(m_connectionStatus);

    connect(m_functions, &FunctionsPanel::currentFunctionChanged, this, &MainWindow::functionSelected);
    connect(m_functions, &FunctionsPanel::currentPackageChanged, detail,
            [this, detail](const QString &name) { detail->showPackage(m_platform, name); });
    connect(detail, &FunctionDetail::packageApplied, m_functions, &FunctionsPanel::packageChanged);
    connect(detail, &FunctionDetail::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    // Unsaved configuration changes are asked about before another function or connection shows.
    m_functions->setLeaveCheck(
        [this](std::function<void(bool)> answer) { return mayLeaveConfiguration(std::move(answer)); });
    connect(m_code, &CodePanel::deployed, this, &MainWindow::functionChanged);
    // The tab keeps its name ("Code"); the panel's heading names the function.
    connect(m_code, &CodePanel::titleChanged, this,
            [this](const QString &title) { m_tabs->setTabToolTip(m_tabs->indexOf(m_code), title); });
    connect(m_functions, &FunctionsPanel::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(m_code, &CodePanel::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(m_functions->model(), &FunctionListModel::triggersChanged, this, [this] {
        if (m_config)
            m_config->setTriggers(m_functions->model()->triggersOf(m_function));
    });
    // Functions and triggers change in other views: a view shows the platform as it is when opened
    // (a view opened for the first time is built by its LazyTab before this runs).
    connect(m_views, &QTabWidget::currentChanged, this, [this] {
        if (m_views->currentWidget() == m_wiring)
            m_wiring->refresh();
        else if (m_views->currentWidget() == m_buckets)
            m_buckets->model()->refreshBuckets();
    });
    createMenus();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    const QList<QAction *> commands = m_functions->commands();
    for (QAction *command : commands) {
        if (command->objectName() == QLatin1StringView("importFunctions"))
            file->addSeparator();
        file->addAction(command);
        if (command->objectName() == QLatin1StringView("exportFunctions")) {
            QAction *deploy = file->addAction(tr("Deploy &project…"), this, &MainWindow::openDeployProject);
            deploy->setObjectName(QStringLiteral("deployProject"));
        }
    }
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    // Ctrl+Q where the platform's key scheme has no Quit binding (offscreen, the Windows scheme).
    quit->setShortcut(QKeySequence::keyBindings(QKeySequence::Quit).value(0, QKeySequence(Qt::CTRL | Qt::Key_Q)));

    // The Test panel's commands; opening the menu builds the panel when nothing has yet.
    m_functionMenu = menuBar()->addMenu(tr("F&unction"));
    m_functionMenu->setObjectName(QStringLiteral("functionMenu"));
    connect(m_functionMenu, &QMenu::aboutToShow, this, [this] { testPanel(); });
    addTestCommands();

    // The code panel's own actions: their shortcuts work while the focus is in the panel.
    QMenu *codeMenu = menuBar()->addMenu(tr("Co&de"));
    codeMenu->setObjectName(QStringLiteral("codeMenu"));
    codeMenu->addAction(m_code->deployAction());
    codeMenu->addAction(m_code->revertAction());
    codeMenu->addAction(m_code->diffAction());
    codeMenu->addAction(m_code->historyAction());
    codeMenu->addAction(m_code->rollbackAction());
    codeMenu->addSeparator();
    const QList<QAction *> editing = m_code->editor()->actions();
    for (QAction *action : editing) {
        if (action->objectName() != QLatin1StringView("closeBarAction")) // Esc: not a menu command
            codeMenu->addAction(action);
    }

    if (m_switcher) {
        QMenu *connection = menuBar()->addMenu(tr("&Connection"));
        connection->addAction(m_switcher->switchAction());
        connection->addAction(m_switcher->manageAction());
    }

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_views->count(); ++i) {
        QAction *show = view->addAction(m_views->tabText(i), this, [this, i] { m_views->setCurrentIndex(i); });
        show->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }
    view->addSeparator();
    for (int i = 0; i < m_tabs->count(); ++i) {
        QAction *show = view->addAction(m_tabs->tabText(i), this, [this, i] { m_tabs->setCurrentIndex(i); });
        show->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }

    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    QMenu *language = settingsMenu->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(language);
    const QString chosen = ConsoleSettings::language().get(*m_context.settings);
    const std::pair<QString, QString> options[] = {{QString(), tr("System default")},
                                                   {QStringLiteral("en"), QStringLiteral("English")},
                                                   {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto &[code, label] : options) {
        QAction *option = language->addAction(label);
        option->setCheckable(true);
        option->setChecked(code == chosen);
        languages->addAction(option);
        connect(option, &QAction::triggered, this, [this, code] {
            ConsoleSettings::language().set(*m_context.settings, code);
            if (m_context.applyLanguage) // the window rebuilds itself on the LanguageChange that follows
                m_context.applyLanguage(code);
            else
                statusBar()->showMessage(tr("The language changes when Funcdesk starts again."), 8000);
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Funcdesk"), this, [this] {
        QMessageBox::about(
            this, tr("About Funcdesk"),
            tr("Funcdesk %1\nA desktop console for serverless functions.").arg(QApplication::applicationVersion()));
    });
}

void MainWindow::setLocalServices(Executor *localExecutor, const QString &localWebBaseUrl)
{
    m_context.localExecutor = localExecutor;
    m_context.localWebBaseUrl = localWebBaseUrl;
    if (m_test)
        m_test->setLocalExecutor(localExecutor);
    if (m_monitoring)
        m_monitoring->setLocalExecutor(localExecutor);
    m_runStopper->setExecutor(localExecutor);
}

void MainWindow::setLocalPlatformProblem(const QString &problem, std::function<void()> retry)
{
    m_localProblem = problem;
    m_localRetry = std::move(retry);
    updatePlatformProblem();
}

void MainWindow::updatePlatformProblem()
{
    const bool local = currentProfile().isLocal();
    m_platformProblem->setProblem(local ? m_localProblem : QString(), m_localRetry);
}

void MainWindow::platformChanged(Platform *platform)
{
    const ConnectionProfile profile = currentProfile();
    // A remote connection without its key would only hear "invalid authentication" in every
    // panel: the panels get no platform, and the key prompt says why and asks for the key.
    const QString keyProblem = m_context.connections ? m_context.connections->keyProblem() : QString();
    if (m_keyPrompt)
        m_keyPrompt->setProblem(profile, keyProblem);
    if (!keyProblem.isEmpty())
        platform = nullptr;
    m_platform = platform;
    m_function.clear();
    setWindowTitle(tr("%1 — Funcdesk").arg(profile.name)); // the connection's name, never its key
    if (m_test)                                            // the tabs not built yet take the connection when they are
        m_test->setConnectionName(profile.name);
    if (m_config)
        m_config->setWebActionAddress(WebActionAddress::of(profile, m_context.localWebBaseUrl));
    m_functions->setPlatform(platform);
    if (m_activations)
        m_activations->setPlatform(platform);
    if (m_triggers) { // the views not built yet take the connection when they are
        m_triggers->setApiRoot(WebActionAddress::of(profile, m_context.localWebBaseUrl).root());
        m_triggers->setPlatform(platform);
    }
    if (m_wiring)
        m_wiring->setPlatform(platform);
    if (m_deployDialog) // its plan is made again against the new connection
        m_deployDialog->setPlatform(platform, profile.name);
    if (m_buckets)
        m_buckets->setPlatform(platform);
    if (m_context.metrics)
        m_context.metrics->setPlatform(platform, profile.id);
    if (m_overview)
        m_overview->setConnection(profile.id);
    functionSelected(QString());
    m_online = m_context.connections ? m_context.connections->isOnline() : true;
    updateConnectionStatus();
    updatePlatformProblem();
}

ConnectionProfile MainWindow::currentProfile() const
{
    if (!m_context.connections)
        return ConnectionProfile::local();
    const ConnectionProfile current = m_context.connections->currentProfile();
    // From the store: the built-in Local connection's name in the language now installed.
    if (m_context.connectionStore)
        return m_context.connectionStore->profile(current.id).value_or(current);
    return current;
}

void MainWindow::availabilityChanged(bool online)
{
    const bool recovered = online && !m_online;
    m_online = online;
    updateConnectionStatus();
    if (!recovered)
        return;
    // The connection is back by itself: so are the lists that could not load meanwhile. Rows and
    // the selection stay; nothing typed in the panels is touched.
    m_functions->refresh();
    if (m_activations && !m_activations->model()->errorText().isEmpty())
        m_activations->reload();
}

void MainWindow::functionSelected(const QString &name)
{
    m_function = name;
    const QString connectionId =
        m_context.connections ? m_context.connections->currentProfile().id : ConnectionProfile::localId();
    m_code->setContext(m_platform, connectionId, name);
    if (m_config) { // the tabs not built yet show the function when they are
        m_config->setContext(m_platform, name);
        m_config->setTriggers(m_functions->model()->triggersOf(name));
    }
    if (m_activations)
        m_activations->setFunctionFilter(name);
    if (m_test)
        m_test->setContext(m_platform, connectionId, name); // fetches the deployed document itself
    if (m_monitoring)
        m_monitoring->setContext(m_platform, connectionId, name);
}

void MainWindow::functionChanged(const Action &action)
{
    m_functions->functionChanged(action);
    if (m_config)
        m_config->functionChanged(action); // its footer follows the version
    const QString connectionId =
        m_context.connections ? m_context.connections->currentProfile().id : ConnectionProfile::localId();
    if (m_test && action.name.value_or(QString()) == m_function)
        m_test->setContext(m_platform, connectionId, m_function, action);
}

void MainWindow::showActivationsAround(const QDateTime &at, qint64 stepMs, const QString &function)
{
    // The clicked bucket, and one step either side: what the point summed up, with its neighbours.
    const qint64 step = std::max<qint64>(stepMs, 1000);
    m_views->setCurrentWidget(m_splitter);
    if (!function.isEmpty())
        m_functions->selectFunction(function);
    m_tabs->setCurrentWidget(activationsPanel());
    m_activations->showBetween(at.addMSecs(-step), at.addMSecs(2 * step), function);
}

void MainWindow::openDeployProject()
{
    if (m_deployDialog) {
        m_deployDialog->raise();
        m_deployDialog->activateWindow();
        return;
    }
    m_deployDialog = new DeployProjectDialog(m_platform, currentProfile().name, m_context.settings, this);
    m_deployDialog->setAttribute(Qt::WA_DeleteOnClose);
    // What was deployed shows in the lists at once.
    connect(m_deployDialog, &DeployProjectDialog::deployed, this, [this] {
        m_functions->refresh();
        if (m_triggers)
            m_triggers->refresh();
        if (m_wiring)
            m_wiring->refresh();
    });
    m_deployDialog->open();
}

void MainWindow::budgetAlert(const QString &message)
{
    statusBar()->showMessage(message); // stays until the next message: the user should see it
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(windowIcon().isNull() ? QApplication::windowIcon() : windowIcon(), this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
    }
    m_tray->show();
    m_tray->showMessage(tr("Monthly budget"), message, QSystemTrayIcon::Warning);
}

void MainWindow::updateConnectionStatus()
{
    if (!m_context.connections) {
        m_connectionStatus->setText(tr("Local"));
        return;
    }
    const QString name = currentProfile().name;
    if (m_context.connections->isOnline())
        m_connectionStatus->setText(tr("%1: online").arg(name));
    else
        m_connectionStatus->setText(tr("%1: offline — %2").arg(name, m_context.connections->offlineReason()));
}

void MainWindow::restoreWindowState()
{
    const QSettings &settings = *m_context.settings;
    // Within the screen's free area: the status bar stays on screen at 1366×768 and at 200 %.
    const QRect available = screen()->availableGeometry();
    setMinimumSize(QSize(900, 560).boundedTo(WindowGeometry::room(available)));
    if (!restoreGeometry(ConsoleSettings::windowGeometry().get(settings)))
        setGeometry(WindowGeometry::firstWindow(available, minimumSize()));
    else if (!isMaximized() && !isFullScreen())
        setGeometry(WindowGeometry::clamped(geometry(), available));
    restoreState(ConsoleSettings::windowState().get(settings));
    // First start: two fifths for the list, so its usual columns show without scrolling.
    if (!m_splitter->restoreState(ConsoleSettings::viewState(m_splitter->objectName()).get(settings)))
        m_splitter->setSizes({width() * 2 / 5, width() * 3 / 5});
    m_activationsState = ConsoleSettings::viewState(kActivationsSplitter).get(settings);
    if (m_activations)
        m_activations->splitter()->restoreState(m_activationsState);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // Rebuilt rather than retranslated widget by widget: every string of every panel, dialog and
    // model header comes back in the new language, with no retranslate code to keep in step with
    // each panel's tr() calls. Once per burst of events (each translator installed sends one).
    if (event->type() == QEvent::LanguageChange && !m_rebuildPending) {
        m_rebuildPending = true;
        QTimer::singleShot(0, this, &MainWindow::rebuild);
    }
}

void MainWindow::rebuild()
{
    m_rebuildPending = false;
    const int view = m_views->currentIndex();
    const int tab = m_tabs->currentIndex();
    const QString function = m_function;
    const QByteArray splitter = m_splitter->saveState();
    const QByteArray activations = activationsSplitterState();
    const QByteArray state = saveState();

    if (m_connectionToolbar) {
        removeToolBar(m_connectionToolbar);
        delete m_connectionToolbar; // with the switcher
        m_connectionToolbar = nullptr;
        m_switcher = nullptr;
    }
    qDeleteAll(findChildren<ConnectionDialog *>(Qt::FindDirectChildrenOnly)); // the switcher's, in the old language
    delete takeCentralWidget();                                               // with every panel
    m_keyPrompt = nullptr;
    m_platformProblem = nullptr;
    setMenuBar(new QMenuBar(this));
    setStatusBar(new QStatusBar(this));
    build();
    if (m_hiddenViewsScheduled) // shown already: the views not opened come back in idle time
        QTimer::singleShot(0, this, &MainWindow::buildHiddenViews);

    restoreState(state);
    m_splitter->restoreState(splitter);
    m_activationsState = activations; // the Activations panel gets it when built
    m_views->setCurrentIndex(view);
    m_tabs->setCurrentIndex(tab);
    platformChanged(m_context.connections ? m_context.connections->current() : m_platform.data());
    if (function.isEmpty() || m_functions->selectFunction(function))
        return;
    auto *once = new QObject(m_functions); // selects it once the list has loaded
    connect(m_functions->model(), &FunctionListModel::loadingChanged, once, [this, function, once](bool loading) {
        if (loading)
            return;
        m_functions->selectFunction(function);
        once->deleteLater();
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_runStopper->readyToClose()) { // quit ends local runs first (and says so if slow)
        event->ignore();
        return;
    }
    QSettings &settings = *m_context.settings;
    ConsoleSettings::windowGeometry().set(settings, saveGeometry());
    ConsoleSettings::windowState().set(settings, saveState());
    ConsoleSettings::viewState(m_splitter->objectName()).set(settings, m_splitter->saveState());
    ConsoleSettings::viewState(kActivationsSplitter).set(settings, activationsSplitterState());
    event->accept();
}

} // namespace funcdesk
