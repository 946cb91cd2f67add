#include "ui/triggers/TriggersPanel.h"

#include "models/triggers/TriggerListModel.h"
#include "models/triggers/TriggerOperations.h"
#include "ui/shell/ErrorLabel.h"
#include "ui/triggers/ObjectEditor.h"
#include "ui/triggers/RouteEditor.h"
#include "ui/triggers/TimerEditor.h"
#include "ui/triggers/TriggerEditorDialog.h"

#include <QAction>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace funcdesk {

TriggersPanel::TriggersPanel(QWidget *parent)
    : QWidget(parent), m_model(new TriggerListModel(this)), m_operations(new TriggerOperations(this))
{
    setObjectName(QStringLiteral("triggersPanel"));
    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("triggersToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto command = [this, toolbar](const QString &text, const char *name, void (TriggersPanel::*slot)()) {
        QAction *action = toolbar->addAction(text, this, slot);
        action->setObjectName(QLatin1StringView(name));
        return action;
    };
    m_new = command(tr("New trigger…"), "newTrigger", &TriggersPanel::newTrigger);
    m_edit = command(tr("Edit…"), "editTrigger", &TriggersPanel::editCurrent);
    m_pause = command(tr("Pause"), "pauseTrigger", &TriggersPanel::togglePause);
    m_fire = command(tr("Fire now…"), "fireTrigger", &TriggersPanel::fireCurrent);
    m_delete = command(tr("Delete"), "deleteTrigger", &TriggersPanel::deleteCurrent);
    toolbar->addSeparator();
    m_refresh = command(tr("Refresh"), "refreshTriggers", &TriggersPanel::refresh);
    m_new->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("triggerList"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setColumnWidth(TriggerListModel::NameColumn, 200);
    m_view->setColumnWidth(TriggerListModel::KindColumn, 110);
    m_view->setColumnWidth(TriggerListModel::ScheduleColumn, 330);
    m_view->setColumnWidth(TriggerListModel::LastFiredColumn, 150);
    m_view->setColumnWidth(TriggerListModel::FiresColumn, 90);
    // No title cut, in any language: each column at least as wide as its header text.
    QHeaderView *header = m_view->horizontalHeader();
    const int margins = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) + 4;
    for (int column = 0; column < header->count(); ++column) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        m_view->setColumnWidth(
            column, std::max(m_view->columnWidth(column), header->fontMetrics().horizontalAdvance(title) + margins));
    }

    m_emptyHint = new QLabel(tr("No triggers yet. A trigger runs a function by itself: on a schedule, when "
                                "an object is stored, or on an HTTP request. Create one with New trigger (%1).")
                                 .arg(m_new->shortcut().toString(QKeySequence::NativeText)),
                             this);
    m_emptyHint->setObjectName(QStringLiteral("triggersEmptyHint"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_status = new ErrorLabel(this);
    m_status->setObjectName(QStringLiteral("triggersStatus"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_emptyHint);
    layout->addWidget(m_status);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TriggersPanel::updateActions);
    connect(m_view, &QTableView::doubleClicked, this, &TriggersPanel::editCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TriggersPanel::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TriggersPanel::updateActions);
    connect(m_model, &TriggerListModel::loadingChanged, this, &TriggersPanel::updateActions);
    connect(m_model, &TriggerListModel::errorTextChanged, this, [this](const QString &text) {
        if (!text.isEmpty())
            showStatus(tr("Could not list the triggers: %1").arg(text), true);
    });
    connect(m_operations, &TriggerOperations::choicesReady, this, &TriggersPanel::openEditor);
    connect(m_operations, &TriggerOperations::busyChanged, this, [this](bool busy) {
        if (m_dialog)
            m_dialog->setBusy(busy);
        updateActions();
    });
    connect(m_operations, &TriggerOperations::done, this, [this](const QString &message) {
        if (m_dialog)
            m_dialog->accept();
        showStatus(message);
        Q_EMIT statusMessage(message);
        if (m_reselect.isEmpty())
            m_reselect = currentTrigger();
        m_model->refresh();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_reselect.isEmpty() && selectTrigger(m_reselect))
            m_reselect.clear();
    });
    connect(m_operations, &TriggerOperations::failed, this, [this](const QString &message) {
        if (m_dialog)
            return m_dialog->showError(message);
        showStatus(message, true);
    });
    updateActions();
}

QList<QAction *> TriggersPanel::commands() const
{
    return {m_new, m_edit, m_pause, m_fire, m_delete, m_refresh};
}

void TriggersPanel::setPlatform(Platform *platform)
{
    m_platform = platform;
    m_operations->setPlatform(platform);
    m_model->setPlatform(platform);
    showStatus(QString());
}

void TriggersPanel::setApiRoot(const QString &root)
{
    m_apiRoot = root;
}

void TriggersPanel::refresh()
{
    m_model->refresh();
}

void TriggersPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_platform) // a load in flight started before the view was wanted: this one supersedes it
        m_model->refresh();
}

int TriggersPanel::currentRow() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

QString TriggersPanel::currentTrigger() const
{
    return m_model->nameAt(currentRow());
}

