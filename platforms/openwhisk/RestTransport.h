#pragma once

#include "core/Result.h"
#include "platforms/openwhisk/HttpExchange.h"
#include "platforms/openwhisk/OpenWhiskConfig.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QPromise>
#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

#include <functional>
#include <memory>

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;

namespace funcdesk {

// HTTP for the OpenWhisk client: one QNetworkAccessManager, Basic auth from the config, JSON
// bodies, a transfer timeout per request. TLS: the system's CAs plus the config's CA file; a
// pinned certificate is accepted (its errors only) and required; certificate errors are ignored
// only when configured; a certificate refused is named in the exchange's error text.
// Every request ends in exactly one HttpExchange handed to its handler, also when the transport
// is closed first; every exchange is reported by exchangeFinished() without credentials.
class RestTransport final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method = QByteArrayLiteral("GET");
        QUrl url;
        std::optional<QByteArray> body; // JSON
        int timeoutMs = 0;              // 0: the config's requestTimeoutMs
        bool authenticated = true;      // the controller root needs no key
        // Object transfers: a body streamed from `upload` (of `contentType`) instead of `body`; a
        // 2xx answer's body written to `download` as it arrives instead of kept, which must live
        // until the handler runs (the transport keeps `upload` until the reply is deleted). `progress(done, total)`
        // reports the bytes moved (total -1 when unknown) and aborts the transfer when it answers false.
        std::shared_ptr<QIODevice> upload;
        QByteArray contentType;
        QIODevice *download = nullptr;
        std::function<bool(qint64 done, qint64 total)> progress;
    };
    using Handler = std::function<void(const HttpExchange &)>;

    explicit RestTransport(OpenWhiskConfig config, QObject *parent = nullptr);
    ~RestTransport() override;

    const OpenWhiskConfig &config() const { return m_config; }

    // Sends `request`; `handler` runs once with the outcome, unless `context` (when given) is
    // gone by then.
    void send(const Request &request, QObject *context, Handler handler);

    // Sends `request` and finishes the future with parse(exchange).
    template <typename T>
    QFuture<Result<T>> call(const Request &request, std::function<Result<T>(const HttpExchange &)> parse)
    {
        auto promise = std::make_shared<QPromise<Result<T>>>();
        promise->start();
        QFuture<Result<T>> future = promise->future();
        send(request, nullptr, [promise, parse = std::move(parse)](const HttpExchange &exchange) {
            promise->addResult(parse(exchange));
            promise->finish();
        });
        return future;
    }

    // Ends every pending request with a "closed" exchange and refuses new ones; emits nothing
    // (the owner may be half destroyed).
    void close();

Q_SIGNALS:
    void exchangeFinished(const QString &method, const QUrl &url, int status, const QByteArray &body);

private:
    struct Pending
    {
        QByteArray method;
        QUrl url;
        QPointer<QObject> context;
        bool hasContext = false;
        Handler handler;
        QIODevice *download = nullptr;
        QString certificateProblem; // why the server's certificate was refused
    };

    void finished(QNetworkReply *reply);
    void deliver(Pending &pending, const HttpExchange &exchange);
    static void stream(QNetworkReply *reply, QIODevice *sink);
    QString redacted(QString text) const;
    void watchCertificate(QNetworkReply *reply);

    OpenWhiskConfig m_config;
    QNetworkAccessManager *m_network;
    QHash<QNetworkReply *, Pending> m_pending;
    bool m_closed = false;
    QString m_trustProblem; // the CA file could not be read: every request fails with this
#if QT_CONFIG(ssl)
    std::optional<QSslConfiguration> m_tls; // with the CA file's certificates
#endif
};

} // namespace funcdesk
