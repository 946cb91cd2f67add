#pragma once

#include "core/Platform.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QTableView;

namespace funcdesk {

class ErrorLabel;
class TriggerEditorDialog;
class TriggerListModel;
class TriggerOperations;

// The Triggers view: every trigger and HTTP route of the connection with its kind, schedule or
// filter, last fire, fires in 24 h and the functions it runs; create (an editor per kind, with
// the rule to a function), edit, pause/resume, fire now with a payload, delete (with its feed).
class TriggersPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TriggersPanel(QWidget *parent = nullptr);

    void setPlatform(Platform *platform);
    // Where the connection serves routes ("http://127.0.0.1:3233"), for the editors' full URL.
    void setApiRoot(const QString &root);
    TriggerListModel *model() const { return m_model; }
    TriggerOperations *operations() const { return m_operations; }
    QString currentTrigger() const;
    bool selectTrigger(const QString &name);
    QList<QAction *> commands() const;

public Q_SLOTS:
    void refresh();
    void newTrigger();
    void editCurrent();
    void togglePause();
    void fireCurrent();
    void deleteCurrent();

Q_SIGNALS:
    void statusMessage(const QString &message);

protected:
    // Coming into view reloads the list: triggers change by other hands (wsk, the wiring view).
    void showEvent(QShowEvent *event) override;

private:
    int currentRow() const;
    void openEditor(const QStringList &functions, const QStringList &buckets, const QString &bucketNote);
    void save(TriggerEditorDialog *dialog);
    void updateActions();
    void showStatus(const QString &message, bool error = false);

    QPointer<Platform> m_platform;
    QString m_apiRoot;
    TriggerListModel *m_model;
    TriggerOperations *m_operations;
    QTableView *m_view;
    ErrorLabel *m_status;
    QLabel *m_emptyHint;
    QAction *m_new;
    QAction *m_edit;
    QAction *m_pause;
    QAction *m_fire;
    QAction *m_delete;
    QAction *m_refresh;
    QString m_editing;  // the trigger the editor opens for; empty: a new one
    QString m_reselect; // selected again once the list has reloaded
    QPointer<TriggerEditorDialog> m_dialog;
};

} // namespace funcdesk
