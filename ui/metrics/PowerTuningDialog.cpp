#include "ui/metrics/PowerTuningDialog.h"

#include "core/FutureCallback.h"
#include "models/metrics/PowerTuner.h"
#include "models/metrics/PriceListSettings.h"
#include "models/testing/PayloadListModel.h"
#include "ui/views/Views.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace funcdesk {

namespace {

// The sizes offered (those within the platform's range), the first five checked: AWS Lambda
// Power Tuning's default list, a power-of-two ladder from OpenWhisk's minimum.
const QList<qint64> kMemorySizes{128, 256, 512, 1024, 2048, 3008};
const QList<double> kCpus{0.25, 0.5, 1.0, 2.0};

enum Column { SettingColumn, RunsColumn, ErrorsColumn, AverageColumn, P95Column, CostColumn, TotalColumn, ColumnCount };

QLabel *plainLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

} // namespace

PowerTuningDialog::PowerTuningDialog(Platform *platform, QString connectionId, QString function,
                                     Executor *localExecutor, QWidget *parent)
    : PowerTuningDialog(platform, std::move(connectionId), std::move(function), localExecutor, PayloadStore(), parent)
{
}

PowerTuningDialog::PowerTuningDialog(Platform *platform, QString connectionId, QString function,
                                     Executor *localExecutor, const PayloadStore &payloads, QWidget *parent)
    : QDialog(parent), m_platform(platform), m_connection(connectionId), m_function(std::move(function))
{
    setObjectName(QStringLiteral("powerTuningDialog"));
    setWindowTitle(tr("Power tuning: %1").arg(m_function));
    m_tuner = new PowerTuner(platform, localExecutor, this);
    m_payloads = new PayloadListModel(payloads, this);
    const Result<Done> loaded = m_payloads->setFunction(connectionId, m_function);
    build(localExecutor != nullptr);
    if (!loaded)
        m_status->setText(loaded.error().message);

    connect(m_tuner, &PowerTuner::progressChanged, this, &PowerTuningDialog::onProgress);
    connect(m_tuner, &PowerTuner::resultChanged, this, &PowerTuningDialog::showResults);
    connect(m_tuner, &PowerTuner::finished, this, &PowerTuningDialog::onFinished);
    connect(m_tuner, &PowerTuner::runningChanged, this, &PowerTuningDialog::updateButtons);
    connect(m_tuner, &PowerTuner::failed, this, [this](const QString &message) {
        m_failed = true;
        m_status->setText(message);
        updateButtons();
    });
    connect(m_tuner, &PowerTuner::applied, this, [this](const Action &action) {
        const qint64 memory = action.limits && action.limits->memoryMb ? *action.limits->memoryMb : 0;
        m_status->setText(tr("Applied: %1 now has %2 MB.").arg(m_function).arg(memory));
        m_apply->setEnabled(true);
        Q_EMIT applied(action);
    });
    // Closing the dialog ends the tuning (and puts the platform's limits back): nothing runs unseen.
    connect(this, &QDialog::finished, m_tuner, &PowerTuner::cancel);
    loadPlatformInfo();
    updateButtons();
    resize(1000, 680); // fits 1366×768 with a panel and a title bar
}

PowerTuningDialog::~PowerTuningDialog()
{
    m_tuner->cancel(); // puts the platform's limits back
}

