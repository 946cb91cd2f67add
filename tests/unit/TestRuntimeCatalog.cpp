#include "executor/RuntimeCatalog.h"

#include <QFile>
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
        QVERIFY(!RuntimeCatalog::kindForFile(QStringLiteral("hello.rb")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestRuntimeCatalog)
#include "TestRuntimeCatalog.moc"
