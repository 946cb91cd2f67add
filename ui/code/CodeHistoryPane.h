#pragma once

#include "core/Action.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTreeView;

namespace funcdesk {

class CodeVersionModel;

// The code panel's version list: the platform's kept versions with time and size, buttons to
// compare one with the editor and to roll back to it, and — instead of the list — a message
// when the platform keeps no history or the list could not be loaded.
class CodeHistoryPane : public QWidget
{
    Q_OBJECT

public:
    explicit CodeHistoryPane(QWidget *parent = nullptr);

    void showLoading();
    void setVersions(QList<Action> versions, const QString &deployedVersion);
    void showMessage(const QString &message); // no history, or why it could not be loaded
    void clear();

    std::optional<Action> selectedVersion() const;
    bool selectVersion(const QString &version);
    CodeVersionModel *model() const { return m_model; }
    QString messageText() const;

Q_SIGNALS:
    void compareRequested();
    void rollbackRequested();
    void refreshRequested();
    void selectionChanged();

private:
    void updateButtons();

    CodeVersionModel *m_model;
    QTreeView *m_view;
    QLabel *m_message;
    QPushButton *m_compare;
    QPushButton *m_rollback;
    QString m_deployedVersion;
};

} // namespace funcdesk
