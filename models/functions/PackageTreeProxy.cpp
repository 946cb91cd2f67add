#include "models/functions/PackageTreeProxy.h"

#include "models/lists/ListFilterProxy.h"

#include <QHash>

#include <algorithm>

namespace funcdesk {

namespace {
constexpr quintptr kTop = 0; // internal id of a top-level row; a package's children have its group + 1
} // namespace

PackageTreeProxy::PackageTreeProxy(QObject *parent) : QAbstractProxyModel(parent)
{
}

void PackageTreeProxy::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    if (QAbstractItemModel *old = sourceModel())
        disconnect(old, nullptr, this, nullptr);
    QAbstractProxyModel::setSourceModel(model);
    if (m_list)
        disconnect(m_list, nullptr, this, nullptr);
    m_list = nullptr;
    m_packageOfListRow.clear();
    if (auto *filter = qobject_cast<ListFilterProxy *>(model))
        m_list = qobject_cast<const FunctionListModel *>(filter->sourceModel());
    if (m_list) {
        // Its rows changed (names never change in place): the packages are read again. The filter
        // proxy may hear of it first and have the tree rebuilt at once: the tree then sees that
        // the number of rows is not the one it read (indexPackagesOfList()).
        const auto forget = [this] { m_packageOfListRow.clear(); };
        for (auto changed : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(m_list, changed, this, forget);
        connect(m_list, &QAbstractItemModel::rowsMoved, this, forget);
        connect(m_list, &QAbstractItemModel::modelReset, this, forget);
        connect(m_list, &QAbstractItemModel::layoutChanged, this, forget);
    }
    if (model) {
        connect(model, &QAbstractItemModel::dataChanged, this, &PackageTreeProxy::sourceDataChanged);
        connect(model, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
        for (auto about : {&QAbstractItemModel::rowsAboutToBeInserted, &QAbstractItemModel::rowsAboutToBeRemoved})
            connect(model, about, this, &PackageTreeProxy::beginChange);
        for (auto done : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(model, done, this, &PackageTreeProxy::endChange);
        connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, &PackageTreeProxy::beginChange);
        connect(model, &QAbstractItemModel::rowsMoved, this, &PackageTreeProxy::endChange);
        connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, &PackageTreeProxy::beginChange);
        connect(model, &QAbstractItemModel::layoutChanged, this, &PackageTreeProxy::endChange);
        const auto reset = [this] {
            rebuild();
            endResetModel();
        };
        for (auto about : {&QAbstractItemModel::columnsAboutToBeInserted, &QAbstractItemModel::columnsAboutToBeRemoved})
            connect(model, about, this, &PackageTreeProxy::beginResetModel);
        for (auto done : {&QAbstractItemModel::columnsInserted, &QAbstractItemModel::columnsRemoved})
            connect(model, done, this, reset);
        connect(model, &QAbstractItemModel::columnsAboutToBeMoved, this, &PackageTreeProxy::beginResetModel);
        connect(model, &QAbstractItemModel::columnsMoved, this, reset);
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &PackageTreeProxy::beginResetModel);
        connect(model, &QAbstractItemModel::modelReset, this, reset);
    }
    rebuild();
    endResetModel();
}

void PackageTreeProxy::setPackages(const QList<PackageRow> &packages)
{
    if (packages == m_packages)
        return;
    beginChange();
    m_packages = packages;
    endChange();
}

void PackageTreeProxy::setFilterText(const QString &text)
{
    if (text == m_filter)
        return;
    beginChange();
    m_filter = text;
    endChange();
}

QModelIndex PackageTreeProxy::packageIndex(const QString &name) const
{
    for (const Group &group : m_groups) {
        if (group.name == name)
            return createIndex(group.topRow, 0, kTop);
    }
    return {};
}

QString PackageTreeProxy::sourceName(int sourceRow) const
{
    if (m_list)
        return m_list->nameAt(static_cast<const ListFilterProxy *>(sourceModel())->sourceRowOf(sourceRow));
    return sourceModel()->index(sourceRow, 0).data(FunctionListModel::NameRole).toString();
}

PackageTreeProxy::PackageRow PackageTreeProxy::infoOf(const QString &name) const
{
    const auto found = std::lower_bound(m_packages.cbegin(), m_packages.cend(), name,
                                        [](const PackageRow &row, const QString &key) { return row.name < key; });
    if (found != m_packages.cend() && found->name == name)
        return *found;
    PackageRow row; // actions of a package not listed (yet): a plain package
    row.name = name;
    return row;
}

