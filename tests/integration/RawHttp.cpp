#include "RawHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

QJsonValue HttpAnswer::json() const
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

HttpAnswer rawRequest(quint16 port, const QByteArray &authorization, const QByteArray &method, const QString &path,
                      const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers, int repeat)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000))
        return {};
    const qint64 length = repeat > 0 ? body.size() * repeat : body.size();
    QByteArray head = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n";
    head += "Authorization: " + authorization + "\r\n";
    if (method == "PUT" || method == "POST")
        head += "Content-Length: " + QByteArray::number(length) + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    socket.write(head + "\r\n");
    for (int i = 0; i < std::max(1, repeat); ++i) {
        socket.write(body);
        while (socket.bytesToWrite() > 4 * 1024 * 1024)
            socket.waitForBytesWritten(5000);
    }
    while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(5000)) {
    }
    QByteArray raw;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(30000))
        raw += socket.readAll();
    raw += socket.readAll();
    HttpAnswer answer;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return answer;
    const QList<QByteArray> lines = raw.left(end).split('\n');
    answer.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        answer.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    answer.body = raw.mid(end + 4);
    return answer;
}
