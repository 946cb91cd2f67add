#pragma once

#include <QHeaderView>
#include <QTreeView>

namespace funcdesk {

// Widens every shown column of `view` but `except` to its contents, never narrowing one: a new
// value ("auto (0.125 vCPU)") or rows just shown (a package opened) may need more than the
// columns were given when the list loaded.
inline void growColumnsToContents(QTreeView *view, int except)
{
    QHeaderView *header = view->header();
    for (int column = 0; column < header->count(); ++column) {
        if (column == except || header->isSectionHidden(column))
            continue;
        const int before = header->sectionSize(column);
        view->resizeColumnToContents(column);
        if (header->sectionSize(column) < before)
            header->resizeSection(column, before);
    }
}

} // namespace funcdesk
