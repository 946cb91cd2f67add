#pragma once

#include "models/triggers/TriggerKind.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QStackedWidget;

namespace funcdesk {

class ErrorLabel;
class ObjectEditor;
class RouteEditor;
class TimerEditor;

// Creates or edits one trigger: its name, its kind (Timer, Object, HTTP route, Manual) with the
// kind's editor, and the function each fire runs (creating with a function also creates the
// rule). "Create"/"Save" asks with saveRequested(); the dialog stays open with what was typed
// until the caller accept()s it or shows an error.
class TriggerEditorDialog : public QDialog
{
    Q_OBJECT

public:
    TriggerEditorDialog(const QStringList &functions, QWidget *parent = nullptr);

    // Editing an existing trigger (or route): name, kind and function stay as they are.
    void setEditing(const QString &name, TriggerKind kind, const QString &function);
    bool isEditing() const { return m_editing; }

    QString name() const;
    TriggerKind kind() const;
    QString function() const; // empty: none
    TimerEditor *timerEditor() const { return m_timer; }
    ObjectEditor *objectEditor() const { return m_object; }
    RouteEditor *routeEditor() const { return m_route; }

    void setBusy(bool busy);
    void showError(const QString &message);

Q_SIGNALS:
    void saveRequested();

private:
    void revalidate();
    QString problem() const;

    bool m_editing = false;
    bool m_busy = false;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QComboBox *m_function;
    QStackedWidget *m_pages;
    TimerEditor *m_timer;
    ObjectEditor *m_object;
    RouteEditor *m_route;
    ErrorLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace funcdesk
