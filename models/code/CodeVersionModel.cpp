#include "models/code/CodeVersionModel.h"

#include <QDateTime>
#include <QLocale>

namespace funcdesk {

namespace {

QString codeOf(const Action &action)
{
    return action.exec ? action.exec->code.value_or(QString()) : QString();
}

} // namespace

CodeVersionModel::CodeVersionModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void CodeVersionModel::setVersions(QList<Action> versions)
{
    beginResetModel();
    m_versions = std::move(versions);
    endResetModel();
}

void CodeVersionModel::setDeployedVersion(const QString &version)
{
    if (version == m_deployed)
        return;
    m_deployed = version;
    if (!m_versions.isEmpty())
        Q_EMIT dataChanged(index(0, VersionColumn), index(rowCount() - 1, VersionColumn));
}

void CodeVersionModel::clear()
{
    setVersions({});
}

int CodeVersionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int CodeVersionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CodeVersionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Action &action = m_versions.at(index.row());
    const QString version = action.version.value_or(QString());
    const QDateTime updated = action.updated ? QDateTime::fromMSecsSinceEpoch(*action.updated) : QDateTime();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case VersionColumn:
            return version == m_deployed && !m_deployed.isEmpty() ? tr("%1 (deployed)").arg(version) : version;
        case UpdatedColumn:
            if (!updated.isValid())
                return QString();
            // Today's deploys by time alone: the list stays narrow beside the editor.
            return QLocale().toString(updated, updated.date() == QDate::currentDate()
                                                   ? QStringLiteral("HH:mm:ss")
                                                   : QStringLiteral("yyyy-MM-dd HH:mm"));
        case LinesColumn: {
            const QString code = codeOf(action);
            return code.isEmpty() ? 0 : int(code.count(QLatin1Char('\n')) + (code.endsWith(QLatin1Char('\n')) ? 0 : 1));
        }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (!updated.isValid())
            return tr("Version %1").arg(version);
        return tr("Version %1, deployed %2").arg(version, QLocale().toString(updated, QLocale::LongFormat));
    case Qt::TextAlignmentRole:
        return index.column() == LinesColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case CodeRole:
        return codeOf(action);
    case VersionRole:
        return version;
    case UpdatedRole:
        return updated;
    default:
        return {};
    }
}

QVariant CodeVersionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case UpdatedColumn:
        return tr("Deployed");
    case LinesColumn:
        return tr("Lines");
    default:
        return {};
    }
}

} // namespace funcdesk
