#pragma once

// For the server tests: a real `funcdeskd serve` (support/FuncdeskdProcess.h), a blocking HTTP
// helper over QNetworkAccessManager, and the bodies and raw-socket reads the tests repeat.

#include "support/FuncdeskdProcess.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <csignal>
#include <poll.h>
#include <sys/socket.h>

using funcdesk::test::FuncdeskdProcess;

struct HttpResult
{
    int status = 0; // 0: no HTTP answer (connection failed, timed out)
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QJsonValue json() const
    {
        // QJsonDocument takes objects and arrays; wrap to read scalars as well.
        const QJsonDocument document = QJsonDocument::fromJson("[" + body + "]");
        return document.isArray() && document.array().size() == 1 ? document.array().first() : QJsonValue();
    }
    QJsonObject object() const { return json().toObject(); }
    QJsonArray array() const { return json().toArray(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

class HttpClient
{
public:
    // `auth`: "uuid:key" for Basic authentication, empty for none.
    HttpResult request(const QByteArray &method, const QString &url, const QByteArray &body = {},
                       const QByteArray &auth = {}, const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                       int timeoutMs = 30000)
    {
        QNetworkRequest request{QUrl(url)};
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (!auth.isEmpty())
            request.setRawHeader("Authorization", "Basic " + auth.toBase64());
        bool typed = false;
        for (const auto &[name, value] : headers) {
            request.setRawHeader(name, value);
            typed = typed || name.compare("content-type", Qt::CaseInsensitive) == 0;
        }
        if (!typed && !body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        HttpResult result;
        if (reply->isFinished()) {
            result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            result.body = reply->readAll();
            result.headers = reply->rawHeaderPairs();
        } else {
            reply->abort();
        }
        reply->deleteLater();
        return result;
    }

private:
    QNetworkAccessManager m_manager;
};

// A node action body for PUT.
inline QByteArray nodeAction(const QString &code, const QJsonArray &annotations = {}, const QJsonObject &limits = {})
{
    QJsonObject action{{QStringLiteral("exec"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("nodejs:default")},
                                                            {QStringLiteral("code"), code}}}};
    if (!annotations.isEmpty())
        action.insert(QStringLiteral("annotations"), annotations);
    if (!limits.isEmpty())
        action.insert(QStringLiteral("limits"), limits);
    return QJsonDocument(action).toJson(QJsonDocument::Compact);
}

inline QJsonObject keyValue(const QString &key, const QJsonValue &value)
{
    return {{QStringLiteral("key"), key}, {QStringLiteral("value"), value}};
}

// Raw-socket helpers, for tests where the connection itself matters.
// Reads from `socket` until `done(received)` or `timeoutMs`.
template <typename Done> inline QByteArray readUntil(QTcpSocket &socket, int timeoutMs, Done done)
{
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs && !done(received)) {
        socket.waitForReadyRead(50);
        received += socket.readAll();
        if (socket.state() != QAbstractSocket::ConnectedState) {
            received += socket.readAll();
            break;
        }
    }
    return received;
}

// Whether the server closes raw socket `fd` within `waitMs` (reading and dropping what it sends first).
inline bool closedWithin(int fd, int waitMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < waitMs) {
        pollfd wanted{fd, POLLIN, 0};
        if (::poll(&wanted, 1, int(waitMs - timer.elapsed())) <= 0)
            return false;
        char buffer[4096];
        if (::recv(fd, buffer, sizeof buffer, 0) <= 0)
            return true;
    }
    return false;
}

// The first complete response in `bytes` (headers and Content-Length body), or empty.
inline QByteArray firstResponse(const QByteArray &bytes)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return {};
    const QByteArray head = bytes.left(end).toLower();
    const qsizetype at = head.indexOf("content-length: ");
    const qsizetype length = at < 0 ? 0 : head.mid(at + 16, head.indexOf("\r\n", at) - at - 16).trimmed().toLongLong();
    if (bytes.size() < end + 4 + length)
        return {};
    return bytes.left(end + 4 + length);
}
