#include "ui/functions/ConfigPanel.h"
#include "core/FutureCallback.h"
#include "ui/functions/ParameterEditor.h"
#include "ui/shell/ErrorLabel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace funcdesk {

namespace {

QLabel *errorLabel(QWidget *parent, const char *name)
{
    // As wide as the form allows, not as narrow as the field beside it: a wrapped message in a
    // spin box's width is cut off (seen at 200 % and in Chinese).
    return ParameterEditor::errorLabel(parent, name);
}

QSpinBox *spinBox(QWidget *parent, const char *name, int maximum, const QString &suffix)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QLatin1StringView(name));
    box->setRange(0, maximum); // the platform's range is checked with a message, not clamped
    box->setSuffix(suffix);
    box->setAccelerated(true);
    return box;
}

void showError(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

// Shows vCPUs as the note beside it does: "0.125", "0.25", "1", never "0.13" or "0.250".
class CpuSpinBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;

protected:
    QString textFromValue(double value) const override { return FunctionConfigForm::cpuText(value); }
};

} // namespace

ConfigPanel::ConfigPanel(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("configTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_triggers = new QLabel(this);
    m_triggers->setObjectName(QStringLiteral("configTriggers"));
    m_triggers->setWordWrap(true);
    setTriggers({});

    m_form = new QFormLayout;
    QFormLayout *form = m_form;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    // A label with a mnemonic needs its buddy, or the "&" shows.
    auto labelFor = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    // The message sits beside its field: a message appearing moves nothing (reserving a line under
    // each field instead would take a third of the panel's height).
    auto errorRow = [](QWidget *field, QLabel *error, QWidget *beside = nullptr) {
        auto *row = new QHBoxLayout;
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(field, 0, Qt::AlignLeft);
        if (beside)
            row->addWidget(beside);
        row->addWidget(error, 1);
        return row;
    };
    auto fieldWithError = [form, labelFor, errorRow](const QString &label, QWidget *field, QLabel *error,
                                                     QWidget *beside = nullptr) {
        form->addRow(labelFor(label, field), errorRow(field, error, beside));
    };

    m_memory = spinBox(this, "memory", 1 << 20, tr(" MB"));
    m_memoryError = errorLabel(this, "memoryError");
    m_processRows.append(form->rowCount());
    fieldWithError(tr("&Memory:"), m_memory, m_memoryError);

    m_timeout = spinBox(this, "timeout", 24 * 3600 * 1000, tr(" ms"));
    m_timeout->setSingleStep(1000);
    m_timeoutError = errorLabel(this, "timeoutError");
    fieldWithError(tr("&Timeout:"), m_timeout, m_timeoutError);

    m_cpuAuto = new QCheckBox(tr("Follow memory"), this);
    m_cpuAuto->setObjectName(QStringLiteral("cpuAuto"));
    m_cpu = new CpuSpinBox(this);
    m_cpu->setObjectName(QStringLiteral("cpu"));
    m_cpu->setRange(0.0, 1024.0);
    m_cpu->setDecimals(3); // 0.125 vCPU is 128 MB's share
    m_cpu->setSingleStep(0.05);
    m_cpu->setSuffix(tr(" vCPU"));
    m_cpuNote = new QLabel(this);
    m_cpuNote->setObjectName(QStringLiteral("cpuNote"));
    m_cpuNote->setWordWrap(true);
    // One row, the note beside the toggle: a note under the field came and went with Follow
    // memory and moved every field below it.
    auto *cpuRow = new QHBoxLayout;
    cpuRow->setContentsMargins(0, 0, 0, 0);
    cpuRow->addWidget(m_cpu, 0, Qt::AlignLeft); // as wide as the other number fields
    cpuRow->addWidget(m_cpuAuto);
    cpuRow->addWidget(m_cpuNote, 1);
    m_processRows.append(form->rowCount());
    form->addRow(labelFor(tr("&CPU:"), m_cpu), cpuRow);

    m_logs = spinBox(this, "logs", 1 << 20, tr(" MB"));
    m_logsError = errorLabel(this, "logsError");
    fieldWithError(tr("&Log limit:"), m_logs, m_logsError);

    m_concurrency = spinBox(this, "concurrency", 1 << 20, QString());
    // A paragraph, so Qt wraps it: a plain-text tooltip stays one line, 1,000 pixels wide here.
    m_concurrency->setToolTip(
        QStringLiteral("<p>%1</p>")
            .arg(tr("How many activations of this function may run at once. Node.js runs them in one "
                    "process that shares the memory and CPU limits, as OpenWhisk does; more wait in a queue.")
                     .toHtmlEscaped()));
    m_concurrencyError = errorLabel(this, "concurrencyError");
    m_processRows.append(form->rowCount());
    fieldWithError(tr("C&oncurrency:"), m_concurrency, m_concurrencyError);

    m_instancesSet = new QCheckBox(tr("Limit"), this);
    m_instancesSet->setObjectName(QStringLiteral("instancesSet"));
    m_instances = spinBox(this, "instances", 1 << 20, QString());
    auto *instancesRow = new QHBoxLayout;
    instancesRow->addWidget(m_instances, 0, Qt::AlignLeft); // a number field's width, as CPU
    instancesRow->addWidget(m_instancesSet);
    instancesRow->addStretch(1);
    m_processRows.append(form->rowCount());
    form->addRow(labelFor(tr("&Instances:"), m_instances), instancesRow);

    // Storage, Network, Minimum instances: Funcdesk's sandbox settings (hidden where the platform
    // has none, see showForm).
    m_storage = spinBox(this, "storage", 1 << 20, tr(" MB"));
    m_storage->setSingleStep(512);
    m_storageError = errorLabel(this, "storageError");
    m_storageNote = new QLabel(this);
    m_storageNote->setObjectName(QStringLiteral("storageNote"));
    // One line: a wrapped label beside a field wraps long before the row is full.
    m_storageRows.append(form->rowCount());
    fieldWithError(tr("Stora&ge (/tmp):"), m_storage, m_storageError, m_storageNote);

    m_network = new QComboBox(this);
    m_network->setObjectName(QStringLiteral("network"));
    m_network->addItem(tr("On"), true);
    m_network->addItem(tr("Off"), false);
    auto *networkNote = new QLabel(tr("Off: the function has no network at all, not even to other functions."), this);
    networkNote->setObjectName(QStringLiteral("networkNote"));
    networkNote->setWordWrap(true);
    auto *networkRow = new QHBoxLayout;
    networkRow->addWidget(m_network, 0, Qt::AlignLeft);
    networkRow->addWidget(networkNote, 1);
    m_storageRows.append(form->rowCount());
    form->addRow(labelFor(tr("Networ&k:"), m_network), networkRow);

    m_minInstances = spinBox(this, "minInstances", 1 << 20, QString());
    m_minInstances->setToolTip(
        QStringLiteral("<p>%1</p>")
            .arg(tr("How many processes of the current version the platform keeps started and warm at all times, "
                    "so calls do not wait for a cold start.")
                     .toHtmlEscaped()));
    m_minInstancesError = errorLabel(this, "minInstancesError");
    m_warmInstances = new QLabel(this);
    m_warmInstances->setObjectName(QStringLiteral("warmInstances"));
    m_storageRows.append(form->rowCount());
    fieldWithError(tr("Minimum instanc&es:"), m_minInstances, m_minInstancesError, m_warmInstances);

    m_parameters =
        new ParameterEditor({"parameters", "addParameter", "removeParameter", "parametersError"}, true, this);

    m_webExport = new QCheckBox(tr("&Web export: call this function over HTTP without a key"), this);
    m_webExport->setObjectName(QStringLiteral("webExport"));
    m_webUrl = new QLineEdit(this);
    m_webUrl->setObjectName(QStringLiteral("webUrl"));
    m_webUrl->setReadOnly(true);
    m_copyUrl = new QPushButton(tr("Cop&y URL"), this);
    m_copyUrl->setObjectName(QStringLiteral("copyUrl"));
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_webUrl, 1);
    urlRow->addWidget(m_copyUrl);

    m_apply = new QPushButton(tr("A&pply"), this);
    m_apply->setObjectName(QStringLiteral("apply"));
    m_apply->setDefault(true);
    m_reset = new QPushButton(tr("Re&set"), this);
    m_reset->setObjectName(QStringLiteral("reset"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("configStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The version the platform has now, apart from the messages: it follows Apply and deploys.
    m_version = new QLabel(this);
    m_version->setObjectName(QStringLiteral("configVersion"));
    // While an Apply is in flight: Cancel (Esc) stops waiting; afterwards Refresh shows what the
    // platform has, since a request that left may have been stored anyway.
    m_cancelAction = new QAction(tr("Cancel"), this);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cancelAction->setEnabled(false);
    addAction(m_cancelAction);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelApply"));
    m_cancel->setToolTip(tr("Stop waiting for the platform (Esc)"));
    m_cancel->hide();
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshConfig"));
    m_refresh->setToolTip(tr("Load what the platform has now; the form keeps what you typed"));
    m_refresh->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_version);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_reset);
    buttons->addWidget(m_apply);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_title);
    layout->addWidget(m_triggers);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Default parameters"), content));
    layout->addWidget(m_parameters->table(), 1);
    layout->addLayout(m_parameters->buttons());
    layout->addWidget(m_parameters->error());
    layout->addWidget(m_webExport);
    layout->addLayout(urlRow);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll, 1);
    outer->addLayout(buttons);

    for (QSpinBox *box : {m_memory, m_timeout, m_logs, m_concurrency, m_instances, m_storage, m_minInstances})
        connect(box, &QSpinBox::valueChanged, this, &ConfigPanel::revalidate);
    connect(m_network, &QComboBox::currentIndexChanged, this, &ConfigPanel::revalidate);
    connect(m_cpu, &QDoubleSpinBox::valueChanged, this, &ConfigPanel::revalidate);
    connect(m_cpuAuto, &QCheckBox::toggled, this, &ConfigPanel::revalidate);
    connect(m_instancesSet, &QCheckBox::toggled, this, &ConfigPanel::revalidate);
    connect(m_webExport, &QCheckBox::toggled, this, &ConfigPanel::revalidate);
    connect(m_parameters, &ParameterEditor::changed, this, &ConfigPanel::revalidate);
    connect(m_copyUrl, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_webUrl->text());
        m_status->setText(tr("URL copied."));
    });
    connect(m_apply, &QPushButton::clicked, this, [this] { apply(); });
    connect(m_cancel, &QPushButton::clicked, this, &ConfigPanel::cancelApply);
    connect(m_cancelAction, &QAction::triggered, this, &ConfigPanel::cancelApply);
    connect(m_refresh, &QPushButton::clicked, this, &ConfigPanel::refreshLoaded);
    connect(m_reset, &QPushButton::clicked, this, [this] { showForm(m_loaded); });
    for (const int row : std::as_const(m_storageRows))
        m_form->setRowVisible(row, false); // until a platform says it has them
    setEnabled(false);
}

