#include "server/ResponseOrder.h"

namespace funcdesk {

void ResponseOrder::deliver(QTcpSocket *socket, quint64 sequence, QByteArray response, bool close)
{
    if (sequence != m_next) {
        m_waiting.emplace(sequence, Pending{std::move(response), close});
        return;
    }
    Pending current{std::move(response), close};
    for (;;) {
        ++m_next;
        if (socket && socket->state() == QAbstractSocket::ConnectedState) {
            socket->write(current.bytes);
            if (current.close) {
                socket->disconnectFromHost(); // after the buffered bytes are written
                m_waiting.clear();
                return;
            }
        }
        const auto next = m_waiting.find(m_next);
        if (next == m_waiting.end())
            return;
        current = std::move(next->second);
        m_waiting.erase(next);
    }
}

} // namespace funcdesk
