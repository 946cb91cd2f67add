#pragma once

#include "models/connections/ConnectionProfile.h"

#include <QCoreApplication>
#include <QList>

namespace funcdesk {

// What is wrong with a profile being edited, one translated sentence per field (empty: fine),
// so the dialog can show each message beside its field before anything is saved.
struct ConnectionProfileProblems
{
    QString name;
    QString apiHost;
    QString namespaceName;
    QString trust; // the CA certificate file or the pinned fingerprint

    bool ok() const { return name.isEmpty() && apiHost.isEmpty() && namespaceName.isEmpty() && trust.isEmpty(); }
};

// Checks a remote profile against the rules the store and OpenWhiskPlatform rely on: a unique
// name, an API host the client can use (and no credentials in it: they would be persisted), and
// an OpenWhisk namespace name.
class ConnectionProfileCheck
{
    Q_DECLARE_TR_FUNCTIONS(funcdesk::ConnectionProfileCheck)

public:
    // `others`: the profiles already stored; the one with the same id is skipped.
    static ConnectionProfileProblems check(const ConnectionProfile &profile, const QList<ConnectionProfile> &others);

    static QString nameProblem(const QString &name, const QString &id, const QList<ConnectionProfile> &others);
    static QString apiHostProblem(const QString &apiHost);
    static QString namespaceProblem(const QString &namespaceName);
    // The CA file must be a readable PEM certificate file; the pin a SHA-256 fingerprint.
    static QString trustProblem(const QString &caCertificateFile, const QString &pinnedSha256);
    // The SHA-256 fingerprint (64 hex digits) of the first certificate in a PEM file; empty when
    // the file cannot be read or holds no certificate. For "pin this certificate file".
    static QString certificateFingerprint(const QString &pemFile);
};

} // namespace funcdesk
