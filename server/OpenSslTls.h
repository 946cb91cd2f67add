#pragma once

#include "core/Result.h"
#include "server/TlsContext.h"

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
class OpenSslTlsContext final : public TlsContext
{
    Q_DECLARE_TR_FUNCTIONS(funcdesk::TlsContext)

public:
    // The TLS 1.2 cipher list (OpenSSL syntax) of the policy above.
    static constexpr char kCipherList[] = "ECDHE+AESGCM:ECDHE+CHACHA20";

    // Reads the PEM certificate (chain) and its private key; a clear error when either is
    // missing, unreadable, not PEM, or the key is not the certificate's.
    static Result<std::shared_ptr<OpenSslTlsContext>> load(const QString &certificateFile, const QString &keyFile);
    // A warning when `keyFile` can be read by its group or by everyone, else nothing.
    static std::optional<QString> keyPermissionWarning(const QString &keyFile);
    ~OpenSslTlsContext() override;
    OpenSslTlsContext(const OpenSslTlsContext &) = delete;
    OpenSslTlsContext &operator=(const OpenSslTlsContext &) = delete;

    std::unique_ptr<TlsStream> newSession(int fd) const override;

private:
    explicit OpenSslTlsContext(SSL_CTX *context) : m_context(context) {}
    SSL_CTX *m_context;
};

// One connection's OpenSSL session. One mutex around each call into OpenSSL.
class OpenSslTlsStream final : public TlsStream
{
public:
    explicit OpenSslTlsStream(SSL *session) : m_ssl(session) {}
    ~OpenSslTlsStream() override;
    OpenSslTlsStream(const OpenSslTlsStream &) = delete;
    OpenSslTlsStream &operator=(const OpenSslTlsStream &) = delete;

    Status read(char *buffer, qsizetype size, qsizetype &count) override;
    Status write(const char *data, qsizetype size, qsizetype &count) override;
    bool established() const override;
    bool pending() const override;
    bool wantsWrite() const override { return m_wantsWrite; }
    void close() override;

private:
    Status statusOf(int returned, qsizetype &count);

    SSL *m_ssl;
    mutable std::mutex m_mutex;
    bool m_wantsWrite = false;
    bool m_closed = false;
};

} // namespace funcdesk
