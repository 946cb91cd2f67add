#include "models/functions/FunctionFilterProxy.h"

#include "models/functions/FunctionListModel.h"

namespace funcdesk {

FunctionFilterProxy::FunctionFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(FunctionListModel::SortRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void FunctionFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_functions = qobject_cast<const FunctionListModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void FunctionFilterProxy::setFilterFixedString(const QString &text)
{
    m_filter.setText(text, filterCaseSensitivity());
    invalidate();
}

bool FunctionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    m_filter.follow(filterRegularExpression());
    if (m_filter.isEmpty())
        return true;
    if (m_functions && sourceModel() == m_functions) {
        const auto &row = m_functions->m_rows[sourceRow];
        return m_filter.matches(row.name) || (row.action.exec && m_filter.matches(row.action.exec->kind));
    }
    const QAbstractItemModel *model = sourceModel();
    return m_filter.matches(model->index(sourceRow, FunctionListModel::NameColumn, sourceParent).data().toString()) ||
           m_filter.matches(model->index(sourceRow, FunctionListModel::RuntimeColumn, sourceParent).data().toString());
}

bool FunctionFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_functions && sourceModel() == m_functions && sortRole() == FunctionListModel::SortRole)
        return m_functions->compareRows(left.column(), left.row(), right.row()) < 0;
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace funcdesk
