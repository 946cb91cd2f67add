#pragma once

#include "models/functions/FoldedTexts.h"
#include "models/functions/TextFilter.h"

#include <QAbstractProxyModel>
#include <QPersistentModelIndex>

#include <memory>
#include <vector>

namespace funcdesk {

class FunctionListModel;

// Filter-as-you-type and sorting over a FunctionListModel, fast at 100,000 rows (within one
// 16 ms frame per keystroke or sort; see docs/benchmarks.md, models_bench). The filter
// (setFilterFixedString, or setFilterRegularExpression) matches the name or the runtime,
// case-insensitively for text; sorting follows FunctionListModel::SortRole (numbers as numbers,
// names case-insensitively, ties in the model's order), comparing the model's packed sort keys.
//
// How: every source row in sort order is kept (one sort per sort change, on packed keys, not
// per keystroke); a keystroke searches case-folded copies of the names and runtimes at once
// (FoldedTexts, kept until the rows change), then walks that order once, or only the rows shown
// so far when the new text extends the previous one. Changes reach views as layout changes that keep the selection.
// The expensive work per change of a FunctionListModel's rows (folding 100,000 names, ranking
// the names and runtimes for their sorts) runs off the GUI thread on a snapshot of the texts,
// right after the rows change; a result for rows that changed meanwhile is dropped. Until it
// lands, a keystroke matches row by row and a sort by a text column orders by the texts' first
// three folded characters; when it lands, that sort is redone exactly (a layout change keeping
// the selection).
// Another source model is sorted by its SortRole data and filtered on its first two columns.
class FunctionFilterProxy : public QAbstractProxyModel
{
    Q_OBJECT

public:
    explicit FunctionFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    // Plain text, matched case-insensitively; empty shows every row.
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
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Lists of at least this many rows (10,000) fold and rank their texts in the background;
    // smaller ones at once, on the first keystroke or text sort after a change (a few ms).
    void setBackgroundRows(int rows) { m_backgroundRows = rows; }
    // Whether the background work for the current rows has landed (always for other sources
    // and small lists).
    bool textsPrepared() const { return !m_functions || m_prepared || sourceRows() < m_backgroundRows; }
    // The last landed background work's own time, in ms (for models_bench).
    double preparationMs() const { return m_preparationMs; }

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
    const std::vector<double> &textKeys(int column);

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
    bool accepts(int sourceRow) const;
    QString nameOf(int sourceRow) const;
    QString kindOf(int sourceRow) const;
    int sourceRows() const;
    // Applies a new filter: narrowing when the new text contains the previous one.
    void applyFilter(const std::optional<QString> &previous, Qt::CaseSensitivity previousCase);

    const FunctionListModel *m_functions = nullptr;
    TextFilter m_filter;
    QString m_foldedNeedle; // the literal, case-folded, when matched case-insensitively
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<int> m_order;     // every source row, in sort order (source order when unsorted)
    std::vector<int> m_rows;      // proxy row → source row
    std::vector<int> m_proxyRows; // source row → proxy row, -1 when filtered out
    FoldedTexts m_texts;
    bool m_folded = false;       // m_texts are those of the current rows
    std::vector<char> m_matches; // m_texts.find()'s answer, kept to reuse its memory
    // Background work (FunctionListModel only): m_generation counts changes of the texts.
    quint64 m_generation = 0;
    bool m_prepared = false;        // m_texts and m_ranks are those of the current rows
    bool m_prepareQueued = false;   // prepare() is queued
    bool m_approximate = false;     // m_order was sorted by text prefixes, awaiting m_ranks
    std::vector<double> m_ranks[2]; // exact keys of the name and runtime columns
    std::vector<double> m_prefixes; // their cheap stand-in until the work lands
    double m_preparationMs = 0;
    int m_backgroundRows = 10000;
    // Across a layout change: the persistent proxy indexes and their source indexes.
    QModelIndexList m_savedProxy;
    QList<QPersistentModelIndex> m_savedSource;
    int m_layoutDepth = 0;
};

} // namespace funcdesk