void PackageTreeProxy::rebuild()
{
    m_top.clear();
    m_groups.clear();
    m_fromSource.clear();
    QAbstractItemModel *source = sourceModel();
    if (!source)
        return;
    const int rows = source->rowCount();
    m_fromSource.assign(size_t(rows), {-1, -1});
    m_top.reserve(size_t(rows));
    QHash<QString, int> groupOf;
    // Source row `row` under package `key`, whose group is `group` (-1: made here, on its first row).
    const auto addChild = [this, &groupOf](int row, const QString &key, int &group) {
        if (group < 0) {
            group = int(m_groups.size());
            m_groups.push_back({key, infoOf(key), int(m_top.size()), {}});
            groupOf.insert(key, group);
            m_top.push_back({-1, group});
        }
        std::vector<int> &children = m_groups[size_t(group)].children;
        m_fromSource[size_t(row)] = {group, int(children.size())};
        children.push_back(row);
    };
    const auto *filter = m_list ? static_cast<const ListFilterProxy *>(source) : nullptr;
    if (filter) {
        // The fast way: every row's package was read once; here only ints.
        if (m_packageOfListRow.size() != size_t(m_list->rowCount()))
            indexPackagesOfList();
        std::vector<int> groupOfPackage(size_t(m_packageNames.size()), -1);
        for (int row = 0; row < rows; ++row) {
            const int package = m_packageOfListRow[size_t(filter->sourceRowOf(row))];
            if (package < 0) {
                m_fromSource[size_t(row)] = {-1, int(m_top.size())};
                m_top.push_back({row, -1});
                continue;
            }
            addChild(row, m_packageNames[package], groupOfPackage[size_t(package)]);
        }
    }
    for (int row = 0; !filter && row < rows; ++row) {
        const QString name = sourceName(row);
        const qsizetype slash = name.indexOf(QLatin1Char('/'));
        if (slash <= 0) {
            m_fromSource[size_t(row)] = {-1, int(m_top.size())};
            m_top.push_back({row, -1});
            continue;
        }
        const QString key = name.left(slash);
        int group = groupOf.value(key, -1);
        addChild(row, key, group);
    }

    // Packages with no function shown: by name among the rest when sorted by name, else last.
    std::vector<Top> empty;
    for (const PackageRow &package : std::as_const(m_packages)) {
        if (groupOf.contains(package.name) ||
            (!m_filter.isEmpty() && !package.name.contains(m_filter, Qt::CaseInsensitive)))
            continue;
        empty.push_back({-1, int(m_groups.size())});
        m_groups.push_back({package.name, package, 0, {}});
    }
    if (empty.empty())
        return;
    const auto *sorted = qobject_cast<const ListFilterProxy *>(source);
    const bool byName = sorted && sorted->sortColumn() == FunctionListModel::NameColumn;
    const bool descending = sorted && sorted->sortOrder() == Qt::DescendingOrder;
    if (descending)
        std::reverse(empty.begin(), empty.end());
    auto topName = [this](const Top &top) {
        return top.group >= 0 ? m_groups[size_t(top.group)].name : sourceName(top.sourceRow);
    };
    std::vector<Top> merged;
    merged.reserve(m_top.size() + empty.size());
    size_t next = 0;
    for (const Top &top : m_top) {
        while (byName && next < empty.size()) {
            const int order = QString::compare(topName(empty[next]), topName(top), Qt::CaseInsensitive);
            if (descending ? order < 0 : order > 0)
                break;
            merged.push_back(empty[next++]);
        }
        merged.push_back(top);
    }
    merged.insert(merged.end(), empty.begin() + qsizetype(next), empty.end());
    m_top = std::move(merged);
    for (size_t row = 0; row < m_top.size(); ++row) {
        if (m_top[row].group >= 0)
            m_groups[size_t(m_top[row].group)].topRow = int(row);
        else
            m_fromSource[size_t(m_top[row].sourceRow)] = {-1, int(row)};
    }
}

void PackageTreeProxy::indexPackagesOfList()
{
    const int rows = m_list->rowCount();
    m_packageOfListRow.assign(size_t(rows), -1);
    m_packageNames.clear();
    QHash<QString, int> ids;
    for (int row = 0; row < rows; ++row) {
        const QString &name = m_list->nameAt(row);
        const qsizetype slash = name.indexOf(QLatin1Char('/'));
        if (slash <= 0)
            continue;
        const QString key = name.left(slash);
        auto found = ids.constFind(key);
        if (found == ids.constEnd()) {
            found = ids.insert(key, int(m_packageNames.size()));
            m_packageNames.append(key);
        }
        m_packageOfListRow[size_t(row)] = *found;
    }
}

void PackageTreeProxy::beginChange()
{
    if (m_changeDepth++ > 0)
        return;
    Q_EMIT layoutAboutToBeChanged();
    m_savedProxy = persistentIndexList();
    m_savedSource.clear();
    m_savedPackage.clear();
    for (const QModelIndex &index : std::as_const(m_savedProxy)) {
        const bool isGroup = index.internalId() == kTop && m_top[size_t(index.row())].group >= 0;
        m_savedPackage.append(isGroup ? m_groups[size_t(m_top[size_t(index.row())].group)].name : QString());
        m_savedSource.append(isGroup ? QPersistentModelIndex() : QPersistentModelIndex(mapToSource(index)));
    }
}

