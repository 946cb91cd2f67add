#pragma once

#include <QTcpServer>

namespace funcdesk {

// A QTcpServer whose connections have Nagle's algorithm off: a keep-alive client waiting for a
// small response must not wait for a delayed ACK first. Set once per connection, here, rather
// than once per request.
class LowDelayTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr socketDescriptor) override;
};

} // namespace funcdesk
