#pragma once

#include "core/Platform.h"
#include "models/packages/PackageForm.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace funcdesk {

class ErrorLabel;
class ParameterEditor;

// The panel of one package or binding, where a function's tabs are when its row in the list is
// the current one: its default parameters (the editor a function's Configuration has; a
// function's own parameters override them, a binding's override its package's), whether it is
// published (other namespaces may bind it and run its functions), and read-only, what a binding
// binds, its annotations and functions. Apply sends only a valid form and keeps what was typed
// when the platform refuses, with its message in place; Revert shows what was loaded.
class PackagePanel : public QWidget
{
    Q_OBJECT

public:
    explicit PackagePanel(QWidget *parent = nullptr);

    // The package to show on `platform`; loads it.
    void setContext(Platform *platform, const QString &packageName);
    QString packageName() const { return m_name; }
    bool hasUnsavedChanges() const;

Q_SIGNALS:
    // After a successful Apply: the package as the platform now has it.
    void applied(const funcdesk::Package &package);
    void statusMessage(const QString &message);

private:
    void load();
    void showForm(const PackageForm &form);
    PackageForm readForm() const;
    void revalidate();
    void apply();
    void setStatus(const QString &message, bool error);

    QPointer<Platform> m_platform;
    QString m_name;
    PackageForm m_loaded;
    bool m_filling = false;
    bool m_busy = false;

    QLabel *m_title;
    QLabel *m_binding;
    QCheckBox *m_publish;
    ParameterEditor *m_parameters;
    QLabel *m_annotations;
    QListWidget *m_functions;
    ErrorLabel *m_status;
    QPushButton *m_apply;
    QPushButton *m_revert;
};

} // namespace funcdesk
