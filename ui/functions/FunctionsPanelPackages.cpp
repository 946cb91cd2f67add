// FunctionsPanel's packages: the Packages menu of its toolbar (New package…, Bind shared
// package…, Delete package…) and the package rows of its tree.

#include "core/EntityName.h"
#include "core/FutureCallback.h"
#include "ui/functions/FunctionsPanel.h"

#include "models/functions/FunctionFilterProxy.h"
#include "models/functions/FunctionListModel.h"
#include "models/functions/PackageTreeProxy.h"
#include "models/packages/PackageForm.h"
#include "ui/functions/GrowColumns.h"
#include "ui/packages/BindPackageDialog.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

namespace funcdesk {

void FunctionsPanel::createPackageCommands(QToolBar *toolbar)
{
    auto command = [this](const QString &text, const char *name, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1StringView(name));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_newPackage = command(tr("New &package…"), "newPackage", &FunctionsPanel::newPackage);
    m_bindPackage = command(tr("&Bind shared package…"), "bindPackage", &FunctionsPanel::bindPackage);
    m_deletePackage = command(tr("De&lete package…"), "deletePackage", &FunctionsPanel::deleteCurrentPackage);
    m_deletePackage->setEnabled(false);
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("packagesMenu"));
    menu->addActions(packageCommands());
    auto *button = new QToolButton(toolbar);
    button->setObjectName(QStringLiteral("packagesButton"));
    button->setText(tr("Pac&kages"));
    button->setToolTip(tr("New package, bind a shared package, delete a package"));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setMenu(menu);
    toolbar->addWidget(button);
    // The functions of a package opened may need wider columns than the list had when it loaded.
    connect(m_view, &QTreeView::expanded, this, [this] {
        growColumnsToContents(m_view, FunctionListModel::NameColumn);
        fitNameColumn();
    });
    // The same commands on a right click in the list.
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this,
            [this, menu](const QPoint &point) { menu->popup(m_view->viewport()->mapToGlobal(point)); });
}

QList<QAction *> FunctionsPanel::packageCommands() const
{
    return {m_newPackage, m_bindPackage, m_deletePackage};
}

QModelIndex FunctionsPanel::viewIndexOf(int modelRow) const
{
    return m_tree->mapFromSource(m_proxy->mapFromSource(m_model->index(modelRow, FunctionListModel::NameColumn)));
}

QString FunctionsPanel::currentPackage() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(FunctionListModel::PackageRole).toString() : QString();
}

bool FunctionsPanel::selectPackage(const QString &name)
{
    const QModelIndex index = m_tree->packageIndex(name);
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

QStringList FunctionsPanel::packageNames() const
{
    QStringList names;
    for (const FunctionListModel::PackageRow &package : m_model->packages())
        names.append(package.name);
    return names;
}

void FunctionsPanel::newPackage()
{
    askPackageName(QString(), QString());
}

// Asks for the new package's name until the platform has the package or the user cancels: a
// name that breaks the rule, or the platform's refusal, comes back with the name typed.
void FunctionsPanel::askPackageName(const QString &typed, const QString &problem)
{
    if (!m_platform)
        return;
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("newPackageDialog"));
    dialog.setWindowTitle(tr("New package"));
    const QString question = tr("Name of the new package (its functions are then named package/function):");
    dialog.setLabelText(problem.isEmpty() ? question : QStringLiteral("%1\n\n%2").arg(problem, question));
    dialog.setTextValue(typed);
    dialog.setOkButtonText(tr("Create"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = dialog.textValue().trimmed();
    if (auto error = checkEntityName(name))
        return askPackageName(name, error->message);
    if (packageNames().contains(name))
        return askPackageName(name, tr("There is a package named %1 already.").arg(name));
    QPointer<Platform> platform = m_platform;
    showStatus(tr("Creating package %1…").arg(name));
    onResult(m_platform->putPackage(name, PackageForm::newPackage(), PutOptions{}), this,
             [this, platform, name](Result<Package> stored) {
                 if (platform != m_platform)
                     return;
                 if (!stored) {
                     showStatus(QString());
                     return askPackageName(name, tr("Not created: %1").arg(stored.error().message));
                 }
                 m_model->applyPackage(stored.value());
                 const QString message = tr("Created package %1.").arg(name);
                 showStatus(message);
                 Q_EMIT statusMessage(message);
                 selectPackage(name);
             });
}

void FunctionsPanel::bindPackage()
{
    if (!m_platform)
        return;
    QPointer<Platform> platform = m_platform;
    BindPackageDialog dialog(m_platform, packageNames(), this);
    QPointer<BindPackageDialog> open = &dialog;
    connect(&dialog, &BindPackageDialog::bindRequested, this, [this, platform, open] {
        if (platform != m_platform)
            return open->reject();
        open->setBusy(true);
        const QString name = open->bindingName();
        const QString target = open->target();
        onResult(m_platform->putPackage(name, open->binding(), PutOptions{}), this,
                 [this, platform, open, name, target](Result<Package> stored) {
                     if (open) {
                         open->setBusy(false);
                         if (!stored)
                             return open->showError(tr("Not bound: %1").arg(stored.error().message));
                         open->accept();
                     }
                     if (platform != m_platform || !stored)
                         return;
                     m_model->applyPackage(stored.value());
                     const QString message = tr("Bound %1 as %2.").arg(target, name);
                     showStatus(message);
                     Q_EMIT statusMessage(message);
                     selectPackage(name);
                 });
    });
    dialog.exec();
}

void FunctionsPanel::deleteCurrentPackage()
{
    const QString name = currentPackage();
    if (!m_platform || name.isEmpty())
        return;
    const auto answer =
        QMessageBox::question(this, tr("Delete package"), tr("Delete package %1? This cannot be undone.").arg(name),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    QPointer<Platform> platform = m_platform;
    showStatus(tr("Deleting package %1…").arg(name));
    onResult(m_platform->deletePackage(name), this, [this, platform, name](Result<Package> deleted) {
        if (platform != m_platform)
            return;
        if (!deleted) { // a package that holds functions: the platform's 409 says so; nothing is lost
            const QString message = tr("Could not delete package %1: %2").arg(name, deleted.error().message);
            showStatus(message, true);
            Q_EMIT statusMessage(message);
            return;
        }
        m_model->removePackage(name);
        const QString message = tr("Deleted package %1.").arg(name);
        showStatus(message);
        Q_EMIT statusMessage(message);
    });
}

void FunctionsPanel::packageChanged(const Package &package)
{
    m_model->applyPackage(package);
}

} // namespace funcdesk
