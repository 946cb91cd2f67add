#pragma once

#include "core/Action.h"
#include "core/Activation.h"
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

    virtual QFuture<Result<QList<Activation>>> listActivations(ActivationQuery query) = 0;
    virtual QFuture<Result<qint64>> countActivations(ActivationQuery query) = 0;
    virtual QFuture<Result<Activation>> getActivation(QString activationId) = 0;
    virtual QFuture<Result<QStringList>> activationLogs(QString activationId) = 0;
    virtual QFuture<Result<ActivationResponse>> activationResult(QString activationId) = 0;

    // Live activations: while enabled, activationsArrived() reports each new activation of this
    // namespace once (in-process for local; polling with a since cursor for remote).
    virtual void setLiveActivations(bool enabled) = 0;

Q_SIGNALS:
    void activationsArrived(const QList<funcdesk::Activation> &activations);
    // The platform became reachable or stopped being reachable; `reason` says why.
    void availabilityChanged(bool available, const QString &reason);
};

} // namespace funcdesk
