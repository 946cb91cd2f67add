#pragma once

#include "core/NamespaceLimits.h"
#include "core/Platform.h"
#include "executor/Executor.h"
#include "platforms/local/ActivationRepository.h"
#include "platforms/local/LocalConfig.h"

#include <QObject>

#include <chrono>
#include <memory>

namespace funcdesk {

class ApiRouteTable;
class AlarmScheduler;
class SystemCatalog;

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
class BucketStore;

class LocalEngine : public QObject
{
    Q_OBJECT

public:
    static Result<std::unique_ptr<LocalEngine>> open(LocalConfig config);
    ~LocalEngine() override;

    const LocalConfig &config() const;
    // DATA_DIR/funcdesk.db.
    QString databasePath() const;
    PlatformInfo info() const;
    // A namespace's limits as `GET /namespaces/{ns}/limits` reports them (the same for every
    // namespace: there are no per-namespace overrides).
    NamespaceLimits namespaceLimits() const;
    Executor &executor();
    // The alarms feeds' scheduler (whisk.system/alarms): registrations, next fires.
    AlarmScheduler &alarms();
    // The namespaces' buckets and objects (blocking calls: use off the GUI thread).
    BucketStore &buckets();

    // Namespaces and their keys. ensureNamespace creates `ns` with a fresh random key, or, given
    // `auth` ("uuid:key"), sets that key; an existing namespace keeps its key unless one is given.
    // The database holds only a salted hash of each key, so an existing key can be handed out
    // only when this process knows it (made or set it, or someone signed in with it) or when
    // `remembered` ("uuid:key", e.g. from the key file an earlier start wrote) is it; otherwise
    // a fresh key replaces it (and the old one stops working).
    Result<Identity> ensureNamespace(const QString &ns, const std::optional<QString> &auth = {},
                                     const std::optional<QString> &remembered = {});
    // Which namespace a Basic-auth pair reaches (Auth error when none). Memory only, fast: a key
    // that verified once against its hash is compared, not hashed again.
    Result<Identity> authenticate(const QString &uuid, const QString &key) const;
    QStringList namespaces() const;

    QFuture<Result<qint64>> count(QString ns, Collection collection);

    QFuture<Result<QList<Action>>> listActions(QString ns, ListOptions options);
    QFuture<Result<Action>> getAction(QString ns, QString name, bool withCode = true);
    QFuture<Result<Action>> putAction(QString ns, QString name, Action action, PutOptions options);
    QFuture<Result<Action>> deleteAction(QString ns, QString name);
    // Kept versions of an action, newest first, with code (for diff and roll back).
    QFuture<Result<QList<Action>>> actionVersions(QString ns, QString name);
    // `name` may be fully qualified: "/whisk.system/utils/echo" runs the catalog's action from
    // namespace `ns` and records the activation in `ns` (as getAction reads it; an action of
    // another namespace only in a published package).
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
    // `name` may be fully qualified ("/whisk.system/alarms"); another namespace's package only
    // when published.
    QFuture<Result<Package>> getPackage(QString ns, QString name);
    // Creates or updates a package or a binding with OpenWhisk's rules (PackageRules.h).
    QFuture<Result<Package>> putPackage(QString ns, QString name, Package package, PutOptions options);
    // Deletes a package (409 while it holds actions, unless `force` deletes them first) or a binding.
    QFuture<Result<Package>> deletePackage(QString ns, QString name, bool force = false);
    // Whether other namespaces may read the package and read and invoke its actions: it exists,
    // is published and is not a binding (every package of whisk.system). Memory only, fast.
    bool isPublicPackage(const QString &ns, const QString &name) const;
    // The read-only catalog of namespace whisk.system (SystemCatalog.h says how to add to it).
    SystemCatalog &systemCatalog();

    QFuture<Result<QList<Activation>>> listActivations(QString ns, ActivationQuery query);
    QFuture<Result<qint64>> countActivations(QString ns, ActivationQuery query);
    QFuture<Result<Activation>> getActivation(QString ns, QString activationId);

    // The API gateway's routes (HTTP triggers), changed by the whisk.system/apimgmt actions.
    ApiRouteTable &routes();

    // Writes every queued activation record now and waits for it (shutdown, tests).
    void flush();
    // A bounded quit (funcdeskd's SIGTERM): activations waiting for their turn and every later
    // one are refused at once (each recorded, "Cancelled: the platform is shutting down.",
    // annotation cancelled: true); running ones get `grace` to finish, then are killed. Returns
    // once none runs, or after grace + 2 s whatever happens.
    void stopActivations(std::chrono::milliseconds grace);

Q_SIGNALS:
    // Every finished activation of every namespace, emitted on the engine's thread.
    void activationRecorded(const funcdesk::Activation &activation);

private:
    explicit LocalEngine(LocalConfig config);
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace funcdesk
