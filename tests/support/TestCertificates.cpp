#include "support/TestCertificates.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace funcdesk::test {

namespace {

// Runs `openssl ARGS` in `folder`; empty when it worked, else its output.
QString openssl(const QString &folder, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(folder);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("openssl %1: %2")
            .arg(arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAll()));
    return QString();
}

const QString kSubjectNames = QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost");

} // namespace

TestCertificates TestCertificates::generate(const QString &folder)
{
    const QDir dir(folder);
    TestCertificates made;
    made.caCertificate = dir.filePath(QStringLiteral("ca.pem"));
    made.serverCertificate = dir.filePath(QStringLiteral("server.pem"));
    made.serverKey = dir.filePath(QStringLiteral("server.key"));
    made.otherCertificate = dir.filePath(QStringLiteral("other.pem"));
    made.otherKey = dir.filePath(QStringLiteral("other.key"));
    const QStringList newKey{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                             QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes")};
    QFile extensions(dir.filePath(QStringLiteral("server.ext")));
    if (!extensions.open(QIODevice::WriteOnly)) {
        made.error = extensions.errorString();
        return made;
    }
    extensions.write(kSubjectNames.toUtf8() + "\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
    extensions.close();
    const QList<QStringList> steps{
        QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + newKey +
            QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                        QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                        QStringLiteral("/CN=Funcdesk Test CA"), QStringLiteral("-addext"),
                        QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                        QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
        QStringList{QStringLiteral("req")} + newKey +
            QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                        QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")},
        QStringList{QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                    QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                    QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.pem"),
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                    QStringLiteral("server.ext")},
        QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + newKey +
            QStringList{QStringLiteral("-keyout"), QStringLiteral("other.key"), QStringLiteral("-out"),
                        QStringLiteral("other.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                        kSubjectNames},
    };
    for (const QStringList &step : steps) {
        made.error = openssl(folder, step);
        if (!made.error.isEmpty())
            return made;
    }
    for (const QString &key : {made.serverKey, made.otherKey, dir.filePath(QStringLiteral("ca.key"))})
        QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return made;
}

} // namespace funcdesk::test
