#include "ui/testing/TestPanel.h"

#include "core/FutureCallback.h"
#include "core/Platform.h"
#include "models/testing/PayloadListModel.h"
#include "models/testing/TestRunner.h"
#include "ui/testing/PayloadPane.h"
#include "ui/testing/RunResultView.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace funcdesk {

namespace {

QString withShortcut(const QString &text, const QKeySequence &keys)
{
    return QStringLiteral("%1 (%2)").arg(text, keys.toString(QKeySequence::NativeText));
}

QToolButton *buttonFor(QAction *action, const QString &objectName, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setObjectName(objectName);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

TestPanel::TestPanel(QWidget *parent) : TestPanel(PayloadStore(), parent)
{
}

TestPanel::TestPanel(const PayloadStore &store, QWidget *parent) : QWidget(parent)
{
    m_payloads = new PayloadListModel(store, this);
    m_runner = new TestRunner(this);
    build();
    connect(m_runner, &TestRunner::runFinished, this, &TestPanel::onRunFinished);
    connect(m_runner, &TestRunner::compareFinished, this, &TestPanel::onCompareFinished);
    connect(m_runner, &TestRunner::runningChanged, this, &TestPanel::onRunningChanged);
    connect(m_runner, &TestRunner::progress, m_status, &QLabel::setText);
    connect(m_payloadPane, &PayloadPane::validityChanged, this, &TestPanel::updateActions);
    updateActions();
}

TestPanel::~TestPanel()
{
    m_payloadPane->flush();
}

void TestPanel::build()
{
    setObjectName(QStringLiteral("testPanel"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("testTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);

    m_payloadPane = new PayloadPane(m_payloads, this);

    auto makeAction = [this](const QString &text, const QString &toolTip, const QKeySequence &keys) {
        auto *action = new QAction(text, this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(keys.isEmpty() ? toolTip : withShortcut(toolTip, keys));
        addAction(action);
        return action;
    };
    m_runLocally =
        makeAction(tr("Run locally"), tr("Run the editor's current code, saved or not, on the built-in executor"),
                   QKeySequence(Qt::CTRL | Qt::Key_R));
    m_runOnPlatform = makeAction(tr("Run on platform"), tr("Invoke the deployed version on the platform"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_compare = makeAction(tr("Compare"), tr("Run the payload locally and on the platform and compare the results"),
                           QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    m_cancel = makeAction(tr("Cancel"), tr("Stop waiting for the run"), QKeySequence(Qt::Key_Escape));
    connect(m_runLocally, &QAction::triggered, this, &TestPanel::runLocally);
    connect(m_runOnPlatform, &QAction::triggered, this, &TestPanel::runOnPlatform);
    connect(m_compare, &QAction::triggered, this, &TestPanel::compare);
    connect(m_cancel, &QAction::triggered, m_runner, &TestRunner::cancel);

    auto *runRow = new QHBoxLayout;
    runRow->addWidget(buttonFor(m_runLocally, QStringLiteral("runLocallyButton"), this));
    runRow->addWidget(buttonFor(m_runOnPlatform, QStringLiteral("runOnPlatformButton"), this));
    runRow->addWidget(buttonFor(m_compare, QStringLiteral("compareButton"), this));
    m_cancelButton = buttonFor(m_cancel, QStringLiteral("cancelRunButton"), this);
    m_cancelButton->hide();
    runRow->addWidget(m_cancelButton);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("runBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_busy->hide();
    runRow->addWidget(m_busy);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("runStatusLine"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    runRow->addWidget(m_status, 1);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_payloadPane, 1);
    topLayout->addLayout(runRow);

    m_differences = new QLabel(this);
    m_differences->setObjectName(QStringLiteral("compareDifferences"));
    m_differences->setTextFormat(Qt::PlainText);
    m_differences->setWordWrap(true);
    m_differences->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_differences->hide();
    m_localView = new RunResultView(this);
    m_localView->setObjectName(QStringLiteral("localResultView"));
    m_platformView = new RunResultView(this);
    m_platformView->setObjectName(QStringLiteral("platformResultView"));
    m_platformView->hide();
    auto *columns = new QSplitter(Qt::Horizontal, this);
    columns->setObjectName(QStringLiteral("resultColumns"));
    columns->addWidget(m_localView);
    columns->addWidget(m_platformView);
    columns->setChildrenCollapsible(false);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_differences);
    bottomLayout->addWidget(columns, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("testSplitter"));
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(split, 1);
    m_localView->setHeading(tr("Local run"));
    m_platformView->setHeading(tr("Platform run"));
    m_title->setText(describeFunction());
}

void TestPanel::setContext(Platform *platform, const QString &connectionId, const QString &functionName,
                           const Action &deployedAction)
{
    if (!functionName.isEmpty() && platform == m_platform && connectionId == m_connection &&
        functionName == m_function) {
        // The same function was deployed or configured: the payload being typed, the results on
        // show and a run in progress all stay; only the deployed document is new.
        m_deployed = deployedAction;
        m_runner->setFunction(functionName, deployedAction);
        m_title->setText(describeFunction());
        updateActions();
        refreshDeployed();
        return;
    }
    m_runner->cancel();
    m_payloadPane->flush();
    ++m_contextSerial;
    m_platform = platform;
    m_connection = connectionId;
    m_function = functionName;
    m_deployed = deployedAction;
    m_runner->setPlatform(platform);
    m_runner->setFunction(functionName, deployedAction);
    const Result<Done> loaded = m_payloads->setFunction(connectionId, functionName);
    m_payloadPane->reloaded();
    if (!loaded)
        m_payloadPane->showMessage(loaded.error().message);
    m_localView->clear();
    m_platformView->clear();
    m_platformView->hide();
    m_localView->show();
    m_differences->hide();
    m_status->clear();
    m_title->setText(describeFunction());
    updateActions();
    refreshDeployed();
}

// A list view's Action carries no code or parameters: fetch the full document once, so local
// runs get the default parameters and the right kind. Keeps the given one if that fails.
void TestPanel::refreshDeployed()
{
    if (!m_platform || m_function.isEmpty())
        return;
    const quint64 serial = m_contextSerial;
    onResult(m_platform->getAction(m_function, true), this, [this, serial](Result<Action> fetched) {
        if (serial != m_contextSerial || !fetched)
            return;
        m_deployed = fetched.value();
        m_runner->setFunction(m_function, m_deployed);
        m_title->setText(describeFunction());
        updateActions(); // a sequence runs on the platform only
    });
}

void TestPanel::setLocalExecutor(Executor *executor)
{
    m_executor = executor;
    m_runner->setExecutor(executor);
    updateActions();
}

void TestPanel::setCodeSource(CodeSource source)
{
    m_codeSource = std::move(source);
}

void TestPanel::setFileChooser(std::function<QString(bool)> chooser)
{
    m_payloadPane->setFileChooser(std::move(chooser));
}

void TestPanel::setConnectionName(const QString &name)
{
    m_connectionName = name;
    m_title->setText(describeFunction());
}

QString TestPanel::describeFunction() const
{
    if (m_function.isEmpty())
        return tr("Select a function to test it.");
    const QString version = m_deployed.version.value_or(QString());
    const QString kind = m_deployed.exec ? m_deployed.exec->kind : QString();
    if (version.isEmpty())
        return tr("Test %1").arg(m_function);
    return tr("Test %1 \u2014 deployed version %2 (%3) on %4")
        .arg(m_function, version, kind, m_connectionName.isEmpty() ? m_connection : m_connectionName);
}

QPair<QString, QString> TestPanel::currentCode() const
{
    if (m_codeSource)
        return m_codeSource();
    const QString code = m_deployed.exec ? m_deployed.exec->code.value_or(QString()) : QString();
    return {code, QString()};
}

void TestPanel::runLocally()
{
    if (!m_runLocally->isEnabled())
        return;
    m_payloadPane->flush();
    const auto [code, kind] = currentCode();
    showRunning(true, false);
    m_runner->runLocally(code, kind, m_payloadPane->text());
}

void TestPanel::runOnPlatform()
{
    if (!m_runOnPlatform->isEnabled())
        return;
    m_payloadPane->flush();
    showRunning(false, true);
    m_runner->runOnPlatform(m_payloadPane->text());
}

void TestPanel::compare()
{
    if (!m_compare->isEnabled())
        return;
    m_payloadPane->flush();
    const auto [code, kind] = currentCode();
    showRunning(true, true);
    m_runner->compare(code, kind, m_payloadPane->text());
}

void TestPanel::onRunFinished(const RunReport &report)
{
    const bool local = report.target == RunReport::Target::Local;
    RunResultView *view = local ? m_localView : m_platformView;
    m_differences->hide();
    (local ? m_platformView : m_localView)->hide();
    view->show();
    view->setHeading(local ? tr("Local run \u2014 the editor's code") : tr("Platform run \u2014 the deployed version"));
    view->showReport(report);
    if (report.finished())
        m_status->setText(
            tr("%1: %2 in %3").arg(RunReport::targetName(report.target), report.status, report.durationText));
    else
        m_status->setText(report.errorMessage.isEmpty() ? report.status
                                                        : report.status + QStringLiteral(": ") + report.errorMessage);
}

void TestPanel::onCompareFinished(const CompareReport &report)
{
    m_localView->show();
    m_platformView->show();
    m_localView->setHeading(tr("Local \u2014 the editor's code"));
    m_platformView->setHeading(tr("Platform \u2014 the deployed version"));
    m_localView->showReport(report.local);
    m_platformView->showReport(report.platform);
    m_localView->setHighlightedLines(report.localLines);
    m_platformView->setHighlightedLines(report.platformLines);
    QString text = report.summary;
    if (!report.differenceTexts.isEmpty())
        text += QStringLiteral(": ") + report.differenceTexts.join(QStringLiteral("; "));
    m_differences->setText(text);
    m_differences->show();
    m_status->setText(tr("Compared: locally %1, on the platform %2")
                          .arg(report.local.status + QLatin1Char(' ') + report.local.durationText,
                               report.platform.status + QLatin1Char(' ') + report.platform.durationText));
}

void TestPanel::showRunning(bool local, bool platform)
{
    // The actions are disabled while a run is in progress: the runner takes this one (its report,
    // even a NotStarted one, replaces "Running…").
    m_differences->hide();
    m_localView->setVisible(local);
    m_platformView->setVisible(platform);
    if (local) {
        m_localView->setHeading(platform ? tr("Local \u2014 the editor's code")
                                         : tr("Local run \u2014 the editor's code"));
        m_localView->showRunning();
    }
    if (platform) {
        m_platformView->setHeading(local ? tr("Platform \u2014 the deployed version")
                                         : tr("Platform run \u2014 the deployed version"));
        m_platformView->showRunning();
    }
}

void TestPanel::onRunningChanged(bool running)
{
    m_cancelButton->setVisible(running);
    m_busy->setVisible(running);
    updateActions();
}

void TestPanel::updateActions()
{
    const bool idle = !m_runner->isRunning();
    const bool valid = m_payloadPane->isValid();
    const QString invalid = tr("Fix the payload first: it must be a JSON object.");
    m_runLocally->setEnabled(idle && valid && m_runner->canRunLocally());
    m_runOnPlatform->setEnabled(idle && valid && m_runner->canRunOnPlatform());
    m_compare->setEnabled(idle && valid && m_runner->canRunLocally() && m_runner->canRunOnPlatform());
    m_cancel->setEnabled(!idle);
    for (QAction *action : {m_runLocally, m_runOnPlatform, m_compare})
        action->setStatusTip(valid ? QString() : invalid);
}

} // namespace funcdesk
