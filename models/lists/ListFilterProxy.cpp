#include "models/lists/ListFilterProxy.h"

#include "core/FutureCallback.h"
#include "models/functions/SortKeys.h"
#include "models/lists/PlatformListModel.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <numeric>
#include <optional>
#include <utility>

namespace funcdesk {

// What the background work makes from a snapshot of the texts.
struct ListFilterProxy::Prepared
{
    void run(); // on any thread: reads texts, fills the rest
    std::vector<QString> texts[2];
    size_t columns = 1;
    FoldedTexts folded;
    std::vector<double> ranks[2];
    double ms = 0;
};

namespace {

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

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

// Whether ASCII `text` contains `needle` (ASCII, lower case) in any case: what
// QString::contains(…, Qt::CaseInsensitive) answers, several times faster; nullopt when `text`
// is not ASCII (case folding may then turn other characters into ASCII ones).
std::optional<bool> containsAscii(const QString &text, const QString &needle)
{
    // constData(), not utf16(): that one may write to the string (QStringLiteral data).
    const char16_t *units = reinterpret_cast<const char16_t *>(text.constData());
    const char16_t *wanted = reinterpret_cast<const char16_t *>(needle.constData());
    const qsizetype size = text.size(), length = needle.size();
    const auto lower = [](char16_t unit) { return unit >= u'A' && unit <= u'Z' ? char16_t(unit + 32) : unit; };
    bool found = false;
    for (qsizetype at = 0; at < size; ++at) {
        if (units[at] >= 0x80)
            return std::nullopt;
        if (found || at + length > size)
            continue;
        qsizetype i = 0;
        while (i < length && lower(units[at + i]) == wanted[i])
            ++i;
        found = i == length;
    }
    return found;
}

} // namespace

ListFilterProxy::ListFilterProxy(std::vector<int> textColumns, QObject *parent)
    : QAbstractProxyModel(parent), m_textColumns(std::move(textColumns))
{
    Q_ASSERT(!m_textColumns.empty() && m_textColumns.size() <= 2);
}

bool ListFilterProxy::acceptsRow(int) const
{
    return true;
}

void ListFilterProxy::criterionChanged()
{
    beginLayout();
    refilter(false);
    endLayout();
}

int ListFilterProxy::textIndex(int column) const
{
    const auto at = std::find(m_textColumns.begin(), m_textColumns.end(), column);
    return at == m_textColumns.end() ? -1 : static_cast<int>(at - m_textColumns.begin());
}

const QString &ListFilterProxy::rowText(int sourceRow, int which) const
{
    // The snapshot's texts lie one after the other; the rows' are hundreds of bytes apart.
    if (m_snapshot)
        return m_snapshot->texts[which][static_cast<size_t>(sourceRow)];
    return listText(sourceRow, which);
}

QString ListFilterProxy::textOf(int sourceRow, int which) const
{
    if (m_list)
        return listText(sourceRow, which);
    return sourceModel()->index(sourceRow, m_textColumns[static_cast<size_t>(which)]).data().toString();
}

void ListFilterProxy::textsChanged()
{
    ++m_generation;
    m_folded = false;
    m_prepared = false;
    m_ranks[0].clear();
    m_ranks[1].clear();
    m_snapshot.reset();
    if (!m_list || m_prepareQueued || sourceRows() < m_backgroundRows)
        return; // small lists: at once when needed (preparedNow)
    m_prepareQueued = true;
    // Queued: the several signals of one change of the rows start one piece of work.
    QMetaObject::invokeMethod(this, &ListFilterProxy::prepare, Qt::QueuedConnection);
}

std::shared_ptr<ListFilterProxy::Prepared> ListFilterProxy::snapshotWork() const
{
    // Copies (implicitly shared, never written by the worker): the model may change meanwhile.
    const size_t rows = static_cast<size_t>(sourceRows());
    auto prepared = std::make_shared<Prepared>();
    prepared->columns = m_textColumns.size();
    for (size_t which = 0; which < prepared->columns; ++which) {
        std::vector<QString> &texts = prepared->texts[which];
        texts.resize(rows);
        for (size_t row = 0; row < rows; ++row)
            texts[row] = listText(static_cast<int>(row), static_cast<int>(which));
    }
    return prepared;
}

void ListFilterProxy::Prepared::run()
{
    QElapsedTimer timer;
    timer.start();
    const std::vector<QString> &first = texts[0];
    const std::vector<QString> *second = columns > 1 ? &texts[1] : nullptr;
    folded.build(
        static_cast<int>(first.size()), [&first](int row) { return first[static_cast<size_t>(row)]; },
        [second](int row) { return second ? (*second)[static_cast<size_t>(row)] : QString(); });
    for (size_t which = 0; which < columns; ++which)
        rankFolded(texts[which], ranks[which]); // the texts stay: the GUI thread reads them too
    ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

void ListFilterProxy::prepare()
{
    m_prepareQueued = false;
    if (!m_list || m_prepared)
        return;
    const quint64 generation = m_generation;
    std::shared_ptr<Prepared> work = snapshotWork();
    m_snapshot = work;
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

bool ListFilterProxy::preparedNow()
{
    if (!m_prepared && m_list && sourceRows() < m_backgroundRows) {
        const std::shared_ptr<Prepared> work = snapshotWork();
        work->run();
        take(*work);
    }
    return m_prepared;
}

void ListFilterProxy::take(Prepared &prepared)
{
    m_texts = std::move(prepared.folded);
    m_folded = true;
    m_ranks[0] = std::move(prepared.ranks[0]);
    m_ranks[1] = std::move(prepared.ranks[1]);
    m_prepared = true;
    m_preparationMs = prepared.ms;
    m_snapshot.reset();
}

void ListFilterProxy::land(quint64 generation, const std::shared_ptr<Prepared> &prepared)
{
    if (generation != m_generation || m_prepared)
        return; // for rows that have changed since: newer work is queued
    take(*prepared);
    if (m_approximate && textIndex(m_sortColumn) >= 0) {
        beginLayout();
        resort();
        reorder();
        endLayout();
    }
}

const std::vector<double> &ListFilterProxy::textKeys(int which)
{
    if (preparedNow())
        return m_ranks[which];
    m_approximate = true;
    const size_t rows = static_cast<size_t>(sourceRows());
    m_prefixes.resize(rows);
    for (size_t row = 0; row < rows; ++row)
        m_prefixes[row] = prefixKey(rowText(static_cast<int>(row), which));
    return m_prefixes;
}

void ListFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    if (QAbstractItemModel *old = sourceModel())
        disconnect(old, nullptr, this, nullptr);
    m_list = model ? listOf(model) : nullptr;
    QAbstractProxyModel::setSourceModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::dataChanged, this, &ListFilterProxy::sourceDataChanged);
        connect(model, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
        for (auto about : {&QAbstractItemModel::rowsAboutToBeInserted, &QAbstractItemModel::rowsAboutToBeRemoved})
            connect(model, about, this, &ListFilterProxy::sourceAboutToChange);
        for (auto done : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(model, done, this, &ListFilterProxy::sourceChanged);
        connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, &ListFilterProxy::sourceAboutToChange);
        connect(model, &QAbstractItemModel::rowsMoved, this, &ListFilterProxy::sourceChanged);
        connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, &ListFilterProxy::sourceAboutToChange);
        connect(model, &QAbstractItemModel::layoutChanged, this, &ListFilterProxy::sourceChanged);
        // A reset, and any change of columns (the lists have fixed ones): a reset here too.
        for (auto about : {&QAbstractItemModel::columnsAboutToBeInserted, &QAbstractItemModel::columnsAboutToBeRemoved})
            connect(model, about, this, &ListFilterProxy::beginResetModel);
        connect(model, &QAbstractItemModel::columnsAboutToBeMoved, this, &ListFilterProxy::beginResetModel);
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &ListFilterProxy::beginResetModel);
        for (auto done : {&QAbstractItemModel::columnsInserted, &QAbstractItemModel::columnsRemoved})
            connect(model, done, this, &ListFilterProxy::sourceReset);
        connect(model, &QAbstractItemModel::columnsMoved, this, &ListFilterProxy::sourceReset);
        connect(model, &QAbstractItemModel::modelReset, this, &ListFilterProxy::sourceReset);
    }
    textsChanged();
    resort();
    refilter(false);
    endResetModel();
}

