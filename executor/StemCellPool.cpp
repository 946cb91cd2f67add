#include "executor/StemCellPool.h"

#include <algorithm>

namespace funcdesk {

namespace {

// Whether a cell started for `a` is one for `b`: the same interpreter and launcher.
bool sameProcess(const Runtime &a, const Runtime &b)
{
    return a.kind == b.kind && a.program == b.program && a.arguments == b.arguments;
}

} // namespace

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
    std::vector<Process> dropped; // stopped on return, outside the lock
    QList<Runtime> runtimes;
    {
        std::lock_guard lock(m_mutex);
        runtimes = m_runtimes; // setRuntimes() may replace them meanwhile
    }
    for (const Runtime &runtime : runtimes) {
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
            if (!std::any_of(m_runtimes.cbegin(), m_runtimes.cend(),
                             [&runtime](const Runtime &current) { return sameProcess(current, runtime); })) {
                dropped.push_back(std::move(spawned).value()); // replaced while it started
                break;
            }
            m_cells[key].push_back(std::move(spawned).value());
        }
    }
    return ok;
}

std::vector<StemCellPool::Process> StemCellPool::setRuntimes(QList<Runtime> runtimes)
{
    std::vector<Process> gone;
    std::lock_guard lock(m_mutex);
    for (auto it = m_cells.begin(); it != m_cells.end();) {
        const QString kind = QString::fromStdString(it->first);
        const auto now = std::find_if(runtimes.cbegin(), runtimes.cend(),
                                      [&kind](const Runtime &runtime) { return runtime.kind == kind; });
        const auto before = std::find_if(m_runtimes.cbegin(), m_runtimes.cend(),
                                         [&kind](const Runtime &runtime) { return runtime.kind == kind; });
        if (now != runtimes.cend() && before != m_runtimes.cend() && sameProcess(*now, *before)) {
            ++it;
            continue;
        }
        for (Process &cell : it->second)
            gone.push_back(std::move(cell));
        if (now == runtimes.cend())
            m_inUse.erase(it->first);
        it = m_cells.erase(it);
    }
    for (auto it = m_inUse.begin(); it != m_inUse.end();) {
        const QString kind = QString::fromStdString(*it);
        const bool offered = std::any_of(runtimes.cbegin(), runtimes.cend(),
                                         [&kind](const Runtime &runtime) { return runtime.kind == kind; });
        it = offered ? std::next(it) : m_inUse.erase(it);
    }
    m_runtimes = std::move(runtimes);
    return gone;
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
