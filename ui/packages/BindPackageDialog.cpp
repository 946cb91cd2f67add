#include "ui/packages/BindPackageDialog.h"
#include "core/EntityName.h"
#include "core/FutureCallback.h"
#include "core/PublishedPackages.h"

#include "models/packages/PackageForm.h"
#include "ui/functions/ParameterEditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace funcdesk {

namespace {
constexpr int kListed = 200; // packages listed per namespace (OpenWhisk's largest page)
} // namespace

BindPackageDialog::BindPackageDialog(Platform *platform, const QStringList &takenNames, QWidget *parent)
    : QDialog(parent), m_platform(platform), m_taken(takenNames)
{
    setWindowTitle(tr("Bind shared package"));
    setObjectName(QStringLiteral("bindPackageDialog"));
    m_namespace = new QLineEdit(QStringLiteral("whisk.system"), this);
    m_namespace->setObjectName(QStringLiteral("bindNamespace"));
    m_package = new QComboBox(this);
    m_package->setObjectName(QStringLiteral("bindPackage"));
    m_package->setMinimumContentsLength(24);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("bindingName"));
    m_parameters = new ParameterEditor(
        {"bindParameters", "addBindParameter", "removeBindParameter", "bindParametersError"}, false, this);
    m_error = ParameterEditor::errorLabel(this, "bindError");
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Bind"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("bindButton"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Namespace:"), m_namespace);
    form->addRow(tr("&Package:"), m_package);
    form->addRow(tr("Binding &name:"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Parameters (override the package's)"), this));
    layout->addWidget(m_parameters->table(), 1);
    layout->addLayout(m_parameters->buttons());
    layout->addWidget(m_parameters->error());
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(fontMetrics().averageCharWidth() * 70, fontMetrics().height() * 24);

    connect(m_namespace, &QLineEdit::editingFinished, this, &BindPackageDialog::listPackages);
    connect(m_package, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_nameTouched && m_package->currentIndex() >= 0) {
            const QSignalBlocker blocker(m_name);
            m_name->setText(m_package->currentData().toString().section(QLatin1Char('/'), -1));
        }
        revalidate();
    });
    connect(m_name, &QLineEdit::textEdited, this, [this] {
        m_nameTouched = true;
        revalidate();
    });
    connect(m_parameters, &ParameterEditor::changed, this, &BindPackageDialog::revalidate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        revalidate();
        if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            Q_EMIT bindRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    listPackages();
}

void BindPackageDialog::listPackages()
{
    const QString ns = m_namespace->text().trimmed();
    m_package->clear();
    if (!m_platform || ns.isEmpty())
        return revalidate();
    const quint64 listing = ++m_listing;
    showError(tr("Listing the packages %1 shares…").arg(ns));
    onResult(publishedPackagesOf(m_platform, ns, ListOptions{kListed, 0}), this,
             [this, listing, ns](Result<QList<Package>> packages) {
                 if (listing != m_listing)
                     return;
                 if (!packages) {
                     showError(tr("Could not list the packages of %1: %2").arg(ns, packages.error().message));
                     return;
                 }
                 showError(QString());
                 for (const Package &package : packages.value()) {
                     const QString target = QStringLiteral("/%1/%2").arg(ns, package.name.value_or(QString()));
                     m_package->addItem(target, target);
                 }
                 if (packages.value().isEmpty())
                     showError(tr("%1 shares no packages.").arg(ns));
                 revalidate();
             });
}

QString BindPackageDialog::bindingName() const
{
    return m_name->text().trimmed();
}

QString BindPackageDialog::target() const
{
    return m_package->currentData().toString();
}

Package BindPackageDialog::binding() const
{
    return PackageForm::newBinding(target(), m_parameters->parameters());
}

void BindPackageDialog::revalidate()
{
    QString problem;
    if (m_package->currentIndex() < 0)
        problem = tr("Choose a package to bind.");
    else if (bindingName().isEmpty())
        problem = tr("Give the binding a name.");
    else if (auto error = checkEntityName(bindingName()))
        problem = error->message;
    else if (m_taken.contains(bindingName()))
        problem = tr("This namespace has a package named %1 already.").arg(bindingName());
    const QString parameters = FunctionConfigForm::parametersProblem(m_parameters->parameters());
    m_parameters->showCheck(parameters, [](const QList<FunctionConfigForm::Parameter> &others) {
        return FunctionConfigForm::parametersProblem(others);
    });
    // A missing choice or name is plain from the empty field: only a broken rule is shown.
    const bool shown = m_package->currentIndex() >= 0 && !bindingName().isEmpty();
    if (shown && !m_busy)
        showError(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_busy && problem.isEmpty() && parameters.isEmpty());
}

void BindPackageDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *field : {static_cast<QWidget *>(m_namespace), static_cast<QWidget *>(m_package),
                           static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_parameters->table())})
        field->setEnabled(!busy);
    if (busy)
        showError(tr("Binding %1…").arg(target()));
    revalidate();
}

void BindPackageDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace funcdesk
