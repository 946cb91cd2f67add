#pragma once

#include "core/Platform.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QToolBar;
class QTreeView;

namespace funcdesk {

class FunctionFilterProxy;
class PackageTreeProxy;
class ErrorLabel;
class FunctionListModel;
class NewFunctionDialog;

// The function list of the current connection: filter as you type, sort by any column,
// multi-select; new, duplicate, delete (confirmed), import from a file or folder, export to a
// file. Functions in packages are under their package's row (collapsible), with the packages and
// bindings that hold none; new package, bind a shared package, delete a package
// (FunctionsPanelPackages.cpp). Reports the selected function or package to the main window.
class FunctionsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FunctionsPanel(QWidget *parent = nullptr);

    void setPlatform(Platform *platform);
    FunctionListModel *model() const { return m_model; }
    QString currentFunction() const;
    bool selectFunction(const QString &name);
    // The package whose row is the current one ("" when a function's or none is).
    QString currentPackage() const;
    bool selectPackage(const QString &name);
    // New package…, Bind shared package…, Delete package… (the toolbar's Packages menu).
    QList<QAction *> packageCommands() const;
    // The panel's commands, for the main window's menus (shortcuts included).
    QList<QAction *> commands() const;
    // Asked before another function becomes the current one (a click, a key, selectFunction()):
    // returns true when it may happen now; otherwise it answers later through the callback, and
    // "no" brings the selection back to the function shown. Not asked when the function shown
    // was deleted.
    using LeaveCheck = std::function<bool(std::function<void(bool)> answer)>;
    void setLeaveCheck(LeaveCheck check) { m_leaveCheck = std::move(check); }

public Q_SLOTS:
    void refresh();
    void newFunction();
    void deleteSelected();
    void duplicateCurrent();
    void importFunctions();
    void exportSelected();
    // After another panel changed a function (deploy, configuration).
    void functionChanged(const funcdesk::Action &action);
    void newPackage();
    void bindPackage();
    void deleteCurrentPackage();
    // After the Package panel changed a package.
    void packageChanged(const funcdesk::Package &package);

Q_SIGNALS:
    void currentFunctionChanged(const QString &name);
    // A package's row became the current one, or stopped being ("").
    void currentPackageChanged(const QString &name);
    void statusMessage(const QString &message);

private:
    void currentRowChanged();
    void leaveAnswered(bool go);
    // Runs a New function (or Duplicate) dialog until the platform has the function `make` builds
    // from the name and runtime typed: a refusal shows in the dialog, with what was typed.
    void createThroughDialog(NewFunctionDialog &dialog, std::function<Action(const QString &, const QString &)> make,
                             std::function<QString(const QString &)> doneMessage);
    // Sizes the columns to their headers and contents; the name column takes what is left.
    void fitColumns();
    void fitNameColumn();
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    QStringList selectedNames() const;
    QStringList allNames() const;
    void putAll(const QList<Action> &actions, const QString &doneMessage);
    void showStatus(const QString &message, bool error = false);
    // The hint in the empty list: how to create a first function, or that the filter hides all.
    void updateEmptyHint();
    void createPackageCommands(QToolBar *toolbar);
    void askPackageName(const QString &typed, const QString &problem);
    QStringList packageNames() const;
    // The row of a function of the list (a FunctionListModel row), through both proxies.
    QModelIndex viewIndexOf(int modelRow) const;

    QPointer<Platform> m_platform;
    FunctionListModel *m_model;
    FunctionFilterProxy *m_proxy;
    PackageTreeProxy *m_tree;
    QLineEdit *m_filter;
    QTreeView *m_view;
    ErrorLabel *m_status;
    QLabel *m_emptyHint;
    QAction *m_new;
    QAction *m_duplicate;
    QAction *m_delete;
    QAction *m_import;
    QAction *m_export;
    QAction *m_refresh;
    QAction *m_focusFilter;
    QAction *m_newPackage;
    QAction *m_bindPackage;
    QAction *m_deletePackage;
    QString m_lastCurrent;
    QString m_lastPackage;
    LeaveCheck m_leaveCheck;
    bool m_leavePending = false;         // the leave check has not answered yet
    bool m_removingShown = false;        // the function shown is being deleted: nothing to ask
    bool m_clearButtonScheduled = false; // the filter's clear button, after the first frame
    int m_nameWidth = 0;                 // what the names need (fitColumns), at most kNameColumnMax
};

} // namespace funcdesk
