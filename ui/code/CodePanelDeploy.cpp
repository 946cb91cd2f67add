// The code panel's deploy flow: check the code's syntax, check what the platform has, send the
// code, take the answer; and Cancel while that is in flight (the rest of CodePanel is in
// CodePanel.cpp).

#include "ui/code/CodePanel.h"

#include "core/FutureCallback.h"
#include "core/Platform.h"
#include "models/code/DraftStore.h"
#include "models/code/SyntaxCheck.h"
#include "ui/code/ActionCode.h"
#include "ui/code/CodeBanner.h"
#include "ui/code/CodeEditor.h"

#include <QAction>
#include <QPushButton>

namespace funcdesk {

using codeui::hasEditableCode;
using codeui::versionOf;

void CodePanel::deploy()
{
    if (!m_deployAction->isEnabled())
        return;
    if (isSequence(m_action))
        return deploySequence();
    Exec exec = *m_action->exec;
    exec.code = m_editor->text();
    m_checkNote.clear();
    // Kinds without a checker deploy at once; so does code the user chose to deploy anyway.
    if (SyntaxCheck::familyOf(exec.kind) && exec.code != m_uncheckedCode) {
        checkThenPut(exec);
        return;
    }
    putCode(exec, false, QString());
}

void CodePanel::checkThenPut(const Exec &exec)
{
    m_checking = true;
    m_checkingExec = exec;
    m_checkPut = ++m_put;
    m_putting = true; // Cancel (Esc) stops the check; nothing has been sent
    m_putSent = false;
    setBusy(true);
    m_editor->clearProblem();
    m_status->showMessage(CodeBanner::Tone::Progress, tr("Checking the syntax of %1…").arg(m_functionName));
    m_status->addButton(tr("Cancel"), QStringLiteral("cancelInFlightButton"), [this] { cancelDeploy(); });
    m_syntaxCheck->check(exec.kind, exec.code.value_or(QString()));
}

void CodePanel::syntaxChecked(const SyntaxProblem &problem)
{
    if (!m_checking || m_checkPut != m_put)
        return;
    m_checking = false;
    m_putting = false;
    setBusy(false);
    switch (problem.status) {
    case SyntaxProblem::Status::Ok:
        putCode(m_checkingExec, false, QString());
        break;
    case SyntaxProblem::Status::NotChecked:
        m_checkNote = tr("The syntax was not checked: %1.").arg(problem.message);
        putCode(m_checkingExec, false, QString());
        break;
    case SyntaxProblem::Status::Error:
        showSyntaxProblem(problem, m_checkingExec.code.value_or(QString()));
        break;
    }
}

void CodePanel::showSyntaxProblem(const SyntaxProblem &problem, const QString &code)
{
    QString message = problem.message;
    while (message.endsWith(QLatin1Char('.')))
        message.chop(1); // the sentence below ends it
    const QString text = problem.line > 0 ? tr("Syntax error on line %1: %2").arg(problem.line).arg(message)
                                          : tr("Syntax error: %1").arg(message);
    m_syntaxProblemText = tr("%1. Nothing was deployed.").arg(text);
    m_status->showMessage(CodeBanner::Tone::Error, m_syntaxProblemText);
    if (problem.line > 0) {
        m_editor->showProblem(problem.line, problem.message);
        const int line = problem.line;
        m_status->addButton(tr("Go to Line %1").arg(line), QStringLiteral("syntaxGoToLineButton"), [this, line] {
            closeDiff();
            m_editor->goToLine(line);
            m_editor->setFocus(Qt::OtherFocusReason);
        });
    }
    m_status->addButton(tr("Deploy Anyway"), QStringLiteral("syntaxDeployAnywayButton"), [this, code] {
        m_uncheckedCode = code;
        m_editor->setFocus(Qt::OtherFocusReason); // not to the next widget when this button goes
        deploy();
    });
    m_status->addButton(tr("Cancel"), QStringLiteral("syntaxCancelButton"), [this] {
        m_status->dismiss(); // the editor keeps its text and the mark on the line
    });
    Q_EMIT statusMessage(tr("%1: %2").arg(m_functionName, text));
}

void CodePanel::dismissOutcome()
{
    // The syntax error only while the banner still shows it, not a message that replaced it.
    if (m_status->tone() == CodeBanner::Tone::Success ||
        (!m_syntaxProblemText.isEmpty() && m_status->text() == m_syntaxProblemText))
        m_status->dismiss();
    m_syntaxProblemText.clear();
}

void CodePanel::putCode(const Exec &source, bool rollback, const QString &fromVersion)
{
    // Only exec travels: the platform keeps parameters, limits and annotations as they are now
    // (another panel may have changed them since this one loaded the action).
    Exec exec;
    exec.kind = source.kind;
    exec.code = source.code;
    exec.main = source.main;
    exec.components = source.components; // a sequence's
    const QString snapshot = exec.code.value_or(QString());
    const quint64 generation = m_generation;
    const quint64 put = ++m_put;
    m_putting = true;
    m_putSent = false;
    setBusy(true);
    m_status->showMessage(CodeBanner::Tone::Progress,
                          rollback ? tr("Rolling back %1 to version %2…").arg(m_functionName, fromVersion)
                                   : tr("Deploying %1…").arg(m_functionName));
    m_status->addButton(tr("Cancel"), QStringLiteral("cancelInFlightButton"), [this] { cancelDeploy(); })
        ->setToolTip(tr("Stop waiting for the platform (Esc)"));
    const QString failed = rollback ? tr("Roll back failed") : tr("Deploy failed");
    // First what the platform has now: a function deleted meanwhile must not quietly come back,
    // and a version someone else deployed meanwhile must not be replaced without asking.
    onResult(m_platform->getAction(m_functionName, false), this, [=, this](Result<Action> current) {
        if (generation != m_generation || put != m_put)
            return;
        m_putting = false;
        if (!current) {
            setBusy(false);
            if (current.error().kind == PlatformError::Kind::NotFound)
                reportError(
                    failed,
                    tr("%1 no longer exists on this connection. Your code stays in the editor.").arg(m_functionName));
            else
                reportError(failed, current.error().message);
            return;
        }
        const QString serverVersion = current->version.value_or(QString());
        if (!rollback && serverVersion != versionOf(m_action) && serverVersion != m_overwriteVersion) {
            setBusy(false);
            m_status->showMessage(CodeBanner::Tone::Warning,
                                  tr("%1 was changed on the platform since you opened it: version %2 is deployed "
                                     "now, your edit started from version %3.")
                                      .arg(m_functionName, serverVersion, versionOf(m_action)));
            m_status->addButton(tr("Deploy Anyway"), QStringLiteral("deployAnywayButton"), [this, serverVersion] {
                m_overwriteVersion = serverVersion;
                deploy();
            });
            m_status->addButton(tr("Cancel"), QStringLiteral("cancelDeployButton"), [this] { m_status->dismiss(); });
            return;
        }
        Action update;
        update.exec = exec;
        m_putting = true;
        m_putSent = true;
        updateState();
        onResult(m_platform->putAction(m_functionName, update, PutOptions{true, {}}), this,
                 [=, this](Result<Action> result) {
                     if (generation != m_generation || put != m_put)
                         return;
                     m_putting = false;
                     setBusy(false);
                     if (!result) {
                         reportError(failed, result.error().message);
                         return;
                     }
                     finishPut(result.value(), snapshot, rollback, fromVersion);
                 });
    });
}

void CodePanel::finishPut(const Action &action, const QString &snapshot, bool rollback, const QString &fromVersion)
{
    Action deployedAction = action;
    if (!deployedAction.exec)
        deployedAction.exec = Exec{};
    if (!deployedAction.exec->components)     // a sequence has no code
        deployedAction.exec->code = snapshot; // what was sent, whether or not the answer echoes it
    m_overwriteVersion.clear();
    m_editor->clearProblem();
    const QString version = deployedAction.version.value_or(QString());
    QString message = rollback ? tr("Rolled back: version %1 has the code of version %2.").arg(version, fromVersion)
                               : tr("Deployed version %1.").arg(version);
    if (!m_checkNote.isEmpty())
        message += QLatin1Char(' ') + std::exchange(m_checkNote, QString());
    if (rollback) {
        // The editor shows what the platform has now: load it again.
        m_drafts->discard(m_connectionId, m_functionName);
        m_draftSaved = false;
        const quint64 generation = m_generation;
        setBusy(true);
        onResult(m_platform->getAction(m_functionName, true), this,
                 [this, generation, deployedAction, message](Result<Action> reloaded) {
                     if (generation != m_generation)
                         return;
                     setBusy(false);
                     loaded(reloaded ? reloaded.value() : deployedAction);
                     m_status->showMessage(CodeBanner::Tone::Success, message);
                     Q_EMIT deployed(*m_action);
                     Q_EMIT statusMessage(tr("%1: %2").arg(m_functionName, message));
                 });
        return;
    }
    m_action = deployedAction;
    m_editor->setDeployedCode(snapshot);
    if (m_editor->isDirty()) {
        // Typed on while the deploy ran: the draft goes on, now based on the new version.
        editorTextChanged();
    } else {
        m_drafts->discard(m_connectionId, m_functionName);
        m_draftSaved = false;
    }
    m_status->showMessage(CodeBanner::Tone::Success, message);
    updateState();
    refreshDiff(); // a diff shown during the deploy compared the version before it
    if (m_historyAction->isChecked())
        loadHistory();
    Q_EMIT deployed(*m_action);
    Q_EMIT statusMessage(tr("%1: %2").arg(m_functionName, message));
}

void CodePanel::cancelDeploy()
{
    if (!m_putting)
        return;
    ++m_put; // the answer, whenever it comes, is dropped
    m_putting = false;
    m_checking = false;
    m_syntaxCheck->cancel();
    setBusy(false);
    const QString text =
        m_putSent ? tr("Stopped waiting. The code had already been sent and cannot be called back: whether %1 has a "
                       "new version is unknown. Refresh shows what the platform has; your code stays in the editor.")
                        .arg(m_functionName)
                  : tr("Deploy canceled before the code was sent: nothing changed on the platform.");
    m_status->showMessage(CodeBanner::Tone::Warning, text);
    m_status->addButton(tr("Refresh"), QStringLiteral("refreshDeployedButton"), [this] { refreshDeployed(); });
    Q_EMIT statusMessage(text);
}

void CodePanel::refreshDeployed()
{
    if (!m_platform || m_functionName.isEmpty() || m_busy)
        return;
    const quint64 generation = m_generation;
    setBusy(true);
    m_status->showMessage(CodeBanner::Tone::Progress, tr("Loading %1…").arg(m_functionName));
    onResult(m_platform->getAction(m_functionName, true), this, [this, generation](Result<Action> result) {
        if (generation != m_generation)
            return;
        setBusy(false);
        if (!result) {
            reportError(tr("Could not load %1").arg(m_functionName), result.error().message);
            return;
        }
        // The editor keeps its text: only what it is compared with (and based on) changes.
        m_action = result.value();
        m_editor->setDeployedCode(hasEditableCode(*m_action) ? *m_action->exec->code : QString());
        editorTextChanged();
        const QString version = versionOf(m_action);
        m_status->showMessage(CodeBanner::Tone::Info,
                              m_editor->isDirty() ? tr("Version %1 is deployed; the editor's code is not.").arg(version)
                                                  : tr("Version %1 is deployed with the editor's code.").arg(version));
        updateState();
        refreshDiff();
        if (m_historyAction->isChecked())
            loadHistory();
    });
}

} // namespace funcdesk
