#include "platforms/openwhisk/RestTransport.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace funcdesk {

namespace {
const QByteArray kJson = QByteArrayLiteral("application/json");
} // namespace

RestTransport::RestTransport(OpenWhiskConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_network(new QNetworkAccessManager(this))
{
    // Replies are deleted in finished(); the manager must not delete them behind our back.
    m_network->setAutoDeleteReplies(false);
}

RestTransport::~RestTransport()
{
    close();
}

void RestTransport::send(const Request &request, QObject *context, Handler handler)
{
    Pending pending{request.method, request.url.adjusted(QUrl::RemoveUserInfo), context, context != nullptr,
                    std::move(handler)};
    if (m_closed || !request.url.isValid()) {
        HttpExchange exchange;
        exchange.method = pending.method;
        exchange.url = pending.url;
        exchange.closed = m_closed;
        exchange.networkError = QNetworkReply::ProtocolUnknownError;
        exchange.networkErrorText = tr("the platform address is not a valid http:// or https:// URL");
        deliver(pending, exchange);
        return;
    }

    QNetworkRequest httpRequest(request.url);
    httpRequest.setRawHeader(QByteArrayLiteral("Accept"), kJson);
    httpRequest.setRawHeader(QByteArrayLiteral("User-Agent"), QByteArrayLiteral("funcdesk-openwhisk-client"));
    if (request.authenticated)
        httpRequest.setRawHeader(QByteArrayLiteral("Authorization"), m_config.authorizationHeader());
    if (request.body)
        httpRequest.setHeader(QNetworkRequest::ContentTypeHeader, kJson);
    // OpenWhisk does not redirect API calls; following one would carry the key elsewhere.
    httpRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    httpRequest.setTransferTimeout(request.timeoutMs > 0 ? request.timeoutMs : m_config.requestTimeoutMs);

    QNetworkReply *reply =
        request.method == "GET" && !request.body
            ? m_network->get(httpRequest)
            : m_network->sendCustomRequest(httpRequest, request.method, request.body.value_or(QByteArray()));
#if QT_CONFIG(ssl)
    if (m_config.ignoreCertificateErrors)
        connect(reply, &QNetworkReply::sslErrors, reply, [reply] { reply->ignoreSslErrors(); });
#endif
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finished(reply); });
    m_pending.insert(reply, std::move(pending));
}

void RestTransport::finished(QNetworkReply *reply)
{
    auto it = m_pending.find(reply);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it.value());
    m_pending.erase(it);
    reply->deleteLater();

    HttpExchange exchange;
    exchange.method = pending.method;
    exchange.url = pending.url;
    exchange.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    exchange.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    if (reply->isOpen())
        exchange.body = reply->readAll();
    exchange.networkError = reply->error();
    if (exchange.status == 0 && exchange.networkError != QNetworkReply::NoError) {
        exchange.networkErrorText = redacted(reply->errorString());
        // Nothing but the transfer timeout aborts a pending reply (close() takes it out first).
        exchange.timedOut = exchange.networkError == QNetworkReply::OperationCanceledError ||
                            exchange.networkError == QNetworkReply::TimeoutError;
    }
    exchange.activationIdHeader = QString::fromLatin1(reply->rawHeader(QByteArrayLiteral("x-openwhisk-activation-id")));
    if (reply->hasRawHeader(QByteArrayLiteral("Retry-After")))
        exchange.retryAfterMs = HttpExchange::parseRetryAfter(reply->rawHeader(QByteArrayLiteral("Retry-After")),
                                                              QDateTime::currentMSecsSinceEpoch());
    if (exchange.status >= 300 && exchange.status < 400)
        exchange.redirectTarget = reply->header(QNetworkRequest::LocationHeader).toUrl().adjusted(QUrl::RemoveUserInfo);

    Q_EMIT exchangeFinished(QString::fromLatin1(exchange.method), exchange.url, exchange.status, exchange.body);
    deliver(pending, exchange);
}

void RestTransport::deliver(Pending &pending, const HttpExchange &exchange)
{
    if (pending.hasContext && !pending.context)
        return;
    if (pending.handler)
        pending.handler(exchange);
}

void RestTransport::close()
{
    m_closed = true;
    const QHash<QNetworkReply *, Pending> pending = std::exchange(m_pending, {});
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        QNetworkReply *reply = it.key();
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
        HttpExchange exchange;
        exchange.method = it->method;
        exchange.url = it->url;
        exchange.closed = true;
        exchange.networkError = QNetworkReply::OperationCanceledError;
        Pending copy = it.value();
        deliver(copy, exchange);
    }
}

QString RestTransport::redacted(QString text) const
{
    // Qt's error texts name URLs, not headers; this is a second line of defence for the key.
    const qsizetype colon = m_config.auth.indexOf(QLatin1Char(':'));
    const QString key = colon >= 0 ? m_config.auth.mid(colon + 1) : m_config.auth;
    if (key.size() >= 4)
        text.replace(key, QStringLiteral("***"));
    if (!m_config.auth.isEmpty())
        text.replace(QString::fromLatin1(m_config.auth.toUtf8().toBase64()), QStringLiteral("***"));
    return text;
}

} // namespace funcdesk
