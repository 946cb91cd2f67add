#pragma once

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QListView;
class QPushButton;

namespace funcdesk {

class ConnectionForm;
class ConnectionListModel;
class ConnectionManager;
class ConnectionStore;

// "Manage Connections": the list of connections (Local first) beside the form of the selected
// one. Add starts a blank form; Apply/OK save it (disabled while something is invalid, each
// problem shown beside its field); Remove deletes a remote connection and its key. While the
// form has unsaved changes the list is locked, so nothing typed is lost by a stray click. OK on a
// connection just added saves it and switches the console to it.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    ConnectionDialog(ConnectionStore *store, ConnectionManager *manager, QWidget *parent = nullptr);

    // Selects `id` in the list and shows it in the form (discarding unsaved edits).
    void showProfile(const QString &id);
    // Starts a new connection in the form.
    void addConnection();

    // Asked before OK switches to a connection just added (the console's unsaved-changes question):
    // true goes on at once; false means `answer` is called later with the user's choice.
    using SwitchCheck = std::function<bool(std::function<void(bool)> answer)>;
    void setSwitchCheck(SwitchCheck check) { m_switchCheck = std::move(check); }

    void accept() override;

private:
    bool apply();
    void removeSelected();
    void onSelectionChanged();
    void updateButtons();
    QString selectedId() const;

    ConnectionStore *m_store;
    ConnectionManager *m_manager;
    ConnectionListModel *m_model;
    QListView *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    ConnectionForm *m_form;
    QDialogButtonBox *m_buttons;
    SwitchCheck m_switchCheck;
};

} // namespace funcdesk
