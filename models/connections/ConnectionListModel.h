#pragma once

#include "models/connections/ConnectionProfile.h"

#include <QAbstractListModel>

namespace funcdesk {

class ConnectionStore;

// The store's profiles as a list (Local first) for the switcher's combo box and the connection
// dialog's list. Follows the store's signals row by row.
class ConnectionListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, ApiHostRole, IsLocalRole };

    explicit ConnectionListModel(ConnectionStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // -1 when there is no such profile.
    int rowOf(const QString &id) const;
    QString idAt(int row) const;
    ConnectionProfile profileAt(int row) const;

private:
    void onAdded(const QString &id);
    void onUpdated(const QString &id);
    void onRemoved(const QString &id);

    ConnectionStore *m_store;
    QList<ConnectionProfile> m_profiles;
};

} // namespace funcdesk
