#include "models/functions/FunctionFilterProxy.h"

#include "models/functions/FunctionListModel.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace funcdesk {

FunctionFilterProxy::FunctionFilterProxy(QObject *parent) : QAbstractProxyModel(parent)
{
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
    m_folded = false;
    resort();
    refilter(false);
    endResetModel();
}

void FunctionFilterProxy::sourceReset()
{
    m_folded = false;
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
    endLayout();
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
    if (m_sortColumn < 0 || m_sortColumn >= columnCount() || rows < 2)
        return;
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    if (m_functions) {
        // Packed (key, row) pairs: the sort reads one array; ties keep the model's order.
        const std::vector<double> &keys = m_functions->sortKeys(m_sortColumn);
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
            if (!m_folded || m_texts.rows() != rows) {
                m_texts.build(
                    rows, [this](int row) { return nameOf(row); }, [this](int row) { return kindOf(row); });
                m_folded = true;
            }
            found = m_texts.find(m_foldedNeedle, m_matches);
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
    m_folded = false;
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
        m_folded = false;
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
