#pragma once

#include "core/Action.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;
class QToolBar;

namespace funcdesk {

class CodeBanner;
class CodeEditor;
class CodeHistoryPane;
class DiffView;
class DraftStore;
class SequenceEditor;
class Platform;
class SyntaxCheck;
struct Draft;
struct SyntaxProblem;

// The code of the selected function: edit (CodeEditor), deploy (Ctrl+S), revert to the deployed
// code, version history with a diff against the editor and roll back, and drafts — every edit
// is autosaved through the DraftStore and offered back when the function is opened again.
// Progress, outcomes and errors appear inline; what the user typed is never thrown away
// without asking.
class CodePanel : public QWidget
{
    Q_OBJECT

public:
    // `drafts` is shared by the console's panels and must outlive them.
    explicit CodePanel(DraftStore *drafts, QWidget *parent = nullptr);

    // Loads `functionName` from `platform` (asynchronously) into the editor. The same context
    // again does nothing; a null platform or an empty name empties the panel.
    void setContext(Platform *platform, const QString &connectionId, const QString &functionName);

    QString functionName() const { return m_functionName; }
    // The editor's text, deployed or not, and the action's kind (the Test panel runs these).
    QString currentCode() const;
    QString currentKind() const;
    bool isDirty() const;
    // The function name, with " ●" while the editor has undeployed changes.
    QString title() const;

    // The console itself stored new settings of the function (memory, timeout, parameters...):
    // the version that made becomes the one the editor's code is based on, so the next deploy
    // does not take it for somebody else's change. Ignored when the answer carries other code.
    void configurationApplied(const Action &action);

    QAction *deployAction() const { return m_deployAction; }
    QAction *revertAction() const { return m_revertAction; }
    QAction *historyAction() const { return m_historyAction; }
    QAction *diffAction() const { return m_diffAction; }
    QAction *rollbackAction() const { return m_rollbackAction; }
    CodeEditor *editor() const { return m_editor; }

public Q_SLOTS:
    void deploy();
    void revertToDeployed();
    void showDiff();
    void rollBack();
    void closeDiff();
    // Stops waiting for a deploy or roll back in flight (Esc): the editor keeps its text, and
    // the panel says honestly that a request already sent may still have made a version.
    void cancelDeploy();
    // Loads what the platform has now without touching the editor's text.
    void refreshDeployed();

Q_SIGNALS:
    void titleChanged(const QString &title);
    void deployed(const funcdesk::Action &action);
    void statusMessage(const QString &message);

private:
    enum class Page { Empty, Editor, Diff, Sequence };
    // What the diff page compares with the editor (or, for a draft, with the deployed code).
    enum class DiffSource { Deployed, History, Draft };

    void createActions();
    void load();
    void loaded(const Action &action);
    void putCode(const Exec &exec, bool rollback, const QString &fromVersion);
    void finishPut(const Action &action, const QString &snapshot, bool rollback, const QString &fromVersion);
    void loadHistory();
    void offerDraft(const Draft &draft);
    void editorTextChanged();
    void setPage(Page page);
    void setBusy(bool busy);
    void updateState();
    void reportError(const QString &what, const QString &message);
    void renderDiff();
    void refreshDiff(); // renders the diff again when it is showing: versions and text move on
    void dismissOutcome();
    void checkThenPut(const Exec &exec);
    void syntaxChecked(const SyntaxProblem &problem);
    void showSyntaxProblem(const SyntaxProblem &problem, const QString &code);
    // A sequence (CodePanelSequence.cpp): its components instead of code.
    static bool isSequence(const std::optional<Action> &action);
    bool sequenceDirty() const;
    void showSequence();
    void deploySequence();

    DraftStore *m_drafts;
    QPointer<Platform> m_platform;
    QString m_connectionId;
    QString m_functionName;
    std::optional<Action> m_action; // as loaded or last deployed (its code is the deployed code)
    quint64 m_generation = 0;       // bumped by setContext: answers for an older context are dropped
    bool m_busy = false;
    quint64 m_put = 0;           // bumped by each deploy and by Cancel: answers for an older one are dropped
    bool m_putting = false;      // a deploy or roll back is in flight (Cancel is offered)
    bool m_putSent = false;      // ...and its PUT has left: the platform may have stored it
    bool m_loadingText = false;  // the editor's text is being set by the panel, not typed
    bool m_draftOffered = false; // a recovered draft awaits Restore/Discard: do not overwrite it
    bool m_draftSaved = false;
    QString m_overwriteVersion; // deploying over this newer server version was confirmed
    QString m_lastTitle;
    DiffSource m_diffSource = DiffSource::Deployed;
    QString m_draftCode; // the recovered draft the diff page compares (DiffSource::Draft)
    QString m_draftWhen;
    bool m_checking = false; // the syntax of m_checkingExec is being checked before its deploy
    Exec m_checkingExec;
    quint64 m_checkPut = 0;
    QString m_uncheckedCode;     // the user chose "Deploy Anyway" for this text
    QString m_checkNote;         // why the deploy in flight was not checked, for its outcome
    QString m_syntaxProblemText; // the status banner's syntax error of the editor's text, if shown

    QLabel *m_titleLabel;
    QLabel *m_detailLabel;
    QToolBar *m_toolBar;
    CodeBanner *m_status;
    CodeBanner *m_draftBanner;
    QStackedWidget *m_pages;
    QLabel *m_emptyLabel;
    CodeEditor *m_editor;
    SequenceEditor *m_sequenceEditor = nullptr; // made for the first sequence shown
    DiffView *m_diffView;
    CodeHistoryPane *m_history;
    QSplitter *m_splitter;
    SyntaxCheck *m_syntaxCheck;
    QAction *m_deployAction = nullptr;
    QAction *m_revertAction = nullptr;
    QAction *m_historyAction = nullptr;
    QAction *m_diffAction = nullptr;
    QAction *m_rollbackAction = nullptr;
    QAction *m_closeDiffAction = nullptr;
    QAction *m_cancelDeployAction = nullptr;
};

} // namespace funcdesk
