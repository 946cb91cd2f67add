#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <utility>

// A plain HTTP/1.1 exchange on its own connection, for the APIs the Platform client does not
// speak or where the test must control the bytes (the objects API, streamed bodies).
struct HttpAnswer
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // names lowercased
    QByteArray body;
    QJsonValue json() const; // an object or an array
};

// `authorization` is the whole header value ("Basic ..."). `body` is sent `repeat` times when
// `repeat` > 0 (a large body without holding it whole), with Content-Length on PUT and POST.
HttpAnswer rawRequest(quint16 port, const QByteArray &authorization, const QByteArray &method, const QString &path,
                      const QByteArray &body = {}, const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                      int repeat = 0);
