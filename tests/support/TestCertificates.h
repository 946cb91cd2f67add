#pragma once

#include <QString>

namespace funcdesk::test {

// Certificates made for one test run with the `openssl` command (none is committed), in a
// folder the test owns: a CA, a server certificate for 127.0.0.1 and localhost signed by it,
// and an unrelated self-signed certificate for the same names. EC P-256 keys, valid two days;
// the keys are readable by their owner only.
struct TestCertificates
{
    QString caCertificate;     // ca.pem
    QString serverCertificate; // server.pem (signed by the CA)
    QString serverKey;         // server.key
    QString otherCertificate;  // other.pem (self-signed, not the CA's)
    QString otherKey;          // other.key
    QString error;             // why generation failed; empty when it worked

    static TestCertificates generate(const QString &folder);
};

} // namespace funcdesk::test
