#pragma once

#include <QByteArray>
#include <QPointer>
#include <QTcpSocket>

#include <map>

namespace funcdesk {

// Keeps one connection's responses in the order of its requests. HTTP/1.1 lets a client send
// requests back to back (pipelining) and requires the answers in the same order, but a blocking
// invoke answers later than a GET behind it; QtHttpServer 6.4 hands us each request as it is
// parsed and does not order anything itself. In the usual case (one request at a time) every
// response is the next one and goes out at once.
class ResponseOrder
{
public:
    // The sequence number of a request just received on the connection.
    quint64 admit() { return m_admitted++; }

    // Writes `response` when its turn has come, then any later ones that were waiting for it;
    // otherwise holds it. `close`: disconnect after this response is written.
    void deliver(QTcpSocket *socket, quint64 sequence, QByteArray response, bool close);

private:
    struct Pending
    {
        QByteArray bytes;
        bool close = false;
    };

    quint64 m_admitted = 0;
    quint64 m_next = 0;
    std::map<quint64, Pending> m_waiting;
};

} // namespace funcdesk
