#pragma once

#include "executor/RuntimeProcess.h"

#include <functional>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace funcdesk {

// Pre-started blank launchers per runtime kind, so a cold start pays only for loading the
// action's code. replenish() refills what take() used; the executor calls it off the hot path.
class StemCellPool
{
public:
    using Process = std::unique_ptr<RuntimeProcess>;
    using Spawner = std::function<Result<Process>(const Runtime &)>;

    StemCellPool(QList<Runtime> runtimes, int perRuntime, Spawner spawner);

    // A live blank process for `kind`, or nullptr when none is ready.
    Process take(const QString &kind);
    // Starts processes until every runtime has its quota again; false if any start failed.
    bool replenish();
    std::vector<Process> takeAll();
    int size() const;

private:
    QList<Runtime> m_runtimes;
    int m_perRuntime;
    Spawner m_spawner;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, std::vector<Process>> m_cells;
};

} // namespace funcdesk
