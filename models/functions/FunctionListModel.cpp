#include "models/functions/FunctionListModel.h"
#include "core/FutureCallback.h"

#include "models/activations/ActivationSummary.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>

namespace funcdesk {

namespace {

constexpr int kPageSize = 200; // OpenWhisk's largest page
constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;

QString number(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace

// One refresh's 24 h count: activations already counted (paging may repeat one when new records
// land between pages) and live arrivals seen while it ran (the listing may or may not have them).
struct FunctionListModel::StatsLoad
{
    qint64 since = 0;
    qint64 upto = 0;
    int read = 0;
    bool capped = false;
    QHash<QString, std::pair<qint64, qint64>> counts; // name → (invocations, errors)
    QSet<QString> seen;
    QList<Activation> live;
};

FunctionListModel::FunctionListModel(QObject *parent) : PlatformListModel(ColumnCount, parent)
{
}

FunctionListModel::~FunctionListModel() = default;

void FunctionListModel::setPlatform(Platform *platform)
{
    const bool listing = switchPlatform(platform, [this] {
        m_stats.reset();
        m_rows.clear();
        m_index.clear();
        m_info.reset();
        m_statsKnown = false;
        m_statsCapped = false;
        m_triggers.clear();
        m_packages.clear();
        ++m_triggersGeneration;
        clearMetrics(); // the service's next answer (its connection switches too) fills them
    });
    if (!listing)
        return;
    platform->setLiveActivations(true);
    refresh();
    queryMetrics();
}

void FunctionListModel::refresh()
{
    if (!platform())
        return;
    const quint64 generation = nextGeneration();
    m_stats = std::make_unique<StatsLoad>(); // collects live arrivals from now on
    setLoading(true);
    onResult(platform()->info(), this, [this, generation](Result<PlatformInfo> info) {
        // Only the CPU and default-limit texts depend on it; a failure shows through listActions.
        if (!isCurrent(generation) || !info)
            return;
        m_info = std::move(info).value();
        rowsChanged(); // memory and CPU defaults come from it
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, MemoryColumn), index(rowCount() - 1, ConcurrencyColumn));
    });
    loadActions(generation, 0, std::make_shared<QList<Action>>());
    loadPackages(generation, 0, std::make_shared<QList<Package>>());
    refreshTriggers();
}

void FunctionListModel::loadActions(quint64 generation, int skip, std::shared_ptr<QList<Action>> loaded)
{
    onResult(platform()->listActions(ListOptions{kPageSize, skip}), this,
             [this, generation, skip, loaded](Result<QList<Action>> page) {
                 if (!isCurrent(generation))
                     return;
                 if (!page)
                     return fail(generation, page.error());
                 loaded->append(page.value());
                 if (page.value().size() >= kPageSize && platform())
                     return loadActions(generation, skip + kPageSize, loaded);
                 setActions(*loaded);
                 loadStats(generation);
             });
}

void FunctionListModel::loadStats(quint64 generation)
{
    if (!platform() || !m_stats)
        return fail(generation, PlatformError{PlatformError::Kind::Network, tr("The connection went away.")});
    m_stats->upto = QDateTime::currentMSecsSinceEpoch();
    m_stats->since = m_stats->upto - kDayMs;
    loadStatsPage(generation);
}

void FunctionListModel::loadStatsPage(quint64 generation)
{
    ActivationQuery query;
    query.since = m_stats->since;
    query.upto = m_stats->upto;
    query.skip = m_stats->read;
    query.limit = std::min(kPageSize, m_statsLimit - m_stats->read);
    query.docs = false;
    onResult(
        platform()->listActivations(query), this,
        [this, generation, limit = query.limit](Result<QList<Activation>> page) {
            if (!isCurrent(generation) || !m_stats)
                return;
            if (!page)
                return fail(generation, page.error());
            for (const Activation &activation : page.value()) {
                if (m_stats->seen.contains(activation.activationId))
                    continue;
                m_stats->seen.insert(activation.activationId);
                const ActivationSummary summary = ActivationSummary::of(activation);
                auto &counts = m_stats->counts[summary.function];
                ++counts.first;
                counts.second += summary.isError() ? 1 : 0;
            }
            m_stats->read += static_cast<int>(page.value().size());
            if (page.value().size() < limit)
                return finishStats();
            if (m_stats->read >= m_statsLimit) {
                m_stats->capped = true;
                return finishStats();
            }
            if (!platform())
                return fail(generation, PlatformError{PlatformError::Kind::Network, tr("The connection went away.")});
            loadStatsPage(generation);
        });
}

void FunctionListModel::finishStats()
{
    for (const Activation &activation : std::as_const(m_stats->live)) {
        if (m_stats->seen.contains(activation.activationId) || activation.start.value_or(0) < m_stats->since)
            continue;
        const ActivationSummary summary = ActivationSummary::of(activation);
        auto &counts = m_stats->counts[summary.function];
        ++counts.first;
        counts.second += summary.isError() ? 1 : 0;
    }
    for (Row &row : m_rows) {
        const auto counts = m_stats->counts.value(row.name);
        row.invocations = counts.first;
        row.errors = counts.second;
    }
    rowsChanged();
    m_statsKnown = true;
    m_statsCapped = m_stats->capped;
    m_stats.reset();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, InvocationsColumn), index(rowCount() - 1, ErrorsColumn));
    setErrorText({});
    setLoading(false);
}

