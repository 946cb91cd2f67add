#include "core/Platform.h"

#include "core/FutureCallback.h"

#include <QCoreApplication>
#include <QPromise>

#include <memory>

namespace funcdesk {

QFuture<Result<QList<Action>>> Platform::actionVersions(QString name)
{
    Q_UNUSED(name)
    return readyResult<QList<Action>>(PlatformError{
        PlatformError::Kind::Invalid, QStringLiteral("This platform keeps no version history of its actions.")});
}

namespace {

PlatformError noPackages()
{
    return PlatformError{PlatformError::Kind::Invalid, QStringLiteral("This platform does not manage packages.")};
}

} // namespace

QFuture<Result<Package>> Platform::putPackage(QString name, Package package, PutOptions options)
{
    Q_UNUSED(name)
    Q_UNUSED(package)
    Q_UNUSED(options)
    return readyResult<Package>(noPackages());
}

QFuture<Result<Package>> Platform::deletePackage(QString name)
{
    Q_UNUSED(name)
    return readyResult<Package>(noPackages());
}

namespace {

PlatformError notSupported(const QString &message)
{
    return PlatformError{PlatformError::Kind::Invalid, message};
}

PlatformError noObjects()
{
    return notSupported(QStringLiteral("This platform does not store objects."));
}

PlatformError noRoutes()
{
    return notSupported(QStringLiteral("This platform has no API gateway."));
}

} // namespace

namespace {

// The feed action's answer to a lifecycle call: its result object when it succeeded, else its
// error ("error" of the result, as wsk shows it), typed by the HTTP status the feed gave.
Result<QJsonObject> feedAnswer(const QString &feed, const InvokeOutcome &outcome)
{
    if (!outcome.activation)
        return PlatformError{
            PlatformError::Kind::Timeout,
            QCoreApplication::translate("funcdesk::Platform", "The feed %1 did not answer in time (activation %2).")
                .arg(feed, outcome.activationId)};
    const Activation &activation = *outcome.activation;
    const QJsonObject result = activation.response ? activation.response->result.toObject() : QJsonObject();
    if (activation.succeeded())
        return result;
    QString message = result.value(QLatin1StringView("error")).toString();
    if (message.isEmpty() && result.value(QLatin1StringView("error")).isObject())
        message = result.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("error")).toString();
    if (message.isEmpty())
        message = QCoreApplication::translate("funcdesk::Platform", "The feed %1 failed (activation %2).")
                      .arg(feed, activation.activationId);
    const qint64 status = activation.response ? activation.response->statusCode.value_or(0) : 0;
    const int code = result.value(QLatin1StringView("statusCode")).toInt(static_cast<int>(status));
    PlatformError::Kind kind = PlatformError::Kind::Invalid;
    if (code == 404)
        kind = PlatformError::Kind::NotFound;
    else if (code == 409)
        kind = PlatformError::Kind::Conflict;
    else if (code == 401 || code == 403)
        kind = PlatformError::Kind::Auth;
    else if (code >= 500)
        kind = PlatformError::Kind::Server;
    return PlatformError{kind, message};
}

template <typename T> std::shared_ptr<QPromise<Result<T>>> startedPromise()
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    return promise;
}

template <typename T> void settle(const std::shared_ptr<QPromise<Result<T>>> &promise, Result<T> result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

} // namespace

QFuture<Result<Trigger>> Platform::createFeedTrigger(QString name, Trigger trigger, QString feed,
                                                     QJsonObject feedParams)
{
    if (feed.isEmpty())
        return readyResult<Trigger>(
            notSupported(QCoreApplication::translate("funcdesk::Platform", "A feed name is required.")));
    KeyValueList annotations = trigger.annotations.value_or(KeyValueList());
    annotations.set(QStringLiteral("feed"), feed);
    trigger.annotations = annotations;
    // Each step continues on this platform's thread and never after it is gone (onResult); the
    // promise then ends unfinished, which its future reports as canceled.
    auto promise = startedPromise<Trigger>();
    onResult(putTrigger(name, trigger, PutOptions{}), this,
             [this, promise, name, feed, feedParams](Result<Trigger> created) {
                 if (!created) {
                     settle(promise, std::move(created));
                     return;
                 }
                 onResult(callFeed(feed, FeedLifecycleEvent::Create, name, feedParams), this,
                          [this, promise, name, created](const Result<QJsonObject> &told) {
                              if (told) {
                                  settle(promise, created);
                                  return;
                              }
                              // As wsk: a trigger whose feed refused it would never fire; remove it,
                              // and answer with the feed's reason.
                              onResult(deleteTrigger(name), this,
                                       [promise, error = told.error()](const Result<Trigger> &) {
                                           settle(promise, Result<Trigger>(error));
                                       });
                          });
             });
    return promise->future();
}

