#include "models/sequences/SequenceComponentModel.h"

#include <QMimeData>

namespace funcdesk {

namespace {

// Fully qualified paths, one a line: rows dragged inside the list, or actions from the catalog.
const QString kMimeType = QStringLiteral("application/x-funcdesk-sequence-components");

QStringList pathsIn(const QMimeData *data)
{
    if (!data || !data->hasFormat(kMimeType))
        return {};
    return QString::fromUtf8(data->data(kMimeType)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

SequenceComponentModel::SequenceComponentModel(QObject *parent) : QAbstractListModel(parent)
{
}

void SequenceComponentModel::setNamespace(const QString &ns)
{
    beginResetModel();
    m_ns = ns.isEmpty() ? QStringLiteral("_") : ns;
    endResetModel();
}

QString SequenceComponentModel::qualify(const QString &name) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (!trimmed.startsWith(QLatin1Char('/')))
        return QLatin1Char('/') + m_ns + QLatin1Char('/') + trimmed;
    if (trimmed.startsWith(QLatin1StringView("/_/")))
        return QLatin1Char('/') + m_ns + trimmed.mid(2);
    return trimmed;
}

QString SequenceComponentModel::shortName(const QString &path) const
{
    const QString own = QLatin1Char('/') + m_ns + QLatin1Char('/');
    return path.startsWith(own) ? path.mid(own.size()) : path;
}

void SequenceComponentModel::setComponents(const QStringList &names)
{
    beginResetModel();
    m_paths.clear();
    for (const QString &name : names) {
        if (const QString path = qualify(name); !path.isEmpty())
            m_paths.append(path);
    }
    endResetModel();
}

void SequenceComponentModel::setKinds(const QHash<QString, QString> &kinds)
{
    m_kinds = kinds;
    if (!m_paths.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole, Qt::ToolTipRole, KindRole});
}

bool SequenceComponentModel::append(const QString &name)
{
    const QString path = qualify(name);
    if (path.isEmpty() || m_paths.size() >= kMaxComponents)
        return false;
    beginInsertRows(QModelIndex(), rowCount(), rowCount());
    m_paths.append(path);
    endInsertRows();
    Q_EMIT componentsEdited();
    return true;
}

bool SequenceComponentModel::removeComponent(int row)
{
    return removeRows(row, 1);
}

bool SequenceComponentModel::moveComponent(int from, int to)
{
    if (from < 0 || from >= rowCount() || to < 0 || to >= rowCount() || from == to)
        return false;
    // moveRows' destination is the row the block goes before, counted before the move.
    return moveRows(QModelIndex(), from, 1, QModelIndex(), to > from ? to + 1 : to);
}

QString SequenceComponentModel::dataFlowText() const
{
    QStringList steps{tr("input")};
    for (const QString &path : m_paths) {
        const QString kind = m_kinds.value(path);
        steps.append(kind.isEmpty() ? shortName(path) : tr("%1 (%2)").arg(shortName(path), kind));
    }
    steps.append(tr("result"));
    return steps.join(QStringLiteral(" \u2192 "));
}

QString SequenceComponentModel::problem() const
{
    if (m_paths.isEmpty())
        return tr("Add at least one component.");
    if (m_paths.size() > kMaxComponents)
        return tr("A sequence has at most %1 components.").arg(kMaxComponents);
    return {};
}

int SequenceComponentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_paths.size());
}

QVariant SequenceComponentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &path = m_paths.at(index.row());
    const QString kind = m_kinds.value(path);
    switch (role) {
    case Qt::DisplayRole:
        return kind.isEmpty() ? shortName(path) : tr("%1 (%2)").arg(shortName(path), kind);
    case Qt::ToolTipRole:
        return path;
    case PathRole:
        return path;
    case KindRole:
        return kind;
    default:
        return {};
    }
}

Qt::ItemFlags SequenceComponentModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // between rows and after the last
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

Qt::DropActions SequenceComponentModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

QStringList SequenceComponentModel::mimeTypes() const
{
    return {kMimeType};
}

QString SequenceComponentModel::pathsMimeType()
{
    return kMimeType;
}

QMimeData *SequenceComponentModel::pathsMimeData(const QStringList &paths)
{
    auto *data = new QMimeData;
    data->setData(kMimeType, paths.join(QLatin1Char('\n')).toUtf8());
    return data;
}

QMimeData *SequenceComponentModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList paths;
    for (const QModelIndex &index : indexes) {
        if (index.isValid())
            paths.append(m_paths.at(index.row()));
    }
    return pathsMimeData(paths);
}

bool SequenceComponentModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                             const QModelIndex &parent) const
{
    if (parent.isValid() || (action != Qt::MoveAction && action != Qt::CopyAction))
        return false;
    const QStringList paths = pathsIn(data);
    // A move inserts the rows before the originals go: only new rows count against the limit.
    return !paths.isEmpty() && (action == Qt::MoveAction || m_paths.size() + paths.size() <= kMaxComponents);
}

bool SequenceComponentModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                          const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QStringList paths = pathsIn(data);
    const int at = row < 0 || row > rowCount() ? rowCount() : row;
    beginInsertRows(QModelIndex(), at, at + int(paths.size()) - 1);
    for (int i = 0; i < paths.size(); ++i)
        m_paths.insert(at + i, paths.at(i));
    endInsertRows();
    Q_EMIT componentsEdited(); // a move: the view removes the originals next (removeRows)
    return true;
}

bool SequenceComponentModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                                      const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count < 1 || sourceRow < 0 ||
        sourceRow + count > rowCount() || destinationChild < 0 || destinationChild > rowCount() ||
        (destinationChild >= sourceRow && destinationChild <= sourceRow + count))
        return false;
    if (!beginMoveRows(QModelIndex(), sourceRow, sourceRow + count - 1, QModelIndex(), destinationChild))
        return false;
    const QStringList moved = m_paths.mid(sourceRow, count);
    m_paths.remove(sourceRow, count);
    const int at = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        m_paths.insert(at + i, moved.at(i));
    endMoveRows();
    Q_EMIT componentsEdited();
    return true;
}

bool SequenceComponentModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > rowCount())
        return false;
    beginRemoveRows(QModelIndex(), row, row + count - 1);
    m_paths.remove(row, count);
    endRemoveRows();
    Q_EMIT componentsEdited();
    return true;
}

} // namespace funcdesk
