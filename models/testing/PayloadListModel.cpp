#include "models/testing/PayloadListModel.h"

#include "models/testing/PayloadValidator.h"

namespace funcdesk {

PayloadListModel::PayloadListModel(PayloadStore store, QObject *parent)
    : QAbstractListModel(parent), m_store(std::move(store))
{
}

Result<Done> PayloadListModel::setFunction(const QString &connection, const QString &function)
{
    beginResetModel();
    m_connection = connection;
    m_function = function;
    m_payloads.clear();
    Result<QList<SavedPayload>> loaded =
        function.isEmpty() ? Result<QList<SavedPayload>>(QList<SavedPayload>()) : m_store.load(connection, function);
    if (loaded)
        m_payloads = std::move(loaded).value();
    endResetModel();
    if (!loaded)
        return loaded.error();
    return Done{};
}

int PayloadListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_payloads.size());
}

QVariant PayloadListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SavedPayload &payload = m_payloads.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return payload.name;
    case Qt::ToolTipRole: {
        const PayloadCheck check = PayloadValidator::check(payload.text);
        return check.ok ? payload.text.left(500) : check.message;
    }
    case TextRole:
        return payload.text;
    case ValidRole:
        return PayloadValidator::check(payload.text).ok;
    default:
        return {};
    }
}

bool PayloadListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString wanted = value.toString().trimmed();
    if (rename(index.row(), wanted))
        return true;
    Q_EMIT renameRefused(wanted.isEmpty() ? tr("A payload needs a name.")
                                          : tr("There is already a payload named \u201c%1\u201d.").arg(wanted));
    return false;
}

Qt::ItemFlags PayloadListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

QString PayloadListModel::uniqueName(const QString &wanted) const
{
    const QString base = wanted.trimmed();
    if (base.isEmpty()) {
        for (int n = 1;; ++n) {
            const QString candidate = tr("Payload %1").arg(n);
            if (rowOf(candidate) < 0)
                return candidate;
        }
    }
    if (rowOf(base) < 0)
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(base).arg(n);
        if (rowOf(candidate) < 0)
            return candidate;
    }
}

int PayloadListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_payloads.size(); ++row) {
        if (m_payloads.at(row).name == name)
            return row;
    }
    return -1;
}

int PayloadListModel::add(const QString &name, const QString &text)
{
    const int row = static_cast<int>(m_payloads.size());
    beginInsertRows({}, row, row);
    m_payloads.append({uniqueName(name), text});
    endInsertRows();
    persist();
    return row;
}

bool PayloadListModel::rename(int row, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (row < 0 || row >= m_payloads.size() || trimmed.isEmpty())
        return false;
    if (m_payloads.at(row).name == trimmed)
        return true;
    if (rowOf(trimmed) >= 0)
        return false;
    m_payloads[row].name = trimmed;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {Qt::DisplayRole, Qt::EditRole});
    persist();
    return true;
}

bool PayloadListModel::remove(int row)
{
    if (row < 0 || row >= m_payloads.size())
        return false;
    beginRemoveRows({}, row, row);
    m_payloads.removeAt(row);
    endRemoveRows();
    persist();
    return true;
}

bool PayloadListModel::updateText(int row, const QString &text)
{
    if (row < 0 || row >= m_payloads.size())
        return false;
    if (m_payloads.at(row).text == text)
        return true;
    m_payloads[row].text = text;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {Qt::ToolTipRole, TextRole, ValidRole});
    persist();
    return true;
}

Result<int> PayloadListModel::importFrom(const QString &path)
{
    Result<QList<SavedPayload>> imported = PayloadStore::importFile(path);
    if (!imported)
        return imported.error();
    const QList<SavedPayload> &items = imported.value();
    if (items.isEmpty())
        return 0;
    const int first = static_cast<int>(m_payloads.size());
    beginInsertRows({}, first, first + static_cast<int>(items.size()) - 1);
    for (const SavedPayload &item : items)
        m_payloads.append({uniqueName(item.name), item.text});
    endInsertRows();
    persist();
    return static_cast<int>(items.size());
}

Result<Done> PayloadListModel::exportTo(const QString &path) const
{
    return PayloadStore::exportFile(path, m_payloads);
}

void PayloadListModel::persist()
{
    if (m_function.isEmpty())
        return;
    const Result<Done> saved = m_store.save(m_connection, m_function, m_payloads);
    if (!saved)
        Q_EMIT saveFailed(saved.error().message);
}

} // namespace funcdesk
