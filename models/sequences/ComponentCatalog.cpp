#include "models/sequences/ComponentCatalog.h"

#include "core/FutureCallback.h"
#include "core/Platform.h"
#include "models/sequences/SequenceComponentModel.h"

#include <QJsonArray>
#include <QJsonObject>

namespace funcdesk {

namespace {

// The shared actions offered beside the namespace's own (OpenWhisk's catalog: echo, cat, sort…).
const QString kSharedPackage = QStringLiteral("/whisk.system/utils");

QString kindFromAnnotations(const QJsonArray &annotations)
{
    for (const QJsonValue &annotation : annotations) {
        const QJsonObject object = annotation.toObject();
        if (object.value(QLatin1StringView("key")).toString() == QLatin1StringView("exec"))
            return object.value(QLatin1StringView("value")).toString();
    }
    return {};
}

} // namespace

ComponentCatalog::ComponentCatalog(QObject *parent) : QAbstractListModel(parent)
{
}

void ComponentCatalog::load(Platform *platform)
{
    m_platform = platform;
    ++m_serial;
    m_pending.clear();
    m_problem.clear();
    if (!platform) {
        beginResetModel();
        m_entries.clear();
        endResetModel();
        m_loading = false;
        Q_EMIT loaded();
        return;
    }
    m_ns = platform->namespaceName();
    m_loading = true;
    readPage(0, m_serial);
}

void ComponentCatalog::readPage(int skip, quint64 serial)
{
    ListOptions options;
    options.limit = kPageSize;
    options.skip = skip;
    onResult(m_platform->listActions(options), this, [this, skip, serial](Result<QList<Action>> page) {
        if (serial != m_serial || !m_platform)
            return;
        if (!page) {
            m_problem = tr("Could not read the functions: %1").arg(page.error().message);
            return readShared(serial);
        }
        for (const Action &action : page.value()) {
            Entry entry;
            const QString ns = action.ns.value_or(m_ns);
            entry.path = QLatin1Char('/') + ns + QLatin1Char('/') + action.name.value_or(QString());
            const QString own = QLatin1Char('/') + m_ns + QLatin1Char('/');
            entry.label = entry.path.startsWith(own) ? entry.path.mid(own.size()) : entry.path;
            entry.kind = action.exec ? action.exec->kind : QString();
            m_pending.append(entry);
        }
        const int next = skip + int(page->size());
        if (page->size() == kPageSize && next < kMaxActions)
            return readPage(next, serial);
        readShared(serial);
    });
}

void ComponentCatalog::readShared(quint64 serial)
{
    onResult(m_platform->getPackage(kSharedPackage), this, [this, serial](Result<Package> package) {
        if (serial != m_serial)
            return;
        if (!package) {
            // Not every platform publishes it; the namespace's own actions are still offered.
            if (m_problem.isEmpty())
                m_problem =
                    tr("The shared actions of %1 could not be read: %2").arg(kSharedPackage, package.error().message);
            return finish(serial);
        }
        for (const QJsonValue &value : package->actions.value_or(QJsonArray())) {
            const QJsonObject action = value.toObject();
            Entry entry;
            entry.path = kSharedPackage + QLatin1Char('/') + action.value(QLatin1StringView("name")).toString();
            entry.label = entry.path;
            entry.kind = kindFromAnnotations(action.value(QLatin1StringView("annotations")).toArray());
            m_pending.append(entry);
        }
        finish(serial);
    });
}

void ComponentCatalog::finish(quint64 serial)
{
    if (serial != m_serial)
        return;
    beginResetModel();
    m_entries = std::exchange(m_pending, {});
    endResetModel();
    m_loading = false;
    Q_EMIT loaded();
}

QHash<QString, QString> ComponentCatalog::kinds() const
{
    QHash<QString, QString> kinds;
    for (const Entry &entry : m_entries)
        kinds.insert(entry.path, entry.kind);
    return kinds;
}

int ComponentCatalog::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ComponentCatalog::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.kind.isEmpty() ? entry.label : tr("%1 (%2)").arg(entry.label, entry.kind);
    case Qt::ToolTipRole:
    case PathRole:
        return entry.path;
    case KindRole:
        return entry.kind;
    default:
        return {};
    }
}

Qt::ItemFlags ComponentCatalog::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

QStringList ComponentCatalog::mimeTypes() const
{
    return {SequenceComponentModel::pathsMimeType()};
}

QMimeData *ComponentCatalog::mimeData(const QModelIndexList &indexes) const
{
    QStringList paths;
    for (const QModelIndex &index : indexes) {
        if (index.isValid())
            paths.append(m_entries.at(index.row()).path);
    }
    return SequenceComponentModel::pathsMimeData(paths);
}

} // namespace funcdesk
