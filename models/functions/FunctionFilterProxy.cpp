#include "models/functions/FunctionFilterProxy.h"

#include "models/functions/FunctionListModel.h"

namespace funcdesk {

FunctionFilterProxy::FunctionFilterProxy(QObject *parent)
    : ListFilterProxy({FunctionListModel::NameColumn, FunctionListModel::RuntimeColumn}, parent)
{
}

const PlatformListModel *FunctionFilterProxy::listOf(const QAbstractItemModel *model) const
{
    return qobject_cast<const FunctionListModel *>(model);
}

const QString &FunctionFilterProxy::listText(int sourceRow, int which) const
{
    static const QString none;
    const FunctionListModel::Row &row = static_cast<const FunctionListModel *>(list())->m_rows[sourceRow];
    if (which == 0)
        return row.name;
    return row.action.exec ? row.action.exec->kind : none;
}

} // namespace funcdesk
