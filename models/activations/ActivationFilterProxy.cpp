#include "models/activations/ActivationFilterProxy.h"

#include "models/activations/ActivationListModel.h"

namespace funcdesk {

ActivationFilterProxy::ActivationFilterProxy(QObject *parent)
    : ListFilterProxy({ActivationListModel::FunctionColumn}, parent)
{
}

const PlatformListModel *ActivationFilterProxy::listOf(const QAbstractItemModel *model) const
{
    return qobject_cast<const ActivationListModel *>(model);
}

const QString &ActivationFilterProxy::listText(int sourceRow, int) const
{
    return static_cast<const ActivationListModel *>(list())->m_rows[sourceRow].summary.function;
}

void ActivationFilterProxy::setErrorsOnly(bool errorsOnly)
{
    if (m_errorsOnly == errorsOnly)
        return;
    m_errorsOnly = errorsOnly;
    criterionChanged();
    Q_EMIT errorsOnlyChanged(errorsOnly);
}

bool ActivationFilterProxy::acceptsRow(int sourceRow) const
{
    if (!m_errorsOnly)
        return true;
    if (list())
        return static_cast<const ActivationListModel *>(list())->m_rows[sourceRow].summary.isError();
    return sourceModel()
        ->index(sourceRow, ActivationListModel::FunctionColumn)
        .data(ActivationListModel::IsErrorRole)
        .toBool();
}

} // namespace funcdesk
