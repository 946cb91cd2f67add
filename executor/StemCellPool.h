#pragma once

#include "executor/RuntimeProcess.h"

#include <functional>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace funcdesk {

// Pre-started blank launchers per runtime kind, so a cold start pays only for loading the
// action's code. replenish() refills what take() used; the executor calls it off the hot path.
// Only kinds in use get cells: those of `eagerFamilies` from the start, any other from its
// first take() on (an operator who never runs Ruby keeps no idle Ruby process).
class StemCellPool
{
public:
    using Process = std::unique_ptr<RuntimeProcess>;
    using Spawner = std::function<Result<Process>(const Runtime &)>;

    StemCellPool(QList<Runtime> runtimes, int perRuntime, const QStringList &eagerFamilies, Spawner spawner);

    // A live blank process for `kind`, or nullptr when none is ready; either way `kind` is kept
    // stocked from now on.
    Process take(const QString &kind);
    // Starts processes until every kind in use has its quota again; false if any start failed.
    bool replenish();
    std::vector<Process> takeAll();
    // The runtimes found again (Executor::refreshRuntimes): returns the cells of kinds that are
    // gone or whose interpreter or launcher changed, for the caller to stop. Kinds gone are no
    // longer stocked; new ones are once taken, as at the start for non-eager families.
    std::vector<Process> setRuntimes(QList<Runtime> runtimes);
    int size() const;
    // The cells replenish() keeps: the quota times the kinds in use.
    int quota() const;

private:
    QList<Runtime> m_runtimes;
    int m_perRuntime;
    Spawner m_spawner;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, std::vector<Process>> m_cells;
    std::unordered_set<std::string> m_inUse; // kinds replenish() stocks
};

} // namespace funcdesk