void PowerTuningDialog::build(bool canRunLocally)
{
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("powerTuningSplitter"));
    split->addWidget(buildForm(canRunLocally));
    m_chart = views::createPowerTuningChart(this);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("powerTuningResults"));
    m_table->setHorizontalHeaderLabels(
        {tr("Setting"), tr("Runs"), tr("Errors"), tr("Average"), tr("p95"), tr("Cost / invocation"), tr("Total cost")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *results = new QSplitter(Qt::Vertical, this);
    results->addWidget(m_chart->widget());
    results->addWidget(m_table);
    results->setStretchFactor(0, 3);
    results->setStretchFactor(1, 2);
    results->setSizes({360, 200});
    split->addWidget(results);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({380, 620});
    split->setChildrenCollapsible(false);

    m_start = new QPushButton(tr("Start"), this);
    m_start->setObjectName(QStringLiteral("startTuning"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelTuning"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("tuningProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m runs"));
    m_progress->setTextVisible(false); // no "0 of 1 runs" before there is a plan
    m_status = plainLabel(QStringLiteral("tuningStatus"), this);
    connect(m_start, &QPushButton::clicked, this, &PowerTuningDialog::start);
    connect(m_cancel, &QPushButton::clicked, m_tuner, &PowerTuner::cancel);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_start);
    runRow->addWidget(m_cancel);
    runRow->addWidget(m_progress, 1);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(runRow);
    layout->addWidget(m_status);
    layout->addWidget(buildRecommendations());
    layout->addWidget(close);
}

QWidget *PowerTuningDialog::buildForm(bool canRunLocally)
{
    auto *form = new QWidget(this);
    auto *layout = new QFormLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);

    m_payloadChoice = new QComboBox(form);
    m_payloadChoice->setObjectName(QStringLiteral("tuningPayloadChoice"));
    m_payloadChoice->addItem(tr("Written here"));
    for (int row = 0; row < m_payloads->rowCount(); ++row)
        m_payloadChoice->addItem(m_payloads->payload(row).name);
    m_payloadEditor = new QPlainTextEdit(QStringLiteral("{}"), form);
    m_payloadEditor->setObjectName(QStringLiteral("tuningPayload"));
    m_payloadEditor->setMaximumHeight(90);
    m_payloadEditor->setTabChangesFocus(true);
    connect(m_payloadChoice, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index > 0)
            m_payloadEditor->setPlainText(m_payloads->payload(index - 1).text);
    });
    if (m_payloads->rowCount() > 0)
        m_payloadChoice->setCurrentIndex(1);
    layout->addRow(tr("Payload:"), m_payloadChoice);
    layout->addRow(QString(), m_payloadEditor);

    m_runs = new QSpinBox(form);
    m_runs->setObjectName(QStringLiteral("tuningRuns"));
    m_runs->setRange(1, TuningPlan::kMaxRuns);
    m_runs->setValue(10);
    layout->addRow(tr("Runs per setting:"), m_runs);

    auto *memory = new QWidget(form);
    m_memoryGrid = new QGridLayout(memory);
    m_memoryGrid->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("Memory sizes:"), memory);

    m_cpuRow = new QWidget(form);
    auto *cpuLayout = new QHBoxLayout(m_cpuRow);
    cpuLayout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("CPU (vCPU):"), m_cpuRow);
    m_cpuLabel = qobject_cast<QLabel *>(layout->labelForField(m_cpuRow));
    m_cpuRow->hide();
    if (m_cpuLabel)
        m_cpuLabel->hide();

    m_target = new QComboBox(form);
    m_target->setObjectName(QStringLiteral("tuningTarget"));
    m_target->addItem(tr("Local executor (real limits, deployed code)"), int(TuningPlan::Target::Local));
    m_target->addItem(tr("Platform (limits changed during the runs, then restored)"),
                      int(TuningPlan::Target::Platform));
    if (!canRunLocally) {
        m_target->setCurrentIndex(1);
        if (auto *items = qobject_cast<QStandardItemModel *>(m_target->model()))
            items->item(0)->setEnabled(false);
    }
    layout->addRow(tr("Run on:"), m_target);
    // Long entries must not widen the form at the chart's expense: the popup still shows them whole.
    for (QComboBox *combo : {m_payloadChoice, m_target}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(16);
    }

    m_prices = new QComboBox(form);
    m_prices->setObjectName(QStringLiteral("tuningPrices"));
    for (const PriceList &prices : PriceList::presets())
        m_prices->addItem(prices.region.isEmpty() ? prices.name : tr("%1 (%2)").arg(prices.name, prices.region),
                          prices.id);
    // The connection's chosen list (PriceListSettings), switchable here for this dialog only.
    const QSettings settings;
    m_prices->setCurrentIndex(std::max(0, m_prices->findData(PriceListSettings::chosenId(settings, m_connection))));
    m_tuner->setPriceList(PriceListSettings::chosen(settings, m_connection));
    connect(m_prices, &QComboBox::currentIndexChanged, this, [this](int) {
        const QString id = m_prices->currentData().toString();
        m_tuner->setPriceList(id == PriceList::customId() ? PriceListSettings::custom(QSettings())
                                                          : PriceList::byId(id));
        showResults();
        updateRecommendations();
    });
    m_prices->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_prices->setMinimumContentsLength(16);
    layout->addRow(tr("Prices:"), m_prices);

    auto *note = plainLabel(QStringLiteral("tuningNote"), form);
    note->setText(tr("Each setting gets one warm-up run first that is not counted, so cold starts are "
                     "excluded. Duration figures count successful runs only."));
    layout->addRow(note);
    return form;
}

