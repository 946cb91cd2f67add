#include "ui/functions/FunctionsPanel.h"
#include "core/FutureCallback.h"

#include "models/functions/FunctionFilterProxy.h"
#include "models/functions/FunctionListModel.h"
#include "models/functions/PackageTreeProxy.h"
#include "models/templates/FunctionTemplates.h"
#include "models/transfer/FunctionFiles.h"
#include "ui/functions/FunctionItemIcons.h"
#include "ui/functions/GrowColumns.h"
#include "ui/functions/NewFunctionDialog.h"
#include "ui/shell/ErrorLabel.h"
#include "ui/shell/FirstFrame.h"

#include <QAction>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace funcdesk {

namespace {
constexpr int kFitRows = 200;       // rows measured when the columns are sized to their contents
constexpr int kNameColumnMax = 400; // px the name column asks for at most (a long name scrolls)
} // namespace

FunctionsPanel::FunctionsPanel(QWidget *parent) : QWidget(parent)
{
    m_model = new FunctionListModel(this);
    m_proxy = new FunctionFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_tree = new PackageTreeProxy(this);
    m_tree->setSourceModel(m_proxy);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("functionFilter"));
    m_filter->setPlaceholderText(tr("Filter functions (Ctrl+L)"));
    // The clear button comes after the first frame (showEvent): its icon is the program's first
    // icon-theme lookup, which parses the theme's index files (~7 ms of a ~60 ms start).

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("functionList"));
    m_view->setModel(m_tree);
    m_view->setItemDelegate(new FunctionItemIcons(m_view));
    m_view->setUniformRowHeights(true); // 100,000 rows lay out at once
    m_view->setAllColumnsShowFocus(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FunctionListModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Columns as wide as their headers and contents (fitColumns), the name column takes the rest:
    // the default 100 px cut "Timeout" and "auto (0.25 vCPU)". Contents are measured on at most
    // kFitRows rows, so a list of 100,000 is sized as fast as one of 100.
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->header()->setResizeContentsPrecision(kFitRows);
    m_view->viewport()->installEventFilter(this);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);

    m_status = new ErrorLabel(this);
    m_status->setObjectName(QStringLiteral("functionsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto command = [this](const QString &text, const QKeySequence &shortcut, const char *name, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1StringView(name));
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
        action->setToolTip(shortcut.isEmpty()
                               ? text
                               : QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                                               shortcut.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_new = command(tr("&New function…"), QKeySequence::New, "newFunction", &FunctionsPanel::newFunction);
    m_duplicate = command(tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), "duplicateFunction",
                          &FunctionsPanel::duplicateCurrent);
    m_delete = command(tr("&Delete…"), QKeySequence::Delete, "deleteFunctions", &FunctionsPanel::deleteSelected);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut); // Del in the editor deletes text
    addAction(m_delete);
    m_import = command(tr("&Import…"), QKeySequence::Open, "importFunctions", &FunctionsPanel::importFunctions);
    m_export =
        command(tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E), "exportFunctions", &FunctionsPanel::exportSelected);
    m_refresh = command(tr("&Refresh"), QKeySequence::Refresh, "refreshFunctions", &FunctionsPanel::refresh);
    m_focusFilter = command(tr("&Filter"), QKeySequence(Qt::CTRL | Qt::Key_L), "focusFilter", [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });

    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("functionsToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // What is used every day, so all of it fits beside the list at 1366×768 and at 200 %; Import
    // and Export are in the File menu (Ctrl+O, Ctrl+E).
    for (QAction *action : {m_new, m_duplicate, m_delete, m_refresh})
        toolbar->addAction(action);
    createPackageCommands(toolbar);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    m_emptyHint = new QLabel(m_view->viewport());
    m_emptyHint->setObjectName(QStringLiteral("functionsEmptyHint"));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    auto *hintLayout = new QVBoxLayout(m_view->viewport());
    hintLayout->addWidget(m_emptyHint);
    m_emptyHint->hide();

    // The proxy's own slot: QSortFilterProxyModel's re-filters incrementally, seconds at 100,000 rows.
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &FunctionFilterProxy::setFilterFixedString);
    connect(m_filter, &QLineEdit::textChanged, m_tree, &PackageTreeProxy::setFilterText);
    connect(m_model, &FunctionListModel::packagesChanged, this, [this] { m_tree->setPackages(m_model->packages()); });
    connect(m_filter, &QLineEdit::textChanged, this, &FunctionsPanel::updateEmptyHint);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_tree, signal, this, &FunctionsPanel::updateEmptyHint);
    connect(m_tree, &QAbstractItemModel::modelReset, this, &FunctionsPanel::updateEmptyHint);
    connect(m_tree, &QAbstractItemModel::layoutChanged, this, &FunctionsPanel::updateEmptyHint);
    connect(m_model, &FunctionListModel::errorTextChanged, this, &FunctionsPanel::updateEmptyHint);
    connect(m_model, &FunctionListModel::loadingChanged, this, &FunctionsPanel::updateEmptyHint);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FunctionsPanel::currentRowChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const int selected = int(selectedNames().size());
        m_delete->setEnabled(selected > 0);
        m_export->setEnabled(selected > 0);
        m_duplicate->setEnabled(selected == 1);
        m_deletePackage->setEnabled(!currentPackage().isEmpty());
    });
    connect(m_model, &FunctionListModel::errorTextChanged, this, [this](const QString &text) {
        if (!text.isEmpty())
            showStatus(text, true);
    });
    connect(m_model, &FunctionListModel::loadingChanged, this, [this](bool loading) {
        if (loading)
            showStatus(tr("Loading functions…"));
        else if (m_model->errorText().isEmpty())
            showStatus(tr("%n function(s).", nullptr, m_model->rowCount()));
        if (!loading && m_view->selectionModel() && !m_view->currentIndex().isValid() && !m_lastCurrent.isEmpty())
            selectFunction(m_lastCurrent);
        if (!loading)
            fitColumns();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_model->isLoading())
            fitColumns(); // a function created or imported
    });
    for (QAction *action : {m_delete, m_export, m_duplicate})
        action->setEnabled(false);
}

