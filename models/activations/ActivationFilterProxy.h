#pragma once

#include "models/functions/TextFilter.h"

#include <QSortFilterProxyModel>

namespace funcdesk {

class ActivationListModel;

// What the activation list shows of an ActivationListModel: "errors only", filter-as-you-type on
// the function name (setFilterFixedString, case-insensitive), and sorting by
// ActivationListModel::SortRole (the model's packed sort keys compared, not QVariants).
// Unsorted (the default), rows keep the model's newest-first order.
class ActivationFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_PROPERTY(bool errorsOnly READ errorsOnly WRITE setErrorsOnly NOTIFY errorsOnlyChanged)

public:
    explicit ActivationFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    // Hides QSortFilterProxyModel's: filters by plain text in one pass (invalidate()), where
    // Qt 6.4's incremental re-filter rebuilds its whole mapping once per changed run of rows.
    void setFilterFixedString(const QString &text);
    // Only activations that finished with a status other than success.
    void setErrorsOnly(bool errorsOnly);
    bool errorsOnly() const { return m_errorsOnly; }

Q_SIGNALS:
    void errorsOnlyChanged(bool errorsOnly);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const ActivationListModel *m_activations = nullptr;
    mutable TextFilter m_filter; // follows filterRegularExpression()
    bool m_errorsOnly = false;
};

} // namespace funcdesk
