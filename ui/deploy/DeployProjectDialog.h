#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QTableView;
class QTimer;

namespace funcdesk {

class ErrorLabel;
class Platform;
class ProjectDeployment;

// File ▸ Deploy project…: a project folder (typed, or chosen with Browse…; the last one is
// remembered) whose manifest.yaml is read at once and planned against the current connection with
// a dry run; Deploy applies the plan and the table then says, entity by entity, what was done.
// Errors (the manifest's with FILE:LINE:COLUMN, the platform's) show in the dialog and leave
// Deploy disabled. Cancel stops a running deployment and closes the dialog.
class DeployProjectDialog : public QDialog
{
    Q_OBJECT

public:
    DeployProjectDialog(Platform *platform, const QString &connectionName, QSettings *settings,
                        QWidget *parent = nullptr);

    // The connection changed while the dialog is open: the plan is made again against it.
    void setPlatform(Platform *platform, const QString &connectionName);
    ProjectDeployment *deployment() const { return m_deployment; }

    void reject() override;

Q_SIGNALS:
    // Something was applied (or may have been, when stopped): the lists showing the platform are stale.
    void deployed();

private:
    void browse();
    void openTyped();
    void updateState();

    QSettings *m_settings;
    ProjectDeployment *m_deployment;
    QLineEdit *m_folder;
    QPushButton *m_browse;
    QLabel *m_progress;
    ErrorLabel *m_error;
    QLabel *m_warnings;
    QTableView *m_plan;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
    QPushButton *m_deploy;
    QPushButton *m_close;
    QTimer *m_typing; // reads the folder once typing pauses
};

} // namespace funcdesk
