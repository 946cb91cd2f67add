// TLS to a platform with a self-signed certificate (a common private deployment): refused unless
// the connection says to ignore certificate errors. The certificate is made with openssl at run
// time; the server is a QSslServer answering like a controller root would.

#include "platforms/openwhisk/OpenWhiskPlatform.h"
#include "support/Futures.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {
const QByteArray kRootAnswer = QByteArrayLiteral(
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 31\r\nConnection: close\r\n\r\n"
    "{\"description\":\"TLS OpenWhisk\"}");

} // namespace

class TestOpenWhiskTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    QSslConfiguration serverTls;
    QSslServer server;

    OpenWhiskConfig config(bool ignoreCertificateErrors) const
    {
        OpenWhiskConfig c;
        c.apiHost = QStringLiteral("127.0.0.1:%1").arg(server.serverPort()); // no scheme: https
        c.auth = QStringLiteral("uuid:key");
        c.ns = QStringLiteral("guest");
        c.requestTimeoutMs = 5000;
        c.ignoreCertificateErrors = ignoreCertificateErrors;
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("this Qt has no TLS backend");
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl is needed to make the test certificate");
        QProcess make;
        make.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                             QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                             QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                             dir.filePath(QStringLiteral("cert.pem"))});
        QVERIFY(make.waitForFinished(60000));
        QCOMPARE(make.exitCode(), 0);

        QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
        QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        serverTls = QSslConfiguration::defaultConfiguration();
        serverTls.setLocalCertificate(QSslCertificate(&certFile, QSsl::Pem));
        serverTls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
        serverTls.setPeerVerifyMode(QSslSocket::VerifyNone);
        server.setSslConfiguration(serverTls);
        connect(&server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    if (socket->readAll().contains("\r\n\r\n"))
                        socket->write(kRootAnswer);
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    }

    void selfSignedCertificateIsRefusedByDefault()
    {
        OpenWhiskPlatform platform(config(false));
        const auto info = wait(platform.info());
        QVERIFY(!info);
        QCOMPARE(info.error().kind, PlatformError::Kind::Network);
        QVERIFY2(info.error().message.contains(QLatin1StringView("https://127.0.0.1")),
                 qPrintable(info.error().message));
    }

    void ignoringCertificateErrorsConnects()
    {
        OpenWhiskPlatform platform(config(true));
        const auto info = wait(platform.info());
        QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().message));
        QCOMPARE(info->description, QStringLiteral("TLS OpenWhisk"));
    }
};

QTEST_GUILESS_MAIN(TestOpenWhiskTls)
#include "TestOpenWhiskTls.moc"
