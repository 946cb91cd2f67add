#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QObject>
#include <QUrl>

#include <utility>

class QNetworkAccessManager;

namespace funcdesk {

// One HTTP request as a person would send it to test an HTTP trigger (the console's "Send test
// request"): any method, headers and body to any URL, no credentials added, redirects not
// followed; the answer's status, headers, body (at most kMaxBodyBytes, the rest dropped and
// said so) and the time to the last byte. A request that gets no answer fails with a Network
// error (Timeout after timeoutMs).
class HttpProbe final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kMaxBodyBytes = 1024 * 1024;
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    struct Request
    {
        QByteArray method = QByteArrayLiteral("GET");
        QUrl url;
        Headers headers;
        QByteArray body;
        int timeoutMs = 30000;
    };
    struct Answer
    {
        int status = 0;
        QByteArray reason;
        Headers headers;
        QByteArray body;
        bool truncated = false;
        qint64 elapsedMs = 0;
    };

    explicit HttpProbe(QObject *parent = nullptr);
    ~HttpProbe() override;

    QFuture<Result<Answer>> send(const Request &request);

private:
    QNetworkAccessManager *m_network;
};

} // namespace funcdesk
