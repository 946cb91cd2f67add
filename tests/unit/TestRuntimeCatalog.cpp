#include "executor/RuntimeCatalog.h"

#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

using namespace funcdesk;

class TestRuntimeCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void discoversNodeAndPythonWithVersionedKinds()
    {
        const RuntimeCatalog catalog = RuntimeCatalog::discover();
        const auto node = catalog.resolve(QStringLiteral("nodejs:default"));
        QVERIFY2(node.ok(), "node must be installed (packaging/debian-packages.txt)");
        QVERIFY(node->kind.startsWith(QLatin1String("nodejs:")));
        QCOMPARE(catalog.resolve(node->kind)->program, node->program);
        const auto python = catalog.resolve(QStringLiteral("python:3"));
        QVERIFY2(python.ok(), "python3 must be installed");
        QVERIFY(python->kind.startsWith(QLatin1String("python:3.")));
        QVERIFY(catalog.resolve(QStringLiteral("python:default")).ok());
        QVERIFY(QFile::exists(QFile::decodeName(python->arguments.last())));
        QVERIFY(QFile::exists(QFile::decodeName(node->arguments.last())));
    }

    // Issue 19: PHP, Ruby, Go and native kinds exist only where their programs are installed.
    void moreRuntimesAreListedOnlyWhenInstalled()
    {
        const QByteArray path = qgetenv("PATH");
        const QStringList extra = {QStringLiteral("php:default"), QStringLiteral("ruby:default"),
                                   QStringLiteral("go:default"), QStringLiteral("blackbox")};
        qputenv("PATH", "/nonexistent");
        const RuntimeCatalog none = RuntimeCatalog::discover();
        qputenv("PATH", path);
        for (const QString &kind : extra)
            QVERIFY2(!none.resolve(kind).ok(), qPrintable(kind));

        const RuntimeCatalog catalog = RuntimeCatalog::discover();
        if (const auto php = catalog.resolve(QStringLiteral("php:default"))) {
            QVERIFY2(php->kind.startsWith(QLatin1String("php:8.")), qPrintable(php->kind));
            QVERIFY(QFile::exists(QFile::decodeName(php->arguments.last())));
        }
        if (const auto ruby = catalog.resolve(QStringLiteral("ruby:default"))) {
            QVERIFY2(ruby->kind.startsWith(QLatin1String("ruby:3.")), qPrintable(ruby->kind));
            QVERIFY(QFile::exists(QFile::decodeName(ruby->arguments.last())));
        }
        if (const auto go = catalog.resolve(QStringLiteral("go:default"))) {
            QVERIFY2(go->kind.startsWith(QLatin1String("go:1.")), qPrintable(go->kind));
            QVERIFY(go->actionloop);
            QVERIFY(QFileInfo(QFile::decodeName(go->program)).isExecutable());
        }
        const auto found = [](const char *name) {
            return !QStandardPaths::findExecutable(QLatin1String(name)).isEmpty();
        };
        QCOMPARE(catalog.resolve(QStringLiteral("php:default")).ok(), found("php") || found("php8.2"));
        QCOMPARE(catalog.resolve(QStringLiteral("ruby:default")).ok(), found("ruby"));
        QCOMPARE(catalog.resolve(QStringLiteral("go:default")).ok(), found("go"));
        QCOMPARE(catalog.resolve(QStringLiteral("blackbox")).ok(), found("unzip"));
    }

    void unknownKindGetsOpenWhisksMessageListingValidKinds()
    {
        const RuntimeCatalog catalog = RuntimeCatalog::discover();
        const auto result = catalog.resolve(QStringLiteral("cobol:85"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, PlatformError::Kind::Invalid);
        QVERIFY2(result.error().message.startsWith(QLatin1String(
                     "The specified runtime 'cobol:85' is not supported by this platform. Valid values are: ")),
                 qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(QLatin1String("'nodejs:default'")));
    }

    void missingInterpretersMeanNoKinds()
    {
        const RuntimeCatalog catalog = RuntimeCatalog::fromInterpreters("/nonexistent/node", QByteArray());
        QVERIFY(catalog.kinds().isEmpty());
        QVERIFY(!catalog.resolve(QStringLiteral("nodejs:default")).ok());
    }

    void kindFollowsTheFileExtension()
    {
        QCOMPARE(RuntimeCatalog::kindForFile(QStringLiteral("a/hello.js")), QStringLiteral("nodejs:default"));
        QCOMPARE(RuntimeCatalog::kindForFile(QStringLiteral("hello.py")), QStringLiteral("python:default"));
        QCOMPARE(RuntimeCatalog::kindForFile(QStringLiteral("hello.php")), QStringLiteral("php:default"));
        QCOMPARE(RuntimeCatalog::kindForFile(QStringLiteral("hello.rb")), QStringLiteral("ruby:default"));
        QCOMPARE(RuntimeCatalog::kindForFile(QStringLiteral("hello.go")), QStringLiteral("go:default"));
        QCOMPARE(RuntimeCatalog::kindForFile(QStringLiteral("native.ZIP")), QStringLiteral("blackbox"));
        QVERIFY(!RuntimeCatalog::kindForFile(QStringLiteral("hello.cob")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestRuntimeCatalog)
#include "TestRuntimeCatalog.moc"
