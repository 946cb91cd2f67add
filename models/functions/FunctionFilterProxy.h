#pragma once

#include "models/functions/TextFilter.h"

#include <QSortFilterProxyModel>

namespace funcdesk {

class FunctionListModel;

// Filter-as-you-type and sorting over a FunctionListModel. The filter (setFilterFixedString,
// or any filterRegularExpression) matches the name or the runtime, case-insensitively; sorting
// uses FunctionListModel::SortRole (numbers as numbers, names case-insensitively), comparing
// rows directly rather than through QVariant when the source is a FunctionListModel.
class FunctionFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit FunctionFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const FunctionListModel *m_functions = nullptr;
    mutable TextFilter m_filter; // follows filterRegularExpression()
};

} // namespace funcdesk
