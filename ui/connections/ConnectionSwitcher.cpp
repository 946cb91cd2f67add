#include "ui/connections/ConnectionSwitcher.h"

#include "models/connections/ConnectionListModel.h"
#include "models/connections/ConnectionManager.h"
#include "models/connections/ConnectionStore.h"
#include "ui/connections/ConnectionDialog.h"
#include "ui/shell/FirstFrame.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPointer>
#include <QStyle>
#include <QToolButton>

namespace funcdesk {

namespace {

// Long server messages would push the toolbar apart: the label is cut, the tooltip has it all.
constexpr int kStatusChars = 48;

} // namespace

ConnectionSwitcher::ConnectionSwitcher(ConnectionStore *store, ConnectionManager *manager, QWidget *parent)
    : QWidget(parent), m_store(store), m_manager(manager), m_model(new ConnectionListModel(store, this)),
      m_combo(new QComboBox(this)), m_statusIcon(new QLabel(this)), m_status(new QLabel(this)),
      m_manageButton(new QToolButton(this)), m_manageAction(new QAction(tr("&Manage Connections…"), this)),
      m_switchAction(new QAction(tr("&Switch Connection"), this))
{
    m_combo->setObjectName(QStringLiteral("connectionCombo"));
    m_combo->setModel(m_model);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setMinimumContentsLength(10);
    // A long connection name must not push the rest of the toolbar away; the tooltip has it all.
    m_combo->setMaximumWidth(m_combo->fontMetrics().averageCharWidth() * 32);
    m_combo->setToolTip(tr("The current connection: choose another to switch to it (%1)")
                            .arg(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K).toString(QKeySequence::NativeText)));
    m_statusIcon->setObjectName(QStringLiteral("connectionStatusIcon"));
    m_status->setObjectName(QStringLiteral("connectionStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_manageAction->setObjectName(QStringLiteral("manageConnectionsAction"));
    m_manageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M));
    m_manageAction->setToolTip(
        tr("Add, edit or remove connections (%1)").arg(m_manageAction->shortcut().toString(QKeySequence::NativeText)));
    // The icons are icon-theme lookups, and the first one reads the theme's index (~5 ms): they
    // come after the window's first frame (showEvent), in the room kept for them here.
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    QPixmap blank(m_manageButton->iconSize());
    blank.fill(Qt::transparent);
    m_manageAction->setIcon(QIcon(blank));
    m_statusIcon->setFixedSize(iconSize, iconSize);
    m_switchAction->setObjectName(QStringLiteral("switchConnectionAction"));
    m_switchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K));
    m_manageButton->setObjectName(QStringLiteral("manageConnectionsButton"));
    m_manageButton->setDefaultAction(m_manageAction);
    m_manageButton->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *caption = new QLabel(tr("C&onnection:"), this);
    caption->setBuddy(m_combo);
    layout->addWidget(caption);
    layout->addWidget(m_combo);
    layout->addWidget(m_manageButton);
    layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, this));
    layout->addWidget(m_statusIcon);
    layout->addWidget(m_status);

    connect(m_combo, &QComboBox::activated, this, [this](int row) {
        const QString id = m_model->idAt(row);
        QPointer<ConnectionSwitcher> self(this);
        if (id == m_manager->currentProfile().id || !m_switchCheck || m_switchCheck([self, id](bool go) {
                if (self && go)
                    self->m_manager->setCurrent(id);
                else if (self)
                    self->showCurrent(self->m_manager->currentProfile());
            }))
            m_manager->setCurrent(id);
        else
            showCurrent(m_manager->currentProfile()); // the current one, until the answer
    });
    connect(m_manageAction, &QAction::triggered, this, &ConnectionSwitcher::openDialog);
    connect(m_switchAction, &QAction::triggered, this, [this] {
        m_combo->setFocus(Qt::ShortcutFocusReason);
        m_combo->showPopup();
    });
    connect(m_manager, &ConnectionManager::currentProfileChanged, this, &ConnectionSwitcher::showCurrent);
    connect(m_manager, &ConnectionManager::availabilityChanged, this, &ConnectionSwitcher::showAvailability);
    // A row removed or renamed under the combo: show the manager's truth again.
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] { showCurrent(m_manager->currentProfile()); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] { showCurrent(m_manager->currentProfile()); });

    showCurrent(m_manager->currentProfile());
    showAvailability(m_manager->isOnline(), m_manager->offlineReason());
}

void ConnectionSwitcher::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_iconsScheduled)
        return;
    m_iconsScheduled = true;
    QPointer<ConnectionSwitcher> self(this);
    afterFirstFrame(window(), [self] {
        if (self)
            self->showIcons();
    });
}

void ConnectionSwitcher::showIcons()
{
    m_iconsShown = true;
    m_manageAction->setIcon(
        QIcon::fromTheme(QStringLiteral("configure"), style()->standardIcon(QStyle::SP_FileDialogDetailedView)));
    showAvailability(m_manager->isOnline(), m_manager->offlineReason());
}

void ConnectionSwitcher::openDialog()
{
    if (!m_dialog)
        m_dialog = new ConnectionDialog(m_store, m_manager, window());
    m_dialog->setSwitchCheck(m_switchCheck);
    m_dialog->showProfile(m_manager->currentProfile().id);
    m_dialog->open();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void ConnectionSwitcher::showCurrent(const ConnectionProfile &profile)
{
    const int row = m_model->rowOf(profile.id);
    if (row >= 0)
        m_combo->setCurrentIndex(row);
}

void ConnectionSwitcher::showAvailability(bool online, const QString &reason)
{
    if (m_iconsShown) {
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
        const auto icon = style()->standardIcon(online ? QStyle::SP_DialogYesButton : QStyle::SP_MessageBoxWarning);
        m_statusIcon->setPixmap(icon.pixmap(size, size));
    }
    const QString text = online ? tr("Online") : tr("Offline: %1").arg(reason);
    QString shown = text;
    if (shown.size() > kStatusChars)
        shown = shown.left(kStatusChars - 1) + QChar(0x2026);
    m_status->setText(shown);
    m_status->setToolTip(text);
    m_statusIcon->setToolTip(text);
    m_status->setAccessibleName(text);
}

} // namespace funcdesk
