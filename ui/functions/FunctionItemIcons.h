#pragma once

#include <QColor>
#include <QHash>
#include <QIcon>
#include <QStyledItemDelegate>

namespace funcdesk {

// The function list's icons, in its name column: a function, a sequence (three steps joined),
// a package (a box) and a binding (a box with an arrow), after the list's KindRole.
class FunctionItemIcons : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    QIcon iconFor(int kind, const QStyleOptionViewItem &option) const;
    mutable QHash<int, QIcon> m_icons; // by kind, drawn once in the palette's text colour
    mutable QRgb m_color = 0;
};

} // namespace funcdesk
