#pragma once

#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QToolButton;

namespace funcdesk {

class ConnectionDialog;
class ConnectionListModel;
class ConnectionManager;
class ConnectionStore;
struct ConnectionProfile;

// The toolbar's connection widget: which connection is current (a combo box; choosing another
// switches at once) and whether it is online ("Offline: <reason>" when not). Owns the
// "Manage Connections…" action, which the main window also puts in its Connection menu.
class ConnectionSwitcher : public QWidget
{
    Q_OBJECT

public:
    ConnectionSwitcher(ConnectionStore *store, ConnectionManager *manager, QWidget *parent = nullptr);

    // Opens the connection dialog.
    QAction *manageAction() const { return m_manageAction; }
    // Moves the keyboard focus to the connection combo box and opens it.
    QAction *switchAction() const { return m_switchAction; }
    // Asked before the combo box switches to another connection: true when it may switch now;
    // otherwise it answers later through the callback (unsaved configuration changes).
    using SwitchCheck = std::function<bool(std::function<void(bool)> answer)>;
    void setSwitchCheck(SwitchCheck check) { m_switchCheck = std::move(check); }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void openDialog();
    void showIcons();
    void showCurrent(const ConnectionProfile &profile);
    void showAvailability(bool online, const QString &reason);

    ConnectionStore *m_store;
    ConnectionManager *m_manager;
    ConnectionListModel *m_model;
    QComboBox *m_combo;
    QLabel *m_statusIcon;
    QLabel *m_status;
    QToolButton *m_manageButton;
    QAction *m_manageAction;
    QAction *m_switchAction;
    ConnectionDialog *m_dialog = nullptr;
    SwitchCheck m_switchCheck;
    bool m_iconsScheduled = false; // the icons come after the window's first frame
    bool m_iconsShown = false;
};

} // namespace funcdesk