void FunctionsPanel::currentRowChanged()
{
    const QString current = currentFunction();
    if (const QString package = currentPackage(); package != m_lastPackage && !m_leavePending) {
        m_lastPackage = package;
        Q_EMIT currentPackageChanged(package);
    }
    if (current == m_lastCurrent || m_leavePending)
        return;
    if (m_leaveCheck && !m_lastCurrent.isEmpty() && !m_removingShown) {
        m_leavePending = true;
        QPointer<FunctionsPanel> self(this);
        if (!m_leaveCheck([self](bool go) {
                if (self)
                    self->leaveAnswered(go);
            }))
            return; // asked: leaveAnswered goes on
        m_leavePending = false;
    }
    m_lastCurrent = current;
    Q_EMIT currentFunctionChanged(current);
}

void FunctionsPanel::leaveAnswered(bool go)
{
    if (!m_leavePending)
        return; // the platform changed meanwhile
    m_leavePending = false;
    if (!go) {
        if (!selectFunction(m_lastCurrent)) // back to the function shown
            m_view->selectionModel()->clearCurrentIndex();
        return;
    }
    const QString current = currentFunction(); // where the user went, perhaps further meanwhile
    if (current != m_lastCurrent) {
        m_lastCurrent = current;
        Q_EMIT currentFunctionChanged(current);
    }
}

void FunctionsPanel::fitColumns()
{
    QHeaderView *header = m_view->header();
    // One pass over the headers and the first kFitRows rows of each column.
    header->resizeSections(QHeaderView::ResizeToContents);
    m_nameWidth = std::min(header->sectionSize(FunctionListModel::NameColumn), kNameColumnMax);
    fitNameColumn();
}

void FunctionsPanel::fitNameColumn()
{
    QHeaderView *header = m_view->header();
    int others = 0;
    for (int column = 0; column < header->count(); ++column) {
        if (column != FunctionListModel::NameColumn && !header->isSectionHidden(column))
            others += header->sectionSize(column);
    }
    header->resizeSection(FunctionListModel::NameColumn, std::max(m_nameWidth, m_view->viewport()->width() - others));
}

void FunctionsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_clearButtonScheduled)
        return;
    m_clearButtonScheduled = true;
    QPointer<QLineEdit> filter = m_filter;
    afterFirstFrame(window(), [filter] {
        if (filter)
            filter->setClearButtonEnabled(true);
    });
}

bool FunctionsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitNameColumn();
    return QWidget::eventFilter(watched, event);
}

void FunctionsPanel::updateEmptyHint()
{
    const bool empty = m_tree->rowCount() == 0 && !m_model->isLoading() && m_model->errorText().isEmpty() && m_platform;
    m_emptyHint->setVisible(empty);
    if (!empty)
        return;
    if (!m_filter->text().isEmpty())
        m_emptyHint->setText(tr("No function matches “%1”.").arg(m_filter->text()));
    else
        m_emptyHint->setText(tr("No functions yet.\nCreate one with New function… (%1).")
                                 .arg(m_new->shortcut().toString(QKeySequence::NativeText)));
}

QList<QAction *> FunctionsPanel::commands() const
{
    return {m_new, m_duplicate, m_delete, m_import, m_export, m_refresh, m_focusFilter};
}

void FunctionsPanel::setPlatform(Platform *platform)
{
    m_platform = platform;
    m_lastCurrent.clear();
    if (!m_lastPackage.isEmpty()) {
        m_lastPackage.clear();
        Q_EMIT currentPackageChanged(QString());
    }
    m_leavePending = false;
    m_model->setPlatform(platform);
    m_model->refresh();
    Q_EMIT currentFunctionChanged(QString());
}

void FunctionsPanel::refresh()
{
    m_model->refresh();
}

QString FunctionsPanel::currentFunction() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(FunctionListModel::NameRole).toString() : QString();
}

bool FunctionsPanel::selectFunction(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return false;
    const QModelIndex index = viewIndexOf(row);
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

QStringList FunctionsPanel::selectedNames() const
{
    QStringList names;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        if (const QString name = index.data(FunctionListModel::NameRole).toString(); !name.isEmpty())
            names.append(name); // not a package's row
    }
    return names;
}

QStringList FunctionsPanel::allNames() const
{
    QStringList names;
    for (int row = 0; row < m_model->rowCount(); ++row)
        names.append(m_model->index(row, 0).data(FunctionListModel::NameRole).toString());
    return names;
}

void FunctionsPanel::newFunction()
{
    if (!m_platform)
        return;
    QPointer<Platform> platform = m_platform;
    showStatus(tr("Reading the platform's runtimes…"));
    onResult(m_platform->info(), this, [this, platform](Result<PlatformInfo> info) {
        if (platform != m_platform)
            return;
        if (!info) {
            showStatus(tr("Could not read the platform's runtimes: %1").arg(info.error().message), true);
            return;
        }
        showStatus(QString());
        // Kinds a function can start in from the editor: those with a template (a native action
        // is a zip, made elsewhere). Node.js first, the default choice.
        QStringList kinds;
        for (const QString &kind : info->kinds()) {
            if (!FunctionTemplates::codeFor(kind).isEmpty())
                kinds.insert(kind.startsWith(QLatin1StringView("nodejs:")) ? 0 : kinds.size(), kind);
        }
        NewFunctionDialog dialog(kinds, allNames(), this);
        dialog.offerSequence(m_platform);
        createThroughDialog(
            dialog,
            [&dialog](const QString &name, const QString &kind) {
                Action action;
                action.name = name;
                action.exec = dialog.execFor(kind); // a runtime's template, or a sequence's components
                return action;
            },
            [](const QString &name) { return tr("Created %1.").arg(name); });
    });
}

