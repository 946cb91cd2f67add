#include "platforms/openwhisk/OpenWhiskPlatform.h"

#include "core/FutureCallback.h"
#include "platforms/openwhisk/ActivationPoller.h"
#include "platforms/openwhisk/OpenWhiskResponses.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace funcdesk {

namespace {
// OpenWhisk's longest blocking wait (controller.activation.max-wait-for-blocking-activation),
// and how long past it a blocking invoke's reply may stay silent before it counts as timed out.
constexpr int kMaxBlockingWaitMs = 60000;
constexpr int kBlockingReplyMarginMs = 15000;

QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

template <typename T> QFuture<Result<T>> missingName(const char *what)
{
    return readyResult<T>(PlatformError{PlatformError::Kind::Invalid,
                                        OpenWhiskPlatform::tr("A %1 name is required.").arg(QLatin1StringView(what))});
}
} // namespace

OpenWhiskPlatform::OpenWhiskPlatform(OpenWhiskConfig config, QObject *parent)
    : Platform(parent), m_urls(config.rootUrl(), config.ns), m_transport(new RestTransport(std::move(config), this)),
      m_poller(new ActivationPoller(m_transport, m_urls, this))
{
    connect(m_transport, &RestTransport::exchangeFinished, this, &OpenWhiskPlatform::exchangeFinished);
    connect(m_poller, &ActivationPoller::arrived, this, &Platform::activationsArrived);
    connect(m_poller, &ActivationPoller::failed, this,
            [this](const PlatformError &error, int) { setAvailable(false, error.message); });
    connect(m_poller, &ActivationPoller::succeeded, this, [this] { setAvailable(true, {}); });
}

OpenWhiskPlatform::~OpenWhiskPlatform()
{
    // Polling stops with us; pending calls finish with a "closed" Network error, silently.
    delete m_poller;
    m_poller = nullptr;
    m_transport->close();
}

QString OpenWhiskPlatform::namespaceName() const
{
    return m_resolvedNs.isEmpty() ? config().ns : m_resolvedNs;
}

QFuture<Result<QString>> OpenWhiskPlatform::resolveNamespace()
{
    m_namespaceAsked = true;
    RestTransport::Request request;
    request.url = m_urls.namespaces();
    return call<QString>(request, [this](const HttpExchange &exchange) {
        auto name = OpenWhiskResponses::firstNamespace(exchange);
        if (name && config().ns == QLatin1StringView("_") && m_resolvedNs != name.value()) {
            m_resolvedNs = name.value();
            Q_EMIT namespaceResolved(m_resolvedNs);
        } else if (!name) {
            m_namespaceAsked = false; // ask again with a later call
        }
        return name;
    });
}

template <typename T>
QFuture<Result<T>> OpenWhiskPlatform::call(RestTransport::Request request,
                                           std::function<Result<T>(const HttpExchange &)> parse)
{
    // The first authenticated call also asks which namespace "_" is (GET / needs no key, so it
    // tells nothing about the key).
    if (!m_namespaceAsked && request.authenticated && config().ns == QLatin1StringView("_"))
        resolveNamespace();
    return m_transport->call<T>(request, [this, parse = std::move(parse)](const HttpExchange &exchange) {
        observe(exchange);
        return parse(exchange);
    });
}

void OpenWhiskPlatform::observe(const HttpExchange &exchange)
{
    if (exchange.closed)
        return;
    if (exchange.succeeded()) {
        setAvailable(true, {});
        return;
    }
    const auto error = exchange.error();
    if (error && error->kind == PlatformError::Kind::Network)
        setAvailable(false, error->message);
}

void OpenWhiskPlatform::setAvailable(bool available, const QString &reason)
{
    if (available == m_available)
        return;
    m_available = available;
    Q_EMIT availabilityChanged(available, reason);
}

template <typename T>
QFuture<Result<T>> OpenWhiskPlatform::getEntity(Collection collection, const QString &name,
                                                const OpenWhiskUrls::Query &query)
{
    RestTransport::Request request;
    request.url = m_urls.entity(collection, name, query);
    return call<T>(request, &OpenWhiskResponses::entity<T>);
}

template <typename T> QFuture<Result<T>> OpenWhiskPlatform::deleteEntity(Collection collection, const QString &name)
{
    RestTransport::Request request;
    request.method = QByteArrayLiteral("DELETE");
    request.url = m_urls.entity(collection, name);
    return call<T>(request, &OpenWhiskResponses::entity<T>);
}