QWidget *PowerTuningDialog::buildRecommendations()
{
    auto *box = new QGroupBox(tr("Recommendation"), this);
    box->setObjectName(QStringLiteral("tuningRecommendations"));
    auto *layout = new QGridLayout(box);
    m_choices = new QButtonGroup(box);
    auto radio = [&](const QString &objectName, int row, int column) {
        auto *button = new QRadioButton(box);
        button->setObjectName(objectName);
        button->setEnabled(false);
        m_choices->addButton(button);
        layout->addWidget(button, row, column);
        return button;
    };
    m_cheapest = radio(QStringLiteral("chooseCheapest"), 0, 0);
    m_fastest = radio(QStringLiteral("chooseFastest"), 0, 1);
    m_balanced = radio(QStringLiteral("chooseBalanced"), 0, 2);
    auto *explanation = plainLabel(QStringLiteral("balancedExplanation"), box);
    explanation->setText(tr("Balanced: the setting with the lowest product of cost and duration, each "
                            "relative to the best measured (1.0 = cheapest and fastest at once). Settings "
                            "with errors are never recommended."));
    layout->addWidget(explanation, 1, 0, 1, 3);
    m_apply = new QPushButton(tr("Apply"), box);
    m_apply->setObjectName(QStringLiteral("applyTuning"));
    layout->addWidget(m_apply, 0, 3, 2, 1, Qt::AlignVCenter);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);
    layout->setColumnStretch(2, 1);
    connect(m_apply, &QPushButton::clicked, this, &PowerTuningDialog::apply);
    connect(m_choices, &QButtonGroup::buttonToggled, this, &PowerTuningDialog::updateButtons);
    updateRecommendations();
    return box;
}

void PowerTuningDialog::loadPlatformInfo()
{
    if (!m_platform) {
        m_status->setText(tr("No platform connection."));
        return;
    }
    onResult(m_platform->info(), this, [this](Result<PlatformInfo> info) {
        m_infoLoaded = true;
        if (!info) {
            m_status->setText(
                tr("The platform's limits are not known (%1); OpenWhisk's defaults apply.").arg(info.error().message));
            setLimits(SystemLimits(), false);
        } else {
            setLimits(info->limits, info->cpuLimits);
        }
        updateButtons();
    });
}

void PowerTuningDialog::setLimits(const SystemLimits &limits, bool cpuLimits)
{
    QList<qint64> sizes;
    for (qint64 size : kMemorySizes)
        if (size >= limits.memoryMb.min && size <= limits.memoryMb.max)
            sizes.append(size);
    if (sizes.isEmpty())
        sizes = {limits.memoryMb.min, limits.memoryMb.max};
    for (qint64 size : sizes) {
        auto *box = new QCheckBox(tr("%1 MB").arg(size), this);
        box->setObjectName(QStringLiteral("memory%1").arg(size));
        box->setProperty("memoryMb", size);
        box->setChecked(m_memoryBoxes.size() < 5);
        connect(box, &QCheckBox::toggled, this, &PowerTuningDialog::updateButtons);
        m_memoryGrid->addWidget(box, int(m_memoryBoxes.size()) / 3, int(m_memoryBoxes.size()) % 3);
        m_memoryBoxes.append(box);
    }
    if (!cpuLimits)
        return;
    for (double cpu : kCpus) {
        if (cpu < limits.cpu.min || cpu > limits.cpu.max)
            continue;
        auto *box = new QCheckBox(QString::number(cpu), m_cpuRow);
        box->setObjectName(QStringLiteral("cpu%1").arg(cpu));
        box->setProperty("cpu", cpu);
        box->setToolTip(tr("Unchecked everywhere: the CPU follows memory, as the platform decides."));
        m_cpuRow->layout()->addWidget(box);
        m_cpuBoxes.append(box);
    }
    m_cpuRow->setVisible(!m_cpuBoxes.isEmpty());
    if (m_cpuLabel)
        m_cpuLabel->setVisible(!m_cpuBoxes.isEmpty());
}

void PowerTuningDialog::start()
{
    TuningPlan plan;
    plan.function = m_function;
    plan.payloadText = m_payloadEditor->toPlainText();
    plan.runs = m_runs->value();
    plan.target = TuningPlan::Target(m_target->currentData().toInt());
    plan.memoryMb.clear();
    for (QCheckBox *box : std::as_const(m_memoryBoxes))
        if (box->isChecked())
            plan.memoryMb.append(box->property("memoryMb").toLongLong());
    for (QCheckBox *box : std::as_const(m_cpuBoxes))
        if (box->isChecked())
            plan.cpus.append(box->property("cpu").toDouble());
    m_status->clear();
    m_failed = false;
    m_choices->setExclusive(false);
    for (QAbstractButton *button : m_choices->buttons())
        button->setChecked(false);
    m_choices->setExclusive(true);
    if (m_tuner->start(plan)) {
        m_status->setText(plan.target == TuningPlan::Target::Platform
                              ? tr("Tuning on the platform: the function's limits change during the runs.")
                              : tr("Tuning on the local executor…"));
        showResults();
    }
    updateRecommendations();
    updateButtons();
}

