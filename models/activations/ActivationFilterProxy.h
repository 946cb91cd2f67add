#pragma once

#include "models/lists/ListFilterProxy.h"

namespace funcdesk {

// What the activation list shows of an ActivationListModel (ListFilterProxy): "errors only",
// filter-as-you-type on the function name (setFilterFixedString, case-insensitive), and sorting
// by ActivationListModel::SortRole (the model's packed sort keys; function names ranked in the
// background at 100,000 rows). Unsorted (the default), rows keep the model's newest-first order.
// Another source model is filtered on its Function column's text and IsErrorRole.
class ActivationFilterProxy : public ListFilterProxy
{
    Q_OBJECT
    Q_PROPERTY(bool errorsOnly READ errorsOnly WRITE setErrorsOnly NOTIFY errorsOnlyChanged)

public:
    explicit ActivationFilterProxy(QObject *parent = nullptr);

    // Only activations that finished with a status other than success.
    void setErrorsOnly(bool errorsOnly);
    bool errorsOnly() const { return m_errorsOnly; }

Q_SIGNALS:
    void errorsOnlyChanged(bool errorsOnly);

private:
    const PlatformListModel *listOf(const QAbstractItemModel *model) const override;
    const QString &listText(int sourceRow, int which) const override;
    bool acceptsRow(int sourceRow) const override;
    bool filtersRows() const override { return m_errorsOnly; }

    bool m_errorsOnly = false;
};

} // namespace funcdesk