void FunctionsPanel::createThroughDialog(NewFunctionDialog &dialog,
                                         std::function<Action(const QString &, const QString &)> make,
                                         std::function<QString(const QString &)> doneMessage)
{
    QPointer<Platform> platform = m_platform;
    QPointer<NewFunctionDialog> open = &dialog;
    // The dialog stays up until the platform has the function: a refusal shows in it and the name
    // and runtime typed are still there to correct.
    connect(&dialog, &NewFunctionDialog::createRequested, this,
            [this, platform, open, make, doneMessage](const QString &name, const QString &kind) {
                if (platform != m_platform)
                    return open->reject();
                open->setBusy(true);
                onResult(m_platform->putAction(name, make(name, kind), PutOptions{}), this,
                         [this, platform, open, name, doneMessage](Result<Action> stored) {
                             if (open) {
                                 open->setBusy(false);
                                 if (!stored)
                                     return open->showError(tr("Not created: %1").arg(stored.error().message));
                                 open->accept();
                             }
                             if (platform != m_platform || !stored)
                                 return;
                             m_model->applyAction(stored.value());
                             const QString message = doneMessage(name);
                             showStatus(message);
                             Q_EMIT statusMessage(message);
                             selectFunction(name);
                         });
            });
    dialog.exec();
}

void FunctionsPanel::putAll(const QList<Action> &actions, const QString &doneMessage)
{
    if (!m_platform || actions.isEmpty())
        return;
    showStatus(tr("Saving %n function(s)…", nullptr, int(actions.size())));
    auto remaining = std::make_shared<int>(int(actions.size()));
    auto failures = std::make_shared<QStringList>();
    QPointer<Platform> platform = m_platform;
    const QString select = actions.size() == 1 ? actions.first().name.value_or(QString()) : QString();
    for (const Action &action : actions) {
        const QString name = action.name.value_or(QString());
        onResult(m_platform->putAction(name, action, PutOptions{}), this, [=, this](Result<Action> stored) {
            if (platform != m_platform)
                return;
            if (stored)
                m_model->applyAction(stored.value());
            else
                failures->append(tr("%1: %2").arg(name, stored.error().message));
            if (--*remaining > 0)
                return;
            if (failures->isEmpty()) {
                showStatus(doneMessage);
                Q_EMIT statusMessage(doneMessage);
                if (!select.isEmpty())
                    selectFunction(select);
            } else {
                showStatus(failures->join(QLatin1Char('\n')), true);
            }
        });
    }
}

void FunctionsPanel::duplicateCurrent()
{
    const QString name = currentFunction();
    if (!m_platform || name.isEmpty())
        return;
    QPointer<Platform> platform = m_platform;
    onResult(m_platform->getAction(name, true), this, [this, platform, name](Result<Action> found) {
        if (platform != m_platform)
            return;
        if (!found) {
            showStatus(tr("Could not read %1: %2").arg(name, found.error().message), true);
            return;
        }
        // The copy's name is asked, with a free "NAME-copy" offered; Cancel creates nothing.
        const Action original = found.value();
        const QString kind = original.exec ? original.exec->kind : QString();
        NewFunctionDialog dialog({kind}, allNames(), this);
        dialog.askForCopy(name, FunctionFiles::copyName(name, allNames()));
        createThroughDialog(
            dialog,
            [original](const QString &chosen, const QString &) {
                Action copy = original;
                copy.name = chosen;
                copy.version.reset();
                copy.updated.reset();
                copy.ns.reset();
                return copy;
            },
            [name](const QString &chosen) { return tr("Created %1 as a copy of %2.").arg(chosen, name); });
    });
}