void ListFilterProxy::sourceReset()
{
    textsChanged();
    resort();
    refilter(false);
    endResetModel();
}

void ListFilterProxy::setFilterFixedString(const QString &text)
{
    const std::optional<QString> previous = m_filter.literal();
    const Qt::CaseSensitivity previousCase = m_filter.caseSensitivity();
    m_filter.setText(text, Qt::CaseInsensitive);
    applyFilter(previous, previousCase);
}

void ListFilterProxy::setFilterRegularExpression(const QRegularExpression &expression)
{
    const std::optional<QString> previous = m_filter.literal();
    const Qt::CaseSensitivity previousCase = m_filter.caseSensitivity();
    m_filter.follow(expression);
    applyFilter(previous, previousCase);
}

void ListFilterProxy::applyFilter(const std::optional<QString> &previous, Qt::CaseSensitivity previousCase)
{
    const std::optional<QString> &literal = m_filter.literal();
    const bool folded = literal && m_filter.caseSensitivity() == Qt::CaseInsensitive;
    const QString needle = folded ? literal->toCaseFolded() : QString();
    // Text that extends the previous text matches a subset of what that matched.
    const bool narrowing = folded && previous && previousCase == Qt::CaseInsensitive && !previous->isEmpty() &&
                           m_foldedNeedle == previous->toCaseFolded() && needle.contains(m_foldedNeedle);
    m_foldedNeedle = needle;
    m_asciiNeedle = folded && !needle.isEmpty() && isAscii(needle);
    beginLayout();
    refilter(narrowing);
    endLayout();
}