void FunctionListModel::fail(quint64 generation, const PlatformError &error)
{
    if (!isCurrent(generation))
        return;
    m_stats.reset();
    setError(error);
    setLoading(false);
}

void FunctionListModel::liveArrived(const QList<Activation> &activations)
{
    if (m_stats)
        m_stats->live.append(activations);
    for (const Activation &activation : activations) {
        const ActivationSummary summary = ActivationSummary::of(activation);
        const int row = m_index.value(summary.function, -1);
        if (row < 0)
            continue;
        ++m_rows[row].invocations;
        const bool error = summary.isError();
        m_rows[row].errors += error ? 1 : 0;
        rowsChanged();
        Q_EMIT dataChanged(index(row, InvocationsColumn), index(row, error ? ErrorsColumn : InvocationsColumn));
    }
}

FunctionListModel::Row FunctionListModel::makeRow(const QString &name, const Action &action)
{
    Row row{name, action, 0, 0, versionKey(action.version)};
    // The list never shows code; keeping it would hold every function's source in memory.
    if (row.action.exec)
        row.action.exec->code.reset();
    return row;
}

void FunctionListModel::setActions(const QList<Action> &actions)
{
    QHash<QString, qsizetype> incoming; // name → position in `actions` (the last one wins)
    incoming.reserve(actions.size());
    for (qsizetype i = 0; i < actions.size(); ++i)
        incoming.insert(ActivationSummary::functionOf(actions[i]), i);

    if (m_rows.isEmpty()) {
        beginResetModel();
        m_rows.reserve(incoming.size());
        for (qsizetype i = 0; i < actions.size(); ++i) {
            const QString name = ActivationSummary::functionOf(actions[i]);
            if (incoming.value(name) == i)
                m_rows.append(makeRow(name, actions[i]));
        }
        reindex();
        rowsChanged();
        endResetModel();
        return;
    }

    // Remove rows whose function is gone, a contiguous run at a time, from the bottom up.
    for (int row = rowCount() - 1; row >= 0;) {
        if (incoming.contains(m_rows[row].name)) {
            --row;
            continue;
        }
        const int last = row;
        while (row >= 0 && !incoming.contains(m_rows[row].name))
            --row;
        beginRemoveRows({}, row + 1, last);
        m_rows.remove(row + 1, last - row);
        rowsChanged();
        endRemoveRows();
    }
    reindex();

    QList<int> changed;
    for (int row = 0; row < rowCount(); ++row) {
        Row updated = makeRow(m_rows[row].name, actions[incoming.value(m_rows[row].name)]);
        if (updated.action == m_rows[row].action)
            continue;
        updated.invocations = m_rows[row].invocations;
        updated.errors = m_rows[row].errors;
        m_rows[row] = std::move(updated);
        changed.append(row);
    }
    // Signals only once every row is updated: a sorted proxy compares rows as they arrive.
    rowsChanged();
    for (qsizetype i = 0; i < changed.size();) {
        qsizetype last = i;
        while (last + 1 < changed.size() && changed[last + 1] == changed[last] + 1)
            ++last;
        Q_EMIT dataChanged(index(changed[i], 0), index(changed[last], UpdatedColumn));
        i = last + 1;
    }

    QList<Row> added;
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const QString name = ActivationSummary::functionOf(actions[i]);
        if (!m_index.contains(name) && incoming.value(name) == i)
            added.append(makeRow(name, actions[i]));
    }
    if (added.isEmpty())
        return;
    beginInsertRows({}, rowCount(), rowCount() + static_cast<int>(added.size()) - 1);
    m_rows.append(added);
    rowsChanged();
    reindex();
    endInsertRows();
}

