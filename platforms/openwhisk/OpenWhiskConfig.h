#pragma once

#include <QString>
#include <QUrl>

namespace funcdesk {

// Where an OpenWhisk-compatible platform is and how to talk to it. `auth` is the "uuid:key" pair
// `wsk` keeps in ~/.wskprops; it is sent as HTTP Basic credentials and never logged.
struct OpenWhiskConfig
{
    QString apiHost; // "host:port", "https://host" or "http://127.0.0.1:3233"
    QString auth;    // "uuid:key"
    QString ns = QStringLiteral("_");
    bool ignoreCertificateErrors = false;
    // TLS trust besides the system's CAs (self-signed funcdeskd or OpenWhisk): a PEM file of CA
    // certificates to trust, and/or the SHA-256 of the one server certificate to accept (hex,
    // colons and case ignored), which then must be the server's even when the CAs trust another.
    QString caCertificateFile;
    QString pinnedCertificateSha256;
    int requestTimeoutMs = 30000; // transfer timeout: how long a reply may stay silent
    int pollIntervalMs = 2000;    // live activations, like `wsk activation poll`
    int retryBaseMs = 2000;       // first back-off after a failed poll, doubled each time
    int retryMaxMs = 60000;       // back-off cap

    // The controller root, "https://" prefixed when apiHost names no scheme (as the JS client
    // does), ending in "/", without user info, query or fragment. A path is kept as a prefix
    // (minus a trailing "/api/v1"). Invalid when apiHost is unusable.
    QUrl rootUrl() const;
    // "Basic base64(auth)".
    QByteArray authorizationHeader() const;
    // A SHA-256 fingerprint as 64 lower-case hex digits ("AB:CD:…" as openssl prints it, too);
    // empty when `text` is not one.
    static QString normalizedSha256(const QString &text);
};

} // namespace funcdesk
