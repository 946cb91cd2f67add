// Issue 17, the console to a self-signed funcdeskd over TLS without "ignore certificate errors":
// in the connection dialog the user types a new connection to a real `funcdeskd serve
// --tls-cert --tls-key` (certificates the test generates), Test Connection names the untrusted
// certificate, then Browse… picks the CA file in the file dialog (its name typed into the
// file name field, then Open), Test Connection succeeds, OK saves the CA's path (not a secret: in the
// settings file) and the console works on the connection. Pinning the server's certificate
// through its Browse… fills in the certificate's SHA-256.
#include "ConnectionDriving.h"
#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/FuncdeskdProcess.h"
#include "support/TestCertificates.h"

#include "ui/connections/InlineMessage.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

// Clicks `browse`, then picks `file` in the file dialog it opens: in its folder, its name typed, Open.
void pickFile(QWidget *form, QPushButton *browse, const QString &file)
{
    QTest::mouseClick(browse, Qt::LeftButton);
    QFileDialog *picker = nullptr;
    QTRY_VERIFY((picker = form->findChild<QFileDialog *>(QStringLiteral("certificateFileDialog"))) &&
                picker->isVisible());
    auto *name = child<QLineEdit>(picker, "fileNameEdit");
    auto *buttons = child<QDialogButtonBox>(picker, "buttonBox");
    QPushButton *open = buttons->button(QDialogButtonBox::Open);
    QVERIFY(open);
    // In the file's folder (as if the user went there: typing a path in Qt's dialog jumps
    // folder by folder as the model loads, which the offscreen test cannot pace), its name typed.
    const QFileInfo info(file);
    picker->setDirectory(info.absolutePath());
    name->setFocus();
    QTest::keyClicks(name, info.fileName());
    QTRY_VERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    QTRY_VERIFY(!form->findChild<QFileDialog *>(QStringLiteral("certificateFileDialog")));
}

} // namespace

class TestTlsConnection : public QObject
{
    Q_OBJECT

    QTemporaryDir m_serverData;
    QTemporaryDir m_certDir;
    TestCertificates m_certs;
    std::unique_ptr<FuncdeskdProcess> m_server;

    // A console, its connection dialog, and a new connection to the TLS server typed in.
    void typeTlsConnection(Console &console, const QString &name, ConnectionDialog *&dialog)
    {
        QVERIFY(console.start());
        QVERIFY(showActive(*console.window));
        dialog = openConnectionDialog(*console.window);
        QVERIFY(dialog);
        QTest::mouseClick(child<QPushButton>(dialog, "addButton"), Qt::LeftButton);
        QTest::keyClicks(child<QLineEdit>(dialog, "nameEdit"), name);
        QTest::keyClicks(child<QLineEdit>(dialog, "apiHostEdit"), m_server->apiHost());
        auto *ns = child<QLineEdit>(dialog, "namespaceEdit");
        ns->selectAll();
        QTest::keyClicks(ns, QStringLiteral("guest"));
        QTest::keyClicks(child<QLineEdit>(dialog, "keyEdit"), m_server->guestKey());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_certs = TestCertificates::generate(m_certDir.path());
        QVERIFY2(m_certs.error.isEmpty(), qPrintable(m_certs.error));
        m_server = std::make_unique<FuncdeskdProcess>(m_serverData.path());
        QVERIFY2(m_server->start(0, {QStringLiteral("--tls-cert"), m_certs.serverCertificate,
                                     QStringLiteral("--tls-key"), m_certs.serverKey}),
                 qPrintable(m_server->errorText()));
    }
    void cleanupTestCase() { m_server.reset(); }

    void trustingThePickedCaReachesTheServer()
    {
        Console console;
        ConnectionDialog *dialog = nullptr;
        typeTlsConnection(console, QStringLiteral("tls box"), dialog);
        QVERIFY(dialog);
        QVERIFY(!child<QCheckBox>(dialog, "ignoreCertificatesCheck")->isChecked());

        // Nothing trusted yet: the test names the certificate problem.
        auto *test = child<QPushButton>(dialog, "testButton");
        auto *answer = child<InlineMessage>(dialog, "testAnswer");
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 20000);
        QCOMPARE(answer->kind(), InlineMessage::Kind::Error);
        QVERIFY2(answer->text().contains(QLatin1String("certificate is not trusted")), qPrintable(answer->text()));

        // Browse… for the CA.
        pickFile(dialog, child<QPushButton>(dialog, "caCertificateBrowse"), m_certs.caCertificate);
        QCOMPARE(child<QLineEdit>(dialog, "caCertificateEdit")->text(), m_certs.caCertificate);
        QVERIFY(child<InlineMessage>(dialog, "trustError")->text().isEmpty());
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 20000);
        QVERIFY2(answer->kind() == InlineMessage::Kind::Success, qPrintable(answer->text()));

        auto *ok = child<QPushButton>(dialog, "okButton");
        QTRY_VERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        QTRY_COMPARE(console.connections->currentProfile().name, QStringLiteral("tls box"));
        QCOMPARE(console.connections->currentProfile().caCertificateFile, m_certs.caCertificate);
        QTRY_VERIFY_WITH_TIMEOUT(console.connections->isOnline(), 20000);
        console.settings->sync();
        QFile settings(console.dir.filePath(QStringLiteral("settings.ini")));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray saved = settings.readAll();
        QVERIFY(saved.contains(QFileInfo(m_certs.caCertificate).fileName().toUtf8()));
        QVERIFY(!saved.contains(m_server->guestKey().section(QLatin1Char(':'), 1).toUtf8()));
    }

    void pinningAPickedCertificateStoresItsFingerprint()
    {
        Console console;
        ConnectionDialog *dialog = nullptr;
        typeTlsConnection(console, QStringLiteral("pinned box"), dialog);
        QVERIFY(dialog);
        auto *pin = child<QLineEdit>(dialog, "pinnedCertificateEdit");
        QTest::keyClicks(pin, QStringLiteral("not a fingerprint"));
        QVERIFY(!child<InlineMessage>(dialog, "trustError")->text().isEmpty());
        QVERIFY(!child<QPushButton>(dialog, "okButton")->isEnabled());
        pin->clear();
        pickFile(dialog, child<QPushButton>(dialog, "pinnedCertificateBrowse"), m_certs.serverCertificate);
        const QString expected = QString::fromLatin1(
            QSslCertificate::fromPath(m_certs.serverCertificate).first().digest(QCryptographicHash::Sha256).toHex());
        QCOMPARE(pin->text(), expected);
        auto *test = child<QPushButton>(dialog, "testButton");
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 20000);
        auto *answer = child<InlineMessage>(dialog, "testAnswer");
        QVERIFY2(answer->kind() == InlineMessage::Kind::Success, qPrintable(answer->text()));
    }
};

QTEST_MAIN(TestTlsConnection)
#include "TestTlsConnection.moc"