void FunctionListModel::applyAction(const Action &action)
{
    const QString name = ActivationSummary::functionOf(action);
    if (name.isEmpty())
        return;
    const int row = rowOf(name);
    if (row >= 0) {
        Row updated = makeRow(name, action);
        updated.invocations = m_rows[row].invocations;
        updated.errors = m_rows[row].errors;
        m_rows[row] = std::move(updated);
        rowsChanged();
        Q_EMIT dataChanged(index(row, 0), index(row, UpdatedColumn));
        return;
    }
    beginInsertRows({}, rowCount(), rowCount());
    m_rows.append(makeRow(name, action));
    rowsChanged();
    m_index.insert(name, rowCount() - 1);
    endInsertRows();
}

void FunctionListModel::removeFunction(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    rowsChanged();
    reindex();
    endRemoveRows();
}

int FunctionListModel::rowOf(const QString &name) const
{
    return m_index.value(name, -1);
}

void FunctionListModel::setStatsLimit(int activations)
{
    m_statsLimit = std::max(1, activations);
}

void FunctionListModel::reindex()
{
    m_index.clear();
    m_index.reserve(m_rows.size());
    for (int row = 0; row < rowCount(); ++row)
        m_index.insert(m_rows[row].name, row);
}

namespace {

bool isSequence(const Action &action)
{
    return action.exec && action.exec->kind == QLatin1StringView("sequence");
}

// The columns of what a function's own process gets: a sequence's components have them.
bool runsInItsComponents(int column)
{
    return column == FunctionListModel::MemoryColumn || column == FunctionListModel::CpuColumn ||
           column == FunctionListModel::StorageColumn || column == FunctionListModel::NetworkColumn ||
           column == FunctionListModel::ConcurrencyColumn;
}

} // namespace

QVariant FunctionListModel::roleData(int rowIndex, int column, int role) const
{
    const Row &row = m_rows[rowIndex];
    switch (role) {
    case NameRole:
        return row.name;
    case ActionRole:
        return QVariant::fromValue(row.action);
    case KindRole:
        return row.action.exec && row.action.exec->kind == QLatin1StringView("sequence") ? SequenceItem : FunctionItem;
    case PackageRole:
        return QString();
    case Qt::TextAlignmentRole:
        if (column == NameColumn || column == RuntimeColumn || column == VersionColumn || column == UpdatedColumn ||
            column == TriggersColumn || column == NetworkColumn)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == NameColumn)
            return row.action.fullyQualifiedName();
        if (isSequence(row.action) && runsInItsComponents(column))
            return tr("A sequence runs no process of its own: each of its components has its own limits.");
        if (column == CpuColumn && m_info && !m_info->cpuLimits && !row.action.limits.value_or(ActionLimits()).cpu)
            return tr("This platform does not set CPU per function.");
        if ((column == StorageColumn || column == NetworkColumn) && m_info && !m_info->storageLimits)
            return tr("This platform does not set storage or network per function.");
        if (column == StorageColumn && m_info)
            return tr("The size of the function's /tmp.");
        if ((column == InvocationsColumn || column == ErrorsColumn) && m_statsCapped)
            return tr("Counted from the newest %1 activations of the last 24 hours; there were more.")
                .arg(number(m_statsLimit));
        return {};
    default:
        return {};
    }
}