void ConfigPanel::setContext(Platform *platform, const QString &functionName)
{
    m_platform = platform;
    m_name = functionName;
    ++m_applyRequest; // an Apply in flight belongs to the previous function
    m_applying = false;
    m_cancel->hide();
    m_refresh->hide();
    m_cancelAction->setEnabled(false);
    finishApply(false); // whoever waited for that Apply hears that it did not end here
    m_title->setText(functionName.isEmpty() ? tr("No function selected") : tr("Configuration of %1").arg(functionName));
    m_version->clear();
    load();
}

void ConfigPanel::setWebActionAddress(const WebActionAddress &address)
{
    m_webActions = address;
    revalidate();
}

void ConfigPanel::setTriggers(const QList<FunctionTrigger> &triggers)
{
    m_triggers->setText(triggers.isEmpty() ? tr("No trigger runs this function; wire one in the Wiring view.")
                                           : tr("Run by: %1").arg(WiringSnapshot::describe(triggers)));
}

QString ConfigPanel::webUrl() const
{
    if (!m_platform)
        return {};
    return m_webActions.url(m_platform->namespaceName(), m_name);
}

void ConfigPanel::load()
{
    if (!m_platform || m_name.isEmpty()) {
        setEnabled(false);
        return;
    }
    setBusy(true, tr("Loading configuration…"));
    const QString name = m_name;
    QPointer<Platform> platform = m_platform;
    onResult(m_platform->info(), this, [this, platform, name](Result<PlatformInfo> info) {
        if (platform != m_platform || name != m_name)
            return; // the user moved on
        if (!info) {
            setBusy(false, tr("Could not read the platform's limits: %1").arg(info.error().message));
            return;
        }
        onResult(m_platform->getAction(name, false), this,
                 [this, platform, name, limits = info.value()](Result<Action> action) {
                     if (platform != m_platform || name != m_name)
                         return;
                     if (!action) {
                         setBusy(false, tr("Could not load %1: %2").arg(name, action.error().message));
                         return;
                     }
                     m_sequence = action->exec && action->exec->kind == QLatin1StringView("sequence");
                     m_loaded = FunctionConfigForm(action.value(), limits);
                     showForm(m_loaded);
                     showVersion(action.value());
                     setBusy(false, QString());
                     setEnabled(true);
                 });
    });
}

