#pragma once

#include "models/lists/ListFilterProxy.h"

namespace funcdesk {

// Filter-as-you-type and sorting over a FunctionListModel (ListFilterProxy): the filter matches
// the name or the runtime; a sort by either orders their texts case-insensitively, the other
// columns by their numbers (versions as one number each, parsed once as a row arrives). Another
// source model is sorted by its SortRole data and filtered on its first two columns.
class FunctionFilterProxy : public ListFilterProxy
{
    Q_OBJECT

public:
    explicit FunctionFilterProxy(QObject *parent = nullptr);

private:
    const PlatformListModel *listOf(const QAbstractItemModel *model) const override;
    const QString &listText(int sourceRow, int which) const override;
};

} // namespace funcdesk