template <typename T>
QFuture<Result<T>> OpenWhiskPlatform::putEntity(Collection collection, const QString &name, QJsonObject body,
                                                const PutOptions &options)
{
    if (!options.delAnnotations.isEmpty())
        body.insert(QLatin1StringView("delAnnotations"), QJsonArray::fromStringList(options.delAnnotations));
    RestTransport::Request request;
    request.method = QByteArrayLiteral("PUT");
    request.url = m_urls.entity(collection, name, {{QStringLiteral("overwrite"), boolText(options.overwrite)}});
    request.body = jsonBody(body);
    return call<T>(request, &OpenWhiskResponses::entity<T>);
}

template <typename T>
QFuture<Result<QList<T>>> OpenWhiskPlatform::listEntities(Collection collection, const ListOptions &options)
{
    RestTransport::Request request;
    request.url = m_urls.collection(collection, {{QStringLiteral("limit"), QString::number(options.limit)},
                                                 {QStringLiteral("skip"), QString::number(options.skip)}});
    return call<QList<T>>(request, &OpenWhiskResponses::list<T>);
}

QFuture<Result<PlatformInfo>> OpenWhiskPlatform::info()
{
    RestTransport::Request request;
    request.url = m_urls.root();
    request.authenticated = false; // the controller root is public
    return call<PlatformInfo>(request, [this](const HttpExchange &exchange) -> Result<PlatformInfo> {
        if (auto error = exchange.error())
            return *error;
        const auto document = exchange.json();
        if (!document || !document->isObject())
            return exchange.unexpected(QStringLiteral("expected a JSON object"));
        auto info = PlatformInfo::fromJson(document->object());
        if (!info)
            return exchange.unexpected(info.error().message);
        m_storesObjects = info->raw.value(QLatin1StringView("funcdesk")).isObject(); // funcdeskd
        return info;
    });
}

QFuture<Result<NamespaceLimits>> OpenWhiskPlatform::namespaceLimits()
{
    RestTransport::Request request;
    request.url = m_urls.limits();
    return call<NamespaceLimits>(request, &OpenWhiskResponses::entity<NamespaceLimits>);
}

QFuture<Result<qint64>> OpenWhiskPlatform::count(Collection collection)
{
    RestTransport::Request request;
    request.url = m_urls.collection(collection, {{QStringLiteral("count"), boolText(true)}});
    const QString key = OpenWhiskUrls::collectionName(collection);
    return call<qint64>(request,
                        [key](const HttpExchange &exchange) { return OpenWhiskResponses::count(exchange, key); });
}

QFuture<Result<QList<Action>>> OpenWhiskPlatform::listActions(ListOptions options)
{
    return listEntities<Action>(Collection::Actions, options);
}

QFuture<Result<Action>> OpenWhiskPlatform::getAction(QString name, bool withCode)
{
    if (name.isEmpty())
        return missingName<Action>("action");
    OpenWhiskUrls::Query query;
    if (!withCode)
        query.append({QStringLiteral("code"), boolText(false)});
    return getEntity<Action>(Collection::Actions, name, query);
}

QFuture<Result<Action>> OpenWhiskPlatform::putAction(QString name, Action action, PutOptions options)
{
    if (name.isEmpty())
        return missingName<Action>("action");
    action.warmInstances.reset(); // read-only (funcdeskd's GET): not the client's to send
    return putEntity<Action>(Collection::Actions, name, action.toJson(), options);
}

QFuture<Result<Action>> OpenWhiskPlatform::deleteAction(QString name)
{
    if (name.isEmpty())
        return missingName<Action>("action");
    return deleteEntity<Action>(Collection::Actions, name);
}

