#pragma once

#include "core/NamespaceLimits.h"
#include "core/Platform.h"
#include "core/PublishedPackages.h"
#include "platforms/openwhisk/OpenWhiskConfig.h"
#include "platforms/openwhisk/OpenWhiskUrls.h"
#include "platforms/openwhisk/RestTransport.h"

namespace funcdesk {

class ActivationPoller;

// The Platform interface over the OpenWhisk REST API (apiv1swagger.json), for any compatible
// endpoint: Apache OpenWhisk or funcdeskd. Calls map to REST the way the official JS client does
// them; every failure is a typed PlatformError with the server's message when it sent one.
// Live activations are polled with a since cursor (ActivationPoller).
class OpenWhiskPlatform final : public Platform, public PublishedPackages
{
    Q_OBJECT

public:
    explicit OpenWhiskPlatform(OpenWhiskConfig config, QObject *parent = nullptr);
    ~OpenWhiskPlatform() override;

    const OpenWhiskConfig &config() const { return m_transport->config(); }
    const OpenWhiskUrls &urls() const { return m_urls; }

    // The configured namespace, or the real one once GET /namespaces told it (for "_").
    QString namespaceName() const override;
    // Asks the platform which namespace the key addresses. When the configured namespace is "_",
    // the first authenticated call does this once by itself.
    QFuture<Result<QString>> resolveNamespace();

    QFuture<Result<PlatformInfo>> info() override;
    // The namespace's rate limits and action limit ranges (`GET namespaces/{ns}/limits`).
    QFuture<Result<NamespaceLimits>> namespaceLimits();
    QFuture<Result<qint64>> count(Collection collection) override;

    QFuture<Result<QList<Action>>> listActions(ListOptions options) override;
    QFuture<Result<Action>> getAction(QString name, bool withCode = true) override;
    QFuture<Result<Action>> putAction(QString name, Action action, PutOptions options) override;
    QFuture<Result<Action>> deleteAction(QString name) override;
    QFuture<Result<InvokeOutcome>> invokeAction(QString name, QJsonObject params, InvokeOptions options) override;

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

    // Objects: Funcdesk's buckets API, which only funcdeskd serves; storesObjects() is true once
    // info() found its "funcdesk" block (OpenWhiskObjects.cpp).
    bool storesObjects() const override { return m_storesObjects; };
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

    // Routes through /whisk.system/apimgmt's web actions, as the JS client's routes calls
    // (OpenWhiskRoutes.cpp).
    QFuture<Result<QList<ApiRoute>>> listRoutes(QString basePath = {}) override;
    QFuture<Result<ApiRoute>> createRoute(ApiRoute route) override;
    QFuture<Result<Done>> deleteRoute(QString basePath, QString relPath = {}, QString verb = {}) override;

    void setLiveActivations(bool enabled) override;
    bool isAvailable() const { return m_available; }

protected:
    // The connection's own "uuid:key", as wsk and the JS client give a feed.
    QString feedAuthKey() const override;

Q_SIGNALS:
    // Every HTTP exchange, for diagnostics and contract checks: the URL carries no credentials
    // and the request's headers are not reported. `status` is 0 when no answer arrived.
    void exchangeFinished(const QString &method, const QUrl &url, int status, const QByteArray &body);
    void namespaceResolved(const QString &name);

private:
    template <typename T>
    QFuture<Result<T>> call(RestTransport::Request request, std::function<Result<T>(const HttpExchange &)> parse);
    template <typename T>
    QFuture<Result<T>> getEntity(Collection collection, const QString &name, const OpenWhiskUrls::Query &query = {});
    template <typename T> QFuture<Result<T>> deleteEntity(Collection collection, const QString &name);
    template <typename T>
    QFuture<Result<T>> putEntity(Collection collection, const QString &name, QJsonObject body,
                                 const PutOptions &options);
    template <typename T> QFuture<Result<QList<T>>> listEntities(Collection collection, const ListOptions &options);

    void observe(const HttpExchange &exchange);
    // `web/whisk.system/apimgmt/{action}.http` with the query.
    QUrl apiManagementUrl(const QString &action, const OpenWhiskUrls::Query &query) const;
    void setAvailable(bool available, const QString &reason);

    OpenWhiskUrls m_urls;
    RestTransport *m_transport;
    ActivationPoller *m_poller;
    QString m_resolvedNs;
    bool m_namespaceAsked = false;
    bool m_available = true;
    bool m_storesObjects = false;
};

} // namespace funcdesk
