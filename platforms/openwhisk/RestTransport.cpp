#include "platforms/openwhisk/RestTransport.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslError>
#endif

namespace funcdesk {

namespace {
const QByteArray kJson = QByteArrayLiteral("application/json");
} // namespace

RestTransport::RestTransport(OpenWhiskConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_network(new QNetworkAccessManager(this))
{
    // Replies are deleted in finished(); the manager must not delete them behind our back.
    m_network->setAutoDeleteReplies(false);
    if (!m_config.caCertificateFile.isEmpty()) {
#if QT_CONFIG(ssl)
        const QList<QSslCertificate> authorities = QSslCertificate::fromPath(m_config.caCertificateFile, QSsl::Pem);
        if (authorities.isEmpty()) {
            m_trustProblem =
                tr("cannot read the CA certificate %1 (a PEM file is expected)").arg(m_config.caCertificateFile);
        } else {
            m_tls = QSslConfiguration::defaultConfiguration();
            m_tls->addCaCertificates(authorities);
        }
#else
        m_trustProblem = tr("this build has no TLS support");
#endif
    }
}

RestTransport::~RestTransport()
{
    close();
}

void RestTransport::send(const Request &request, QObject *context, Handler handler)
{
    Pending pending{request.method,
                    request.url.adjusted(QUrl::RemoveUserInfo),
                    context,
                    context != nullptr,
                    std::move(handler),
                    request.download,
                    QString()};
    if (m_closed || !request.url.isValid() || !m_trustProblem.isEmpty()) {
        HttpExchange exchange;
        exchange.method = pending.method;
        exchange.url = pending.url;
        exchange.closed = m_closed;
        exchange.networkError = QNetworkReply::ProtocolUnknownError;
        exchange.networkErrorText =
            !request.url.isValid() ? tr("the platform address is not a valid http:// or https:// URL") : m_trustProblem;
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
    if (request.upload) {
        httpRequest.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
        httpRequest.setHeader(QNetworkRequest::ContentLengthHeader, request.upload->size());
    }
    // OpenWhisk does not redirect API calls; following one would carry the key elsewhere.
    httpRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    httpRequest.setTransferTimeout(request.timeoutMs > 0 ? request.timeoutMs : m_config.requestTimeoutMs);
#if QT_CONFIG(ssl)
    if (m_tls)
        httpRequest.setSslConfiguration(*m_tls);
#endif

    QNetworkReply *reply = nullptr;
    if (request.upload)
        reply = m_network->sendCustomRequest(httpRequest, request.method, request.upload.get());
    else if (request.method == "HEAD")
        reply = m_network->head(httpRequest);
    else if (request.method == "GET" && !request.body)
        reply = m_network->get(httpRequest);
    else
        reply = m_network->sendCustomRequest(httpRequest, request.method, request.body.value_or(QByteArray()));
    if (request.download)
        connect(reply, &QNetworkReply::readyRead, this, [reply, sink = request.download] { stream(reply, sink); });
    if (request.upload) // QNetworkAccessManager may read it until the reply is gone, even after an abort
        connect(reply, &QObject::destroyed, [keep = request.upload] {});
    if (request.progress) {
        auto report = [reply, progress = request.progress](qint64 done, qint64 total) {
            if (!progress(done, total)) // not from inside the reply's own signal
                QMetaObject::invokeMethod(reply, &QNetworkReply::abort, Qt::QueuedConnection);
        };
        connect(reply, request.upload ? &QNetworkReply::uploadProgress : &QNetworkReply::downloadProgress, this,
                report);
    }
    watchCertificate(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finished(reply); });
    m_pending.insert(reply, std::move(pending));
}

void RestTransport::watchCertificate(QNetworkReply *reply)
{
#if QT_CONFIG(ssl)
    const QString pinned = OpenWhiskConfig::normalizedSha256(m_config.pinnedCertificateSha256);
    const auto fingerprint = [](const QSslCertificate &certificate) {
        return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
    };
    const auto refuse = [this, reply](const QString &problem) {
        auto it = m_pending.find(reply);
        if (it != m_pending.end())
            it->certificateProblem = problem;
    };
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, reply, pinned, fingerprint, refuse](const QList<QSslError> &errors) {
                if (m_config.ignoreCertificateErrors) {
                    reply->ignoreSslErrors();
                    return;
                }
                const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
                const QString presented = fingerprint(peer);
                if (!pinned.isEmpty() && !peer.isNull() && presented == pinned) {
                    reply->ignoreSslErrors(errors); // these errors, of this exact certificate
                    return;
                }
                if (!pinned.isEmpty()) {
                    refuse(
                        tr("the server's certificate (SHA-256 %1) is not the pinned one (%2)").arg(presented, pinned));
                    return;
                }
                QStringList reasons;
                for (const QSslError &error : errors)
                    reasons.append(error.errorString());
                reasons.removeDuplicates();
                refuse(tr("the server's certificate is not trusted (%1): trust the CA that signed it, or pin the "
                          "certificate, in the connection's settings")
                           .arg(reasons.join(QStringLiteral("; "))));
            });
    if (!pinned.isEmpty()) // a certificate the CAs trust must still be the pinned one
        connect(reply, &QNetworkReply::encrypted, this, [reply, pinned, fingerprint, refuse] {
            const QString presented = fingerprint(reply->sslConfiguration().peerCertificate());
            if (presented != pinned) {
                refuse(tr("the server's certificate (SHA-256 %1) is not the pinned one (%2)").arg(presented, pinned));
                reply->abort();
            }
        });
#else
    Q_UNUSED(reply);
#endif
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
    if (pending.download && exchange.succeeded())
        stream(reply, pending.download);
    else if (reply->isOpen())
        exchange.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        exchange.headers.insert(name.toLower(), value);
    exchange.networkError = reply->error();
    if (exchange.status == 0 && exchange.networkError != QNetworkReply::NoError) {
        exchange.networkErrorText =
            pending.certificateProblem.isEmpty() ? redacted(reply->errorString()) : pending.certificateProblem;
        // Nothing but the transfer timeout (or a certificate that is not the pinned one) aborts
        // a pending reply (close() takes it out first).
        exchange.timedOut =
            pending.certificateProblem.isEmpty() && (exchange.networkError == QNetworkReply::OperationCanceledError ||
                                                     exchange.networkError == QNetworkReply::TimeoutError);
        if (!pending.certificateProblem.isEmpty())
            exchange.networkError = QNetworkReply::SslHandshakeFailedError;
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

void RestTransport::stream(QNetworkReply *reply, QIODevice *sink)
{
    // An error answer's body is kept for its message; only a 2xx answer goes to the sink.
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status >= 300 || !reply->isOpen())
        return;
    const QByteArray chunk = reply->readAll();
    if (!chunk.isEmpty() && sink->write(chunk) != chunk.size())
        reply->abort(); // a full disk: the transfer ends with an error
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