QFuture<Result<InvokeOutcome>> OpenWhiskPlatform::invokeAction(QString name, QJsonObject params, InvokeOptions options)
{
    if (name.isEmpty())
        return missingName<InvokeOutcome>("action");
    OpenWhiskUrls::Query query{{QStringLiteral("blocking"), boolText(options.blocking)}};
    RestTransport::Request request;
    request.method = QByteArrayLiteral("POST");
    request.body = jsonBody(params);
    if (options.blocking) {
        if (options.resultOnly)
            query.append({QStringLiteral("result"), boolText(true)});
        if (options.timeoutMs)
            query.append({QStringLiteral("timeout"), QString::number(*options.timeoutMs)});
        // The reply stays silent while the platform waits for the action.
        const int wait = std::clamp(options.timeoutMs.value_or(kMaxBlockingWaitMs), 0, kMaxBlockingWaitMs);
        request.timeoutMs = std::max(config().requestTimeoutMs, wait + kBlockingReplyMarginMs);
    }
    request.url = m_urls.entity(Collection::Actions, name, query);
    const bool resultOnly = options.blocking && options.resultOnly;
    return call<InvokeOutcome>(request, [resultOnly](const HttpExchange &exchange) {
        return OpenWhiskResponses::invoke(exchange, resultOnly);
    });
}

QFuture<Result<QList<Trigger>>> OpenWhiskPlatform::listTriggers(ListOptions options)
{
    return listEntities<Trigger>(Collection::Triggers, options);
}

QFuture<Result<Trigger>> OpenWhiskPlatform::getTrigger(QString name)
{
    if (name.isEmpty())
        return missingName<Trigger>("trigger");
    return getEntity<Trigger>(Collection::Triggers, name);
}

QFuture<Result<Trigger>> OpenWhiskPlatform::putTrigger(QString name, Trigger trigger, PutOptions options)
{
    if (name.isEmpty())
        return missingName<Trigger>("trigger");
    // The trigger document only: Platform::createFeedTrigger tells its feed (core/Feed.h).
    return putEntity<Trigger>(Collection::Triggers, name, trigger.toJson(), options);
}

QFuture<Result<Trigger>> OpenWhiskPlatform::deleteTrigger(QString name)
{
    if (name.isEmpty())
        return missingName<Trigger>("trigger");
    // The trigger document only: Platform::deleteFeedTrigger tells its feed first (core/Feed.h).
    return deleteEntity<Trigger>(Collection::Triggers, name);
}

QFuture<Result<std::optional<QString>>> OpenWhiskPlatform::fireTrigger(QString name, QJsonObject payload)
{
    if (name.isEmpty())
        return missingName<std::optional<QString>>("trigger");
    RestTransport::Request request;
    request.method = QByteArrayLiteral("POST");
    request.url = m_urls.entity(Collection::Triggers, name);
    request.body = jsonBody(payload);
    return call<std::optional<QString>>(request, &OpenWhiskResponses::fire);
}

QFuture<Result<QList<Rule>>> OpenWhiskPlatform::listRules(ListOptions options)
{
    return listEntities<Rule>(Collection::Rules, options);
}

QFuture<Result<Rule>> OpenWhiskPlatform::getRule(QString name)
{
    if (name.isEmpty())
        return missingName<Rule>("rule");
    return getEntity<Rule>(Collection::Rules, name);
}

QFuture<Result<Rule>> OpenWhiskPlatform::putRule(QString name, Rule rule, PutOptions options)
{
    if (name.isEmpty())
        return missingName<Rule>("rule");
    return putEntity<Rule>(Collection::Rules, name, rule.toJson(), options);
}

QFuture<Result<Rule>> OpenWhiskPlatform::deleteRule(QString name)
{
    if (name.isEmpty())
        return missingName<Rule>("rule");
    return deleteEntity<Rule>(Collection::Rules, name);
}

QFuture<Result<Done>> OpenWhiskPlatform::setRuleActive(QString name, bool active)
{
    if (name.isEmpty())
        return missingName<Done>("rule");
    RestTransport::Request request;
    request.method = QByteArrayLiteral("POST");
    request.url = m_urls.entity(Collection::Rules, name);
    request.body =
        jsonBody({{QLatin1StringView("status"), active ? QStringLiteral("active") : QStringLiteral("inactive")}});
    return call<Done>(request, &OpenWhiskResponses::done);
}

QFuture<Result<QList<Package>>> OpenWhiskPlatform::listPackages(ListOptions options)
{
    return listEntities<Package>(Collection::Packages, options);
}

QFuture<Result<Package>> OpenWhiskPlatform::getPackage(QString name)
{
    if (name.isEmpty())
        return missingName<Package>("package");
    return getEntity<Package>(Collection::Packages, name);
}

