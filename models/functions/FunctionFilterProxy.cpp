#include "models/functions/FunctionFilterProxy.h"

#include "core/FutureCallback.h"
#include "models/functions/FunctionListModel.h"
#include "models/functions/SortKeys.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <numeric>
#include <utility>

namespace funcdesk {

// What the background work makes from a snapshot of the texts.
struct FunctionFilterProxy::Prepared
{
    void run(); // on any thread: reads names and kinds, fills the rest
    std::vector<QString> names, kinds;
    FoldedTexts texts;
    std::vector<double> ranks[2];
    double ms = 0;
};

namespace {

bool isTextColumn(int column)
{
    return column == FunctionListModel::NameColumn || column == FunctionListModel::RuntimeColumn;
}

// A text's first three units, each case-folded, as one exactly representable double: orders
// texts roughly as their folded comparison does, for a sort before the exact ranks land.
double prefixKey(const QString &text)
{
    quint64 key = 0;
    for (qsizetype i = 0; i < 3; ++i)
        key = (key << 16) | (i < text.size() ? text.at(i).toCaseFolded().unicode() : 0u);
    return static_cast<double>(key);
}

void rankFolded(const std::vector<QString> &texts, std::vector<double> &keys)
{
    std::vector<QString> folded;
    folded.reserve(texts.size());
    for (const QString &text : texts)
        folded.push_back(text.toCaseFolded());
    SortKeys::rank(folded, keys);
}

} // namespace

FunctionFilterProxy::FunctionFilterProxy(QObject *parent) : QAbstractProxyModel(parent)
{
}

void FunctionFilterProxy::textsChanged()
{
    ++m_generation;
    m_folded = false;
    m_prepared = false;
    m_ranks[0].clear();
    m_ranks[1].clear();
    if (!m_functions || m_prepareQueued || sourceRows() < m_backgroundRows)
        return; // small lists: at once when needed (preparedNow)
    m_prepareQueued = true;
    // Queued: the several signals of one change of the rows start one piece of work.
    QMetaObject::invokeMethod(this, &FunctionFilterProxy::prepare, Qt::QueuedConnection);
}

std::shared_ptr<FunctionFilterProxy::Prepared> FunctionFilterProxy::snapshotWork() const
{
    // Copies (implicitly shared, never written by the worker): the model may change meanwhile.
    const int rows = sourceRows();
    std::vector<QString> names(static_cast<size_t>(rows)), kinds(static_cast<size_t>(rows));
    for (int row = 0; row < rows; ++row) {
        names[static_cast<size_t>(row)] = nameOf(row);
        kinds[static_cast<size_t>(row)] = kindOf(row);
    }
    auto prepared = std::make_shared<Prepared>();
    prepared->names = std::move(names);
    prepared->kinds = std::move(kinds);
    return prepared;
}

void FunctionFilterProxy::Prepared::run()
{
    QElapsedTimer timer;
    timer.start();
    texts.build(
        static_cast<int>(names.size()), [this](int row) { return names[static_cast<size_t>(row)]; },
        [this](int row) { return kinds[static_cast<size_t>(row)]; });
    rankFolded(names, ranks[FunctionListModel::NameColumn]);
    rankFolded(kinds, ranks[FunctionListModel::RuntimeColumn]);
    names.clear();
    kinds.clear();
    ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

void FunctionFilterProxy::prepare()
{
    m_prepareQueued = false;
    if (!m_functions || m_prepared)
        return;
    const quint64 generation = m_generation;
    std::shared_ptr<Prepared> work = snapshotWork();
    auto run = [work]() -> Result<std::shared_ptr<Prepared>> {
        work->run();
        return work;
    };
    onResult(QtConcurrent::run(std::move(run)), this,
             [this, generation](const Result<std::shared_ptr<Prepared>> &result) {
                 if (result)
                     land(generation, *result);
             });
}

bool FunctionFilterProxy::preparedNow()
{
    if (!m_prepared && m_functions && sourceRows() < m_backgroundRows) {
        const std::shared_ptr<Prepared> work = snapshotWork();
        work->run();
        take(*work);
    }
    return m_prepared;
}

void FunctionFilterProxy::take(Prepared &prepared)
{
    m_texts = std::move(prepared.texts);
    m_folded = true;
    m_ranks[0] = std::move(prepared.ranks[0]);
    m_ranks[1] = std::move(prepared.ranks[1]);
    m_prepared = true;
    m_preparationMs = prepared.ms;
}

void FunctionFilterProxy::land(quint64 generation, const std::shared_ptr<Prepared> &prepared)
{
    if (generation != m_generation || m_prepared)
        return; // for rows that have changed since: newer work is queued
    take(*prepared);
    if (m_approximate && isTextColumn(m_sortColumn)) {
        beginLayout();
        resort();
        reorder();
        endLayout();
    }
}

const std::vector<double> &FunctionFilterProxy::textKeys(int column)
{
    if (preparedNow())
        return m_ranks[column];
    m_approximate = true;
    const int rows = sourceRows();
    m_prefixes.resize(static_cast<size_t>(rows));
    static const QString none;
    for (int row = 0; row < rows; ++row) {
        // By reference: no copy of 100,000 strings.
        const FunctionListModel::Row &from = m_functions->m_rows[row];
        const QString &text = column == FunctionListModel::NameColumn ? from.name
                              : from.action.exec                      ? from.action.exec->kind
                                                                      : none;
        m_prefixes[static_cast<size_t>(row)] = prefixKey(text);
    }
    return m_prefixes;
}

void FunctionFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    if (QAbstractItemModel *old = sourceModel())
        disconnect(old, nullptr, this, nullptr);
    m_functions = qobject_cast<const FunctionListModel *>(model);
    QAbstractProxyModel::setSourceModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::dataChanged, this, &FunctionFilterProxy::sourceDataChanged);
        connect(model, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
        for (auto about : {&QAbstractItemModel::rowsAboutToBeInserted, &QAbstractItemModel::rowsAboutToBeRemoved})
            connect(model, about, this, &FunctionFilterProxy::sourceAboutToChange);
        for (auto done : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(model, done, this, &FunctionFilterProxy::sourceChanged);
        connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, &FunctionFilterProxy::sourceAboutToChange);
        connect(model, &QAbstractItemModel::rowsMoved, this, &FunctionFilterProxy::sourceChanged);
        connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, &FunctionFilterProxy::sourceAboutToChange);
        connect(model, &QAbstractItemModel::layoutChanged, this, &FunctionFilterProxy::sourceChanged);
        // A reset, and any change of columns (a function list has fixed ones): a reset here too.
        for (auto about : {&QAbstractItemModel::columnsAboutToBeInserted, &QAbstractItemModel::columnsAboutToBeRemoved})
            connect(model, about, this, &FunctionFilterProxy::beginResetModel);
        connect(model, &QAbstractItemModel::columnsAboutToBeMoved, this, &FunctionFilterProxy::beginResetModel);
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &FunctionFilterProxy::beginResetModel);
        for (auto done : {&QAbstractItemModel::columnsInserted, &QAbstractItemModel::columnsRemoved})
            connect(model, done, this, &FunctionFilterProxy::sourceReset);
        connect(model, &QAbstractItemModel::columnsMoved, this, &FunctionFilterProxy::sourceReset);
        connect(model, &QAbstractItemModel::modelReset, this, &FunctionFilterProxy::sourceReset);
    }
    textsChanged();
    resort();
    refilter(false);
    endResetModel();
}

