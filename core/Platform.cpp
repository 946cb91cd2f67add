#include "core/Platform.h"

#include "core/FutureCallback.h"

namespace funcdesk {

QFuture<Result<QList<Action>>> Platform::actionVersions(QString name)
{
    Q_UNUSED(name)
    return readyResult<QList<Action>>(PlatformError{
        PlatformError::Kind::Invalid, QStringLiteral("This platform keeps no version history of its actions.")});
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

// CONTRACT (issue 13): createFeedTrigger, callFeed and deleteFeedTrigger are implemented over
// the virtual calls by the console-triggers work; until then they answer Invalid.
QFuture<Result<Trigger>> Platform::createFeedTrigger(QString name, Trigger trigger, QString feed,
                                                     QJsonObject feedParams)
{
    Q_UNUSED(name)
    Q_UNUSED(trigger)
    Q_UNUSED(feed)
    Q_UNUSED(feedParams)
    return readyResult<Trigger>(notSupported(QStringLiteral("Feeds are not supported yet.")));
}

QFuture<Result<QJsonObject>> Platform::callFeed(QString feed, FeedLifecycleEvent event, QString triggerName,
                                                QJsonObject feedParams)
{
    Q_UNUSED(feed)
    Q_UNUSED(event)
    Q_UNUSED(triggerName)
    Q_UNUSED(feedParams)
    return readyResult<QJsonObject>(notSupported(QStringLiteral("Feeds are not supported yet.")));
}

QFuture<Result<Trigger>> Platform::deleteFeedTrigger(QString name)
{
    return deleteTrigger(name);
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
