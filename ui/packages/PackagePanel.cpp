#include "ui/packages/PackagePanel.h"
#include "core/FutureCallback.h"

#include "ui/functions/ParameterEditor.h"
#include "ui/shell/ErrorLabel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace funcdesk {

PackagePanel::PackagePanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("packagePanel"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("packageTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_binding = new QLabel(this);
    m_binding->setObjectName(QStringLiteral("packageBinding"));
    m_binding->setWordWrap(true);
    m_binding->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_publish = new QCheckBox(tr("&Shared: other namespaces can bind this package and run its functions"), this);
    m_publish->setObjectName(QStringLiteral("packagePublish"));
    m_parameters = new ParameterEditor(
        {"packageParameters", "addPackageParameter", "removePackageParameter", "packageParametersError"}, false, this);
    m_annotations = new QLabel(this);
    m_annotations->setObjectName(QStringLiteral("packageAnnotations"));
    m_annotations->setWordWrap(true);
    m_annotations->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_functions = new QListWidget(this);
    m_functions->setObjectName(QStringLiteral("packageFunctions"));
    m_functions->setMaximumHeight(fontMetrics().height() * 6);
    m_status = new ErrorLabel(this);
    m_status->setObjectName(QStringLiteral("packageStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_apply = new QPushButton(tr("A&pply"), this);
    m_apply->setObjectName(QStringLiteral("applyPackage"));
    m_apply->setDefault(true);
    m_revert = new QPushButton(tr("Re&vert"), this);
    m_revert->setObjectName(QStringLiteral("revertPackage"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_binding);
    layout->addWidget(m_publish);
    layout->addWidget(new QLabel(tr("Default parameters (its functions' own parameters override them)"), this));
    layout->addWidget(m_parameters->table(), 1);
    layout->addLayout(m_parameters->buttons());
    layout->addWidget(m_parameters->error());
    auto *details = new QFormLayout;
    details->addRow(tr("Annotations:"), m_annotations);
    details->addRow(tr("Functions:"), m_functions);
    layout->addLayout(details);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);
    layout->addLayout(buttons);

    connect(m_parameters, &ParameterEditor::changed, this, &PackagePanel::revalidate);
    connect(m_publish, &QCheckBox::toggled, this, &PackagePanel::revalidate);
    connect(m_apply, &QPushButton::clicked, this, &PackagePanel::apply);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        showForm(m_loaded);
        setStatus(QString(), false);
    });
    setEnabled(false);
}

void PackagePanel::setContext(Platform *platform, const QString &packageName)
{
    m_platform = platform;
    m_name = packageName;
    m_title->setText(packageName);
    load();
}

bool PackagePanel::hasUnsavedChanges() const
{
    return isEnabled() && !(readForm() == m_loaded);
}

void PackagePanel::load()
{
    if (!m_platform || m_name.isEmpty()) {
        setEnabled(false);
        return;
    }
    setStatus(tr("Loading package…"), false);
    const QString name = m_name;
    QPointer<Platform> platform = m_platform;
    onResult(m_platform->getPackage(name), this, [this, platform, name](Result<Package> package) {
        if (platform != m_platform || name != m_name)
            return; // the user moved on
        if (!package) {
            setStatus(tr("Could not load %1: %2").arg(name, package.error().message), true);
            setEnabled(false);
            return;
        }
        m_loaded = PackageForm(package.value());
        showForm(m_loaded);
        setStatus(QString(), false);
        setEnabled(true);
    });
}

void PackagePanel::showForm(const PackageForm &form)
{
    m_filling = true;
    m_title->setText(form.name);
    m_binding->setText(form.boundTo.isEmpty()
                           ? tr("A package of this namespace.")
                           : tr("A binding of %1: its functions run with the parameters below, which override "
                                "those of %1.")
                                 .arg(form.boundTo));
    m_publish->setChecked(form.publish);
    m_publish->setVisible(form.boundTo.isEmpty()); // a binding is never shared (OpenWhisk)
    m_parameters->setParameters(form.parameters);
    m_annotations->setText(form.annotations.isEmpty() ? tr("none") : form.annotations.join(QLatin1Char('\n')));
    m_functions->clear();
    if (form.functions.isEmpty())
        m_functions->addItem(form.boundTo.isEmpty() ? tr("none yet") : tr("those of %1").arg(form.boundTo));
    else
        m_functions->addItems(form.functions);
    m_filling = false;
    revalidate();
}

PackageForm PackagePanel::readForm() const
{
    PackageForm form = m_loaded;
    form.publish = m_publish->isChecked();
    form.parameters = m_parameters->parameters();
    return form;
}

void PackagePanel::revalidate()
{
    if (m_filling)
        return;
    const PackageForm form = readForm();
    m_parameters->showCheck(form.problem(), [](const QList<PackageForm::Parameter> &others) {
        return FunctionConfigForm::parametersProblem(others);
    });
    const bool changed = !(form == m_loaded);
    m_apply->setEnabled(!m_busy && changed && form.problem().isEmpty() && m_platform);
    m_revert->setEnabled(!m_busy && changed);
}

void PackagePanel::apply()
{
    const PackageForm form = readForm();
    if (!m_platform || !form.problem().isEmpty())
        return;
    m_busy = true;
    revalidate();
    setStatus(tr("Applying…"), false);
    const QString name = m_name;
    QPointer<Platform> platform = m_platform;
    PutOptions options;
    options.overwrite = true;
    onResult(m_platform->putPackage(name, form.toUpdate(), options), this,
             [this, platform, name](Result<Package> stored) {
                 if (platform != m_platform || name != m_name)
                     return;
                 m_busy = false;
                 if (!stored) { // what was typed stays, to correct or apply again
                     setStatus(tr("Not applied: %1").arg(stored.error().message), true);
                     revalidate();
                     return;
                 }
                 const QStringList functions = m_loaded.functions; // a PUT's answer does not list them
                 m_loaded = PackageForm(stored.value());
                 m_loaded.functions = functions;
                 showForm(m_loaded);
                 const QString message = tr("Applied to %1.").arg(name);
                 setStatus(message, false);
                 Q_EMIT applied(stored.value());
                 Q_EMIT statusMessage(message);
             });
}

void PackagePanel::setStatus(const QString &message, bool error)
{
    m_status->setText(message);
    m_status->setError(error);
}

} // namespace funcdesk
