#include "ui/connections/ConnectionDialog.h"

#include "models/connections/ConnectionListModel.h"
#include "models/connections/ConnectionManager.h"
#include "models/connections/ConnectionStore.h"
#include "ui/connections/ConnectionForm.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QListView>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QShortcut>
#include <QVBoxLayout>

namespace funcdesk {

ConnectionDialog::ConnectionDialog(ConnectionStore *store, ConnectionManager *manager, QWidget *parent)
    : QDialog(parent), m_store(store), m_manager(manager), m_model(new ConnectionListModel(store, this)),
      m_list(new QListView(this)), m_add(new QPushButton(tr("&Add"), this)),
      m_remove(new QPushButton(tr("&Remove"), this)), m_form(new ConnectionForm(store, manager, this)),
      m_buttons(new QDialogButtonBox(
          QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Reset | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Manage Connections"));
    m_list->setObjectName(QStringLiteral("connectionList"));
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_add->setObjectName(QStringLiteral("addButton"));
    m_add->setToolTip(
        tr("Add a remote connection (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_remove->setToolTip(tr("Remove the selected connection and its stored key (%1)")
                             .arg(QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText)));
    m_form->setObjectName(QStringLiteral("connectionForm"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("applyButton"));
    m_buttons->button(QDialogButtonBox::Reset)->setObjectName(QStringLiteral("resetButton"));
    m_buttons->button(QDialogButtonBox::Reset)->setText(tr("&Discard Changes"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(m_list, 1);
    listColumn->addLayout(listButtons);

    // The form scrolls rather than grows: the dialog must fit 1366×768 at 200 % scale.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("formScroll"));
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *columns = new QHBoxLayout;
    columns->addLayout(listColumn, 1);
    columns->addWidget(scroll, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_buttons);

    connect(m_add, &QPushButton::clicked, this, &ConnectionDialog::addConnection);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionDialog::removeSelected);
    connect(new QShortcut(QKeySequence::New, this), &QShortcut::activated, this, &ConnectionDialog::addConnection);
    auto *removeShortcut = new QShortcut(QKeySequence::Delete, m_list);
    removeShortcut->setContext(Qt::WidgetShortcut);
    connect(removeShortcut, &QShortcut::activated, this, &ConnectionDialog::removeSelected);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ConnectionDialog::onSelectionChanged);
    connect(m_form, &ConnectionForm::edited, this, &ConnectionDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &ConnectionDialog::apply);
    connect(m_buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this, [this] {
        if (m_form->isNew()) {
            m_form->editNew();
            updateButtons();
        } else {
            showProfile(m_form->profile().id);
        }
    });

    // Roomy where there is room; within the screen at 1366×768 and 200 % scale (683×384 points).
    QSize size = sizeHint().expandedTo(QSize(640, 420));
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    resize(size);
    m_store->checkKeychain();
    showProfile(ConnectionProfile::localId());
}

void ConnectionDialog::showProfile(const QString &id)
{
    const int row = std::max(0, m_model->rowOf(id));
    const QModelIndex index = m_model->index(row);
    {
        // Selecting a row calls onSelectionChanged, which would show it too; show it once, here.
        const QSignalBlocker block(m_list->selectionModel());
        m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    }
    m_list->viewport()->update();
    m_form->editProfile(m_model->profileAt(row));
    updateButtons();
}

void ConnectionDialog::addConnection()
{
    if (m_form->isDirty())
        return; // the list is locked while there are unsaved edits; the form stays as typed
    m_list->selectionModel()->clearSelection();
    m_form->editNew();
    updateButtons();
    m_form->findChild<QWidget *>(QStringLiteral("nameEdit"))->setFocus(Qt::OtherFocusReason);
}

void ConnectionDialog::accept()
{
    const bool adding = m_form->isNew() && m_form->isDirty();
    if (m_form->isDirty() && !apply())
        return;
    // Whoever adds a connection and presses OK means to use it.
    if (adding && m_manager && !selectedId().isEmpty()) {
        const QString id = selectedId();
        QPointer<ConnectionManager> manager(m_manager);
        if (!m_switchCheck || m_switchCheck([manager, id](bool go) {
                if (manager && go)
                    manager->setCurrent(id);
            }))
            m_manager->setCurrent(id);
    }
    QDialog::accept();
}

bool ConnectionDialog::apply()
{
    if (!m_form->isDirty())
        return true;
    if (!m_form->isValid())
        return false;
    const ConnectionProfile profile = m_form->profile();
    QString id = profile.id;
    if (m_form->isNew()) {
        const auto added = m_store->addProfile(profile, m_form->key().value_or(QString()));
        if (!added) {
            m_form->showSaveError(added.error().message);
            return false;
        }
        id = *added;
    } else if (const auto updated = m_store->updateProfile(profile, m_form->key()); !updated) {
        m_form->showSaveError(updated.error().message);
        return false;
    }
    showProfile(id);
    return true;
}

void ConnectionDialog::removeSelected()
{
    const auto profile = m_store->profile(selectedId());
    if (!profile || !profile->isEditable() || m_form->isDirty())
        return;
    QMessageBox confirm(QMessageBox::Question, tr("Remove Connection"),
                        tr("Remove the connection \"%1\" and the key stored for it?").arg(profile->name),
                        QMessageBox::Cancel, this);
    confirm.setObjectName(QStringLiteral("removeConfirmation"));
    auto *removeButton = confirm.addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    removeButton->setObjectName(QStringLiteral("confirmRemoveButton"));
    confirm.setDefaultButton(QMessageBox::Cancel);
    confirm.exec();
    if (confirm.clickedButton() != removeButton)
        return;
    const int row = m_model->rowOf(profile->id);
    if (const auto removed = m_store->removeProfile(profile->id); !removed)
        return m_form->showSaveError(removed.error().message);
    showProfile(m_model->idAt(std::min(row, m_model->rowCount() - 1)));
}

void ConnectionDialog::onSelectionChanged()
{
    const QString id = selectedId();
    if (!id.isEmpty() && id != m_form->profile().id)
        m_form->editProfile(m_model->profileAt(m_model->rowOf(id)));
    updateButtons();
}

void ConnectionDialog::updateButtons()
{
    const bool dirty = m_form->isDirty();
    const bool valid = m_form->isValid();
    m_list->setEnabled(!dirty);
    m_list->setToolTip(dirty ? tr("Apply or discard your changes to choose another connection") : QString());
    m_add->setEnabled(!dirty);
    const auto selected = m_store->profile(selectedId());
    m_remove->setEnabled(!dirty && !m_form->isNew() && selected && selected->isEditable());
    // A new connection is saved by OK, so OK waits for it to be complete; Cancel leaves.
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_form->isNew() ? valid : !dirty || valid);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(dirty && valid);
    m_buttons->button(QDialogButtonBox::Reset)->setEnabled(dirty);
}

QString ConnectionDialog::selectedId() const
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    if (!current.isValid() || !m_list->selectionModel()->isSelected(current))
        return {};
    return m_model->idAt(current.row());
}

} // namespace funcdesk