void FunctionFilterProxy::sourceReset()
{
    textsChanged();
    resort();
    refilter(false);
    endResetModel();
}

void FunctionFilterProxy::setFilterFixedString(const QString &text)
{
    const std::optional<QString> previous = m_filter.literal();
    const Qt::CaseSensitivity previousCase = m_filter.caseSensitivity();
    m_filter.setText(text, Qt::CaseInsensitive);
    applyFilter(previous, previousCase);
}

void FunctionFilterProxy::setFilterRegularExpression(const QRegularExpression &expression)
{
    const std::optional<QString> previous = m_filter.literal();
    const Qt::CaseSensitivity previousCase = m_filter.caseSensitivity();
    m_filter.follow(expression);
    applyFilter(previous, previousCase);
}

void FunctionFilterProxy::applyFilter(const std::optional<QString> &previous, Qt::CaseSensitivity previousCase)
{
    const std::optional<QString> &literal = m_filter.literal();
    const bool folded = literal && m_filter.caseSensitivity() == Qt::CaseInsensitive;
    const QString needle = folded ? literal->toCaseFolded() : QString();
    // Text that extends the previous text matches a subset of what that matched.
    const bool narrowing = folded && previous && previousCase == Qt::CaseInsensitive && !previous->isEmpty() &&
                           m_foldedNeedle == previous->toCaseFolded() && needle.contains(m_foldedNeedle);
    m_foldedNeedle = needle;
    beginLayout();
    refilter(narrowing);
    endLayout();
}