void PackageTreeProxy::endChange()
{
    if (--m_changeDepth > 0)
        return;
    rebuild();
    QModelIndexList now;
    now.reserve(m_savedProxy.size());
    for (qsizetype i = 0; i < m_savedProxy.size(); ++i) {
        const int column = m_savedProxy[i].column();
        if (!m_savedPackage[i].isEmpty()) {
            const QModelIndex package = packageIndex(m_savedPackage[i]);
            now.append(package.isValid() ? package.siblingAtColumn(column) : QModelIndex());
        } else {
            now.append(mapFromSource(m_savedSource[i]));
        }
    }
    changePersistentIndexList(m_savedProxy, now);
    m_savedProxy.clear();
    m_savedSource.clear();
    m_savedPackage.clear();
    Q_EMIT layoutChanged();
}

void PackageTreeProxy::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                         const QList<int> &roles)
{
    if (m_changeDepth > 0 || !topLeft.isValid())
        return;
    if (topLeft.row() == bottomRight.row()) {
        const QModelIndex left = mapFromSource(topLeft);
        Q_EMIT dataChanged(left, left.siblingAtColumn(bottomRight.column()), roles);
        return;
    }
    // Many rows (the 24 h figures, the metrics): every row of those columns, package by package.
    if (!m_top.empty())
        Q_EMIT dataChanged(index(0, topLeft.column()), index(int(m_top.size()) - 1, bottomRight.column()), roles);
    for (const Group &group : m_groups) {
        if (!group.children.empty())
            Q_EMIT dataChanged(createIndex(0, topLeft.column(), quintptr(&group - m_groups.data()) + 1),
                               createIndex(int(group.children.size()) - 1, bottomRight.column(),
                                           quintptr(&group - m_groups.data()) + 1),
                               roles);
    }
}

QModelIndex PackageTreeProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTop);
    return createIndex(row, column, quintptr(m_top[size_t(parent.row())].group) + 1);
}

QModelIndex PackageTreeProxy::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTop)
        return {};
    return createIndex(m_groups[size_t(child.internalId() - 1)].topRow, 0, kTop);
}

QModelIndex PackageTreeProxy::sibling(int row, int column, const QModelIndex &index) const
{
    return index.isValid() ? this->index(row, column, parent(index)) : QModelIndex();
}

int PackageTreeProxy::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_top.size());
    if (parent.column() > 0 || parent.internalId() != kTop)
        return 0;
    const int group = m_top[size_t(parent.row())].group;
    return group < 0 ? 0 : int(m_groups[size_t(group)].children.size());
}

int PackageTreeProxy::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return sourceModel() ? sourceModel()->columnCount() : 0;
}

bool PackageTreeProxy::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QModelIndex PackageTreeProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel())
        return {};
    if (proxyIndex.internalId() == kTop) {
        const int sourceRow = m_top[size_t(proxyIndex.row())].sourceRow;
        return sourceRow < 0 ? QModelIndex() : sourceModel()->index(sourceRow, proxyIndex.column());
    }
    const Group &group = m_groups[size_t(proxyIndex.internalId() - 1)];
    return sourceModel()->index(group.children[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex PackageTreeProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || size_t(sourceIndex.row()) >= m_fromSource.size())
        return {};
    const auto [group, row] = m_fromSource[size_t(sourceIndex.row())];
    return createIndex(row, sourceIndex.column(), group < 0 ? kTop : quintptr(group) + 1);
}

QVariant PackageTreeProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kTop && m_top[size_t(index.row())].group >= 0)
        return groupData(m_groups[size_t(m_top[size_t(index.row())].group)], index.column(), role);
    const QModelIndex source = mapToSource(index);
    if (role == Qt::DisplayRole && index.internalId() != kTop && index.column() == FunctionListModel::NameColumn) {
        const QString name = source.data(FunctionListModel::NameRole).toString();
        return name.mid(name.indexOf(QLatin1Char('/')) + 1);
    }
    return source.data(role);
}

QVariant PackageTreeProxy::groupData(const Group &group, int column, int role) const
{
    const bool binding = !group.info.boundTo.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        if (column == FunctionListModel::NameColumn)
            return binding ? tr("%1 → %2").arg(group.name, group.info.boundTo) : group.name;
        if (column == FunctionListModel::RuntimeColumn)
            return binding ? tr("Binding") : group.info.shared ? tr("Shared package") : tr("Package");
        return {};
    case Qt::ToolTipRole:
        if (binding)
            return tr("A binding of %1: its functions run with this binding's parameters.").arg(group.info.boundTo);
        if (group.info.shared)
            return tr("Shared: other namespaces can bind this package and run its functions.");
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case FunctionListModel::SortRole:
        return column == FunctionListModel::NameColumn ? QVariant(group.name) : QVariant();
    case FunctionListModel::NameRole:
        return QString();
    case FunctionListModel::PackageRole:
        return group.name;
    case FunctionListModel::KindRole:
        return binding ? FunctionListModel::BindingItem : FunctionListModel::PackageItem;
    default:
        return {};
    }
}

Qt::ItemFlags PackageTreeProxy::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == kTop && m_top[size_t(index.row())].group >= 0)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return mapToSource(index).flags();
}

QVariant PackageTreeProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    return sourceModel() ? sourceModel()->headerData(section, orientation, role) : QVariant();
}

void PackageTreeProxy::sort(int column, Qt::SortOrder order)
{
    if (sourceModel())
        sourceModel()->sort(column, order);
}

} // namespace funcdesk
