#include "core/Action.h"
#include "core/Activation.h"
#include "core/EntityName.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace funcdesk;

namespace {
QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

class TestCoreJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Activation::toCompactJson() writes what QJsonDocument writes, byte for byte: strings with
    // every kind of escape, non-ASCII text, numbers Qt formats itself, nested values, absent
    // fields, and records with unknown fields (which take Qt's path).
    void compactJsonIsWhatQJsonDocumentWrites_data()
    {
        QTest::addColumn<QByteArray>("source");
        QString awkward = QStringLiteral("quote \" backslash \\ slash / tab \t newline \n cr \r bell ");
        awkward += QChar(0x07) + QStringLiteral(" bs ") + QChar(0x08) + QStringLiteral(" ff ") + QChar(0x0c) +
                   QChar(0x1f) + QChar(0x7f) + QStringLiteral(" \u00e9 \u4e2d\u6587 \U0001F600 end");
        QJsonObject full{
            {QStringLiteral("activationId"), QStringLiteral("0123456789abcdef0123456789abcdef")},
            {QStringLiteral("namespace"), QStringLiteral("guest")},
            {QStringLiteral("name"), awkward},
            {QStringLiteral("version"), QStringLiteral("0.0.7")},
            {QStringLiteral("subject"), QStringLiteral("guest")},
            {QStringLiteral("publish"), false},
            {QStringLiteral("start"), 1764550000123LL},
            {QStringLiteral("end"), 1764550000456LL},
            {QStringLiteral("duration"), 333},
            {QStringLiteral("cause"), QStringLiteral("feedface")},
            {QStringLiteral("logs"),
             QJsonArray{QStringLiteral("2026-12-01T00:00:00.000Z stdout: ") + awkward, QString()}},
            {QStringLiteral("response"),
             QJsonObject{{QStringLiteral("status"), QStringLiteral("success")},
                         {QStringLiteral("statusCode"), 0},
                         {QStringLiteral("success"), true},
                         {QStringLiteral("size"), 42},
                         {QStringLiteral("result"),
                          QJsonObject{{QStringLiteral("s"), awkward},
                                      {QStringLiteral("n"),
                                       QJsonArray{0, -1, 0.1, 1e300, -2.5e-7, 123456789012345678.0, 1e15, 3}},
                                      {QStringLiteral("deep"), QJsonObject{{QStringLiteral("x"), QJsonValue()}}}}}}},
            {QStringLiteral("annotations"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("key"), QStringLiteral("path")},
                             {QStringLiteral("value"), QStringLiteral("guest/a")}},
                 QJsonObject{{QStringLiteral("key"), QStringLiteral("waitTime")}, {QStringLiteral("value"), 3}},
                 QJsonObject{{QStringLiteral("key"), QStringLiteral("cpuTime")}, {QStringLiteral("value"), 0.0625}},
                 QJsonObject{{QStringLiteral("key"), QStringLiteral("peakMemory")}, {QStringLiteral("value"), 6291456}},
                 QJsonObject{{QStringLiteral("key"), QStringLiteral("timeout")}, {QStringLiteral("value"), false}},
                 QJsonObject{{QStringLiteral("key"), QStringLiteral("limits")},
                             {QStringLiteral("value"),
                              QJsonObject{{QStringLiteral("memory"), 256}, {QStringLiteral("cpu"), 0.25}}}}}},
        };
        QTest::newRow("everything") << QJsonDocument(full).toJson();
        QTest::newRow("bare") << QByteArray(R"({"activationId":"x"})");
        QJsonObject failed = full;
        failed.insert(QStringLiteral("response"),
                      QJsonObject{{QStringLiteral("status"), QStringLiteral("action developer error")},
                                  {QStringLiteral("success"), false}});
        failed.remove(QStringLiteral("logs"));
        QTest::newRow("no result, no logs") << QJsonDocument(failed).toJson();
        QJsonObject unknown = full;
        unknown.insert(QStringLiteral("zzz"), 1);
        unknown.insert(QStringLiteral("b"), QStringLiteral("between"));
        QTest::newRow("unknown fields") << QJsonDocument(unknown).toJson();
        // Doubles that hold whole numbers, and -0: Qt writes 1e+05 and -0, not 100000 and 0.
        QTest::newRow("whole doubles") << QByteArray(
            R"({"activationId":"x","annotations":[{"key":"a","value":1e5},{"key":"b","value":-0.0},{"key":"c","value":100000},{"key":"d","value":2.0}],"response":{"status":"success","result":{"n":1e5}}})");
    }
    void compactJsonOfUnusualValues()
    {
        // A lone surrogate (no JSON text can carry one in; code can) and an undefined value.
        Activation activation;
        activation.activationId = QStringLiteral("lone ") + QChar(0xd800) + QStringLiteral(" high");
        activation.name = QString(QChar(0xdc00));
        KeyValueList annotations;
        annotations.set(QStringLiteral("gone"), QJsonValue(QJsonValue::Undefined));
        annotations.set(QStringLiteral("kept"), 1);
        activation.annotations = annotations;
        QCOMPARE(activation.toCompactJson(), QJsonDocument(activation.toJson()).toJson(QJsonDocument::Compact));
    }
    void compactJsonIsWhatQJsonDocumentWrites()
    {
        QFETCH(QByteArray, source);
        const auto activation = Activation::fromJson(QJsonDocument::fromJson(source).object());
        QVERIFY(activation);
        const QByteArray expected = QJsonDocument(activation->toJson()).toJson(QJsonDocument::Compact);
        QCOMPARE(activation->toCompactJson(), expected);
    }
    void actionRoundTripKeepsEveryFieldIncludingUnknownOnes()
    {
        const QJsonObject original = parse(R"({
            "namespace": "guest", "name": "hello", "version": "0.0.3", "publish": false,
            "exec": {"kind": "nodejs:20", "code": "function main(p){return p}", "main": "main", "binary": false,
                     "futureExecField": [1, 2]},
            "parameters": [{"key": "name", "value": "world"}, {"key": "secret", "value": "x", "init": true}],
            "annotations": [{"key": "web-export", "value": true}, {"key": "exec", "value": "nodejs:20"}],
            "limits": {"timeout": 60000, "memory": 256, "logs": 10, "concurrency": 1, "instances": 30,
                       "cpu": 0.25, "gpu": 1},
            "updated": 1700000000000,
            "somethingNew": {"nested": true}
        })");
        const auto action = Action::fromJson(original);
        QVERIFY(action.ok());
        QCOMPARE(action->name, QStringLiteral("hello"));
        QCOMPARE(action->limits->cpu, 0.25);
        QCOMPARE(action->limits->memoryMb, 256);
        QCOMPARE(action->parameters->value(QStringLiteral("name")).toString(), QStringLiteral("world"));
        QCOMPARE(action->toJson(), original);
    }

    void actionWithWrongTypesIsRejectedWithTheFieldName()
    {
        const auto action = Action::fromJson(parse(R"({"name": "a", "limits": {"memory": "lots"}})"));
        QVERIFY(!action.ok());
        QCOMPARE(action.error().kind, PlatformError::Kind::Invalid);
        QVERIFY2(action.error().message.contains(QLatin1String("'memory'")), qPrintable(action.error().message));
    }

    void fractionalMemoryIsNotAWholeNumber()
    {
        QVERIFY(!ActionLimits::fromJson(parse(R"({"memory": 128.5})")).ok());
        QVERIFY(ActionLimits::fromJson(parse(R"({"cpu": 0.5})")).ok());
    }

    void parametersMustBeKeyValueObjects()
    {
        QVERIFY(!Action::fromJson(parse(R"({"parameters": [1, 2]})")).ok());
        QVERIFY(!Action::fromJson(parse(R"({"parameters": {"key": "a"}})")).ok());
    }

    void activationRoundTripKeepsEveryField()
    {
        const QJsonObject original = parse(R"({
            "namespace": "guest", "name": "hello", "version": "0.0.1", "publish": false, "subject": "guest",
            "activationId": "c7bb1339cb4f40e3a6ccead6c99f804e", "start": 1493327653767, "end": 1493327653769,
            "duration": 2,
            "response": {"status": "success", "success": true, "result": {"payload": "Hello John"}, "size": 22},
            "logs": ["2024-01-01T12:00:00.123456789Z  stdout: hello"],
            "annotations": [{"key": "path", "value": "guest/hello"}, {"key": "waitTime", "value": 66},
                            {"key": "limits", "value": {"memory": 256}}],
            "extension": 7
        })");
        const auto activation = Activation::fromJson(original);
        QVERIFY(activation.ok());
        QVERIFY(activation->succeeded());
        QCOMPARE(activation->annotation(QStringLiteral("waitTime")).toInt(), 66);
        QCOMPARE(activation->toJson(), original);
    }

    void activationWithoutIdIsRejected() { QVERIFY(!Activation::fromJson(parse(R"({"name": "x"})")).ok()); }

    void responseStatusTextsAreOpenWhisks()
    {
        ActivationResponse response;
        response.setStatus(ActivationStatus::DeveloperError);
        QCOMPARE(response.status, QStringLiteral("action developer error"));
        QCOMPARE(response.success, false);
        QCOMPARE(statusFromText(QStringLiteral("application error")), ActivationStatus::ApplicationError);
    }

    void entityNamesFollowOpenWhisksRule_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << QStringLiteral("hello") << true;
        QTest::newRow("inner space and dash") << QStringLiteral("my action-1") << true;
        QTest::newRow("single char") << QStringLiteral("a") << true;
        QTest::newRow("leading dash") << QStringLiteral("-a") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("trailing space") << QStringLiteral("a ") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("too long") << QString(257, QLatin1Char('a')) << false;
    }

    void entityNamesFollowOpenWhisksRule()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(!checkEntityName(name).has_value(), valid);
    }

    void base64CodeIsRecognisedAsBinary()
    {
        QVERIFY(Exec::looksLikeBase64(QStringLiteral("UEsDBAoAAAAAAA==")));
        QVERIFY(!Exec::looksLikeBase64(QStringLiteral("function main() {}")));
    }
};

QTEST_GUILESS_MAIN(TestCoreJson)
#include "TestCoreJson.moc"