void PowerTuningDialog::onProgress(int done, int total)
{
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(done);
    m_progress->setTextVisible(total > 0);
}

void PowerTuningDialog::onFinished(bool cancelled)
{
    if (cancelled && !m_failed) {
        m_status->setText(m_tuner->plan().target == TuningPlan::Target::Platform
                              ? tr("Cancelled. The function's original limits were put back.")
                              : tr("Cancelled."));
    } else if (!cancelled && !m_failed) {
        m_status->setText(tr("Finished."));
    }
    showResults();
    updateRecommendations();
    updateButtons();
}

void PowerTuningDialog::showResults()
{
    const QList<SettingResult> &results = m_tuner->results();
    m_table->setRowCount(int(results.size()));
    for (int row = 0; row < results.size(); ++row) {
        const SettingResult &r = results.at(row);
        const bool measured = !r.durationsMs.isEmpty();
        const QStringList cells{r.setting.label(),
                                tr("%1 of %2").arg(r.finished).arg(r.planned),
                                QString::number(r.errors),
                                measured ? tr("%1 ms").arg(r.averageMs(), 0, 'f', 1) : tr("—"),
                                measured ? tr("%1 ms").arg(r.p95Ms()) : tr("—"),
                                measured ? m_tuner->formatCost(r.costPerInvocation) : tr("—"),
                                m_tuner->formatCost(r.totalCost)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (!r.errorMessages.isEmpty())
                item->setToolTip(r.errorMessages.join(QLatin1Char('\n')));
            if (column != SettingColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
    }
    QList<TuningChartRow> rows;
    for (const SettingResult &result : results)
        rows.append({result.setting.label(), result.averageMs(), double(result.p95Ms()), result.costPerInvocation});
    m_chart->setRows(rows, m_tuner->priceList().currency);
}

void PowerTuningDialog::updateRecommendations()
{
    const bool done = !m_tuner->isRunning() && !m_tuner->results().isEmpty();
    const TuningRecommendations best = done ? m_tuner->recommendations() : TuningRecommendations();
    const QList<SettingResult> &results = m_tuner->results();
    auto show = [&](QRadioButton *button, const QString &title, int index) {
        button->setProperty("resultIndex", index);
        button->setEnabled(index >= 0);
        if (index < 0) {
            button->setText(tr("%1: —").arg(title));
            return;
        }
        const SettingResult &r = results.at(index);
        button->setText(tr("%1: %2 (%3 ms, %4)")
                            .arg(title, r.setting.label())
                            .arg(r.averageMs(), 0, 'f', 1)
                            .arg(m_tuner->formatCost(r.costPerInvocation)));
    };
    show(m_cheapest, tr("Cheapest"), best.cheapest);
    show(m_fastest, tr("Fastest"), best.fastest);
    show(m_balanced, tr("Balanced"), best.balanced);
    if (best.balanced >= 0)
        m_balanced->setChecked(true);
    if (done && best.balanced < 0 && !results.isEmpty())
        m_status->setText(tr("No setting ran without errors: nothing to recommend. Point at a row for its errors."));
}

void PowerTuningDialog::apply()
{
    QAbstractButton *chosen = m_choices->checkedButton();
    if (!chosen)
        return;
    const int index = chosen->property("resultIndex").toInt();
    if (index < 0 || index >= m_tuner->results().size())
        return;
    m_apply->setEnabled(false);
    m_status->setText(tr("Applying %1…").arg(m_tuner->results().at(index).setting.label()));
    m_tuner->apply(m_tuner->results().at(index).setting);
}

void PowerTuningDialog::updateButtons()
{
    const bool running = m_tuner->isRunning();
    bool anyMemory = false;
    for (QCheckBox *box : std::as_const(m_memoryBoxes))
        anyMemory = anyMemory || box->isChecked();
    m_start->setEnabled(!running && m_infoLoaded && anyMemory);
    m_cancel->setEnabled(running);
    m_apply->setEnabled(!running && m_choices->checkedButton() != nullptr && m_choices->checkedButton()->isEnabled());
}

} // namespace funcdesk
