#include "models/activations/ActivationFilterProxy.h"

#include "models/activations/ActivationListModel.h"

namespace funcdesk {

ActivationFilterProxy::ActivationFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ActivationListModel::SortRole);
    setFilterKeyColumn(ActivationListModel::FunctionColumn);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void ActivationFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_activations = qobject_cast<const ActivationListModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ActivationFilterProxy::setErrorsOnly(bool errorsOnly)
{
    if (m_errorsOnly == errorsOnly)
        return;
    m_errorsOnly = errorsOnly;
    invalidate(); // one pass, see setFilterFixedString
    Q_EMIT errorsOnlyChanged(errorsOnly);
}

void ActivationFilterProxy::setFilterFixedString(const QString &text)
{
    m_filter.setText(text, filterCaseSensitivity());
    invalidate();
}

bool ActivationFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    m_filter.follow(filterRegularExpression());
    if (m_activations && sourceModel() == m_activations) {
        const ActivationSummary &summary = m_activations->m_rows[sourceRow].summary;
        if (m_errorsOnly && !summary.isError())
            return false;
        return m_filter.matches(summary.function);
    }
    const QModelIndex index = sourceModel()->index(sourceRow, ActivationListModel::FunctionColumn, sourceParent);
    if (m_errorsOnly && !index.data(ActivationListModel::IsErrorRole).toBool())
        return false;
    return m_filter.matches(index.data().toString());
}

bool ActivationFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_activations && sourceModel() == m_activations && sortRole() == ActivationListModel::SortRole)
        return m_activations->compareRows(left.column(), left.row(), right.row()) < 0;
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace funcdesk
