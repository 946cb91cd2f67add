#pragma once

#include "core/Platform.h"
#include "models/connections/ConnectionProfile.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QLabel;
class QMenu;
class QSettings;
class QSplitter;
class QSystemTrayIcon;
class QTabWidget;
class QToolBar;

namespace funcdesk {

class ActivationsPanel;
class BucketBrowser;
class CodePanel;
class DeployProjectDialog;
class ConfigPanel;
class ConnectionManager;
class ConnectionStore;
class ConnectionSwitcher;
class DraftStore;
class Executor;
class FunctionsPanel;
class KeyPrompt;
class LocalRunStopper;
class LazyTab;
class MetricsService;
class MonitoringPanel;
class OverviewPanel;
class PlatformProblemBar;
class TestPanel;
class WiringPanel;
class TriggersPanel;

// What the console runs on, built by the application: the connections (the embedded Local one
// included), where drafts live, the built-in executor for offline runs, the address the
// embedded server answers web actions on, and the console's settings (window state, language).
struct ConsoleContext
{
    QSettings *settings = nullptr; // required
    ConnectionManager *connections = nullptr;
    ConnectionStore *connectionStore = nullptr;
    DraftStore *drafts = nullptr;
    Executor *localExecutor = nullptr;
    QString localWebBaseUrl;           // e.g. "http://127.0.0.1:3233"
    MetricsService *metrics = nullptr; // the dashboards' data; nullptr = no dashboards data
    // Installs the translations of a language ("" = the system's, "en", "zh_CN"); the window
    // then rebuilds itself in the new language. Empty: a new language waits for a restart.
    std::function<void(const QString &language)> applyLanguage;
};

// The console's frame: places the panels and wires them to the current connection and the
// selected function. Panels own their behaviour; this class only arranges and connects them.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ConsoleContext context, QWidget *parent = nullptr);

    FunctionsPanel *functionsPanel() const { return m_functions; }
    CodePanel *codePanel() const { return m_code; }
    // The function's tabs behind Code are built like the views below: on first use (their tab
    // opened, the Function menu opened, these accessors) or in idle time after the first frame.
    ConfigPanel *configPanel() const;
    TestPanel *testPanel() const;
    ActivationsPanel *activationsPanel() const;
    QTabWidget *tabs() const { return m_tabs; }
    // The top-level views: the functions workspace, the triggers, the wiring, the buckets.
    QTabWidget *viewTabs() const { return m_views; }
    // The views not shown at start are built when their tab is first opened, in idle time after
    // the first frame, or by these accessors, whichever comes first (see LazyTab).
    TriggersPanel *triggersPanel() const;
    WiringPanel *wiringPanel() const;
    BucketBrowser *bucketBrowser() const;
    OverviewPanel *overviewPanel() const;
    MonitoringPanel *monitoringPanel() const;
    // The local platform came up after the window (ConsoleRuntime::startPlatformBehind): the
    // executor for offline runs (nullptr when another console runs the platform) and the web
    // actions' address. Before it, the Local connection has no platform and the panels are empty.
    void setLocalServices(Executor *localExecutor, const QString &localWebBaseUrl);
    // The local platform could not start: `problem` says why, over the function list, while the
    // Local connection is current, with a Retry button that runs `retry`. Empty: it started.
    void setLocalPlatformProblem(const QString &problem, std::function<void()> retry = {});

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // Creates the panels, views, toolbar, menus and status bar, and wires them.
    void build();
    // Builds everything again in the language now installed, keeping the view, the tab, the
    // selected function and the splitters (drafts are on disk already). See changeEvent().
    void rebuild();
    void createMenus();
    // The views not shown at start (LazyTab factories): each wires itself and takes the current
    // connection, function and local services.
    QWidget *createTriggers();
    QWidget *createWiring();
    QWidget *createBuckets();
    QWidget *createOverview();
    QWidget *createMonitoring();
    // The function's tabs not shown at start (MainWindowFunctionTabs.cpp).
    QWidget *createConfig();
    QWidget *createTest();
    QWidget *createActivations();
    // The Test panel's run commands in the Function menu, once the panel exists.
    void addTestCommands();
    // Asks the Configuration panel, when there is one, whether unsaved changes may be left.
    bool mayLeaveConfiguration(std::function<void(bool)> answer);
    // The Activations splitter's state: the panel's when built, else the one it will get.
    QByteArray activationsSplitterState() const;
    // Builds the views not built yet, one per event-loop turn (after the first frame).
    void buildHiddenViews();
    QString currentConnectionId() const;
    void platformChanged(Platform *platform);
    void functionSelected(const QString &name);
    void functionChanged(const Action &action);
    void availabilityChanged(bool online);
    void updateConnectionStatus();
    void updatePlatformProblem();
    ConnectionProfile currentProfile() const;
    void restoreWindowState();
    void showActivationsAround(const QDateTime &at, qint64 stepMs, const QString &function);
    void budgetAlert(const QString &message);
    // File ▸ Deploy project…: one dialog at a time, on the current connection.
    void openDeployProject();

    ConsoleContext m_context;
    QPointer<Platform> m_platform;
    QString m_function;
    FunctionsPanel *m_functions;
    QTabWidget *m_tabs;
    CodePanel *m_code;
    ConfigPanel *m_config = nullptr; // these three: nullptr until built
    TestPanel *m_test = nullptr;
    ActivationsPanel *m_activations = nullptr;
    LazyTab *m_configTab = nullptr;
    LazyTab *m_testTab = nullptr;
    LazyTab *m_activationsTab = nullptr;
    QMenu *m_functionMenu = nullptr;
    QByteArray m_activationsState; // restored into the Activations panel when it is built
    QSplitter *m_splitter;
    QTabWidget *m_views;
    WiringPanel *m_wiring = nullptr; // these five: nullptr until built
    BucketBrowser *m_buckets = nullptr;
    TriggersPanel *m_triggers = nullptr;
    OverviewPanel *m_overview = nullptr;
    MonitoringPanel *m_monitoring = nullptr;
    LazyTab *m_wiringTab = nullptr;
    LazyTab *m_bucketsTab = nullptr;
    LazyTab *m_triggersTab = nullptr;
    LazyTab *m_overviewTab = nullptr;
    LazyTab *m_monitoringTab = nullptr;
    bool m_hiddenViewsScheduled = false;
    QSystemTrayIcon *m_tray = nullptr;
    QLabel *m_connectionStatus;
    ConnectionSwitcher *m_switcher = nullptr;
    QToolBar *m_connectionToolbar = nullptr;
    KeyPrompt *m_keyPrompt = nullptr;
    PlatformProblemBar *m_platformProblem = nullptr;
    QString m_localProblem; // why the local platform is not there; kept across rebuilds
    std::function<void()> m_localRetry;
    LocalRunStopper *m_runStopper = nullptr;
    QPointer<DeployProjectDialog> m_deployDialog;
    bool m_online = true;
    bool m_rebuildPending = false;
};

} // namespace funcdesk
