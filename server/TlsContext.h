#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <mutex>
#include <optional>

using SSL_CTX = struct ssl_ctx_st;
using SSL = struct ssl_st;

namespace funcdesk {

// The server side of TLS (`funcdeskd serve --tls-cert FILE --tls-key FILE`), with Debian's
// OpenSSL 3 library driven directly on the transport's non-blocking sockets (docs/server.md,
// docs/dependencies.md say why not QSslSocket). The policy: TLS 1.2 and 1.3 only; under 1.2 only
// forward-secret AEAD suites (ECDHE with AES-GCM or ChaCha20-Poly1305), under 1.3 OpenSSL's three
// AEAD suites; no renegotiation, no compression, no session tickets; the server's preference.
class TlsContext
{
    Q_DECLARE_TR_FUNCTIONS(funcdesk::TlsContext)

public:
    // The TLS 1.2 cipher list (OpenSSL syntax) of the policy above.
    static constexpr char kCipherList[] = "ECDHE+AESGCM:ECDHE+CHACHA20";

    // Reads the PEM certificate (chain) and its private key; a clear error when either is
    // missing, unreadable, not PEM, or the key is not the certificate's.
    static Result<std::shared_ptr<TlsContext>> load(const QString &certificateFile, const QString &keyFile);
    // A warning when `keyFile` can be read by its group or by everyone, else nothing.
    static std::optional<QString> keyPermissionWarning(const QString &keyFile);
    ~TlsContext();
    TlsContext(const TlsContext &) = delete;
    TlsContext &operator=(const TlsContext &) = delete;

    // A new server session on `fd` (not owned), waiting for the client's hello.
    SSL *newSession(int fd) const;

private:
    explicit TlsContext(SSL_CTX *context) : m_context(context) {}
    SSL_CTX *m_context;
};

// One connection's TLS state over a non-blocking socket. Every call is one non-blocking
// attempt; what the socket would block on is told, never waited for (the caller polls, or
// parks the connection in the transport's epoll set). Thread-safe: one mutex around each call
// into OpenSSL (a response may be written while the connection's reader is elsewhere).
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

    explicit TlsStream(SSL *session) : m_ssl(session) {}
    ~TlsStream();
    TlsStream(const TlsStream &) = delete;
    TlsStream &operator=(const TlsStream &) = delete;

    // Decrypted bytes (the handshake first, while it is not done).
    Status read(char *buffer, qsizetype size, qsizetype &count);
    // Encrypts and sends part or all of `data` (retry with the same bytes after WantRead/WantWrite).
    Status write(const char *data, qsizetype size, qsizetype &count);
    bool established() const;
    // Decrypted bytes buffered in OpenSSL (the socket need not be readable for them).
    bool pending() const;
    // The last call stopped on the socket's room to write.
    bool wantsWrite() const { return m_wantsWrite; }
    // Sends close_notify once (best effort, never blocking).
    void close();

private:
    Status statusOf(int returned, qsizetype &count);

    SSL *m_ssl;
    mutable std::mutex m_mutex;
    bool m_wantsWrite = false;
    bool m_closed = false;
};

} // namespace funcdesk
