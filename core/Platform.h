#pragma once

#include "core/Action.h"
#include "core/Activation.h"
#include "core/ApiRoute.h"
#include "core/Feed.h"
#include "core/ObjectStore.h"
#include "core/Package.h"
#include "core/PlatformInfo.h"
#include "core/Rule.h"
#include "core/Trigger.h"

#include <QFuture>
#include <QObject>

namespace funcdesk {

// Paging of a collection list: OpenWhisk's limit (0 = the maximum, 200) and skip.
struct ListOptions
{
    int limit = 30;
    int skip = 0;
};

enum class Collection { Actions, Triggers, Rules, Packages };

struct PutOptions
{
    bool overwrite = false;
    QStringList delAnnotations; // annotation keys an update removes
};

struct InvokeOptions
{
    bool blocking = true;
    bool resultOnly = false;      // blocking: the platform answers with the result only
    std::optional<int> timeoutMs; // blocking wait; the platform's maximum when unset
};

// What an invoke gave back. A blocking invoke that finished in time has the activation (or, with
// resultOnly, just the result); a non-blocking one, or a blocking one whose wait ran out, has
// only the id. An action that failed is still a successful call: its activation says why.
struct InvokeOutcome
{
    QString activationId;
    std::optional<Activation> activation;
    std::optional<QJsonValue> result; // resultOnly
    // `activation` as compact JSON, when the platform serialised it already (the local engine
    // does, once per activation, for its store): a server can send it as is.
    QByteArray activationJson;
    bool finished() const { return activation.has_value() || result.has_value(); }
};

// Which activations to list: by name ("action" or "package/action"), start in [since, upto]
// (epoch ms), newest first, paged. `docs` asks for full records (logs and results) rather than
// summaries.
struct ActivationQuery
{
    std::optional<QString> name;
    std::optional<qint64> since;
    std::optional<qint64> upto;
    int skip = 0;
    int limit = 30;
    bool docs = false;
};

// One asynchronous interface to a function platform, implemented by LocalPlatform (in-process)
// and OpenWhiskPlatform (REST). Every call returns at once; its future finishes on some thread
// with a value or a typed PlatformError, never an empty value. Calls address the caller's own
// namespace; names may be "action" or "package/action".
class Platform : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // The namespace calls address (for display and fully qualified names).
    virtual QString namespaceName() const = 0;
    virtual QFuture<Result<PlatformInfo>> info() = 0;
    virtual QFuture<Result<qint64>> count(Collection collection) = 0;

    virtual QFuture<Result<QList<Action>>> listActions(ListOptions options) = 0;
    virtual QFuture<Result<Action>> getAction(QString name, bool withCode = true) = 0;
    virtual QFuture<Result<Action>> putAction(QString name, Action action, PutOptions options) = 0;
    virtual QFuture<Result<Action>> deleteAction(QString name) = 0;
    virtual QFuture<Result<InvokeOutcome>> invokeAction(QString name, QJsonObject params, InvokeOptions options) = 0;
    // Kept versions of an action with their code, newest first (diff and roll back). Platforms
    // that keep no history (stock OpenWhisk) answer Invalid with a message saying so.
    virtual QFuture<Result<QList<Action>>> actionVersions(QString name);

    virtual QFuture<Result<QList<Trigger>>> listTriggers(ListOptions options) = 0;
    virtual QFuture<Result<Trigger>> getTrigger(QString name) = 0;
    virtual QFuture<Result<Trigger>> putTrigger(QString name, Trigger trigger, PutOptions options) = 0;
    virtual QFuture<Result<Trigger>> deleteTrigger(QString name) = 0;
    // The trigger activation's id, or nullopt when no active rule was linked (nothing ran).
    virtual QFuture<Result<std::optional<QString>>> fireTrigger(QString name, QJsonObject payload) = 0;

    virtual QFuture<Result<QList<Rule>>> listRules(ListOptions options) = 0;
    virtual QFuture<Result<Rule>> getRule(QString name) = 0;
    virtual QFuture<Result<Rule>> putRule(QString name, Rule rule, PutOptions options) = 0;
    virtual QFuture<Result<Rule>> deleteRule(QString name) = 0;
    virtual QFuture<Result<Done>> setRuleActive(QString name, bool active) = 0;