void FunctionFilterProxy::sort(int column, Qt::SortOrder order)
{
    beginLayout();
    m_sortColumn = column;
    m_sortOrder = order;
    resort();
    reorder();
    endLayout();
}

void FunctionFilterProxy::reorder()
{
    // The same rows as before, in the new order.
    std::vector<int> rows;
    rows.reserve(m_rows.size());
    for (const int row : m_order) {
        if (m_proxyRows[static_cast<size_t>(row)] >= 0)
            rows.push_back(row);
    }
    m_rows.swap(rows);
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_proxyRows[static_cast<size_t>(m_rows[i])] = static_cast<int>(i);
}

int FunctionFilterProxy::sourceRows() const
{
    return sourceModel() ? sourceModel()->rowCount() : 0;
}

QString FunctionFilterProxy::nameOf(int sourceRow) const
{
    if (m_functions)
        return m_functions->m_rows[sourceRow].name;
    return sourceModel()->index(sourceRow, FunctionListModel::NameColumn).data().toString();
}

QString FunctionFilterProxy::kindOf(int sourceRow) const
{
    if (m_functions) {
        const Action &action = m_functions->m_rows[sourceRow].action;
        return action.exec ? action.exec->kind : QString();
    }
    return sourceModel()->index(sourceRow, FunctionListModel::RuntimeColumn).data().toString();
}

void FunctionFilterProxy::resort()
{
    const int rows = sourceRows();
    m_order.resize(static_cast<size_t>(rows));
    std::iota(m_order.begin(), m_order.end(), 0);
    m_approximate = false;
    if (m_sortColumn < 0 || m_sortColumn >= columnCount() || rows < 2)
        return;
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    if (m_functions) {
        // Packed (key, row) pairs: the sort reads one array; ties keep the model's order.
        // Text columns: the background work's ranks, or prefixes until they land.
        const std::vector<double> &keys =
            isTextColumn(m_sortColumn) ? textKeys(m_sortColumn) : m_functions->sortKeys(m_sortColumn);
        std::vector<std::pair<double, int>> packed(static_cast<size_t>(rows));
        for (int row = 0; row < rows; ++row)
            packed[static_cast<size_t>(row)] = {keys[static_cast<size_t>(row)], row};
        if (ascending)
            std::sort(packed.begin(), packed.end());
        else
            std::sort(packed.begin(), packed.end(), [](const auto &a, const auto &b) {
                return a.first > b.first || (a.first == b.first && a.second < b.second);
            });
        for (int row = 0; row < rows; ++row)
            m_order[static_cast<size_t>(row)] = packed[static_cast<size_t>(row)].second;
        return;
    }
    std::vector<QVariant> keys(static_cast<size_t>(rows));
    for (int row = 0; row < rows; ++row)
        keys[static_cast<size_t>(row)] = sourceModel()->index(row, m_sortColumn).data(FunctionListModel::SortRole);
    std::stable_sort(m_order.begin(), m_order.end(), [&keys, ascending](int a, int b) {
        const QPartialOrdering order = QVariant::compare(keys[static_cast<size_t>(a)], keys[static_cast<size_t>(b)]);
        return ascending ? order == QPartialOrdering::Less : order == QPartialOrdering::Greater;
    });
}

bool FunctionFilterProxy::accepts(int sourceRow) const
{
    return m_filter.matches(nameOf(sourceRow)) || m_filter.matches(kindOf(sourceRow));
}

