#pragma once

#include "core/Action.h"

#include <QPair>
#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QProgressBar;
class QToolButton;

namespace funcdesk {

struct CompareReport;
class Executor;
class PayloadListModel;
class PayloadPane;
class PayloadStore;
class Platform;
class RunResultView;
class TestRunner;
struct RunReport;

// The Test panel of the selected function: saved payloads and a JSON editor, "Run locally"
// (the editor's current code on the built-in executor, no network), "Run on platform" (the
// deployed version) and "Compare" (both, results side by side with the differences marked).
class TestPanel : public QWidget
{
    Q_OBJECT

public:
    // The editor's current code and its runtime kind ("" = the deployed action's kind).
    using CodeSource = std::function<QPair<QString, QString>()>;

    explicit TestPanel(QWidget *parent = nullptr);
    // Tests (and a portable mode) keep saved payloads under their own folder.
    TestPanel(const PayloadStore &store, QWidget *parent);
    ~TestPanel() override;

    // The function to test. The panel fetches its full deployed document from `platform`;
    // `deployedAction` stands in until it arrives (or when the fetch fails).
    void setContext(Platform *platform, const QString &connectionId, const QString &functionName,
                    const Action &deployedAction = Action());
    // The connection as the user knows it (its profile name), for the heading; its id otherwise.
    void setConnectionName(const QString &name);
    void setLocalExecutor(Executor *executor);
    // Without a code source, "Run locally" runs the deployed code.
    void setCodeSource(CodeSource source);
    // Replaces the file dialogs of import and export (tests).
    void setFileChooser(std::function<QString(bool forExport)> chooser);

    QAction *runLocallyAction() const { return m_runLocally; }
    QAction *runOnPlatformAction() const { return m_runOnPlatform; }
    QAction *compareAction() const { return m_compare; }

private:
    void build();
    void runLocally();
    void runOnPlatform();
    void compare();
    void onRunFinished(const RunReport &report);
    void onCompareFinished(const CompareReport &report);
    void onRunningChanged(bool running);
    // A run has started: its views say so, and no earlier report stays in sight beside it.
    void showRunning(bool local, bool platform);
    void updateActions();
    void refreshDeployed();
    QPair<QString, QString> currentCode() const;
    QString describeFunction() const;

    PayloadListModel *m_payloads = nullptr;
    TestRunner *m_runner = nullptr;
    PayloadPane *m_payloadPane = nullptr;
    RunResultView *m_localView = nullptr;
    RunResultView *m_platformView = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_differences = nullptr;
    QProgressBar *m_busy = nullptr;
    QAction *m_runLocally = nullptr;
    QAction *m_runOnPlatform = nullptr;
    QAction *m_compare = nullptr;
    QAction *m_cancel = nullptr;
    QToolButton *m_cancelButton = nullptr;

    QPointer<Platform> m_platform;
    Executor *m_executor = nullptr;
    QString m_connection;
    QString m_connectionName;
    QString m_function;
    Action m_deployed;
    CodeSource m_codeSource;
    quint64 m_contextSerial = 0;
};

} // namespace funcdesk
