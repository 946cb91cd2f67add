// OpenWhiskPlatform against a real `funcdeskd serve --tls-cert --tls-key` whose certificates this
// test generates (a CA and a server certificate it signed, and an unrelated self-signed one):
// trusting the CA works; trusting nothing fails with an error naming the certificate problem;
// pinning the server's certificate works without the CA; pinning another certificate is refused,
// even when the CA is trusted; an unreadable CA file is named in the error.
#include "platforms/openwhisk/OpenWhiskPlatform.h"
#include "support/FuncdeskdProcess.h"
#include "support/Futures.h"
#include "support/TestCertificates.h"

#include <QJsonObject>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

QString sha256Of(const QString &pemFile, bool withColons = false)
{
    const auto certificates = QSslCertificate::fromPath(pemFile, QSsl::Pem);
    if (certificates.isEmpty())
        return QString();
    const QByteArray digest = certificates.first().digest(QCryptographicHash::Sha256);
    return QString::fromLatin1(withColons ? digest.toHex(':').toUpper() : digest.toHex());
}

} // namespace

class TestTlsPlatform : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTemporaryDir m_certDir;
    TestCertificates m_certs;
    FuncdeskdProcess m_server{m_dir.path()};

    OpenWhiskConfig config() const
    {
        OpenWhiskConfig c;
        c.apiHost = m_server.apiHost();
        c.auth = m_server.guestKey();
        c.ns = QStringLiteral("guest");
        c.requestTimeoutMs = 15000;
        return c;
    }
    // The platform answers an authenticated call (its action list) with `config`.
    static Result<QList<Action>> listWith(const OpenWhiskConfig &config)
    {
        OpenWhiskPlatform platform(config);
        return wait(platform.listActions(ListOptions{}));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_certs = TestCertificates::generate(m_certDir.path());
        QVERIFY2(m_certs.error.isEmpty(), qPrintable(m_certs.error));
        QVERIFY2(m_server.start(0, {QStringLiteral("--tls-cert"), m_certs.serverCertificate,
                                    QStringLiteral("--tls-key"), m_certs.serverKey}),
                 qPrintable(m_server.errorText()));
        QVERIFY(m_server.apiHost().startsWith(QLatin1String("https://127.0.0.1:")));
    }
    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void trustedCaConnectsAndInvokes()
    {
        OpenWhiskConfig trusting = config();
        trusting.caCertificateFile = m_certs.caCertificate;
        OpenWhiskPlatform platform(trusting);
        Action action;
        action.exec =
            Exec::withCode(QStringLiteral("nodejs:20"), QStringLiteral("function main(p) { return {n: p.n}; }"));
        const auto put = wait(platform.putAction(QStringLiteral("tls-echo"), action, PutOptions{}));
        QVERIFY2(put.ok(), qPrintable(put.ok() ? QString() : put.error().message));
        InvokeOptions options;
        options.resultOnly = true;
        const auto invoked =
            wait(platform.invokeAction(QStringLiteral("tls-echo"), QJsonObject{{QStringLiteral("n"), 7}}, options));
        QVERIFY2(invoked.ok(), qPrintable(invoked.ok() ? QString() : invoked.error().message));
        QVERIFY(invoked->result.has_value());
        QCOMPARE(invoked->result->toObject().value(QStringLiteral("n")).toInt(), 7);
    }

    void nothingTrustedIsAClearCertificateError()
    {
        const auto listed = listWith(config());
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().kind, PlatformError::Kind::Network);
        const QString message = listed.error().message;
        QVERIFY2(message.contains(QLatin1String("certificate is not trusted")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("issuer certificate")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("https://127.0.0.1")), qPrintable(message));
    }

    void pinnedServerCertificateConnects()
    {
        OpenWhiskConfig pinning = config();
        pinning.pinnedCertificateSha256 = sha256Of(m_certs.serverCertificate, true); // as openssl prints it
        QVERIFY(!pinning.pinnedCertificateSha256.isEmpty());
        const auto listed = listWith(pinning);
        QVERIFY2(listed.ok(), qPrintable(listed.ok() ? QString() : listed.error().message));
    }

    void anotherPinnedCertificateIsRefused()
    {
        OpenWhiskConfig pinning = config();
        pinning.pinnedCertificateSha256 = sha256Of(m_certs.otherCertificate);
        auto listed = listWith(pinning);
        QVERIFY(!listed.ok());
        QVERIFY2(listed.error().message.contains(QLatin1String("is not the pinned one")),
                 qPrintable(listed.error().message));
        QVERIFY2(listed.error().message.contains(sha256Of(m_certs.serverCertificate)),
                 qPrintable(listed.error().message));
        // The pin holds even where the CA would vouch for the server.
        pinning.caCertificateFile = m_certs.caCertificate;
        listed = listWith(pinning);
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().kind, PlatformError::Kind::Network);
        QVERIFY2(listed.error().message.contains(QLatin1String("is not the pinned one")),
                 qPrintable(listed.error().message));
    }

    void unreadableCaFileIsNamed()
    {
        OpenWhiskConfig trusting = config();
        trusting.caCertificateFile = m_certDir.filePath(QStringLiteral("missing.pem"));
        const auto listed = listWith(trusting);
        QVERIFY(!listed.ok());
        QVERIFY2(listed.error().message.contains(QLatin1String("cannot read the CA certificate")) &&
                     listed.error().message.contains(QLatin1String("missing.pem")),
                 qPrintable(listed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestTlsPlatform)
#include "TestTlsPlatform.moc"