void FunctionsPanel::deleteSelected()
{
    const QStringList names = selectedNames();
    if (m_platform && names.isEmpty() && !currentPackage().isEmpty())
        return deleteCurrentPackage();
    if (!m_platform || names.isEmpty())
        return;
    const auto answer =
        QMessageBox::question(this, tr("Delete functions"),
                              tr("Delete %n function(s)? This cannot be undone.\n\n%1", nullptr, int(names.size()))
                                  .arg(names.join(QLatin1Char('\n'))),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    auto remaining = std::make_shared<int>(int(names.size()));
    auto failures = std::make_shared<QStringList>();
    // Where the list goes once the function shown is gone: the next row that stays, else the one
    // before. (The list's proxy reports a removal as a layout change, which leaves no current row.)
    auto neighbour = std::make_shared<QString>();
    if (const int shown = m_view->currentIndex().row(); shown >= 0 && names.contains(currentFunction())) {
        const QModelIndex parent = m_view->currentIndex().parent(); // a neighbour in the same package
        const auto nameAt = [this, parent](int row) {
            return m_tree->index(row, 0, parent).data(FunctionListModel::NameRole).toString();
        };
        for (int row = shown + 1; row < m_tree->rowCount(parent) && neighbour->isEmpty(); ++row)
            if (!names.contains(nameAt(row)))
                *neighbour = nameAt(row);
        for (int row = shown - 1; row >= 0 && neighbour->isEmpty(); --row)
            if (!names.contains(nameAt(row)) && !nameAt(row).isEmpty())
                *neighbour = nameAt(row);
    }
    QPointer<Platform> platform = m_platform;
    showStatus(tr("Deleting…"));
    for (const QString &name : names) {
        onResult(m_platform->deleteAction(name), this, [=, this](Result<Action> deleted) {
            if (platform != m_platform)
                return;
            if (deleted) {
                // The list makes a neighbour current (or none); the function shown is gone, so
                // there is nothing to ask about it.
                m_removingShown = true;
                m_model->removeFunction(name);
                if (!m_view->currentIndex().isValid() && !neighbour->isEmpty())
                    selectFunction(*neighbour);
                if (!m_view->currentIndex().isValid())
                    currentRowChanged(); // a layout change emptied it without a signal: the panels show nothing
                m_removingShown = false;
            } else {
                failures->append(tr("%1: %2").arg(name, deleted.error().message));
            }
            if (--*remaining > 0)
                return;
            // The list's selection is the function the panels show, or nothing.
            const QModelIndex current = m_view->currentIndex();
            if (current.isValid())
                m_view->selectionModel()->select(current,
                                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            showStatus(failures->isEmpty() ? tr("Deleted %n function(s).", nullptr, int(names.size()))
                                           : failures->join(QLatin1Char('\n')),
                       !failures->isEmpty());
        });
    }
}

void FunctionsPanel::importFunctions()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import functions"), QString(),
                                                      tr("Functions (*.js *.mjs *.cjs *.py *.json)"));
    if (path.isEmpty())
        return;
    auto imported = FunctionFiles::importPath(path);
    if (!imported) {
        showStatus(imported.error().message, true);
        return;
    }
    putAll(imported.value(), tr("Imported %n function(s).", nullptr, int(imported->size())));
}

void FunctionsPanel::exportSelected()
{
    const QStringList names = selectedNames();
    if (!m_platform || names.isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export functions"),
                                                      names.size() == 1 ? names.first() + QStringLiteral(".json")
                                                                        : QStringLiteral("functions.json"),
                                                      tr("Function documents (*.json);;Source file (*.js *.py)"));
    if (path.isEmpty())
        return;
    auto remaining = std::make_shared<int>(int(names.size()));
    auto collected = std::make_shared<QList<Action>>();
    auto failures = std::make_shared<QStringList>();
    QPointer<Platform> platform = m_platform;
    for (const QString &name : names) {
        onResult(m_platform->getAction(name, true), this, [=, this](Result<Action> found) {
            if (platform != m_platform)
                return;
            if (found)
                collected->append(found.value());
            else
                failures->append(tr("%1: %2").arg(name, found.error().message));
            if (--*remaining > 0)
                return;
            if (!failures->isEmpty()) {
                showStatus(failures->join(QLatin1Char('\n')), true);
                return;
            }
            auto written = FunctionFiles::exportActions(*collected, path);
            showStatus(written ? tr("Exported %n function(s) to %1.", nullptr, int(collected->size())).arg(path)
                               : written.error().message,
                       !written.ok());
        });
    }
}

void FunctionsPanel::functionChanged(const Action &action)
{
    m_model->applyAction(action);
    // A new value may be wider ("auto (0.125 vCPU)"): columns grow to it, never shrink here.
    growColumnsToContents(m_view, FunctionListModel::NameColumn);
    fitNameColumn();
}

void FunctionsPanel::showStatus(const QString &message, bool error)
{
    m_status->setText(message);
    m_status->setError(error);
}

} // namespace funcdesk