bool TriggersPanel::selectTrigger(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return false;
    m_view->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

void TriggersPanel::updateActions()
{
    const int row = currentRow();
    const bool selected = row >= 0;
    const bool route = m_model->isRouteAt(row);
    const bool busy = m_operations->isBusy();
    m_new->setEnabled(m_platform && !busy);
    m_edit->setEnabled(selected && !busy && m_model->kindAt(row) != TriggerKind::Manual);
    m_pause->setEnabled(selected && !route && !busy);
    m_pause->setText(m_model->isPausedAt(row) ? tr("Resume") : tr("Pause"));
    m_fire->setEnabled(selected && !route && !busy);
    m_delete->setEnabled(selected && !busy);
    m_emptyHint->setVisible(m_model->rowCount() == 0 && !m_model->isLoading() && m_model->errorText().isEmpty());
}

void TriggersPanel::newTrigger()
{
    m_editing.clear();
    m_operations->loadChoices();
}

void TriggersPanel::editCurrent()
{
    if (currentRow() < 0 || m_model->kindAt(currentRow()) == TriggerKind::Manual)
        return;
    m_editing = currentTrigger();
    m_operations->loadChoices();
}

void TriggersPanel::openEditor(const QStringList &functions, const QStringList &buckets, const QString &bucketNote)
{
    if (m_dialog)
        return;
    TriggerEditorDialog dialog(functions, this);
    m_dialog = &dialog;
    dialog.routeEditor()->setApiRoot(m_apiRoot);
    dialog.objectEditor()->setBuckets(buckets, bucketNote);
    const int row = m_editing.isEmpty() ? -1 : m_model->rowOf(m_editing);
    if (row >= 0) {
        const TriggerKind kind = m_model->kindAt(row);
        const QList<TriggerListModel::RuleLink> rules = m_model->rulesAt(row);
        dialog.setEditing(m_editing, kind, rules.isEmpty() ? QString() : rules.first().function);
        if (kind == TriggerKind::Timer)
            dialog.timerEditor()->setForm(TimerTriggerForm::fromFeed(m_model->feedAt(row), m_model->feedConfigAt(row)));
        else if (kind == TriggerKind::Object)
            dialog.objectEditor()->setForm(ObjectTriggerForm::fromFeedConfig(m_model->feedConfigAt(row)));
        else if (kind == TriggerKind::Route)
            dialog.routeEditor()->setForm(RouteTriggerForm::fromRoute(m_model->routeAt(row)));
    }
    connect(&dialog, &TriggerEditorDialog::saveRequested, this, [this, &dialog] { save(&dialog); });
    dialog.exec();
    m_dialog = nullptr;
}

void TriggersPanel::save(TriggerEditorDialog *dialog)
{
    const QString name = dialog->name();
    const QString function = dialog->function();
    m_reselect = name;
    switch (dialog->kind()) {
    case TriggerKind::Timer:
        if (dialog->isEditing()) {
            const TimerTriggerForm form = dialog->timerEditor()->form();
            return m_operations->updateFeed(name, form.feed(), form.feedParams());
        }
        return m_operations->createTimer(name, dialog->timerEditor()->form(), function);
    case TriggerKind::Object:
        if (dialog->isEditing())
            return m_operations->updateFeed(name, Feeds::kObjectChanges, dialog->objectEditor()->form().feedParams());
        return m_operations->createObject(name, dialog->objectEditor()->form(), function);
    case TriggerKind::Route: {
        std::optional<ApiRoute> replacing;
        if (const int row = dialog->isEditing() ? m_model->rowOf(m_editing) : -1; row >= 0)
            replacing = m_model->routeAt(row);
        return m_operations->createRoute(dialog->routeEditor()->form(function), replacing);
    }
    case TriggerKind::Manual:
        return m_operations->createManual(name, function);
    }
}

void TriggersPanel::togglePause()
{
    const int row = currentRow();
    if (row < 0 || m_model->isRouteAt(row))
        return;
    QStringList rules;
    for (const TriggerListModel::RuleLink &link : m_model->rulesAt(row))
        rules.append(link.rule);
    m_operations->setPaused(m_model->nameAt(row), m_model->feedAt(row), rules, !m_model->isPausedAt(row));
}

void TriggersPanel::fireCurrent()
{
    const int row = currentRow();
    if (row < 0 || m_model->isRouteAt(row))
        return;
    const QString name = m_model->nameAt(row);
    bool ok = false;
    const QString payload =
        QInputDialog::getMultiLineText(this, tr("Fire %1").arg(name),
                                       tr("Payload (a JSON object; empty for none). Every active rule runs its "
                                          "function with it:"),
                                       QStringLiteral("{\n  \n}"), &ok);
    if (ok)
        m_operations->fire(name, payload);
}

void TriggersPanel::deleteCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const QString name = m_model->nameAt(row);
    if (m_model->isRouteAt(row)) {
        if (QMessageBox::question(this, tr("Delete route"), tr("Delete the route %1?").arg(name)) == QMessageBox::Yes)
            m_operations->removeRoute(m_model->routeAt(row));
        return;
    }
    QStringList rules;
    for (const TriggerListModel::RuleLink &link : m_model->rulesAt(row))
        rules.append(link.rule);
    const QString question =
        rules.isEmpty()
            ? tr("Delete the trigger %1?").arg(name)
            : tr("Delete the trigger %1 and its %n rule(s)? The functions stay.", nullptr, int(rules.size())).arg(name);
    if (QMessageBox::question(this, tr("Delete trigger"), question) == QMessageBox::Yes)
        m_operations->remove(name, rules);
}

void TriggersPanel::showStatus(const QString &message, bool error)
{
    m_status->setText(message);
    m_status->setError(error);
    m_status->setVisible(!message.isEmpty());
}

} // namespace funcdesk
