#pragma once

#include <QString>

namespace funcdesk {

// One connection the console can switch to: the built-in Local platform, or a remote
// OpenWhisk-compatible endpoint. A value type without secrets: the auth key lives in the
// keychain (ConnectionStore), never here, so a profile can be shown, copied and persisted freely.
struct ConnectionProfile
{
    enum class Kind { Local, Remote };

    QString id; // stable; "local" for the built-in profile, a generated UUID otherwise
    QString name;
    QString apiHost;                             // as typed: "host:port", "https://host", "http://127.0.0.1:3233"
    QString namespaceName = QStringLiteral("_"); // "_": the key's own namespace
    bool ignoreCertificateErrors = false;
    // TLS trust for a self-signed platform (not secrets): a PEM file of CA certificates to trust,
    // and/or the SHA-256 of the server certificate to pin (OpenWhiskConfig says how they apply).
    QString caCertificateFile;
    QString pinnedCertificateSha256;
    Kind kind = Kind::Remote;

    bool isLocal() const { return kind == Kind::Local; }
    // The Local profile is built in: never edited, never removed.
    bool isEditable() const { return kind == Kind::Remote; }

    static QString localId();
    // The built-in Local profile (its name translated).
    static ConnectionProfile local();
    // A new remote profile with a freshly generated id.
    static ConnectionProfile newRemote();

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

} // namespace funcdesk
