// Payload validation as the user types: where the mistake is (line, column) and what it is,
// in words a person uses; the payload must be an object.

#include "models/testing/PayloadValidator.h"

#include <QJsonArray>
#include <QTest>

using namespace funcdesk;

class TestPayloadValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void objectIsValidAndParsed()
    {
        const PayloadCheck check = PayloadValidator::check(
            QStringLiteral("{\n  \"name\": \"World\",\n  \"n\": [1, 2.5e3, -0.5, true, null, {}]\n}"));
        QVERIFY2(check.ok, qPrintable(check.message));
        QVERIFY(check.message.isEmpty());
        QCOMPARE(check.params.value(QLatin1StringView("name")).toString(), QStringLiteral("World"));
        QCOMPARE(check.params.value(QLatin1StringView("n")).toArray().size(), 6);
    }

    void emptyTextMeansNoParameters()
    {
        QVERIFY(PayloadValidator::check(QString()).ok);
        QVERIFY(PayloadValidator::check(QStringLiteral("  \n ")).params.isEmpty());
    }

    void missingCommaIsReportedWhereTheNextMemberStarts()
    {
        const PayloadCheck check = PayloadValidator::check(QStringLiteral("{\n  \"a\": 1\n  \"b\": 2\n}"));
        QVERIFY(!check.ok);
        QCOMPARE(check.line, 3);
        QCOMPARE(check.column, 3);
        QCOMPARE(check.message, QStringLiteral("Line 3, column 3: missing comma"));
    }

    void mistakesAreNamed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing colon") << QStringLiteral("{\"a\" 1}")
                                       << QStringLiteral("Line 1, column 6: missing colon after the property name");
        QTest::newRow("trailing comma") << QStringLiteral("{\"a\": 1,\n}")
                                        << QStringLiteral("Line 1, column 8: trailing comma before }");
        QTest::newRow("unquoted key") << QStringLiteral("{name: 1}")
                                      << QStringLiteral("Line 1, column 2: property names must be in double quotes");
        QTest::newRow("single quotes") << QStringLiteral("{\"a\": 'x'}")
                                       << QStringLiteral("Line 1, column 7: strings must be in double quotes");
        QTest::newRow("unterminated string")
            << QStringLiteral("{\"a\": \"x}")
            << QStringLiteral("Line 1, column 7: unterminated string (a closing \" is missing)");
        QTest::newRow("bad escape") << QStringLiteral("{\"a\": \"\\q\"}")
                                    << QStringLiteral("Line 1, column 8: invalid escape \\q");
        QTest::newRow("unclosed object") << QStringLiteral("{\"a\": 1")
                                         << QStringLiteral(
                                                "Line 1, column 8: unexpected end of text: a closing } is missing");
        QTest::newRow("missing value") << QStringLiteral("{\"a\": }")
                                       << QStringLiteral("Line 1, column 7: a value is missing");
        QTest::newRow("typo in literal") << QStringLiteral("{\"a\": tru}")
                                         << QStringLiteral("Line 1, column 7: unexpected \"t\": expected a value");
        QTest::newRow("leading zero") << QStringLiteral("{\"a\": 01}")
                                      << QStringLiteral("Line 1, column 7: numbers cannot start with 0");
        QTest::newRow("garbage after") << QStringLiteral("{} x")
                                       << QStringLiteral(
                                              "Line 1, column 4: unexpected text after the end of the payload");
        QTest::newRow("array comma") << QStringLiteral("{\"a\": [1 2]}")
                                     << QStringLiteral("Line 1, column 10: missing comma");
        QTest::newRow("wrong closer") << QStringLiteral("{\"a\": [1}")
                                      << QStringLiteral("Line 1, column 9: } where ] was expected");
        QTest::newRow("wide characters count as one column")
            << QStringLiteral("{\"名前\": 1 \"b\": 2}") << QStringLiteral("Line 1, column 10: missing comma");
    }

    void mistakesAreNamed()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const PayloadCheck check = PayloadValidator::check(text);
        QVERIFY(!check.ok);
        QCOMPARE(check.message, message);
    }

    void payloadMustBeAnObject_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("array") << QStringLiteral("[1, 2]");
        QTest::newRow("string") << QStringLiteral("\"hello\"");
        QTest::newRow("number") << QStringLiteral("42");
    }

    void payloadMustBeAnObject()
    {
        QFETCH(QString, text);
        const PayloadCheck check = PayloadValidator::check(text);
        QVERIFY(!check.ok);
        QCOMPARE(check.line, 0);
        QVERIFY2(check.message.contains(QLatin1StringView("must be a JSON object")), qPrintable(check.message));
    }
};

QTEST_GUILESS_MAIN(TestPayloadValidator)
#include "TestPayloadValidator.moc"
