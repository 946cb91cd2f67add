#include "ui/activations/ActivationsPanel.h"
#include "core/FutureCallback.h"

#include "models/activations/ActivationDetails.h"
#include "models/activations/ActivationFilterProxy.h"
#include "models/activations/ActivationListModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace funcdesk {

namespace {
// Time ranges offered, in hours (0 = all kept activations); then, once a chart asked for one,
// the range between two moments (showBetween).
constexpr int kRanges[] = {1, 24, 24 * 7, 0};
constexpr int kBetweenIndex = int(std::size(kRanges));
constexpr int kMaxFunctionChars = 28; // "package/a-long-function-name"

QPlainTextEdit *readOnlyText(QWidget *parent, const char *name)
{
    auto *text = new QPlainTextEdit(parent);
    text->setObjectName(QLatin1StringView(name));
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    return text;
}
} // namespace

ActivationsPanel::ActivationsPanel(QWidget *parent) : QWidget(parent)
{
    m_model = new ActivationListModel(this);
    m_proxy = new ActivationFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    m_function = new QLineEdit(this);
    m_function->setObjectName(QStringLiteral("activationFunction"));
    m_function->setPlaceholderText(tr("All functions"));
    m_function->setClearButtonEnabled(true);
    m_errorsOnly = new QCheckBox(tr("&Errors only"), this);
    m_errorsOnly->setObjectName(QStringLiteral("errorsOnly"));
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("activationRange"));
    m_range->addItem(tr("Last hour"));
    m_range->addItem(tr("Last 24 hours"));
    m_range->addItem(tr("Last 7 days"));
    m_range->addItem(tr("All kept"));
    m_range->setCurrentIndex(1);
    m_live = new QCheckBox(tr("&Live"), this);
    m_live->setObjectName(QStringLiteral("live"));
    m_live->setChecked(true);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Function:"), this));
    filters->addWidget(m_function, 1);
    filters->addWidget(m_range);
    filters->addWidget(m_errorsOnly);
    filters->addWidget(m_live);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("activationList"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    // Columns fit their text (at any font size and scale, the header's as a minimum); the
    // function name at most kMaxFunctionChars (longer ones elide); Memory, the last, takes the
    // room that is left. The user may still drag them; the next reload fits them again.
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    m_view->viewport()->installEventFilter(this); // its width is what the columns share
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("activationsStatus"));
    m_status->setWordWrap(true);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("activationSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result = readOnlyText(this, "activationResult");
    m_logs = readOnlyText(this, "activationLogs");
    m_annotations = new QTableWidget(0, 2, this);
    m_annotations->setObjectName(QStringLiteral("activationAnnotations"));
    m_annotations->setHorizontalHeaderLabels({tr("Annotation"), tr("Value")});
    m_annotations->horizontalHeader()->setStretchLastSection(true);
    m_annotations->verticalHeader()->hide();
    m_annotations->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("activationTabs"));
    tabs->addTab(m_result, tr("Result"));
    tabs->addTab(m_logs, tr("Logs"));
    tabs->addTab(m_annotations, tr("Annotations"));
    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_summary);
    detailsLayout->addWidget(tabs, 1);

    auto *list = new QWidget(this);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filters);
    listLayout->addWidget(m_view, 1);
    listLayout->addWidget(m_status);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("activationsSplitter"));
    m_splitter->addWidget(list);
    m_splitter->addWidget(details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_function, &QLineEdit::editingFinished, this, &ActivationsPanel::reload);
    connect(m_range, &QComboBox::currentIndexChanged, this, &ActivationsPanel::reload);
    connect(m_errorsOnly, &QCheckBox::toggled, m_proxy, &ActivationFilterProxy::setErrorsOnly);
    connect(m_live, &QCheckBox::toggled, m_model, &ActivationListModel::setLive);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ActivationsPanel::showDetails);
    connect(m_model, &ActivationListModel::errorTextChanged, this, &ActivationsPanel::showStatus);
    connect(m_model, &ActivationListModel::loadingChanged, this, &ActivationsPanel::showStatus);
    // The count is of the rows shown: it follows live arrivals, reloads and "errors only".
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &ActivationsPanel::showStatus);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ActivationsPanel::showStatus);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ActivationsPanel::showStatus);
    // The details belong to a row in the list: a reset or a filter drops the current row without
    // currentRowChanged, so these look again (and clear the pane when the row is gone).
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ActivationsPanel::showDetails);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ActivationsPanel::showDetails);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ActivationsPanel::showDetails);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ActivationsPanel::fitColumns);
    // Live arrivals: the proxy shows them as a layout change (sorted, they may land anywhere).
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ActivationsPanel::fitColumns);
    m_model->setLive(true);
    clearDetails();
}

void ActivationsPanel::setPlatform(Platform *platform)
{
    m_platform = platform;
    m_model->setPlatform(platform);
    reload();
}

void ActivationsPanel::setFunctionFilter(const QString &name)
{
    if (m_function->text() == name)
        return;
    m_function->setText(name);
    reload();
}

