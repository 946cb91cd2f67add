#pragma once

#include "core/Platform.h"
#include "core/PublishedPackages.h"

#include <QThreadPool>

class QTimer;

namespace funcdesk {

class LocalEngine;

// The Platform interface over an in-process LocalEngine, for one namespace.
class LocalPlatform final : public Platform, public PublishedPackages
{
    Q_OBJECT

public:
    LocalPlatform(LocalEngine *engine, QString ns, QObject *parent = nullptr);

    QString namespaceName() const override { return m_ns; }
    QFuture<Result<PlatformInfo>> info() override;
    QFuture<Result<qint64>> count(Collection collection) override;

    QFuture<Result<QList<Action>>> listActions(ListOptions options) override;
    QFuture<Result<Action>> getAction(QString name, bool withCode = true) override;
    QFuture<Result<Action>> putAction(QString name, Action action, PutOptions options) override;
    QFuture<Result<Action>> deleteAction(QString name) override;
    QFuture<Result<InvokeOutcome>> invokeAction(QString name, QJsonObject params, InvokeOptions options) override;
    QFuture<Result<QList<Action>>> actionVersions(QString name) override;

    QFuture<Result<QList<Trigger>>> listTriggers(ListOptions options) override;
    QFuture<Result<Trigger>> getTrigger(QString name) override;
    QFuture<Result<Trigger>> putTrigger(QString name, Trigger trigger, PutOptions options) override;
    QFuture<Result<Trigger>> deleteTrigger(QString name) override;
    QFuture<Result<std::optional<QString>>> fireTrigger(QString name, QJsonObject payload) override;

    QFuture<Result<QList<Rule>>> listRules(ListOptions options) override;
    QFuture<Result<Rule>> getRule(QString name) override;
    QFuture<Result<Rule>> putRule(QString name, Rule rule, PutOptions options) override;
    QFuture<Result<Rule>> deleteRule(QString name) override;
    QFuture<Result<Done>> setRuleActive(QString name, bool active) override;

    QFuture<Result<QList<Package>>> listPackages(ListOptions options) override;
    QFuture<Result<Package>> getPackage(QString name) override;
    QFuture<Result<Package>> putPackage(QString name, Package package, PutOptions options) override;
    QFuture<Result<Package>> deletePackage(QString name) override;
    // PublishedPackages
    QFuture<Result<QList<Package>>> listPublishedPackages(QString ns, ListOptions options) override;

    // Objects: the engine's BucketStore, its blocking calls on the global thread pool
    // (LocalPlatformObjects.cpp).
    bool storesObjects() const override { return true; };
    QFuture<Result<QList<Bucket>>> listBuckets() override;
    QFuture<Result<Bucket>> createBucket(QString name) override;
    QFuture<Result<Done>> deleteBucket(QString name) override;
    QFuture<Result<ObjectListing>> listObjects(QString bucket, ObjectQuery query) override;
    QFuture<Result<ObjectInfo>> putObject(QString bucket, QString key, QString sourceFile,
                                          QString contentType = {}) override;
    QFuture<Result<ObjectInfo>> getObject(QString bucket, QString key, QString targetFile) override;
    QFuture<Result<ObjectInfo>> headObject(QString bucket, QString key) override;
    QFuture<Result<Done>> deleteObject(QString bucket, QString key) override;

    QFuture<Result<QList<Activation>>> listActivations(ActivationQuery query) override;
    QFuture<Result<qint64>> countActivations(ActivationQuery query) override;
    QFuture<Result<Activation>> getActivation(QString activationId) override;
    QFuture<Result<QStringList>> activationLogs(QString activationId) override;
    QFuture<Result<ActivationResponse>> activationResult(QString activationId) override;

    // Routes through the engine's /whisk.system/apimgmt actions (LocalRoutes.cpp).
    QFuture<Result<QList<ApiRoute>>> listRoutes(QString basePath = {}) override;
    QFuture<Result<ApiRoute>> createRoute(ApiRoute route) override;
    QFuture<Result<Done>> deleteRoute(QString basePath, QString relPath = {}, QString verb = {}) override;

    // Live activations go out in batches, oldest first: the first after a quiet spell at once,
    // then what arrived meanwhile every kLiveBatchMs, so 1,000 activations a second are ten
    // signals on the GUI thread, not a thousand for every listener.
    void setLiveActivations(bool enabled) override;
    static constexpr int kLiveBatchMs = 100;

protected:
    // The engine identity of this namespace ("uuid:key"): what a feed fires the trigger with.
    QString feedAuthKey() const override;

private:
    // Runs /whisk.system/apimgmt/{action} blocking in this namespace; its result or error.
    QFuture<Result<QJsonObject>> apiManagement(const QString &action, QJsonObject params);

    template <typename T, typename Part> QFuture<Result<T>> partOf(const QString &activationId, Part part);

    LocalEngine *m_engine;
    QString m_ns;
    bool m_live = false;
    QList<Activation> m_arrived; // live activations not sent yet
    QTimer *m_batchTimer;
    // Where info() looks for runtimes again (one at a time); destroyed (and so waited for) before
    // the engine, which the look uses.
    QThreadPool m_runtimeLookup;
};

} // namespace funcdesk
