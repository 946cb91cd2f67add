#include "models/activations/ActivationListModel.h"
#include "core/FutureCallback.h"

#include "models/activations/ActivationText.h"

namespace funcdesk {

namespace {

constexpr int kDefaultLimit = 200; // OpenWhisk's largest page

qint64 statusKey(const ActivationSummary &summary)
{
    return summary.status ? static_cast<qint64>(*summary.status) : -1;
}

// Warm starts first, then cold ones by their init time.
qint64 startKey(const ActivationSummary &summary)
{
    return summary.cold ? summary.initTimeMs.value_or(0) : -1;
}

qint64 memoryKey(const ActivationSummary &summary)
{
    if (summary.peakMemoryBytes)
        return *summary.peakMemoryBytes;
    return summary.memoryLimitMb ? *summary.memoryLimitMb * 1024 * 1024 : -1;
}

} // namespace

ActivationListModel::ActivationListModel(QObject *parent) : PlatformListModel(ColumnCount, parent)
{
}

void ActivationListModel::setPlatform(Platform *platform)
{
    const bool listing = switchPlatform(platform, [this] {
        m_arrivedWhileLoading.clear();
        m_rows.clear();
        m_ids.clear();
    });
    if (!listing)
        return;
    if (m_live)
        platform->setLiveActivations(true);
    if (m_queryLoaded)
        load(m_query);
}

void ActivationListModel::liveArrived(const QList<Activation> &activations)
{
    if (!m_live)
        return;
    if (isLoading())
        m_arrivedWhileLoading.append(activations);
    else
        insertLive(activations);
}

void ActivationListModel::load(ActivationQuery query)
{
    query.docs = false;
    if (query.limit <= 0)
        query.limit = kDefaultLimit;
    m_query = query;
    m_queryLoaded = true;
    if (!platform())
        return;
    const quint64 generation = nextGeneration();
    m_arrivedWhileLoading.clear();
    setLoading(true);
    onResult(platform()->listActivations(query), this, [this, generation](Result<QList<Activation>> listed) {
        if (!isCurrent(generation))
            return;
        const QList<Activation> arrived = std::exchange(m_arrivedWhileLoading, {});
        setLoading(false);
        if (listed) {
            setActivations(listed.value());
            setErrorText({});
        } else {
            setError(listed.error());
        }
        if (m_live && !arrived.isEmpty())
            insertLive(arrived);
    });
}

void ActivationListModel::setActivations(const QList<Activation> &activations)
{
    beginResetModel();
    m_rows.clear();
    m_ids.clear();
    m_rows.reserve(activations.size());
    m_ids.reserve(activations.size());
    for (const Activation &activation : activations) {
        if (m_ids.contains(activation.activationId))
            continue;
        m_ids.insert(activation.activationId);
        m_rows.append(makeRow(activation));
    }
    invalidateSortKeys();
    endResetModel();
}

ActivationListModel::Row ActivationListModel::makeRow(const Activation &activation)
{
    return Row{ActivationSummary::withoutPayload(activation), ActivationSummary::of(activation)};
}

bool ActivationListModel::matchesQuery(const Activation &activation, const ActivationSummary &summary) const
{
    if (m_query.name && !m_query.name->isEmpty() && summary.function != *m_query.name &&
        activation.name.value_or(QString()) != *m_query.name)
        return false;
    if (m_query.since && summary.start < *m_query.since)
        return false;
    if (m_query.upto && summary.start > *m_query.upto)
        return false;
    return true;
}

void ActivationListModel::insertLive(const QList<Activation> &activations)
{
    QList<Row> fresh;
    for (const Activation &activation : activations) {
        if (m_ids.contains(activation.activationId))
            continue;
        Row row = makeRow(activation);
        if (!matchesQuery(activation, row.summary))
            continue;
        m_ids.insert(activation.activationId);
        fresh.append(std::move(row));
    }
    if (fresh.isEmpty())
        return;
    std::stable_sort(fresh.begin(), fresh.end(),
                     [](const Row &a, const Row &b) { return a.summary.start > b.summary.start; });
    beginInsertRows({}, 0, static_cast<int>(fresh.size()) - 1);
    for (auto it = fresh.rbegin(); it != fresh.rend(); ++it)
        m_rows.prepend(std::move(*it));
    invalidateSortKeys();
    endInsertRows();
    trimToLimit();
}

void ActivationListModel::trimToLimit()
{
    if (rowCount() <= m_rowLimit)
        return;
    beginRemoveRows({}, m_rowLimit, rowCount() - 1);
    for (qsizetype row = m_rowLimit; row < m_rows.size(); ++row)
        m_ids.remove(m_rows[row].activation.activationId);
    m_rows.remove(m_rowLimit, m_rows.size() - m_rowLimit);
    invalidateSortKeys();
    endRemoveRows();
}

const Activation &ActivationListModel::activationAt(int row) const
{
    return m_rows.at(row).activation;
}

const ActivationSummary &ActivationListModel::summaryAt(int row) const
{
    return m_rows.at(row).summary;
}

int ActivationListModel::rowOf(const QString &activationId) const
{
    if (!m_ids.contains(activationId))
        return -1;
    for (int row = 0; row < rowCount(); ++row) {
        if (m_rows[row].activation.activationId == activationId)
            return row;
    }
    return -1;
}

QFuture<Result<Activation>> ActivationListModel::fetchDetails(const QString &activationId)
{
    if (!platform())
        return readyResult(
            Result<Activation>(PlatformError{PlatformError::Kind::Network, tr("There is no connection.")}));
    return platform()->getActivation(activationId);
}

void ActivationListModel::setLive(bool live)
{
    if (m_live == live)
        return;
    m_live = live;
    if (live && platform())
        platform()->setLiveActivations(true);
    if (!live)
        m_arrivedWhileLoading.clear();
    Q_EMIT liveChanged(live);
}

void ActivationListModel::setRowLimit(int rows)
{
    m_rowLimit = std::max(1, rows);
    trimToLimit();
}

QVariant ActivationListModel::roleData(int rowIndex, int column, int role) const
{
    const Row &row = m_rows[rowIndex];
    switch (role) {
    case ActivationIdRole:
        return row.activation.activationId;
    case FunctionRole:
        return row.summary.function;
    case IsErrorRole:
        return row.summary.isError();
    case Qt::ToolTipRole:
        if (column == TimeColumn)
            return ActivationText::time(row.summary.start, true);
        if (column == StatusColumn)
            return ActivationText::statusWithEnding(row.summary);
        return {};
    case Qt::TextAlignmentRole:
        if (column == DurationColumn || column == MemoryColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ActivationListModel::display(int rowIndex, int column) const
{
    const ActivationSummary &summary = m_rows[rowIndex].summary;
    switch (column) {
    case TimeColumn:
        return ActivationText::time(summary.start);
    case FunctionColumn:
        return summary.function;
    case StatusColumn: { // why the platform ended it says more than "developer error"
        const QString ending = ActivationText::ending(summary);
        return ending.isEmpty() ? ActivationText::status(summary.status) : ending;
    }
    case DurationColumn:
        return summary.durationMs ? ActivationText::milliseconds(static_cast<double>(*summary.durationMs)) : QString();
    case StartColumn:
        return ActivationText::start(summary);
    case MemoryColumn:
        return ActivationText::memory(summary);
    default:
        return {};
    }
}

QVariant ActivationListModel::sortValue(int rowIndex, int column) const
{
    const ActivationSummary &summary = m_rows[rowIndex].summary;
    switch (column) {
    case TimeColumn:
        return summary.start;
    case FunctionColumn:
        return summary.function;
    case StatusColumn:
        return statusKey(summary);
    case DurationColumn:
        return summary.durationMs.value_or(-1);
    case StartColumn:
        return startKey(summary);
    case MemoryColumn:
        return memoryKey(summary);
    default:
        return {};
    }
}

void ActivationListModel::fillSortKeys(int column, std::vector<double> &keys) const
{
    if (column == FunctionColumn) {
        std::vector<QString> names;
        names.reserve(static_cast<size_t>(m_rows.size()));
        for (const Row &row : m_rows)
            names.push_back(row.summary.function.toCaseFolded());
        return SortKeys::rank(names, keys);
    }
    for (const Row &row : m_rows) {
        const ActivationSummary &summary = row.summary;
        switch (column) {
        case TimeColumn:
            keys.push_back(static_cast<double>(summary.start));
            break;
        case StatusColumn:
            keys.push_back(static_cast<double>(statusKey(summary)));
            break;
        case DurationColumn:
            keys.push_back(static_cast<double>(summary.durationMs.value_or(-1)));
            break;
        case StartColumn:
            keys.push_back(static_cast<double>(startKey(summary)));
            break;
        case MemoryColumn:
            keys.push_back(static_cast<double>(memoryKey(summary)));
            break;
        default:
            keys.push_back(0);
            break;
        }
    }
}

QVariant ActivationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == MemoryColumn)
        return tr("Peak memory of the memory limit, when the platform measures it.");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case FunctionColumn:
        return tr("Function");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case StartColumn:
        return tr("Start");
    case MemoryColumn:
        return tr("Memory");
    default:
        return {};
    }
}

} // namespace funcdesk
