#include "server/OpenSslTls.h"

#include <QFile>
#include <QFileInfo>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cerrno>
#include <climits>
#include <sys/stat.h>

namespace funcdesk {

namespace {

// OpenSSL's reason for the last failure (its error queue is per thread), and the queue cleared.
QString lastOpenSslError()
{
    const unsigned long code = ERR_peek_last_error();
    ERR_clear_error();
    const char *reason = code ? ERR_reason_error_string(code) : nullptr;
    return reason ? QString::fromLatin1(reason) : QStringLiteral("unknown OpenSSL error");
}

// Empty when `path` can be opened for reading, else why not.
QString unreadable(const QString &path)
{
    QFile file(path);
    if (!QFileInfo::exists(path))
        return QStringLiteral("no such file");
    if (!file.open(QIODevice::ReadOnly))
        return file.errorString();
    return QString();
}

} // namespace

Result<std::shared_ptr<OpenSslTlsContext>> OpenSslTlsContext::load(const QString &certificateFile,
                                                                   const QString &keyFile)
{
    const auto invalid = [](const QString &message) {
        ERR_clear_error();
        return PlatformError{PlatformError::Kind::Invalid, message};
    };
    if (const QString why = unreadable(certificateFile); !why.isEmpty())
        return invalid(tr("cannot read the TLS certificate %1: %2").arg(certificateFile, why));
    if (const QString why = unreadable(keyFile); !why.isEmpty())
        return invalid(tr("cannot read the TLS key %1: %2").arg(keyFile, why));

    SSL_CTX *context = SSL_CTX_new(TLS_server_method());
    if (!context)
        return invalid(tr("cannot set up TLS: %1").arg(lastOpenSslError()));
    std::shared_ptr<OpenSslTlsContext> result(new OpenSslTlsContext(context));
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    SSL_CTX_set_options(context, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_COMPRESSION |
                                     SSL_OP_NO_TICKET);
    // Partial writes and a retried write from another buffer (HttpConnection's write loop);
    // idle connections give their read/write buffers back (2,000 idle ones cost little).
    SSL_CTX_set_mode(context,
                     SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
    SSL_CTX_set_session_cache_mode(context, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_num_tickets(context, 0); // TLS 1.3: no session tickets after the handshake either
    if (SSL_CTX_set_cipher_list(context, kCipherList) != 1)
        return invalid(tr("cannot set the TLS ciphers: %1").arg(lastOpenSslError()));
    if (SSL_CTX_use_certificate_chain_file(context, QFile::encodeName(certificateFile).constData()) != 1)
        return invalid(tr("%1 is not a PEM certificate: %2").arg(certificateFile, lastOpenSslError()));
    const QString mismatch = tr("the TLS key %1 does not belong to the certificate %2").arg(keyFile, certificateFile);
    if (SSL_CTX_use_PrivateKey_file(context, QFile::encodeName(keyFile).constData(), SSL_FILETYPE_PEM) != 1)
        return invalid(ERR_GET_REASON(ERR_peek_last_error()) == X509_R_KEY_VALUES_MISMATCH
                           ? mismatch
                           : tr("%1 is not a PEM private key: %2").arg(keyFile, lastOpenSslError()));
    if (SSL_CTX_check_private_key(context) != 1)
        return invalid(mismatch);
    return result;
}

std::optional<QString> OpenSslTlsContext::keyPermissionWarning(const QString &keyFile)
{
    struct stat status
    {
    };
    if (::stat(QFile::encodeName(keyFile).constData(), &status) != 0 || (status.st_mode & (S_IRWXG | S_IRWXO)) == 0)
        return std::nullopt;
    return tr("warning: the TLS key %1 can be read by other users (mode %2); chmod 600 it")
        .arg(keyFile)
        .arg(status.st_mode & 0777, 3, 8, QLatin1Char('0'));
}

OpenSslTlsContext::~OpenSslTlsContext()
{
    SSL_CTX_free(m_context);
}

std::unique_ptr<TlsStream> OpenSslTlsContext::newSession(int fd) const
{
    SSL *session = SSL_new(m_context);
    if (session) {
        SSL_set_fd(session, fd);
        SSL_set_accept_state(session);
    }
    return std::make_unique<OpenSslTlsStream>(session);
}

OpenSslTlsStream::~OpenSslTlsStream()
{
    SSL_free(m_ssl);
}

TlsStream::Status OpenSslTlsStream::statusOf(int returned, qsizetype &count)
{
    m_wantsWrite = false;
    if (returned > 0) {
        count = returned;
        return Status::Done;
    }
    count = 0;
    const int error = SSL_get_error(m_ssl, returned);
    ERR_clear_error(); // the queue is per thread: leave nothing for the next connection
    switch (error) {
    case SSL_ERROR_WANT_READ:
        return Status::WantRead;
    case SSL_ERROR_WANT_WRITE:
        m_wantsWrite = true;
        return Status::WantWrite;
    case SSL_ERROR_ZERO_RETURN:
        return Status::Closed;
    case SSL_ERROR_SYSCALL:
        return errno == EAGAIN || errno == EWOULDBLOCK ? Status::WantRead : Status::Closed;
    default:
        return Status::Failed;
    }
}

TlsStream::Status OpenSslTlsStream::read(char *buffer, qsizetype size, qsizetype &count)
{
    std::lock_guard lock(m_mutex);
    if (!m_ssl) { // SSL_new failed (out of memory): the connection ends, it never falls back to plain HTTP
        count = 0;
        return Status::Failed;
    }
    return statusOf(SSL_read(m_ssl, buffer, int(std::min<qsizetype>(size, INT_MAX))), count);
}

TlsStream::Status OpenSslTlsStream::write(const char *data, qsizetype size, qsizetype &count)
{
    std::lock_guard lock(m_mutex);
    if (!m_ssl || !SSL_is_init_finished(m_ssl)) {
        count = 0;
        return Status::Failed; // nothing is answered before the handshake
    }
    return statusOf(SSL_write(m_ssl, data, int(std::min<qsizetype>(size, INT_MAX))), count);
}

bool OpenSslTlsStream::established() const
{
    std::lock_guard lock(m_mutex);
    return m_ssl && SSL_is_init_finished(m_ssl);
}

bool OpenSslTlsStream::pending() const
{
    std::lock_guard lock(m_mutex);
    return m_ssl && SSL_pending(m_ssl) > 0;
}

void OpenSslTlsStream::close()
{
    std::lock_guard lock(m_mutex);
    if (m_closed || !m_ssl || !SSL_is_init_finished(m_ssl))
        return;
    m_closed = true;
    SSL_shutdown(m_ssl);
    ERR_clear_error();
}

} // namespace funcdesk
