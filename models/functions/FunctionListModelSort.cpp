#include "models/functions/FunctionListModel.h"

#include "core/SemVer.h"

// The function list's sort: each row's raw value per column, and the packed keys the proxy
// compares (PlatformListModel::compareRows).

namespace funcdesk {

qint64 FunctionListModel::versionKey(const std::optional<QString> &version)
{
    if (!version)
        return -1;
    // "1.2.3" with parts of up to 9 digits (every version a platform gives): read here, without
    // SemVer::parse's allocations; anything else through it.
    qint64 parts[3] = {0, 0, 0};
    int part = 0, digits = 0;
    bool plain = !version->isEmpty();
    for (const QChar c : *version) {
        if (c == u'.' && digits > 0 && part < 2) {
            ++part;
            digits = 0;
        } else if (c >= u'0' && c <= u'9' && digits < 9) {
            parts[part] = parts[part] * 10 + (c.unicode() - u'0');
            ++digits;
        } else {
            plain = false;
            break;
        }
    }
    if (!plain || part != 2 || digits == 0) {
        const std::optional<SemVer> parsed = SemVer::parse(*version);
        if (!parsed)
            return -1;
        parts[0] = parsed->major;
        parts[1] = parsed->minor;
        parts[2] = parsed->patch;
    }
    return parts[0] * 1'000'000'000'000 + parts[1] * 1'000'000 + parts[2];
}

QVariant FunctionListModel::sortValue(int rowIndex, int column) const
{
    const Row &row = m_rows[rowIndex];
    switch (column) {
    case NameColumn:
        return row.name;
    case RuntimeColumn:
        return row.action.exec ? row.action.exec->kind : QString();
    case MemoryColumn:
        return memoryOf(row);
    case CpuColumn:
        return cpuOf(row).value_or(-1.0);
    case StorageColumn:
        return storageOf(row);
    case NetworkColumn:
        return networkOf(row);
    case TimeoutColumn:
    case ConcurrencyColumn:
        return limitOf(row, column);
    case VersionColumn:
        return row.version;
    case UpdatedColumn:
        return row.action.updated.value_or(0);
    case InvocationsColumn:
        return row.invocations;
    case ErrorsColumn:
        return row.errors;
    case TriggersColumn:
        return static_cast<qint64>(m_triggers.value(row.name).size());
    case RangeInvocationsColumn:
    case RangeErrorsColumn:
    case CostColumn:
        return metricsSortValue(row, column);
    default:
        return {};
    }
}

qint64 FunctionListModel::memoryOf(const Row &row) const
{
    if (row.action.limits && row.action.limits->memoryMb)
        return *row.action.limits->memoryMb;
    return m_info ? m_info->limits.memoryMb.defaultValue : -1;
}

qint64 FunctionListModel::limitOf(const Row &row, int column) const
{
    // An action without the field runs with the platform's default.
    const std::optional<ActionLimits> &limits = row.action.limits;
    if (column == TimeoutColumn) {
        if (limits && limits->timeoutMs)
            return *limits->timeoutMs;
        return m_info ? m_info->limits.timeoutMs.defaultValue : -1;
    }
    if (limits && limits->concurrency)
        return *limits->concurrency;
    return m_info ? m_info->limits.concurrency.defaultValue : -1;
}

std::optional<double> FunctionListModel::cpuOf(const Row &row) const
{
    if (row.action.limits && row.action.limits->cpu)
        return row.action.limits->cpu;
    // Without limits.cpu the platform gives CPU in proportion to memory, when it sets CPU at all.
    if (!m_info || !m_info->cpuLimits)
        return std::nullopt;
    const qint64 memory = memoryOf(row);
    return memory < 0 ? std::nullopt : std::optional<double>(m_info->limits.cpuForMemory(memory));
}

qint64 FunctionListModel::storageOf(const Row &row) const
{
    // A platform without storage limits ignores the field, even if an action carries it.
    if (!m_info || !m_info->storageLimits)
        return -1;
    if (row.action.limits && row.action.limits->storageMb)
        return *row.action.limits->storageMb;
    return m_info->limits.storageMb.defaultValue;
}

int FunctionListModel::networkOf(const Row &row) const
{
    if (!m_info || !m_info->storageLimits)
        return -1;
    const std::optional<ActionLimits> &limits = row.action.limits;
    return limits && limits->network == QLatin1StringView("off") ? 0 : 1; // on unless switched off
}

void FunctionListModel::fillSortKeys(int column, std::vector<double> &keys) const
{
    if (column == NameColumn || column == RuntimeColumn) {
        std::vector<QString> texts;
        texts.reserve(static_cast<size_t>(m_rows.size()));
        for (const Row &row : m_rows) {
            const QString &text = column == NameColumn ? row.name : row.action.exec ? row.action.exec->kind : QString();
            texts.push_back(text.toCaseFolded());
        }
        return SortKeys::rank(texts, keys);
    }
    for (const Row &row : m_rows) {
        switch (column) {
        case MemoryColumn:
            keys.push_back(static_cast<double>(memoryOf(row)));
            break;
        case CpuColumn:
            keys.push_back(cpuOf(row).value_or(-1.0));
            break;
        case StorageColumn:
            keys.push_back(static_cast<double>(storageOf(row)));
            break;
        case NetworkColumn:
            keys.push_back(networkOf(row));
            break;
        case TimeoutColumn:
        case ConcurrencyColumn:
            keys.push_back(static_cast<double>(limitOf(row, column)));
            break;
        case VersionColumn:
            keys.push_back(static_cast<double>(row.version));
            break;
        case UpdatedColumn:
            keys.push_back(static_cast<double>(row.action.updated.value_or(0)));
            break;
        case InvocationsColumn:
            keys.push_back(static_cast<double>(row.invocations));
            break;
        case ErrorsColumn:
            keys.push_back(static_cast<double>(row.errors));
            break;
        case TriggersColumn:
            keys.push_back(static_cast<double>(m_triggers.value(row.name).size()));
            break;
        case RangeInvocationsColumn:
        case RangeErrorsColumn:
        case CostColumn:
            keys.push_back(metricsSortValue(row, column));
            break;
        default:
            keys.push_back(0);
            break;
        }
    }
}

} // namespace funcdesk