void ActivationsPanel::showBetween(const QDateTime &from, const QDateTime &to, const QString &function)
{
    m_betweenFrom = from.toMSecsSinceEpoch();
    m_betweenTo = to.toMSecsSinceEpoch();
    const QString text =
        tr("From %1 to %2")
            .arg(QLocale().toString(from, QLocale::ShortFormat), QLocale().toString(to, QLocale::ShortFormat));
    const QSignalBlocker blockRange(m_range);
    const QSignalBlocker blockFunction(m_function);
    if (m_range->count() == kBetweenIndex)
        m_range->addItem(text);
    else
        m_range->setItemText(kBetweenIndex, text);
    m_range->setCurrentIndex(kBetweenIndex);
    m_function->setText(function);
    reload();
}

void ActivationsPanel::reload()
{
    if (!m_platform)
        return;
    ActivationQuery query;
    const QString function = m_function->text().trimmed();
    if (!function.isEmpty())
        query.name = function;
    if (m_range->currentIndex() == kBetweenIndex) {
        query.since = m_betweenFrom;
        query.upto = m_betweenTo;
    } else if (const int hours = kRanges[std::clamp(m_range->currentIndex(), 0, kBetweenIndex - 1)]; hours > 0) {
        query.since = QDateTime::currentMSecsSinceEpoch() - qint64(hours) * 3600 * 1000;
    }
    query.limit = 200;
    m_view->selectionModel()->clear(); // another query: the shown activation may not be in it
    clearDetails();
    m_model->load(query);
}

void ActivationsPanel::fitColumns()
{
    QHeaderView *header = m_view->horizontalHeader();
    const int last = ActivationListModel::ColumnCount - 1;
    const QAbstractItemView *view = m_view; // sizeHintForColumn is public there
    const int maxFunction = m_view->fontMetrics().averageCharWidth() * kMaxFunctionChars;
    int used = 0;
    for (int column = 0; column <= last; ++column) {
        int width = std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column));
        if (column == ActivationListModel::FunctionColumn)
            width = std::min(width, std::max(maxFunction, header->sectionSizeHint(column)));
        if (column == last)
            width = std::max(width, m_view->viewport()->width() - used);
        header->resizeSection(column, width);
        used += width;
    }
}

bool ActivationsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

void ActivationsPanel::showStatus()
{
    if (m_model->isLoading())
        m_status->setText(tr("Loading activations…"));
    else if (!m_model->errorText().isEmpty())
        m_status->setText(m_model->errorText());
    else
        m_status->setText(tr("%n activation(s).", nullptr, m_proxy->rowCount()));
}

void ActivationsPanel::clearDetails()
{
    m_shownId.clear();
    m_summary->setText(tr("Select an activation to see its result, logs and annotations."));
    m_result->clear();
    m_logs->clear();
    m_annotations->setRowCount(0);
}

void ActivationsPanel::showDetails()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        clearDetails();
        return;
    }
    const QString id = current.data(ActivationListModel::ActivationIdRole).toString();
    if (id == m_shownId)
        return;
    m_shownId = id;
    m_summary->setText(tr("Loading %1…").arg(id));
    onResult(m_model->fetchDetails(id), this, [this, id](Result<Activation> found) {
        if (id != m_shownId)
            return; // the selection moved on
        if (!found) {
            m_summary->setText(tr("Could not load %1: %2").arg(id, found.error().message));
            return;
        }
        const ActivationDetails details = ActivationDetails::of(found.value());
        QStringList facts{details.status, details.started};
        const QString sandbox = details.unisolated ? QStringLiteral("\u26A0 ") + details.sandbox : details.sandbox;
        for (const QString &fact :
             {details.duration, details.startType, details.memory, details.cpuTime, details.storage, sandbox}) {
            if (!fact.isEmpty())
                facts.append(fact);
        }
        QString summary = QStringLiteral("<b>%1</b> %2 — %3")
                              .arg(details.function.toHtmlEscaped(), details.version.toHtmlEscaped(),
                                   facts.join(QStringLiteral(" · ")).toHtmlEscaped());
        if (!details.errorMessage.isEmpty())
            summary += QStringLiteral("<br>") + details.errorMessage.toHtmlEscaped();
        if (!details.cause.isEmpty())
            summary +=
                QStringLiteral("<br>") + tr("Caused by trigger activation %1").arg(details.cause).toHtmlEscaped();
        m_summary->setText(summary);
        m_result->setPlainText(details.result);
        m_logs->setPlainText(details.logs.join(QLatin1Char('\n')));
        m_annotations->setRowCount(int(details.annotations.size()));
        for (int row = 0; row < details.annotations.size(); ++row) {
            m_annotations->setItem(row, 0, new QTableWidgetItem(details.annotations.at(row).first));
            m_annotations->setItem(row, 1, new QTableWidgetItem(details.annotations.at(row).second));
        }
    });
}

} // namespace funcdesk
