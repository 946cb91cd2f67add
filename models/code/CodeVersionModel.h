#pragma once

#include "core/Action.h"

#include <QAbstractTableModel>

namespace funcdesk {

// An action's kept versions (newest first, as Platform::actionVersions answers), for the code
// panel's history list: version, when it was deployed, its size in lines.
class CodeVersionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { VersionColumn, UpdatedColumn, LinesColumn, ColumnCount };
    enum Role { CodeRole = Qt::UserRole + 1, VersionRole, UpdatedRole };

    explicit CodeVersionModel(QObject *parent = nullptr);

    void setVersions(QList<Action> versions);
    // The deployed version is marked in the list ("0.0.3 (deployed)").
    void setDeployedVersion(const QString &version);
    void clear();
    const Action &versionAt(int row) const { return m_versions.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Action> m_versions;
    QString m_deployed;
};

} // namespace funcdesk
