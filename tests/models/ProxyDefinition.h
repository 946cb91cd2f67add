#pragma once

// What a list's filter proxy (ListFilterProxy) must show, by its plain definition, for the proxy
// tests: the model's rows that pass, stably sorted by the sort column's keys (ties in the model's
// order), compared as one text per row (a name, an activation id).

#include "models/lists/ListFilterProxy.h"
#include "models/lists/PlatformListModel.h"

#include <QStringList>
#include <QTest>

#include <algorithm>
#include <functional>
#include <vector>

namespace funcdesk::test {

// The rows of `model` that `passes`, in `proxy`'s sort order, as their `role` text.
inline QStringList definedRows(const PlatformListModel &model, const ListFilterProxy &proxy,
                               const std::function<bool(int row)> &passes, int role)
{
    std::vector<int> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (passes(row))
            rows.push_back(row);
    }
    const int column = proxy.sortColumn();
    const bool descending = proxy.sortOrder() == Qt::DescendingOrder;
    if (column >= 0)
        std::stable_sort(rows.begin(), rows.end(), [&model, column, descending](int a, int b) {
            return descending ? model.compareRows(column, b, a) < 0 : model.compareRows(column, a, b) < 0;
        });
    QStringList texts;
    for (const int row : rows)
        texts << model.index(row, 0).data(role).toString();
    return texts;
}

// What `proxy` shows, as its rows' `role` text.
inline QStringList shownRows(const QAbstractItemModel &proxy, int role)
{
    QStringList texts;
    for (int row = 0; row < proxy.rowCount(); ++row)
        texts << proxy.index(row, 0).data(role).toString();
    return texts;
}

// Until the proxy's background work for the current rows has landed (20 s at most).
inline bool waitForPreparedTexts(const ListFilterProxy &proxy)
{
    return QTest::qWaitFor([&proxy] { return proxy.textsPrepared(); }, 20000);
}

} // namespace funcdesk::test
