#pragma once

#include <QtGlobal>

#include <memory>

namespace funcdesk {

// One connection's TLS state over a non-blocking socket. Every call is one non-blocking
// attempt; what the socket would block on is told, never waited for (the caller polls, or
// parks the connection in the transport's epoll set). Implementations are thread-safe (a
// response may be written while the connection's reader is elsewhere).
class TlsStream
{
public:
    enum class Status {
        Done,      // bytes moved (`count`)
        WantRead,  // retry once the socket is readable
        WantWrite, // retry once the socket is writable
        Closed,    // the peer closed (close_notify or the end of the stream)
        Failed,    // a protocol error (a failed handshake: an old version, plain HTTP, a bad record)
    };

    virtual ~TlsStream() = default;
    // Decrypted bytes (the handshake first, while it is not done).
    virtual Status read(char *buffer, qsizetype size, qsizetype &count) = 0;
    // Encrypts and sends part or all of `data` (retry with the same bytes after WantRead/WantWrite).
    virtual Status write(const char *data, qsizetype size, qsizetype &count) = 0;
    virtual bool established() const = 0;
    // Decrypted bytes buffered by the implementation (the socket need not be readable for them).
    virtual bool pending() const = 0;
    // The last call stopped on the socket's room to write.
    virtual bool wantsWrite() const = 0;
    // Sends close_notify once (best effort, never blocking).
    virtual void close() = 0;
};

// The server side of TLS for HttpTransport: a certificate and key loaded once, a new stream per
// connection. The one implementation, on OpenSSL, is server/OpenSslTls.h in its own library
// (funcdesk_server_tls), linked by funcdeskd only: the console's embedded server speaks plain HTTP
// on loopback, and leaving libssl and libcrypto out of the console saves their dynamic linking at
// every start (docs/benchmarks.md "startup_bench").
class TlsContext
{
public:
    virtual ~TlsContext() = default;
    // A new server session on `fd` (not owned), waiting for the client's hello.
    virtual std::unique_ptr<TlsStream> newSession(int fd) const = 0;
};

} // namespace funcdesk
