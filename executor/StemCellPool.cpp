#include "executor/StemCellPool.h"

namespace funcdesk {

StemCellPool::StemCellPool(QList<Runtime> runtimes, int perRuntime, const QStringList &eagerFamilies, Spawner spawner)
    : m_runtimes(std::move(runtimes)), m_perRuntime(perRuntime), m_spawner(std::move(spawner))
{
    for (const Runtime &runtime : m_runtimes) {
        if (eagerFamilies.contains(runtime.family))
            m_inUse.insert(runtime.kind.toStdString());
    }
}

StemCellPool::Process StemCellPool::take(const QString &kind)
{
    std::vector<Process> dead;
    std::lock_guard lock(m_mutex);
    const std::string key = kind.toStdString();
    m_inUse.insert(key);
    auto &cells = m_cells[key];
    while (!cells.empty()) {
        Process cell = std::move(cells.front()); // oldest first: the most likely to have booted
        cells.erase(cells.begin());
        if (cell->usable())
            return cell;
        dead.push_back(std::move(cell));
    }
    return nullptr;
}

bool StemCellPool::replenish()
{
    bool ok = true;
    for (const Runtime &runtime : m_runtimes) {
        const std::string key = runtime.kind.toStdString();
        for (;;) {
            {
                std::lock_guard lock(m_mutex);
                if (!m_inUse.contains(key) || static_cast<int>(m_cells[key].size()) >= m_perRuntime)
                    break;
            }
            auto spawned = m_spawner(runtime); // outside the lock: take() must never wait for a spawn
            if (!spawned) {
                ok = false;
                break;
            }
            std::lock_guard lock(m_mutex);
            m_cells[key].push_back(std::move(spawned).value());
        }
    }
    return ok;
}

std::vector<StemCellPool::Process> StemCellPool::takeAll()
{
    std::vector<Process> all;
    std::lock_guard lock(m_mutex);
    for (auto &[kind, cells] : m_cells) {
        for (auto &cell : cells)
            all.push_back(std::move(cell));
    }
    m_cells.clear();
    return all;
}

int StemCellPool::size() const
{
    std::lock_guard lock(m_mutex);
    int count = 0;
    for (const auto &[kind, cells] : m_cells)
        count += static_cast<int>(cells.size());
    return count;
}

int StemCellPool::quota() const
{
    std::lock_guard lock(m_mutex);
    int kinds = 0;
    for (const Runtime &runtime : m_runtimes)
        kinds += m_inUse.contains(runtime.kind.toStdString()) ? 1 : 0;
    return kinds * m_perRuntime;
}

} // namespace funcdesk
