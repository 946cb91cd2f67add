#pragma once

#include "models/functions/FunctionListModel.h"

#include <QAbstractProxyModel>
#include <QPersistentModelIndex>

#include <vector>

namespace funcdesk {

// The function list as a tree: functions named "package/action" under a row of their package,
// the others at the top, over the filtered and sorted list (a FunctionFilterProxy, whose order
// it keeps: a package sits where its first function sorts). Packages and bindings without
// functions of their own show too (setPackages()), unless the filter text is not in their name;
// placed by name when the list is sorted by name, else after the rest.
//
// A package row answers KindRole (PackageItem or BindingItem), PackageRole (its name) and an
// empty NameRole; its name column says what a binding binds ("tools → /whisk.system/utils") and
// its runtime column what it is ("Package", "Shared package", "Binding"). A function under a
// package shows its short name; NameRole stays the full one. Every change of the source reaches
// views as a layout change: selection and expanded packages stay, by function and package name.
// One pass over the rows per change (names read by reference from a FunctionListModel).
class PackageTreeProxy : public QAbstractProxyModel
{
    Q_OBJECT

public:
    using PackageRow = FunctionListModel::PackageRow;

    explicit PackageTreeProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void setPackages(const QList<PackageRow> &packages);
    // The filter typed (the source filters the functions): a package without shown functions
    // shows only when this is in its name, case-insensitively.
    void setFilterText(const QString &text);
    // Package `name`'s row (column 0), invalid when it is not shown.
    QModelIndex packageIndex(const QString &name) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    struct Group
    {
        QString name;
        PackageRow info;
        int topRow = 0;
        std::vector<int> children; // source rows, in the source's order
    };
    struct Top
    {
        int sourceRow = -1; // a function at the top, or
        int group = -1;     // a package
    };

    void rebuild();
    // The package of every row of the FunctionListModel (an index into m_packageNames, -1 for
    // none), made once after its rows change: a keystroke reads ints, not 100,000 names.
    void indexPackagesOfList();
    QString sourceName(int sourceRow) const;
    PackageRow infoOf(const QString &name) const;
    QVariant groupData(const Group &group, int column, int role) const;
    // A change of rows or their order: views get layoutAboutToBeChanged / layoutChanged, and
    // persistent indexes follow their function or package.
    void beginChange();
    void endChange();
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);

    std::vector<Top> m_top;
    std::vector<Group> m_groups;
    std::vector<std::pair<int, int>> m_fromSource; // source row → (group or -1, row)
    QList<PackageRow> m_packages;
    QString m_filter;
    const FunctionListModel *m_list = nullptr; // the rows' names, when the source filters one
    std::vector<int> m_packageOfListRow;       // by FunctionListModel row; empty: to be made
    QStringList m_packageNames;
    // Across a change: the persistent indexes, and what each stands for.
    QModelIndexList m_savedProxy;
    QList<QPersistentModelIndex> m_savedSource; // a function's
    QStringList m_savedPackage;                 // or a package's name
    int m_changeDepth = 0;
};

} // namespace funcdesk