QVariant FunctionListModel::display(int rowIndex, int column) const
{
    const Row &row = m_rows[rowIndex];
    const ActionLimits limits = row.action.limits.value_or(ActionLimits());
    if (isSequence(row.action) && runsInItsComponents(column))
        return QStringLiteral("—");
    switch (column) {
    case NameColumn:
        return row.name;
    case RuntimeColumn:
        if (row.action.exec && row.action.exec->kind == QLatin1StringView("sequence"))
            return tr("Sequence");
        return row.action.exec ? row.action.exec->kind : QString();
    case MemoryColumn: {
        const qint64 memory = memoryOf(row);
        return memory < 0 ? QString() : tr("%1 MB").arg(number(memory));
    }
    case CpuColumn: {
        if (limits.cpu)
            return tr("%1 vCPU").arg(QLocale().toString(*limits.cpu, 'g', 3));
        if (m_info && !m_info->cpuLimits)
            return QStringLiteral("—");
        const std::optional<double> cpu = cpuOf(row);
        return cpu ? tr("auto (%1 vCPU)").arg(QLocale().toString(*cpu, 'g', 3)) : tr("auto");
    }
    case StorageColumn: {
        if (!m_info)
            return QString();
        const qint64 storage = storageOf(row);
        return storage < 0 ? QStringLiteral("—") : tr("%1 MB").arg(number(storage));
    }
    case NetworkColumn:
        if (!m_info)
            return QString();
        switch (networkOf(row)) {
        case 0:
            return tr("off");
        case 1:
            return tr("on");
        default:
            return QStringLiteral("—");
        }
    case TimeoutColumn: {
        const qint64 timeout = limitOf(row, column);
        if (timeout < 0)
            return QString();
        return timeout % 1000 == 0 ? tr("%1 s").arg(number(timeout / 1000)) : tr("%1 ms").arg(number(timeout));
    }
    case ConcurrencyColumn: {
        const qint64 concurrency = limitOf(row, column);
        return concurrency < 0 ? QString() : number(concurrency);
    }
    case VersionColumn:
        return row.action.version.value_or(QString());
    case UpdatedColumn:
        if (!row.action.updated)
            return QString();
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(*row.action.updated).toLocalTime(),
                                  QLocale::ShortFormat);
    case InvocationsColumn:
    case ErrorsColumn: {
        if (!m_statsKnown)
            return QString();
        const qint64 count = column == InvocationsColumn ? row.invocations : row.errors;
        return m_statsCapped ? tr("≥ %1").arg(number(count)) : number(count);
    }
    case TriggersColumn:
        return WiringSnapshot::describe(m_triggers.value(row.name));
    case RangeInvocationsColumn:
    case RangeErrorsColumn:
    case CostColumn:
        return metricsDisplay(row, column);
    default:
        return {};
    }
}

QVariant FunctionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && (section == InvocationsColumn || section == ErrorsColumn))
        return tr("Activations of the last 24 hours, then live as they arrive.");
    if (role == Qt::ToolTipRole && section >= RangeInvocationsColumn && section <= CostColumn)
        return tr("In the chosen time range, from the metrics of this connection; cost under its price list.");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case RuntimeColumn:
        return tr("Runtime");
    case MemoryColumn:
        return tr("Memory");
    case CpuColumn:
        return tr("CPU");
    case StorageColumn:
        return tr("Storage");
    case NetworkColumn:
        return tr("Network");
    case TimeoutColumn:
        return tr("Timeout");
    case ConcurrencyColumn:
        return tr("Concurrency");
    case VersionColumn:
        return tr("Version");
    case UpdatedColumn:
        return tr("Last update");
    case InvocationsColumn:
        return tr("Invocations (24 h)");
    case ErrorsColumn:
        return tr("Errors (24 h)");
    case TriggersColumn:
        return tr("Triggers");
    case RangeInvocationsColumn:
        return tr("Invocations");
    case RangeErrorsColumn:
        return tr("Errors");
    case CostColumn:
        return tr("Cost");
    default:
        return {};
    }
}

} // namespace funcdesk
