// Installed programs read their run-time files from DATADIR/funcdesk next to their BINDIR
// (core/InstallPaths.h), else the compiled-in resources. This test's executable plays the
// installed program: it makes ../share/funcdesk beside its own folder and takes it away again.
#include "core/InstallPaths.h"
#include "models/templates/FunctionTemplates.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTest>

using namespace funcdesk;

class TestInstallPaths : public QObject
{
    Q_OBJECT

private:
    QString m_share;

    void write(const QString &relative, const QByteArray &content)
    {
        const QString path = m_share + QLatin1Char('/') + relative;
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

private Q_SLOTS:
    void init()
    {
        m_share = QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/funcdesk"));
        QDir(m_share).removeRecursively();
    }
    void cleanup() { QDir(QFileInfo(m_share).absolutePath()).removeRecursively(); }

    void buildTreeUsesCompiledInResources()
    {
        QVERIFY(installedDataDirectory().isEmpty());
        QCOMPARE(resourcePath(QStringLiteral("templates/nodejs.js")), QStringLiteral(":/funcdesk/templates/nodejs.js"));
        QVERIFY(FunctionTemplates::codeFor(QStringLiteral("nodejs:20")).contains(QLatin1String("function main")));
    }

    void installedTreeIsFoundNextToTheProgram()
    {
        write(QStringLiteral("templates/nodejs.js"), "// installed template\n");
        QCOMPARE(installedDataDirectory(), m_share);
        QCOMPARE(resourcePath(QStringLiteral("templates/nodejs.js")), m_share + QStringLiteral("/templates/nodejs.js"));
        QCOMPARE(FunctionTemplates::codeFor(QStringLiteral("nodejs:20")), QStringLiteral("// installed template\n"));
        // What the installed tree lacks still comes compiled in.
        QCOMPARE(resourcePath(QStringLiteral("templates/python.py")), QStringLiteral(":/funcdesk/templates/python.py"));
    }
};

QTEST_GUILESS_MAIN(TestInstallPaths)
#include "TestInstallPaths.moc"
