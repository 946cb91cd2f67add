#pragma once

#include "core/NamespaceLimits.h"
#include "core/Platform.h"
#include "executor/Executor.h"
#include "platforms/local/ActivationRepository.h"

#include <QObject>

#include <memory>

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
    int maxBlockingWaitMs = 60000; // the longest a blocking invoke waits before answering 202
    ExecutorConfig executor;       // its systemLimits are replaced by `limits`
    // The namespace throttles' clock (ms, monotonic); unset: the steady clock. For tests.
    std::function<qint64()> rateClock;

    static SystemLimits defaultLimits();
    // The defaults, then what DATA_DIR/config.json sets (see docs/local-platform.md), e.g.
    // {"limits": {"memory": {"max": 4096}, "cpu": {"perGbMemory": 0.5}},
    //  "retention": {"maxAgeDays": 7, "maxCount": 1000000}, "maxBlockingWaitMs": 60000}.
    // A malformed file is an error that names the file and the field, never silently ignored.
    static Result<LocalConfig> fromDataDir(const QString &dataDir);
    // Applies one "section.field=value" setting (serve's --set), e.g. "limits.memory.max=4096".
    std::optional<PlatformError> apply(const QString &setting);
    static QString configFileName() { return QStringLiteral("config.json"); }
};

// A namespace and the credentials that reach it: "uuid:key", the key 64 alphanumerics.
struct Identity
{
    QString ns;
    QString uuid;
    QString key;
    QString authString() const { return uuid + QLatin1Char(':') + key; }
};

// The whole single-node platform: actions (with their last 20 versions), triggers, rules,
// packages and activations of every namespace, in one SQLite database, run on the executor.
// Entities are held in memory and written through one writer thread (a call's future finishes
// once its write is committed); activation records are written by the same thread in batches,
// so invocations never wait on disk. Thread-safe; every call returns at once.
class LocalEngine : public QObject
{
    Q_OBJECT

public:
    static Result<std::unique_ptr<LocalEngine>> open(LocalConfig config);
    ~LocalEngine() override;

    const LocalConfig &config() const;
    PlatformInfo info() const;
    // A namespace's limits as `GET /namespaces/{ns}/limits` reports them (the same for every
    // namespace: there are no per-namespace overrides).
    NamespaceLimits namespaceLimits() const;
    Executor &executor();

    // Namespaces and their keys. ensureNamespace creates `ns` with a fresh random key, or, given
    // `auth` ("uuid:key"), sets that key; an existing namespace keeps its key unless one is given.
    Result<Identity> ensureNamespace(const QString &ns, const std::optional<QString> &auth = {});
    // Which namespace a Basic-auth pair reaches (Auth error when none). Memory only, fast.
    Result<Identity> authenticate(const QString &uuid, const QString &key) const;
    QStringList namespaces() const;

    QFuture<Result<qint64>> count(QString ns, Collection collection);

    QFuture<Result<QList<Action>>> listActions(QString ns, ListOptions options);
    QFuture<Result<Action>> getAction(QString ns, QString name, bool withCode = true);
    QFuture<Result<Action>> putAction(QString ns, QString name, Action action, PutOptions options);
    QFuture<Result<Action>> deleteAction(QString ns, QString name);
    // Kept versions of an action, newest first, with code (for diff and roll back).
    QFuture<Result<QList<Action>>> actionVersions(QString ns, QString name);
    // `cause` is the trigger activation id when a rule fired it.
    QFuture<Result<InvokeOutcome>> invokeAction(QString ns, QString name, QJsonObject params, InvokeOptions options,
                                                QString cause = {});
    // A blocking invoke on the calling thread, which waits for the activation (a server's
    // connection thread: no hand-over to another thread and back). Returns the activation or
    // why it could not run. When the blocking wait runs out first, `waitExpired(activationId)`
    // is called once, on the engine's thread, maybe while the activation is ending: the caller
    // decides which of the two answers goes out. Callers must be gone before the engine is.
    Result<InvokeOutcome> invokeHere(const QString &ns, const QString &name, const QJsonObject &params,
                                     const InvokeOptions &options,
                                     std::function<void(const QString &activationId)> waitExpired);

    QFuture<Result<QList<Trigger>>> listTriggers(QString ns, ListOptions options);
    QFuture<Result<Trigger>> getTrigger(QString ns, QString name);
    QFuture<Result<Trigger>> putTrigger(QString ns, QString name, Trigger trigger, PutOptions options);
    QFuture<Result<Trigger>> deleteTrigger(QString ns, QString name);
    QFuture<Result<std::optional<QString>>> fireTrigger(QString ns, QString name, QJsonObject payload);

    QFuture<Result<QList<Rule>>> listRules(QString ns, ListOptions options);
    QFuture<Result<Rule>> getRule(QString ns, QString name);
    QFuture<Result<Rule>> putRule(QString ns, QString name, Rule rule, PutOptions options);
    QFuture<Result<Rule>> deleteRule(QString ns, QString name);
    QFuture<Result<Done>> setRuleActive(QString ns, QString name, bool active);

    QFuture<Result<QList<Package>>> listPackages(QString ns, ListOptions options);
    QFuture<Result<Package>> getPackage(QString ns, QString name);

    QFuture<Result<QList<Activation>>> listActivations(QString ns, ActivationQuery query);
    QFuture<Result<qint64>> countActivations(QString ns, ActivationQuery query);
    QFuture<Result<Activation>> getActivation(QString ns, QString activationId);

    // Writes every queued activation record now and waits for it (shutdown, tests).
    void flush();

Q_SIGNALS:
    // Every finished activation of every namespace, emitted on the engine's thread.
    void activationRecorded(const funcdesk::Activation &activation);

private:
    explicit LocalEngine(LocalConfig config);
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace funcdesk