    virtual QFuture<Result<QList<Package>>> listPackages(ListOptions options) = 0;
    virtual QFuture<Result<Package>> getPackage(QString name) = 0;
    // Creates or updates a package or a binding (`binding` set) of this namespace, with OpenWhisk's
    // rules (openwhisk-notes.md §2.5); deleting a package that still holds actions is a Conflict.
    // Platforms that manage no packages answer Invalid.
    virtual QFuture<Result<Package>> putPackage(QString name, Package package, PutOptions options);
    virtual QFuture<Result<Package>> deletePackage(QString name);

    // Feeds, as `wsk` drives them (openwhisk-notes.md §4): the client, not the platform, tells
    // the feed action. Implemented here once over putTrigger/invokeAction/deleteTrigger, so they
    // work the same against an OpenWhisk cluster and funcdeskd. `feed` is fully qualified
    // ("/whisk.system/alarms/alarm").
    // Creates trigger `name` with the `feed` annotation, then invokes the feed blocking with
    // CREATE, the trigger's fully qualified name, the auth key and `feedParams`; deletes the
    // trigger again when the feed refuses (its error is the result).
    QFuture<Result<Trigger>> createFeedTrigger(QString name, Trigger trigger, QString feed, QJsonObject feedParams);
    // One lifecycle call to the feed of trigger `triggerName` (READ answers {config, status}).
    QFuture<Result<QJsonObject>> callFeed(QString feed, FeedLifecycleEvent event, QString triggerName,
                                          QJsonObject feedParams = {});
    // Deletes a trigger; when it has a feed annotation, tells the feed (DELETE) first.
    QFuture<Result<Trigger>> deleteFeedTrigger(QString name);

    // API gateway routes (HTTP triggers) through the `/whisk.system/apimgmt` actions, as the
    // JS client's `routes` calls do. Platforms without an API gateway answer Invalid.
    virtual QFuture<Result<QList<ApiRoute>>> listRoutes(QString basePath = {});
    virtual QFuture<Result<ApiRoute>> createRoute(ApiRoute route);
    // Deletes the routes of `basePath`, or only `relPath` (and only `verb`) when given.
    virtual QFuture<Result<Done>> deleteRoute(QString basePath, QString relPath = {}, QString verb = {});

    // Object storage (Funcdesk's extension, see core/ObjectStore.h). Platforms without it
    // answer Invalid ("This platform does not store objects."); check storesObjects() first.
    virtual bool storesObjects() const { return false; }
    virtual QFuture<Result<QList<Bucket>>> listBuckets();
    virtual QFuture<Result<Bucket>> createBucket(QString name);
    virtual QFuture<Result<Done>> deleteBucket(QString name); // Conflict unless empty
    virtual QFuture<Result<ObjectListing>> listObjects(QString bucket, ObjectQuery query);
    // Upload from / download to a local file, streamed (never whole in memory). The future
    // reports progress in bytes (progressValue / progressMaximum, in KiB so that it fits an
    // int) and stops when cancelled; an interrupted upload leaves no object.
    virtual QFuture<Result<ObjectInfo>> putObject(QString bucket, QString key, QString sourceFile,
                                                  QString contentType = {});
    virtual QFuture<Result<ObjectInfo>> getObject(QString bucket, QString key, QString targetFile);
    virtual QFuture<Result<ObjectInfo>> headObject(QString bucket, QString key);
    virtual QFuture<Result<Done>> deleteObject(QString bucket, QString key);

    virtual QFuture<Result<QList<Activation>>> listActivations(ActivationQuery query) = 0;
    virtual QFuture<Result<qint64>> countActivations(ActivationQuery query) = 0;
    virtual QFuture<Result<Activation>> getActivation(QString activationId) = 0;
    virtual QFuture<Result<QStringList>> activationLogs(QString activationId) = 0;
    virtual QFuture<Result<ActivationResponse>> activationResult(QString activationId) = 0;

    // Live activations: while enabled, activationsArrived() reports each new activation of this
    // namespace once (in-process for local; polling with a since cursor for remote).
    virtual void setLiveActivations(bool enabled) = 0;

protected:
    // The "uuid:key" a feed action is given as `authKey` (the caller's own credentials).
    virtual QString feedAuthKey() const { return {}; }

Q_SIGNALS:
    void activationsArrived(const QList<funcdesk::Activation> &activations);
    // The platform became reachable or stopped being reachable; `reason` says why.
    void availabilityChanged(bool available, const QString &reason);
};

} // namespace funcdesk