QFuture<Result<Package>> OpenWhiskPlatform::putPackage(QString name, Package package, PutOptions options)
{
    if (name.isEmpty())
        return missingName<Package>("package");
    // What a GET adds is not part of a PUT: the contents, and the namespace and name of the path.
    package.actions.reset();
    package.feeds.reset();
    package.ns.reset();
    package.name.reset();
    return putEntity<Package>(Collection::Packages, name, package.toJson(), options);
}

QFuture<Result<QList<Package>>> OpenWhiskPlatform::listPublishedPackages(QString ns, ListOptions options)
{
    auto checked = publishedPackagesNamespace(std::move(ns));
    if (!checked)
        return readyResult<QList<Package>>(checked.error());
    ns = std::move(checked).value();
    // OpenWhisk lists another namespace's published packages only (ctrl/Packages.scala).
    RestTransport::Request request;
    request.url = m_urls.collectionOf(ns, Collection::Packages,
                                      {{QStringLiteral("limit"), QString::number(options.limit)},
                                       {QStringLiteral("skip"), QString::number(options.skip)}});
    return call<QList<Package>>(request, &OpenWhiskResponses::list<Package>);
}

QFuture<Result<Package>> OpenWhiskPlatform::deletePackage(QString name)
{
    if (name.isEmpty())
        return missingName<Package>("package");
    return deleteEntity<Package>(Collection::Packages, name);
}

QFuture<Result<QList<Activation>>> OpenWhiskPlatform::listActivations(ActivationQuery query)
{
    RestTransport::Request request;
    request.url = m_urls.activations(OpenWhiskUrls::activationQuery(query));
    return call<QList<Activation>>(request, &OpenWhiskResponses::list<Activation>);
}

QFuture<Result<qint64>> OpenWhiskPlatform::countActivations(ActivationQuery query)
{
    RestTransport::Request request;
    request.url = m_urls.activations(OpenWhiskUrls::activationQuery(query, true));
    return call<qint64>(request, [](const HttpExchange &exchange) {
        return OpenWhiskResponses::count(exchange, QStringLiteral("activations"));
    });
}

QFuture<Result<Activation>> OpenWhiskPlatform::getActivation(QString activationId)
{
    if (activationId.isEmpty())
        return missingName<Activation>("activation id");
    RestTransport::Request request;
    request.url = m_urls.activation(activationId);
    return call<Activation>(request, &OpenWhiskResponses::entity<Activation>);
}

QFuture<Result<QStringList>> OpenWhiskPlatform::activationLogs(QString activationId)
{
    if (activationId.isEmpty())
        return missingName<QStringList>("activation id");
    RestTransport::Request request;
    request.url = m_urls.activation(activationId, QStringLiteral("logs"));
    return call<QStringList>(request, &OpenWhiskResponses::logs);
}

QFuture<Result<ActivationResponse>> OpenWhiskPlatform::activationResult(QString activationId)
{
    if (activationId.isEmpty())
        return missingName<ActivationResponse>("activation id");
    RestTransport::Request request;
    request.url = m_urls.activation(activationId, QStringLiteral("result"));
    return call<ActivationResponse>(request, &OpenWhiskResponses::entity<ActivationResponse>);
}

QString OpenWhiskPlatform::feedAuthKey() const
{
    return config().auth;
}

void OpenWhiskPlatform::setLiveActivations(bool enabled)
{
    if (m_poller)
        m_poller->setEnabled(enabled);
}

// call() for the object calls in OpenWhiskObjects.cpp.
template QFuture<Result<QList<Bucket>>>
    OpenWhiskPlatform::call(RestTransport::Request, std::function<Result<QList<Bucket>>(const HttpExchange &)>);
template QFuture<Result<Bucket>> OpenWhiskPlatform::call(RestTransport::Request,
                                                         std::function<Result<Bucket>(const HttpExchange &)>);
template QFuture<Result<ObjectListing>>
    OpenWhiskPlatform::call(RestTransport::Request, std::function<Result<ObjectListing>(const HttpExchange &)>);
template QFuture<Result<ObjectInfo>> OpenWhiskPlatform::call(RestTransport::Request,
                                                             std::function<Result<ObjectInfo>(const HttpExchange &)>);
template QFuture<Result<Done>> OpenWhiskPlatform::call(RestTransport::Request,
                                                       std::function<Result<Done>(const HttpExchange &)>);

} // namespace funcdesk
