#include "ui/code/CodePanel.h"

#include "core/FutureCallback.h"
#include "core/Platform.h"
#include "models/code/DraftStore.h"
#include "models/code/SyntaxCheck.h"
#include "ui/code/ActionCode.h"
#include "ui/code/CodeBanner.h"
#include "ui/code/CodeEditor.h"
#include "ui/code/CodeHistoryPane.h"
#include "ui/code/DiffView.h"

#include <QAction>
#include <QBoxLayout>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>

namespace funcdesk {

using codeui::hasEditableCode;
using codeui::versionOf;

namespace {

QString timeText(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString updatedText(const Action &action)
{
    return action.updated ? timeText(QDateTime::fromMSecsSinceEpoch(*action.updated)) : QString();
}

} // namespace

CodePanel::CodePanel(DraftStore *drafts, QWidget *parent)
    : QWidget(parent), m_drafts(drafts), m_titleLabel(new QLabel(this)), m_detailLabel(new QLabel(this)),
      m_toolBar(new QToolBar(this)), m_status(new CodeBanner(this)), m_draftBanner(new CodeBanner(this)),
      m_pages(new QStackedWidget(this)), m_emptyLabel(new QLabel(this)), m_editor(new CodeEditor(this)),
      m_diffView(new DiffView(this)), m_history(new CodeHistoryPane(this)), m_splitter(new QSplitter(this)),
      m_syntaxCheck(new SyntaxCheck(this))
{
    setObjectName(QStringLiteral("codePanel"));
    m_titleLabel->setObjectName(QStringLiteral("codeTitle"));
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);
    m_detailLabel->setObjectName(QStringLiteral("codeDetail"));
    m_detailLabel->setTextFormat(Qt::PlainText);
    m_toolBar->setObjectName(QStringLiteral("codeToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_status->setObjectName(QStringLiteral("codeStatusBanner"));
    m_draftBanner->setObjectName(QStringLiteral("draftBanner"));
    m_emptyLabel->setObjectName(QStringLiteral("codeEmptyLabel"));
    m_emptyLabel->setText(tr("Select a function to see its code."));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setEnabled(false); // the palette's disabled text: calm, not a message

    auto *diffPage = new QWidget(this);
    auto *closeDiffButton = new QPushButton(tr("Back to Editor"), diffPage);
    closeDiffButton->setObjectName(QStringLiteral("diffCloseButton"));
    closeDiffButton->setToolTip(tr("Back to Editor (Esc)"));
    auto *diffLayout = new QVBoxLayout(diffPage);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    auto *diffTop = new QHBoxLayout;
    diffTop->addWidget(closeDiffButton);
    diffTop->addStretch(1);
    diffLayout->addLayout(diffTop);
    diffLayout->addWidget(m_diffView, 1);
    m_closeDiffAction = new QAction(tr("Back to Editor"), diffPage);
    m_closeDiffAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_closeDiffAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    diffPage->addAction(m_closeDiffAction);

    m_pages->addWidget(m_emptyLabel); // Page::Empty
    m_pages->addWidget(m_editor);     // Page::Editor
    m_pages->addWidget(diffPage);     // Page::Diff
    m_splitter->setObjectName(QStringLiteral("codeSplitter"));
    m_splitter->addWidget(m_pages);
    m_splitter->addWidget(m_history);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_history->hide();

    createActions();
    auto *header = new QHBoxLayout;
    header->addWidget(m_titleLabel);
    header->addWidget(m_detailLabel, 1);
    header->addWidget(m_toolBar);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_status);
    layout->addWidget(m_draftBanner);
    layout->addWidget(m_splitter, 1);

    connect(closeDiffButton, &QPushButton::clicked, this, &CodePanel::closeDiff);
    connect(m_closeDiffAction, &QAction::triggered, this, &CodePanel::closeDiff);
    connect(m_editor, &CodeEditor::textChanged, this, &CodePanel::editorTextChanged);
    connect(m_editor, &CodeEditor::dirtyChanged, this, &CodePanel::updateState);
    connect(m_history, &CodeHistoryPane::compareRequested, this, &CodePanel::showDiff);
    connect(m_history, &CodeHistoryPane::rollbackRequested, this, &CodePanel::rollBack);
    connect(m_history, &CodeHistoryPane::refreshRequested, this, &CodePanel::loadHistory);
    connect(m_history, &CodeHistoryPane::selectionChanged, this, [this] {
        updateState();
        // The diff follows the version selected in History.
        if (m_pages->currentIndex() == int(Page::Diff) && m_diffSource != DiffSource::Draft) {
            m_diffSource = DiffSource::History;
            renderDiff();
        }
    });
    connect(m_syntaxCheck, &SyntaxCheck::finished, this, &CodePanel::syntaxChecked);
    connect(m_drafts, &DraftStore::writeFailed, this, [this](const QString &message) {
        m_status->showMessage(CodeBanner::Tone::Warning, tr("Drafts cannot be saved: %1").arg(message));
    });
    setPage(Page::Empty);
    updateState();
}

void CodePanel::createActions()
{
    const auto make = [this](const QString &text, const QKeySequence &key, const QString &objectName,
                             const QString &toolTip) {
        auto *action = new QAction(text, this);
        action->setObjectName(objectName);
        if (!key.isEmpty()) {
            action->setShortcut(key);
            // The panel's shortcuts work while the focus is inside it, wherever the window puts it.
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            action->setToolTip(QStringLiteral("%1 (%2)").arg(toolTip, key.toString(QKeySequence::NativeText)));
        } else {
            action->setToolTip(toolTip);
        }
        addAction(action);
        m_toolBar->addAction(action);
        return action;
    };
    m_deployAction = make(tr("Deploy"), QKeySequence(Qt::CTRL | Qt::Key_S), QStringLiteral("deployAction"),
                          tr("Deploy the editor's code as a new version"));
    m_revertAction = make(tr("Revert"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Z), QStringLiteral("revertAction"),
                          tr("Revert to the deployed code"));
    m_diffAction = make(tr("Diff"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), QStringLiteral("diffAction"),
                        tr("Compare the deployed code, or the version selected in History, with the editor"));
    m_historyAction = make(tr("History"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
                           QStringLiteral("historyAction"), tr("Show the function's versions"));
    m_historyAction->setCheckable(true);
    m_rollbackAction = make(tr("Roll Back…"), {}, QStringLiteral("rollbackAction"),
                            tr("Deploy the code of the version selected in History as a new version"));

    // Not in the toolbar: the banner shows a Cancel button while a deploy is in flight.
    m_cancelDeployAction = new QAction(tr("Cancel Deploy"), this);
    m_cancelDeployAction->setObjectName(QStringLiteral("cancelDeployAction"));
    m_cancelDeployAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelDeployAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cancelDeployAction->setEnabled(false); // only while a deploy is in flight: Esc stays free otherwise
    addAction(m_cancelDeployAction);
    connect(m_cancelDeployAction, &QAction::triggered, this, &CodePanel::cancelDeploy);
    connect(m_deployAction, &QAction::triggered, this, &CodePanel::deploy);
    connect(m_revertAction, &QAction::triggered, this, &CodePanel::revertToDeployed);
    connect(m_diffAction, &QAction::triggered, this, &CodePanel::showDiff);
    connect(m_rollbackAction, &QAction::triggered, this, &CodePanel::rollBack);
    connect(m_historyAction, &QAction::toggled, this, [this](bool on) {
        m_history->setVisible(on);
        if (on) {
            const int width = m_splitter->width();
            m_splitter->setSizes({width * 7 / 10, width * 3 / 10});
            loadHistory();
        }
    });
}

void CodePanel::setContext(Platform *platform, const QString &connectionId, const QString &functionName)
{
    if (platform == m_platform && connectionId == m_connectionId && functionName == m_functionName &&
        (m_action || m_busy))
        return;
    ++m_generation;
    m_platform = platform;
    m_connectionId = connectionId;
    m_functionName = functionName;
    m_action.reset();
    m_busy = false;
    ++m_put;
    m_putting = false;
    m_overwriteVersion.clear();
    m_syntaxCheck->cancel();
    m_checking = false;
    m_uncheckedCode.clear();
    m_checkNote.clear();
    m_syntaxProblemText.clear();
    m_draftOffered = false;
    m_draftSaved = false;
    m_status->dismiss();
    m_draftBanner->dismiss();
    m_history->clear();
    m_editor->closeBars();
    m_loadingText = true;
    m_editor->setKind(QString());
    m_editor->loadText(QString());
    m_editor->setDeployedCode(QString());
    m_loadingText = false;
    m_editor->setReadOnly(true);
    if (!platform || functionName.isEmpty()) {
        setPage(Page::Empty);
        updateState();
        return;
    }
    setPage(Page::Editor);
    load();
}

void CodePanel::load()
{
    const quint64 generation = m_generation;
    m_status->showMessage(CodeBanner::Tone::Progress, tr("Loading %1…").arg(m_functionName));
    updateState();
    onResult(m_platform->getAction(m_functionName, true), this, [this, generation](Result<Action> result) {
        if (generation != m_generation)
            return;
        if (!result) {
            reportError(tr("Could not load %1").arg(m_functionName), result.error().message);
            m_status->addButton(tr("Retry"), QStringLiteral("retryLoadButton"), [this] { load(); });
            updateState();
            return;
        }
        m_status->dismiss();
        loaded(result.value());
    });
}

void CodePanel::loaded(const Action &action)
{
    m_action = action;
    const bool editable = hasEditableCode(action);
    const QString code = editable ? *action.exec->code : QString();
    m_loadingText = true;
    m_editor->setKind(action.exec ? action.exec->kind : QString());
    m_editor->loadText(code);
    m_editor->setDeployedCode(code);
    m_loadingText = false;
    m_editor->setReadOnly(!editable);
    if (isSequence(action)) {
        showSequence();
    } else if (!editable) {
        const bool binary = action.exec && action.exec->binary.value_or(false);
        m_status->showMessage(CodeBanner::Tone::Info,
                              binary
                                  ? tr("The code of %1 is a zip archive: it cannot be edited here.").arg(m_functionName)
                                  : tr("%1 has no code to edit (kind %2).")
                                        .arg(m_functionName, action.exec ? action.exec->kind : QString()));
    } else if (const std::optional<Draft> draft = m_drafts->draftFor(m_connectionId, m_functionName)) {
        if (draft->code != code)
            offerDraft(*draft);
        else
            m_drafts->discard(m_connectionId, m_functionName);
    }
    updateState();
    if (m_historyAction->isChecked())
        loadHistory();
}

void CodePanel::configurationApplied(const Action &action)
{
    if (!m_action || action.name.value_or(m_functionName) != m_functionName)
        return;
    const std::optional<QString> code = action.exec ? action.exec->code : std::nullopt;
    if (code && *code != m_editor->deployedCode())
        return; // somebody else's code is in that version: the deploy check must see it
    Action updated = action;
    if (!code)
        updated.exec = m_action->exec; // a settings update leaves the code as it was
    m_action = updated;
    dismissOutcome(); // "Deployed version …" would name the version before this one
    updateState();
    refreshDiff();
    if (m_historyAction->isChecked())
        loadHistory();
}

void CodePanel::offerDraft(const Draft &draft)
{
    // Until the user chooses, the editor is read-only: typing would otherwise have to either
    // overwrite the recovered draft or go unsaved.
    m_draftOffered = true;
    m_editor->setReadOnly(true);
    const QString when = timeText(draft.savedAt);
    QString text = tr("Undeployed changes to %1 were kept from an earlier session. Restore or discard them to edit.")
                       .arg(m_functionName);
    const QString deployedVersion = versionOf(m_action);
    if (!draft.baseVersion.isEmpty() && draft.baseVersion != deployedVersion)
        text += QLatin1Char(' ') +
                tr("They were made on version %1; version %2 is deployed now.").arg(draft.baseVersion, deployedVersion);
    m_draftBanner->showMessage(CodeBanner::Tone::Warning, text);
    const auto settle = [this] {
        m_draftOffered = false;
        m_draftBanner->dismiss();
        m_editor->setReadOnly(false);
    };
    m_draftBanner->addButton(tr("Restore Draft from %1").arg(when), QStringLiteral("restoreDraftButton"),
                             [this, settle, code = draft.code] {
                                 settle();
                                 closeDiff();
                                 m_editor->setText(code); // one undo step; autosaved again as a draft
                                 // Typing goes on in the restored code.
                                 m_editor->setFocus(Qt::OtherFocusReason);
                                 Q_EMIT statusMessage(tr("%1: draft restored.").arg(m_functionName));
                             });
    m_draftBanner->addButton(tr("Compare"), QStringLiteral("compareDraftButton"), [this, when, code = draft.code] {
        m_diffSource = DiffSource::Draft;
        m_draftCode = code;
        m_draftWhen = when;
        renderDiff();
        setPage(Page::Diff);
    });
    m_draftBanner->addButton(tr("Discard"), QStringLiteral("discardDraftButton"), [this, settle] {
        settle();
        closeDiff();
        m_drafts->discard(m_connectionId, m_functionName);
    });
    m_draftBanner->setClosable(false);
}

void CodePanel::editorTextChanged()
{
    if (m_loadingText || !m_action || m_draftOffered)
        return;
    dismissOutcome(); // the user edits on: a deploy's outcome or a syntax error is about older text
    if (m_editor->isDirty()) {
        m_drafts->save(m_connectionId, m_functionName,
                       Draft{m_editor->text(), currentKind(), versionOf(m_action), QDateTime()});
        m_draftSaved = true;
    } else if (m_draftSaved) {
        m_drafts->discard(m_connectionId, m_functionName); // typed (or undone) back to the deployed code
        m_draftSaved = false;
    }
}

void CodePanel::revertToDeployed()
{
    if (!m_revertAction->isEnabled())
        return;
    const QString version = versionOf(m_action);
    m_status->showMessage(CodeBanner::Tone::Warning,
                          tr("Discard your changes and go back to the deployed version %1?").arg(version));
    m_status->addButton(tr("Revert"), QStringLiteral("confirmRevertButton"), [this, version] {
        if (isSequence(m_action)) {
            showSequence(); // the deployed components again
            return updateState();
        }
        closeDiff();
        m_editor->setText(m_editor->deployedCode());
        m_status->showMessage(CodeBanner::Tone::Info,
                              tr("Reverted to version %1. Undo (Ctrl+Z) brings your changes back.").arg(version));
    });
    m_status->addButton(tr("Keep Editing"), QStringLiteral("cancelRevertButton"), [this] { m_status->dismiss(); });
}

void CodePanel::showDiff()
{
    if (!m_diffAction->isEnabled())
        return;
    m_diffSource =
        m_historyAction->isChecked() && m_history->selectedVersion() ? DiffSource::History : DiffSource::Deployed;
    renderDiff();
    setPage(Page::Diff);
    m_diffView->setFocus(Qt::OtherFocusReason);
}

void CodePanel::refreshDiff()
{
    if (m_pages->currentIndex() == int(Page::Diff))
        renderDiff();
}

void CodePanel::renderDiff()
{
    if (m_diffSource == DiffSource::Draft) {
        m_diffView->setTexts(tr("Version %1 (deployed)").arg(versionOf(m_action)), m_editor->deployedCode(),
                             tr("Draft from %1").arg(m_draftWhen), m_draftCode);
        return;
    }
    const std::optional<Action> selected = m_diffSource == DiffSource::History && m_historyAction->isChecked()
                                               ? m_history->selectedVersion()
                                               : std::nullopt;
    QString leftTitle;
    QString leftText;
    if (selected && selected->exec) {
        const QString version = selected->version.value_or(QString());
        leftTitle = version == versionOf(m_action) ? tr("Version %1 (deployed)").arg(version)
                                                   : tr("Version %1 of %2").arg(version, updatedText(*selected));
        leftText = selected->exec->code.value_or(QString());
    } else {
        leftTitle = tr("Version %1 (deployed)").arg(versionOf(m_action));
        leftText = m_editor->deployedCode();
    }
    const QString rightTitle = m_editor->isDirty() ? tr("Editor (not deployed)") : tr("Editor");
    m_diffView->setTexts(leftTitle, leftText, rightTitle, m_editor->text());
}

void CodePanel::closeDiff()
{
    if (m_pages->currentIndex() != int(Page::Diff))
        return;
    setPage(Page::Editor);
    m_editor->setFocus(Qt::OtherFocusReason);
}

void CodePanel::rollBack()
{
    if (!m_rollbackAction->isEnabled())
        return;
    const std::optional<Action> selected = m_history->selectedVersion();
    if (!selected || !hasEditableCode(*selected))
        return;
    const QString version = selected->version.value_or(QString());
    const Exec exec = *selected->exec;
    m_status->showMessage(CodeBanner::Tone::Warning,
                          m_editor->isDirty()
                              ? tr("Deploy the code of version %1 as a new version? Your undeployed changes in the "
                                   "editor will be replaced.")
                                    .arg(version)
                              : tr("Deploy the code of version %1 as a new version?").arg(version));
    m_status->addButton(tr("Roll Back"), QStringLiteral("confirmRollbackButton"), [this, exec, version] {
        closeDiff();
        putCode(exec, true, version);
    });
    m_status->addButton(tr("Cancel"), QStringLiteral("cancelRollbackButton"), [this] { m_status->dismiss(); });
}

void CodePanel::loadHistory()
{
    if (!m_platform || m_functionName.isEmpty())
        return;
    const quint64 generation = m_generation;
    m_history->showLoading();
    onResult(m_platform->actionVersions(m_functionName), this, [this, generation](Result<QList<Action>> result) {
        if (generation != m_generation)
            return;
        if (!result) {
            // Invalid is how a platform says it keeps no history: its message says so as it is.
            m_history->showMessage(result.error().kind == PlatformError::Kind::Invalid
                                       ? result.error().message
                                       : tr("Could not load the versions: %1").arg(result.error().message));
        } else {
            m_history->setVersions(result.value(), versionOf(m_action));
        }
        updateState();
    });
}

QString CodePanel::currentCode() const
{
    return m_editor->text();
}

QString CodePanel::currentKind() const
{
    return m_action && m_action->exec ? m_action->exec->kind : m_editor->kind();
}

bool CodePanel::isDirty() const
{
    return m_action && (isSequence(m_action) ? sequenceDirty() : m_editor->isDirty());
}

QString CodePanel::title() const
{
    if (m_functionName.isEmpty())
        return tr("Code");
    return isDirty() ? m_functionName + QStringLiteral(" ●") : m_functionName;
}

void CodePanel::setPage(Page page)
{
    m_pages->setCurrentIndex(int(page));
}

void CodePanel::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void CodePanel::updateState()
{
    const bool ready = m_action.has_value() && !m_platform.isNull() && !m_busy;
    const bool editable = ready && (hasEditableCode(*m_action) || isSequence(m_action)) && !m_draftOffered;
    const bool dirty = isDirty();
    m_deployAction->setEnabled(editable && dirty);
    m_revertAction->setEnabled(editable && dirty);
    m_diffAction->setEnabled(m_action.has_value() && hasEditableCode(*m_action));
    m_historyAction->setEnabled(m_action.has_value());
    const std::optional<Action> selected = m_historyAction->isChecked() ? m_history->selectedVersion() : std::nullopt;
    m_rollbackAction->setEnabled(editable && selected && selected->version != versionOf(m_action) &&
                                 hasEditableCode(*selected));
    m_cancelDeployAction->setEnabled(m_putting);
    m_closeDiffAction->setEnabled(!m_putting); // one Esc at a time

    m_titleLabel->setText(title());
    QStringList details;
    if (m_action && m_action->exec)
        details << m_action->exec->kind;
    if (m_action && m_action->version)
        details << tr("version %1").arg(*m_action->version);
    m_detailLabel->setText(details.join(QStringLiteral(" · ")));
    const QString current = title();
    if (current != m_lastTitle) {
        m_lastTitle = current;
        Q_EMIT titleChanged(current);
    }
}

void CodePanel::reportError(const QString &what, const QString &message)
{
    const QString text = tr("%1: %2").arg(what, message);
    m_status->showMessage(CodeBanner::Tone::Error, text);
    Q_EMIT statusMessage(text);
}

} // namespace funcdesk