QFuture<Result<QJsonObject>> Platform::callFeed(QString feed, FeedLifecycleEvent event, QString triggerName,
                                                QJsonObject feedParams)
{
    if (feed.isEmpty())
        return readyResult<QJsonObject>(
            notSupported(QCoreApplication::translate("funcdesk::Platform", "A feed name is required.")));
    const QString qualified = triggerName.startsWith(QLatin1Char('/'))
                                  ? triggerName
                                  : QLatin1Char('/') + namespaceName() + QLatin1Char('/') + triggerName;
    QJsonObject params = feedParams;
    params.insert(QLatin1StringView("lifecycleEvent"), feedLifecycleEventName(event));
    params.insert(QLatin1StringView("triggerName"), qualified);
    params.insert(QLatin1StringView("authKey"), feedAuthKey());
    InvokeOptions options;
    options.blocking = true;
    // "/ns/pkg/feed" of the caller's own namespace is invoked as "pkg/feed", which every platform
    // resolves; a feed elsewhere ("/whisk.system/alarms/alarm") fully qualified.
    QString action = feed;
    const QString own = QLatin1Char('/') + namespaceName() + QLatin1Char('/');
    if (feed.startsWith(own))
        action = feed.mid(own.size());
    else if (feed.startsWith(QLatin1StringView("/_/")))
        action = feed.mid(3);
    auto promise = startedPromise<QJsonObject>();
    onResult(invokeAction(action, params, options), this, [promise, feed](const Result<InvokeOutcome> &outcome) {
        settle(promise, outcome ? feedAnswer(feed, outcome.value()) : Result<QJsonObject>(outcome.error()));
    });
    return promise->future();
}

QFuture<Result<Trigger>> Platform::deleteFeedTrigger(QString name)
{
    auto promise = startedPromise<Trigger>();
    onResult(getTrigger(name), this, [this, promise, name](const Result<Trigger> &found) {
        const QString feed = found ? found->feed() : QString();
        if (feed.isEmpty()) {
            onResult(deleteTrigger(name), this,
                     [promise](Result<Trigger> deleted) { settle(promise, std::move(deleted)); });
            return;
        }
        // The feed first (it stops firing and forgets the trigger), then the trigger, as wsk does;
        // a feed that refuses keeps the trigger, so nothing fires without a trigger to show it.
        onResult(callFeed(feed, FeedLifecycleEvent::Delete, name), this,
                 [this, promise, name](const Result<QJsonObject> &told) {
                     if (!told) {
                         settle(promise, Result<Trigger>(told.error()));
                         return;
                     }
                     onResult(deleteTrigger(name), this,
                              [promise](Result<Trigger> deleted) { settle(promise, std::move(deleted)); });
                 });
    });
    return promise->future();
}

QFuture<Result<QList<ApiRoute>>> Platform::listRoutes(QString basePath)
{
    Q_UNUSED(basePath)
    return readyResult<QList<ApiRoute>>(noRoutes());
}

QFuture<Result<ApiRoute>> Platform::createRoute(ApiRoute route)
{
    Q_UNUSED(route)
    return readyResult<ApiRoute>(noRoutes());
}

QFuture<Result<Done>> Platform::deleteRoute(QString basePath, QString relPath, QString verb)
{
    Q_UNUSED(basePath)
    Q_UNUSED(relPath)
    Q_UNUSED(verb)
    return readyResult<Done>(noRoutes());
}

QFuture<Result<QList<Bucket>>> Platform::listBuckets()
{
    return readyResult<QList<Bucket>>(noObjects());
}

QFuture<Result<Bucket>> Platform::createBucket(QString name)
{
    Q_UNUSED(name)
    return readyResult<Bucket>(noObjects());
}

QFuture<Result<Done>> Platform::deleteBucket(QString name)
{
    Q_UNUSED(name)
    return readyResult<Done>(noObjects());
}

QFuture<Result<ObjectListing>> Platform::listObjects(QString bucket, ObjectQuery query)
{
    Q_UNUSED(bucket)
    Q_UNUSED(query)
    return readyResult<ObjectListing>(noObjects());
}

QFuture<Result<ObjectInfo>> Platform::putObject(QString bucket, QString key, QString sourceFile, QString contentType)
{
    Q_UNUSED(bucket)
    Q_UNUSED(key)
    Q_UNUSED(sourceFile)
    Q_UNUSED(contentType)
    return readyResult<ObjectInfo>(noObjects());
}

QFuture<Result<ObjectInfo>> Platform::getObject(QString bucket, QString key, QString targetFile)
{
    Q_UNUSED(bucket)
    Q_UNUSED(key)
    Q_UNUSED(targetFile)
    return readyResult<ObjectInfo>(noObjects());
}

QFuture<Result<ObjectInfo>> Platform::headObject(QString bucket, QString key)
{
    Q_UNUSED(bucket)
    Q_UNUSED(key)
    return readyResult<ObjectInfo>(noObjects());
}

QFuture<Result<Done>> Platform::deleteObject(QString bucket, QString key)
{
    Q_UNUSED(bucket)
    Q_UNUSED(key)
    return readyResult<Done>(noObjects());
}

} // namespace funcdesk
