#include "models/connections/ConnectionListModel.h"

#include "models/connections/ConnectionStore.h"

namespace funcdesk {

ConnectionListModel::ConnectionListModel(ConnectionStore *store, QObject *parent)
    : QAbstractListModel(parent), m_store(store), m_profiles(store->profiles())
{
    connect(store, &ConnectionStore::profileAdded, this, &ConnectionListModel::onAdded);
    connect(store, &ConnectionStore::profileUpdated, this, &ConnectionListModel::onUpdated);
    connect(store, &ConnectionStore::profileRemoved, this, &ConnectionListModel::onRemoved);
}

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionProfile &profile = m_profiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return profile.name;
    case Qt::ToolTipRole:
        return profile.isLocal() ? tr("The platform built into Funcdesk, on this computer") : profile.apiHost;
    case IdRole:
        return profile.id;
    case ApiHostRole:
        return profile.apiHost;
    case IsLocalRole:
        return profile.isLocal();
    default:
        return {};
    }
}

QHash<int, QByteArray> ConnectionListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(IdRole, QByteArrayLiteral("id"));
    names.insert(ApiHostRole, QByteArrayLiteral("apiHost"));
    names.insert(IsLocalRole, QByteArrayLiteral("isLocal"));
    return names;
}

int ConnectionListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (m_profiles.at(row).id == id)
            return row;
    }
    return -1;
}

QString ConnectionListModel::idAt(int row) const
{
    return row >= 0 && row < m_profiles.size() ? m_profiles.at(row).id : QString();
}

ConnectionProfile ConnectionListModel::profileAt(int row) const
{
    return row >= 0 && row < m_profiles.size() ? m_profiles.at(row) : ConnectionProfile();
}

void ConnectionListModel::onAdded(const QString &id)
{
    const auto profile = m_store->profile(id);
    if (!profile || rowOf(id) >= 0)
        return;
    const int row = int(m_profiles.size());
    beginInsertRows({}, row, row);
    m_profiles.append(*profile);
    endInsertRows();
}

void ConnectionListModel::onUpdated(const QString &id)
{
    const int row = rowOf(id);
    const auto profile = m_store->profile(id);
    if (row < 0 || !profile)
        return;
    m_profiles[row] = *profile;
    Q_EMIT dataChanged(index(row), index(row));
}

void ConnectionListModel::onRemoved(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_profiles.removeAt(row);
    endRemoveRows();
}

} // namespace funcdesk
