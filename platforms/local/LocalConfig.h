#pragma once

#include "core/Result.h"
#include "core/SystemLimits.h"
#include "executor/Executor.h"
#include "platforms/local/ActivationRepository.h"
#include "platforms/local/AlarmClock.h"

#include <functional>
#include <optional>

namespace funcdesk {

// How a local platform is set up: where it keeps its data and which limits it allows.
struct LocalConfig
{
    QString dataDir; // holds funcdesk.db (and, for funcdeskd, the auth file)
    // Funcdesk's defaults (wider than stock OpenWhisk): memory 128-2048 MB (256), timeout
    // 100-300000 ms (60000), logs 0-10 MB (10), concurrency 1-100 (1), cpu 0.05 up to the
    // machine's cores, 1 vCPU per GB of memory for actions without limits.cpu; per namespace
    // 60000 invocations and 6000 trigger fires a minute, 256 invocations in flight.
    SystemLimits limits = defaultLimits();
    ActivationRepository::Retention retention;
    int maxBlockingWaitMs = 60000;               // the longest a blocking invoke waits before answering 202
    qint64 maxObjectBytes = 100LL * 1024 * 1024; // the largest object a bucket accepts (413 above)
    ExecutorConfig executor;                     // its systemLimits are replaced by `limits`
    // The namespace throttles' clock (ms, monotonic); unset: the steady clock. For tests.
    std::function<qint64()> rateClock;
    // The alarm scheduler's clock (epoch ms); unset: the system clock. Tests hand in a manual one.
    std::shared_ptr<AlarmClock> alarmClock;

    static SystemLimits defaultLimits();
    // The defaults, then what DATA_DIR/config.json sets (see docs/local-platform.md), e.g.
    // {"limits": {"memory": {"max": 4096}, "cpu": {"perGbMemory": 0.5}},
    //  "retention": {"maxAgeDays": 7, "maxCount": 1000000, "maxBytes": 1073741824},
    //  "warmPool": {"maxMemoryMB": 4096}, "maxBlockingWaitMs": 60000}.
    // A malformed file is an error that names the file and the field, never silently ignored.
    static Result<LocalConfig> fromDataDir(const QString &dataDir);
    // Applies one "section.field=value" setting (serve's --set), e.g. "limits.memory.max=4096".
    std::optional<PlatformError> apply(const QString &setting);
    static QString configFileName() { return QStringLiteral("config.json"); }
};

} // namespace funcdesk