void FunctionFilterProxy::refilter(bool narrowing)
{
    const int rows = sourceRows();
    std::vector<int> shown;
    if (m_filter.isEmpty()) {
        shown = m_order;
    } else {
        const std::vector<int> &from = narrowing ? m_rows : m_order;
        shown.reserve(from.size());
        bool found = false;
        if (!m_foldedNeedle.isNull()) {
            // The function list's are folded in the background (matched row by row till then).
            if (!m_functions && (!m_folded || m_texts.rows() != rows)) {
                m_texts.build(
                    rows, [this](int row) { return nameOf(row); }, [this](int row) { return kindOf(row); });
                m_folded = true;
            }
            const bool folded = m_functions ? preparedNow() : m_folded;
            found = folded && m_texts.rows() == rows && m_texts.find(m_foldedNeedle, m_matches);
        }
        for (const int row : from) {
            if (found ? m_matches[static_cast<size_t>(row)] != 0 : accepts(row))
                shown.push_back(row);
        }
    }
    m_rows.swap(shown);
    m_proxyRows.assign(static_cast<size_t>(rows), -1);
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_proxyRows[static_cast<size_t>(m_rows[i])] = static_cast<int>(i);
}

void FunctionFilterProxy::beginLayout()
{
    if (m_layoutDepth++ > 0)
        return;
    Q_EMIT layoutAboutToBeChanged();
    // After the signal: what its receivers made persistent follows too.
    m_savedProxy = persistentIndexList();
    m_savedSource.clear();
    m_savedSource.reserve(m_savedProxy.size());
    for (const QModelIndex &index : std::as_const(m_savedProxy))
        m_savedSource.append(QPersistentModelIndex(mapToSource(index)));
}

void FunctionFilterProxy::endLayout()
{
    if (--m_layoutDepth > 0)
        return;
    QModelIndexList moved;
    moved.reserve(m_savedSource.size());
    for (const QPersistentModelIndex &source : std::as_const(m_savedSource))
        moved.append(mapFromSource(source));
    changePersistentIndexList(m_savedProxy, moved);
    m_savedProxy.clear();
    m_savedSource.clear();
    Q_EMIT layoutChanged();
}

void FunctionFilterProxy::sourceAboutToChange()
{
    beginLayout();
}

void FunctionFilterProxy::sourceChanged()
{
    textsChanged();
    resort();
    refilter(false);
    endLayout();
}

void FunctionFilterProxy::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft.parent().isValid())
        return;
    const int left = topLeft.column(), right = bottomRight.column();
    const int top = topLeft.row(), bottom = std::min(bottomRight.row(), sourceRows() - 1);
    const auto within = [left, right](int column) { return column >= left && column <= right; };
    const bool texts = within(FunctionListModel::NameColumn) || within(FunctionListModel::RuntimeColumn);
    if (texts)
        textsChanged();
    if (within(m_sortColumn) || (texts && !m_filter.isEmpty())) {
        beginLayout();
        resort();
        refilter(false);
        endLayout();
    }
    int first = -1, last = -1;
    for (int row = top; row <= bottom; ++row) {
        const int shown = m_proxyRows[static_cast<size_t>(row)];
        if (shown < 0)
            continue;
        first = first < 0 ? shown : std::min(first, shown);
        last = std::max(last, shown);
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, left), index(last, right));
}

QModelIndex FunctionFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex FunctionFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex FunctionFilterProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int FunctionFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FunctionFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool FunctionFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QModelIndex FunctionFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel() || proxyIndex.model() != this ||
        proxyIndex.row() >= static_cast<int>(m_rows.size()))
        return {};
    // Between a source's rowsAboutToBeRemoved and rowsRemoved the rows may be gone already.
    const int row = m_rows[static_cast<size_t>(proxyIndex.row())];
    return row < sourceRows() ? sourceModel()->index(row, proxyIndex.column()) : QModelIndex();
}

QModelIndex FunctionFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel() ||
        sourceIndex.row() >= static_cast<int>(m_proxyRows.size()))
        return {};
    const int row = m_proxyRows[static_cast<size_t>(sourceIndex.row())];
    return row < 0 ? QModelIndex() : index(row, sourceIndex.column());
}

QVariant FunctionFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!sourceModel())
        return {};
    if (orientation == Qt::Horizontal)
        return sourceModel()->headerData(section, orientation, role);
    if (section < 0 || section >= rowCount())
        return {};
    return sourceModel()->headerData(m_rows[static_cast<size_t>(section)], orientation, role);
}

} // namespace funcdesk
