#pragma once

#include "deploy/Manifest.h"

#include "core/Platform.h"

#include <QPointer>

#include <functional>
#include <memory>

namespace funcdesk {

enum class DeployVerdict { Created, Changed, Unchanged };

// "created", "changed", "unchanged": the first word of `funcdeskd deploy`'s lines.
QString deployVerdictName(DeployVerdict verdict);

struct DeployEntry
{
    EntityKind kind = EntityKind::Action;
    QString name;
    DeployVerdict verdict = DeployVerdict::Unchanged;
    bool applied = false; // created or changed on the platform (never for a dry run)
};

// What a deployment did, or would do (dry run), entity by entity in the order it applies them.
struct DeployReport
{
    enum class Stage {
        Done,     // everything applied (or, for a dry run, the plan is complete)
        Reading,  // the platform's current state could not be read: nothing applied
        Checking, // the manifest asks what this platform refuses (a runtime, a limit): nothing applied
        Applying, // the platform failed on `failed`: the entries marked applied were, the rest not
    };
    QList<DeployEntry> entries;
    Stage stage = Stage::Done;
    std::optional<PlatformError> error;
    std::optional<DeployEntry> failed;
    bool dryRun = false;

    int count(DeployVerdict verdict) const;
    int appliedCount() const;
};

// Deploys a Manifest through the Platform interface, so against any connection: reads the state of
// each entity the manifest names, checks the manifest against what the platform offers (runtimes,
// limits), compares (only what the manifest sets: code, kind, main, parameters, the limits and
// annotations it gives; not what the platform adds), then creates or updates what differs in
// dependency order: packages, bindings, actions, sequences, triggers (feeds as `wsk` does them),
// rules. Nothing is applied before every entity is read and checked.
class Deployer : public QObject
{
    Q_OBJECT

public:
    Deployer(Platform *platform, Manifest manifest, QObject *parent = nullptr);
    ~Deployer() override;

    // Runs once; the future always has a report (its stage and error say how far it went).
    QFuture<Result<DeployReport>> run(bool dryRun);

private:
    struct State;
    using Step = std::function<void()>;

    void readState();
    void check();
    void apply();
    void next();
    void fail(DeployReport::Stage stage, PlatformError error, std::optional<DeployEntry> failed = {});
    void finish();
    void applyTrigger(qsizetype index, const PlannedTrigger &trigger);
    // "/namespace/name" for a name of this namespace; a fully qualified one as it is.
    QString qualify(const QString &name) const;
    Action desiredAction(const PlannedAction &planned) const;
    Rule desiredRule(const PlannedRule &planned) const;
    void settle(qsizetype index, DeployVerdict verdict);
    // Hands the call's answer to `handle`, which returns whether to go on with the next step.
    template <typename T, typename F> void await(QFuture<Result<T>> future, F handle);

    QPointer<Platform> m_platform;
    Manifest m_manifest;
    std::unique_ptr<State> m_state;
    QList<Step> m_steps;
};

} // namespace funcdesk