void ConfigPanel::showForm(const FunctionConfigForm &form)
{
    m_filling = true;
    m_memory->setValue(int(form.memoryMb));
    m_timeout->setValue(int(form.timeoutMs));
    m_logs->setValue(int(form.logsMb));
    m_concurrency->setValue(int(form.concurrency));
    m_instancesSet->setChecked(form.instances.has_value());
    m_instances->setValue(int(form.instances.value_or(0)));
    m_cpuAuto->setChecked(!form.cpu.has_value());
    m_cpu->setValue(form.cpu.value_or(form.platform().limits.cpuForMemory(form.memoryMb)));
    m_storage->setValue(int(form.storageMb));
    m_network->setCurrentIndex(form.networkOn ? 0 : 1);
    m_minInstances->setValue(int(form.minInstances));
    m_storageNote->setText(form.storageNote());
    m_storageNote->setToolTip(QStringLiteral("<p>%1</p>").arg(form.storageNoteDetail().toHtmlEscaped()));
    m_warmInstances->setText(form.warmInstancesText());
    // A sequence runs no process of its own: memory, CPU, concurrency, instances and the sandbox
    // are its components' (OpenWhisk keeps a sequence's timeout and log limit, in its activation).
    for (const int row : std::as_const(m_storageRows))
        m_form->setRowVisible(row, form.storageSupported() && !m_sequence);
    for (const int row : std::as_const(m_processRows))
        m_form->setRowVisible(row, !m_sequence);
    m_parameters->setParameters(form.parameters);
    m_webExport->setChecked(form.webExport);
    m_filling = false;
    revalidate();
}

