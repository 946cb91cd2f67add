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

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    void compareRequested();
    void rollbackRequested();
    void refreshRequested();
    void selectionChanged();

private:
    void build();
    void updateButtons();

    CodeVersionModel *m_model;
    // Made on first use (shown, or versions or a message to show): the first window builds this
    // pane hidden and need not wait for its widgets (~0.4 ms, issue 16).
    QTreeView *m_view = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_rollback = nullptr;
    QString m_deployedVersion;
};

} // namespace funcdesk
