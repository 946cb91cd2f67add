#pragma once

#include "core/Platform.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace funcdesk {

class ParameterEditor;

// Bind shared package: lists the packages another namespace publishes (whisk.system's catalog
// first; any namespace can be typed), and asks for the binding's name (checked as typed, not
// one of this namespace's packages) and its parameters, which override the package's. "Bind"
// asks with bindRequested(); the dialog stays open, with what was typed, until the caller
// accept()s it or shows the platform's error.
class BindPackageDialog : public QDialog
{
    Q_OBJECT

public:
    BindPackageDialog(Platform *platform, const QStringList &takenNames, QWidget *parent = nullptr);

    QString bindingName() const;
    // The package bound, "/namespace/package".
    QString target() const;
    // The binding as the platform stores it.
    Package binding() const;
    void setBusy(bool busy);
    void showError(const QString &message);

Q_SIGNALS:
    void bindRequested();

private:
    void listPackages();
    void revalidate();

    QPointer<Platform> m_platform;
    QStringList m_taken;
    QLineEdit *m_namespace;
    QComboBox *m_package;
    QLineEdit *m_name;
    ParameterEditor *m_parameters;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
    bool m_nameTouched = false; // the name follows the package chosen until it is typed
    quint64 m_listing = 0;      // answers of an older listing are dropped
};

} // namespace funcdesk
