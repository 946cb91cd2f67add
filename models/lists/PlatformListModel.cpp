#include "models/lists/PlatformListModel.h"

namespace funcdesk {

PlatformListModel::PlatformListModel(int columns, QObject *parent) : QAbstractTableModel(parent), m_columns(columns)
{
}

bool PlatformListModel::switchPlatform(Platform *platform, const std::function<void()> &clearRows)
{
    if (platform == m_platform && platform)
        return false;
    if (m_platform)
        disconnect(m_platform, nullptr, this, nullptr);
    ++m_generation;
    beginResetModel();
    clearRows();
    m_sortKeys.invalidate();
    endResetModel();
    setErrorText({});
    setLoading(false);
    m_platform = platform;
    if (!platform)
        return false;
    connect(platform, &Platform::activationsArrived, this, &PlatformListModel::liveArrived);
    connect(platform, &QObject::destroyed, this, [this] { setPlatform(nullptr); });
    return true;
}

void PlatformListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void PlatformListModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged(text);
}

void PlatformListModel::setError(const PlatformError &error)
{
    setErrorText(error.message.isEmpty() ? PlatformError::kindName(error.kind) : error.message);
}

int PlatformListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : rows();
}

int PlatformListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

QVariant PlatformListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(index.row(), index.column());
    case SortRole:
        return sortValue(index.row(), index.column());
    default:
        return roleData(index.row(), index.column(), role);
    }
}

const std::vector<double> &PlatformListModel::sortKeys(int column) const
{
    return m_sortKeys.of(column, rows(), [this, column](std::vector<double> &k) { fillSortKeys(column, k); });
}

int PlatformListModel::compareRows(int column, int left, int right) const
{
    const std::vector<double> &keys = sortKeys(column);
    const double a = keys[static_cast<size_t>(left)];
    const double b = keys[static_cast<size_t>(right)];
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace funcdesk
