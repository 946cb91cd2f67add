// The JSON diff behind Compare: added / removed / changed paths, recursively, and the lines of
// the pretty-printed results that those paths cover.

#include "models/testing/CompareReport.h"
#include "models/testing/JsonDiff.h"
#include "models/testing/PrettyJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace funcdesk;

namespace {

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QStringList describe(const QList<JsonDifference> &differences)
{
    QStringList out;
    for (const JsonDifference &difference : differences) {
        const char *kind = difference.kind == JsonDifference::Kind::Added     ? "+"
                           : difference.kind == JsonDifference::Kind::Removed ? "-"
                                                                              : "~";
        out.append(QString::fromLatin1(kind) + difference.path);
    }
    return out;
}

} // namespace

class TestJsonDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equalDocumentsHaveNoDifferences()
    {
        QVERIFY(JsonDiff::compare(json(R"({"a": [1, {"b": null}], "c": "x"})"),
                                  json(R"({"c": "x", "a": [1, {"b": null}]})"))
                    .isEmpty());
    }

    void membersAddedRemovedAndChangedRecursively()
    {
        const auto differences = JsonDiff::compare(json(R"({"same": 1, "gone": true, "n": {"x": 1, "y": [1, 2, 3]}})"),
                                                   json(R"({"same": 1, "new": "v", "n": {"x": 2, "y": [1, 5]}})"));
        QCOMPARE(describe(differences),
                 (QStringList{QStringLiteral("-$.gone"), QStringLiteral("~$.n.x"), QStringLiteral("~$.n.y[1]"),
                              QStringLiteral("-$.n.y[2]"), QStringLiteral("+$.new")}));
    }

    void aChangedTypeIsOneChange()
    {
        QCOMPARE(describe(JsonDiff::compare(json(R"({"v": {"deep": 1}})"), json(R"({"v": [1]})"))),
                 QStringList{QStringLiteral("~$.v")});
        QCOMPARE(describe(JsonDiff::compare(QJsonValue(QJsonValue::Undefined), json("{}"))),
                 QStringList{QStringLiteral("~$")});
    }

    void awkwardKeysAreQuoted()
    {
        QCOMPARE(describe(JsonDiff::compare(json(R"({"a b": 1})"), json(R"({"a b": 2})"))),
                 QStringList{QStringLiteral("~$[\"a b\"]")});
        QVERIFY(JsonDiff::isWithin(QStringLiteral("$.a.b"), QStringLiteral("$.a")));
        QVERIFY(JsonDiff::isWithin(QStringLiteral("$.a[0]"), QStringLiteral("$.a")));
        QVERIFY(!JsonDiff::isWithin(QStringLiteral("$.ab"), QStringLiteral("$.a")));
        QVERIFY(JsonDiff::isWithin(QStringLiteral("$.x"), QStringLiteral("$")));
    }

    void prettyTextKnowsTheLinesOfEachPath()
    {
        const PrettyJson pretty = PrettyJson::render(json(R"({"a": 1, "list": [true, {"k": "v"}], "z": {}})"));
        QCOMPARE(pretty.text(), QStringLiteral("{\n"
                                               "  \"a\": 1,\n"
                                               "  \"list\": [\n"
                                               "    true,\n"
                                               "    {\n"
                                               "      \"k\": \"v\"\n"
                                               "    }\n"
                                               "  ],\n"
                                               "  \"z\": {}\n"
                                               "}"));
        QCOMPARE(pretty.linesWithin({QStringLiteral("$.a")}), QList<int>{1});
        QCOMPARE(pretty.linesWithin({QStringLiteral("$.list[1]")}), (QList<int>{4, 5, 6}));
        QCOMPARE(pretty.linesWithin({QStringLiteral("$.z"), QStringLiteral("$.list[0]")}), (QList<int>{3, 8}));
        QCOMPARE(pretty.linesWithin({QStringLiteral("$")}).size(), pretty.lineCount());
        QCOMPARE(PrettyJson::render(QJsonValue(QStringLiteral("plain"))).text(), QStringLiteral("\"plain\""));
        QVERIFY(PrettyJson::render(QJsonValue(QJsonValue::Undefined)).text().isEmpty());
    }

    void compareReportHighlightsEachSide()
    {
        Activation local;
        local.activationId = QStringLiteral("l");
        local.duration = 5;
        local.response = ActivationResponse();
        local.response->setStatus(ActivationStatus::Success);
        local.response->result = json(R"({"from": "local", "greeting": "Hello", "only": 1})");
        Activation remote = local;
        remote.response->result = json(R"({"from": "deployed", "greeting": "Hello", "version": 2})");
        const CostModel costs;
        const CompareReport report =
            CompareReport::make(RunReport::fromActivation(RunReport::Target::Local, local, costs),
                                RunReport::fromActivation(RunReport::Target::Platform, remote, costs));
        QCOMPARE(report.differenceTexts,
                 (QStringList{QStringLiteral("changed: $.from"), QStringLiteral("only locally: $.only"),
                              QStringLiteral("only on the platform: $.version")}));
        QCOMPARE(report.localLines, (QList<int>{1, 3}));    // "from" and "only"
        QCOMPARE(report.platformLines, (QList<int>{1, 3})); // "from" and "version"
        QCOMPARE(report.summary, QStringLiteral("3 difference(s)"));

        const CompareReport same =
            CompareReport::make(RunReport::fromActivation(RunReport::Target::Local, local, costs),
                                RunReport::fromActivation(RunReport::Target::Platform, local, costs));
        QVERIFY(same.identical());
        QVERIFY(same.localLines.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJsonDiff)
#include "TestJsonDiff.moc"
