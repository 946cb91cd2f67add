#include "platforms/openwhisk/HttpProbe.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>

#include <memory>

namespace funcdesk {

HttpProbe::HttpProbe(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this))
{
}

HttpProbe::~HttpProbe() = default;

QFuture<Result<HttpProbe::Answer>> HttpProbe::send(const Request &request)
{
    auto promise = std::make_shared<QPromise<Result<Answer>>>();
    promise->start();
    QFuture<Result<Answer>> future = promise->future();
    if (!request.url.isValid() ||
        (request.url.scheme() != QLatin1StringView("http") && request.url.scheme() != QLatin1StringView("https"))) {
        promise->addResult(PlatformError{PlatformError::Kind::Invalid, tr("Enter an http:// or https:// URL.")});
        promise->finish();
        return future;
    }
    QNetworkRequest http(request.url);
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    http.setTransferTimeout(request.timeoutMs);
    for (const auto &[name, value] : request.headers)
        http.setRawHeader(name, value);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QNetworkReply *reply = request.body.isEmpty() && request.method == "GET"
                               ? m_network->get(http)
                               : m_network->sendCustomRequest(http, request.method, request.body);
    connect(reply, &QNetworkReply::finished, this, [reply, promise, timer] {
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
            promise->addResult(PlatformError{timedOut ? PlatformError::Kind::Timeout : PlatformError::Kind::Network,
                                             timedOut ? tr("No answer in time.") : reply->errorString()});
            promise->finish();
            return;
        }
        Answer answer;
        answer.status = status.toInt();
        answer.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
        for (const auto &pair : reply->rawHeaderPairs())
            answer.headers.append({pair.first, pair.second});
        answer.body = reply->read(kMaxBodyBytes);
        answer.truncated = reply->bytesAvailable() > 0;
        answer.elapsedMs = timer->elapsed();
        promise->addResult(answer);
        promise->finish();
    });
    return future;
}

} // namespace funcdesk