void ListFilterProxy::sort(int column, Qt::SortOrder order)
{
    beginLayout();
    m_sortColumn = column;
    m_sortOrder = order;
    resort();
    reorder();
    endLayout();
}

void ListFilterProxy::reorder()
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

int ListFilterProxy::sourceRows() const
{
    return sourceModel() ? sourceModel()->rowCount() : 0;
}

void ListFilterProxy::resort()
{
    const int rows = sourceRows();
    m_order.resize(static_cast<size_t>(rows));
    std::iota(m_order.begin(), m_order.end(), 0);
    m_approximate = false;
    if (m_sortColumn < 0 || m_sortColumn >= columnCount() || rows < 2)
        return;
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    if (m_list) {
        // Text columns: the background work's ranks, or prefixes until they land.
        const int which = textIndex(m_sortColumn);
        SortKeys::order(which >= 0 ? textKeys(which) : m_list->sortKeys(m_sortColumn), ascending, m_order);
        return;
    }
    std::vector<QVariant> keys(static_cast<size_t>(rows));
    for (int row = 0; row < rows; ++row)
        keys[static_cast<size_t>(row)] = sourceModel()->index(row, m_sortColumn).data(PlatformListModel::SortRole);
    std::stable_sort(m_order.begin(), m_order.end(), [&keys, ascending](int a, int b) {
        const QPartialOrdering order = QVariant::compare(keys[static_cast<size_t>(a)], keys[static_cast<size_t>(b)]);
        return ascending ? order == QPartialOrdering::Less : order == QPartialOrdering::Greater;
    });
}

bool ListFilterProxy::textMatches(const QString &text) const
{
    if (m_asciiNeedle) {
        if (const std::optional<bool> found = containsAscii(text, m_foldedNeedle))
            return *found;
    }
    return m_filter.matches(text);
}

bool ListFilterProxy::textAccepted(int sourceRow) const
{
    for (size_t which = 0; which < m_textColumns.size(); ++which) {
        if (m_list ? textMatches(rowText(sourceRow, static_cast<int>(which)))
                   : textMatches(textOf(sourceRow, static_cast<int>(which))))
            return true;
    }
    return false;
}

