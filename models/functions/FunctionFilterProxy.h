#pragma once

#include "models/functions/TextFilter.h"

#include <QSortFilterProxyModel>

namespace funcdesk {

class FunctionListModel;

// Filter-as-you-type and sorting over a FunctionListModel. The filter (this class's
// setFilterFixedString, or any filterRegularExpression) matches the name or the runtime,
// case-insensitively; sorting follows FunctionListModel::SortRole (numbers as numbers, names
// case-insensitively), comparing the model's packed sort keys rather than QVariants.
class FunctionFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit FunctionFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    // Hides QSortFilterProxyModel's: filters by plain text in one pass (invalidate()), where
    // Qt 6.4's incremental re-filter rebuilds its whole mapping once per changed run of rows.
    void setFilterFixedString(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const FunctionListModel *m_functions = nullptr;
    mutable TextFilter m_filter; // follows filterRegularExpression()
};

} // namespace funcdesk