FunctionConfigForm ConfigPanel::readForm() const
{
    FunctionConfigForm form = m_loaded;
    form.memoryMb = m_memory->value();
    form.timeoutMs = m_timeout->value();
    form.logsMb = m_logs->value();
    form.concurrency = m_concurrency->value();
    form.instances = m_instancesSet->isChecked() ? std::optional<qint64>(m_instances->value()) : std::nullopt;
    form.cpu = m_cpuAuto->isChecked() ? std::nullopt : std::optional<double>(m_cpu->value());
    form.storageMb = m_storage->value();
    form.networkOn = m_network->currentData().toBool();
    form.minInstances = m_minInstances->value();
    form.parameters = m_parameters->parameters();
    form.webExport = m_webExport->isChecked();
    return form;
}

void ConfigPanel::revalidate()
{
    if (m_filling)
        return;
    const FunctionConfigForm form = readForm();
    const auto errors = form.validate();
    using Field = FunctionConfigForm::Field;
    showError(m_memoryError, errors.value(Field::Memory));
    showError(m_timeoutError, errors.value(Field::Timeout));
    showError(m_logsError, errors.value(Field::Logs));
    showError(m_concurrencyError, errors.value(Field::Concurrency));
    showError(m_storageError, errors.value(Field::Storage));
    showError(m_minInstancesError, errors.value(Field::MinInstances));
    m_parameters->showCheck(errors.value(Field::Parameters),
                            [&form](const QList<FunctionConfigForm::Parameter> &others) {
                                FunctionConfigForm without = form;
                                without.parameters = others;
                                return without.validate().value(Field::Parameters);
                            });
    m_instances->setEnabled(m_instancesSet->isChecked());

    const bool cpuSupported = form.cpuSupported();
    m_cpu->setEnabled(cpuSupported && !m_cpuAuto->isChecked());
    m_cpuAuto->setEnabled(cpuSupported);
    if (!cpuSupported)
        m_cpuNote->setText(form.cpuUnsupportedReason());
    else if (errors.contains(Field::Cpu))
        m_cpuNote->setText(errors.value(Field::Cpu));
    else if (m_cpuAuto->isChecked())
        m_cpuNote->setText(form.automaticCpuText());
    else
        m_cpuNote->clear();
    if (cpuSupported && m_cpuAuto->isChecked())
        m_cpu->setValue(form.platform().limits.cpuForMemory(form.memoryMb));

    m_webUrl->setText(m_webExport->isChecked() ? webUrl() : QString());
    m_webUrl->setEnabled(m_webExport->isChecked());
    m_copyUrl->setEnabled(m_webExport->isChecked() && !m_webUrl->text().isEmpty());
    const bool changed = !(form == m_loaded);
    m_apply->setEnabled(errors.isEmpty() && changed && m_platform);
    m_reset->setEnabled(changed);
}

void ConfigPanel::setBusy(bool busy, const QString &message)
{
    m_status->setText(message);
    m_cancel->setVisible(busy && m_applying);
    m_cancelAction->setEnabled(busy && m_applying);
    if (busy) {
        m_apply->setEnabled(false);
        m_reset->setEnabled(false);
    } else {
        revalidate(); // Apply only when something changed and all of it is valid
    }
}

} // namespace funcdesk
