// The rules for bucket names and object keys (core/ObjectNames.h): which are taken and which are
// refused, with the message that says why. A key becomes a path below its bucket's folder, so
// every way out of that folder must be refused here, before a file is touched.

#include "core/ObjectNames.h"

#include <QTest>

using namespace funcdesk;

class TestObjectNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bucketNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("photos") << true;
        QTest::newRow("digits, dots and dashes") << QStringLiteral("logs-2026.12") << true;
        QTest::newRow("shortest") << QStringLiteral("abc") << true;
        QTest::newRow("longest") << QString(63, QLatin1Char('a')) << true;
        QTest::newRow("too short") << QStringLiteral("ab") << false;
        QTest::newRow("too long") << QString(64, QLatin1Char('a')) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("upper case") << QStringLiteral("Photos") << false;
        QTest::newRow("underscore") << QStringLiteral("my_bucket") << false;
        QTest::newRow("leading dash") << QStringLiteral("-photos") << false;
        QTest::newRow("trailing dot") << QStringLiteral("photos.") << false;
        QTest::newRow("two dots") << QStringLiteral("a..b") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("non-ASCII") << QStringLiteral("fötos") << false;
    }
    void bucketNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const auto problem = checkBucketName(name);
        QCOMPARE(!problem.has_value(), valid);
        if (problem) {
            QCOMPARE(problem->kind, PlatformError::Kind::Invalid);
            QVERIFY(problem->message.contains(QLatin1StringView("3 to 63 characters")));
        }
    }

    void objectKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("refusal"); // part of the message; empty when the key is taken
        QTest::newRow("plain") << QStringLiteral("a.csv") << QString();
        QTest::newRow("folders") << QStringLiteral("reports/2026/q1.csv") << QString();
        QTest::newRow("dots inside a name") << QStringLiteral("a..b/.hidden/x...") << QString();
        QTest::newRow("spaces and unicode") << QStringLiteral("Über uns/写真 1.png") << QString();
        QTest::newRow("reserved name below the top") << QStringLiteral("a/.funcdesk-upload-1") << QString();
        const QString segment(255, QLatin1Char('a')); // 4 of them and 3 slashes: 1023 bytes
        QTest::newRow("longest") << QStringList{segment, segment, segment, segment}.join(QLatin1Char('/')) << QString();
        QTest::newRow("empty") << QString() << QStringLiteral("must not be empty");
        QTest::newRow("dot-dot") << QStringLiteral("..") << QStringLiteral("'.' or '..' segment");
        QTest::newRow("dot-dot first") << QStringLiteral("../etc/passwd") << QStringLiteral("'.' or '..' segment");
        QTest::newRow("dot-dot inside") << QStringLiteral("a/../../b") << QStringLiteral("'.' or '..' segment");
        QTest::newRow("dot-dot last") << QStringLiteral("a/..") << QStringLiteral("'.' or '..' segment");
        QTest::newRow("dot") << QStringLiteral("./a") << QStringLiteral("'.' or '..' segment");
        QTest::newRow("leading slash") << QStringLiteral("/etc/passwd") << QStringLiteral("start with '/'");
        QTest::newRow("double slash") << QStringLiteral("a//b") << QStringLiteral("empty segment");
        QTest::newRow("trailing slash") << QStringLiteral("dir/") << QStringLiteral("end with '/'");
        QTest::newRow("NUL") << QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b")
                             << QStringLiteral("NUL character");
        QTest::newRow("backslash") << QStringLiteral("a\\..\\b") << QStringLiteral("backslash");
        QTest::newRow("too long") << QString(1025, QLatin1Char('a')) << QStringLiteral("1025 > 1024 bytes");
        QTest::newRow("too long in UTF-8") << QString(513, QChar(u'é')) << QStringLiteral("1026 > 1024 bytes");
        QTest::newRow("segment too long")
            << QStringLiteral("a/") + QString(256, QLatin1Char('b')) << QStringLiteral("256 > 255 bytes");
        QTest::newRow("the store's temporary files")
            << QStringLiteral(".funcdesk-upload-1") << QStringLiteral("reserved");
    }
    void objectKeys()
    {
        QFETCH(QString, key);
        QFETCH(QString, refusal);
        const auto problem = checkObjectKey(key);
        if (refusal.isEmpty()) {
            QVERIFY2(!problem, qPrintable(problem ? problem->message : QString()));
            return;
        }
        QVERIFY(problem.has_value());
        QCOMPARE(problem->kind, PlatformError::Kind::Invalid);
        QVERIFY2(problem->message.contains(refusal), qPrintable(problem->message));
    }
};

QTEST_APPLESS_MAIN(TestObjectNames)
#include "TestObjectNames.moc"
