#pragma once

#include "models/functions/FoldedTexts.h"
#include "models/functions/TextFilter.h"

#include <QAbstractProxyModel>
#include <QPersistentModelIndex>

#include <memory>
#include <vector>

namespace funcdesk {

class PlatformListModel;

// Filter-as-you-type and sorting over one of the console's lists (a PlatformListModel), within
// one 16 ms frame per keystroke or sort at 100,000 rows (docs/benchmarks.md, models_bench). The
// function and activation lists' proxies are this with their text columns and criteria.
//
// The filter (setFilterFixedString, or setFilterRegularExpression) keeps the rows whose text
// columns (one or two, the subclass's) contain the text, case-insensitively for text, and that
// the subclass's own criterion accepts; sorting follows PlatformListModel::SortRole (numbers as
// numbers, texts case-insensitively, ties in the model's order).
//
// How: every source row in sort order is kept (one radix sort of the model's packed keys per
// sort change, not per keystroke); a keystroke searches case-folded copies of the texts at once
// (FoldedTexts, kept until the rows change), then walks that order once, or only the rows shown
// so far when the new text extends the previous one. Changes reach views as layout changes that
// keep the selection. The expensive work per change of the rows (folding 100,000 texts,
// ranking them for their sorts) runs off the GUI thread on a snapshot of the texts, right after
// the rows change; a result for rows that changed meanwhile is dropped. Until it lands, a
// keystroke compares the raw texts row by row (ASCII case-insensitively) and a sort by a text
// column orders by the texts' first three folded characters; when it lands, that sort is redone
// exactly (a layout change keeping the selection).
// Another source model is sorted by its SortRole data and filtered on the text columns' display.
class ListFilterProxy : public QAbstractProxyModel
{
    Q_OBJECT

public:
    void setSourceModel(QAbstractItemModel *model) override;
    // Plain text, matched case-insensitively; empty shows every row (the criterion accepts).
    void setFilterFixedString(const QString &text);
    // An expression (patterns QRegularExpression::escape() made count as text).
    void setFilterRegularExpression(const QRegularExpression &expression);

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    // The source row of row `proxyRow` (0 <= proxyRow < rowCount()), without an index: a proxy
    // over this one (the package tree) reads all 100,000 on each change.
    int sourceRowOf(int proxyRow) const { return m_rows[size_t(proxyRow)]; }
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Lists of at least this many rows (10,000) fold and rank their texts in the background;
    // smaller ones at once, on the first keystroke or text sort after a change (a few ms).
    void setBackgroundRows(int rows) { m_backgroundRows = rows; }
    // Whether the background work for the current rows has landed (always for other sources
    // and small lists).
    bool textsPrepared() const { return !m_list || m_prepared || sourceRows() < m_backgroundRows; }
    // The last landed background work's own time, in ms (for models_bench).
    double preparationMs() const { return m_preparationMs; }

protected:
    // `textColumns`: the source columns (one or two) the filter searches, which sort by text.
    ListFilterProxy(std::vector<int> textColumns, QObject *parent);
    // The source as the list this proxy is made for (its rows are read directly), or nullptr.
    virtual const PlatformListModel *listOf(const QAbstractItemModel *model) const = 0;
    // Text column `which`'s text of a row of that list (by reference: no copies of 100,000).
    virtual const QString &listText(int sourceRow, int which) const = 0;
    // The subclass's own criterion besides the text, and whether it may refuse a row now.
    virtual bool acceptsRow(int sourceRow) const;
    virtual bool filtersRows() const { return false; }
    // The criterion changed: the rows are filtered again (a layout change).
    void criterionChanged();
    const PlatformListModel *list() const { return m_list; }
    int sourceRows() const;

private:
    struct Prepared;
    // The rows' texts changed: drops the folded texts and text ranks and schedules prepare().
    void textsChanged();
    std::shared_ptr<Prepared> snapshotWork() const;
    void prepare(); // starts the background work
    void land(quint64 generation, const std::shared_ptr<Prepared> &prepared);
    bool preparedNow(); // m_prepared, doing the work at once for a small list
    void take(Prepared &prepared);
    // The rows shown now, in m_order's order.
    void reorder();
    const std::vector<double> &textKeys(int which);
    int textIndex(int column) const; // which text column `column` is, -1 none
    QString textOf(int sourceRow, int which) const;
    const QString &rowText(int sourceRow, int which) const; // a list's, from m_snapshot when there

    // A change of rows or their order: views get layoutAboutToBeChanged / layoutChanged, and
    // persistent indexes (the selection) follow their source rows.
    void beginLayout();
    void endLayout();
    void sourceAboutToChange();
    void sourceChanged();
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void sourceReset();

    void resort(); // m_order from the sort column
    // m_rows from m_order, or from the rows shown now when `narrowing` (the text got longer).
    void refilter(bool narrowing);
    bool textMatches(const QString &text) const;
    bool textAccepted(int sourceRow) const; // row by row: whether a text column matches
    // Applies a new filter: narrowing when the new text contains the previous one.
    void applyFilter(const std::optional<QString> &previous, Qt::CaseSensitivity previousCase);

    const std::vector<int> m_textColumns;
    const PlatformListModel *m_list = nullptr;
    TextFilter m_filter;
    QString m_foldedNeedle; // the literal, case-folded, when matched case-insensitively
    bool m_asciiNeedle = false;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<int> m_order;     // every source row, in sort order (source order when unsorted)
    std::vector<int> m_rows;      // proxy row → source row
    std::vector<int> m_proxyRows; // source row → proxy row, -1 when filtered out
    FoldedTexts m_texts;
    bool m_folded = false;       // m_texts are those of the current rows
    std::vector<char> m_matches; // m_texts.find()'s answer, kept to reuse its memory
    // Background work (list sources only): m_generation counts changes of the texts.
    quint64 m_generation = 0;
    bool m_prepared = false;        // m_texts and m_ranks are those of the current rows
    bool m_prepareQueued = false;   // prepare() is queued
    bool m_approximate = false;     // m_order was sorted by text prefixes, awaiting m_ranks
    std::vector<double> m_ranks[2]; // exact keys of the text columns
    std::vector<double> m_prefixes; // their cheap stand-in until the work lands
    // The texts of the current rows copied for the background work (read-only on both threads,
    // dropped when it lands): row by row matching reads them in order until then.
    std::shared_ptr<const Prepared> m_snapshot;
    double m_preparationMs = 0;
    int m_backgroundRows = 10000;
    // Across a layout change: the persistent proxy indexes and their source indexes.
    QModelIndexList m_savedProxy;
    QList<QPersistentModelIndex> m_savedSource;
    int m_layoutDepth = 0;
};

} // namespace funcdesk