void ListFilterProxy::refilter(bool narrowing)
{
    const int rows = sourceRows();
    std::vector<int> shown;
    if (m_filter.isEmpty() && !filtersRows()) {
        shown = m_order;
    } else {
        const std::vector<int> &from = narrowing ? m_rows : m_order;
        // Which rows pass is decided in the model's order, the order its rows lie in memory:
        // reading them in the sort order costs a cache miss or two per text (a keystroke before
        // the background work landed took 40 ms instead of 10 at 100,000 rows).
        bool found = false;
        if (!m_filter.isEmpty() && !m_foldedNeedle.isNull()) {
            // A list's texts are folded in the background (matched row by row till then).
            if (!m_list && (!m_folded || m_texts.rows() != rows)) {
                m_texts.build(
                    rows, [this](int row) { return textOf(row, 0); },
                    [this](int row) { return m_textColumns.size() > 1 ? textOf(row, 1) : QString(); });
                m_folded = true;
            }
            const bool folded = m_list ? preparedNow() : m_folded;
            found = folded && m_texts.rows() == rows && m_texts.find(m_foldedNeedle, m_matches);
        }
        if (!found) {
            m_matches.assign(static_cast<size_t>(rows), 0);
            for (const int row : from)
                m_matches[static_cast<size_t>(row)] = 1;
            for (int row = 0; row < rows && !m_filter.isEmpty(); ++row) {
                if (m_matches[static_cast<size_t>(row)] != 0 && !textAccepted(row))
                    m_matches[static_cast<size_t>(row)] = 0;
            }
        }
        for (int row = 0; row < rows && filtersRows(); ++row) {
            if (m_matches[static_cast<size_t>(row)] != 0 && !acceptsRow(row))
                m_matches[static_cast<size_t>(row)] = 0;
        }
        shown.reserve(from.size());
        for (const int row : from) {
            if (m_matches[static_cast<size_t>(row)] != 0)
                shown.push_back(row);
        }
    }
    m_rows.swap(shown);
    m_proxyRows.assign(static_cast<size_t>(rows), -1);
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_proxyRows[static_cast<size_t>(m_rows[i])] = static_cast<int>(i);
}

void ListFilterProxy::beginLayout()
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

void ListFilterProxy::endLayout()
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

void ListFilterProxy::sourceAboutToChange()
{
    beginLayout();
}

void ListFilterProxy::sourceChanged()
{
    textsChanged();
    resort();
    refilter(false);
    endLayout();
}

void ListFilterProxy::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft.parent().isValid())
        return;
    const int left = topLeft.column(), right = bottomRight.column();
    const int top = topLeft.row(), bottom = std::min(bottomRight.row(), sourceRows() - 1);
    const auto within = [left, right](int column) { return column >= left && column <= right; };
    const bool texts = std::any_of(m_textColumns.begin(), m_textColumns.end(), within);
    if (texts)
        textsChanged();
    if (within(m_sortColumn) || (texts && !m_filter.isEmpty()) || filtersRows()) {
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

QModelIndex ListFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex ListFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex ListFilterProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int ListFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ListFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool ListFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QModelIndex ListFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel() || proxyIndex.model() != this ||
        proxyIndex.row() >= static_cast<int>(m_rows.size()))
        return {};
    // Between a source's rowsAboutToBeRemoved and rowsRemoved the rows may be gone already.
    const int row = m_rows[static_cast<size_t>(proxyIndex.row())];
    return row < sourceRows() ? sourceModel()->index(row, proxyIndex.column()) : QModelIndex();
}

QModelIndex ListFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel() ||
        sourceIndex.row() >= static_cast<int>(m_proxyRows.size()))
        return {};
    const int row = m_proxyRows[static_cast<size_t>(sourceIndex.row())];
    return row < 0 ? QModelIndex() : index(row, sourceIndex.column());
}

QVariant ListFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const
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
