// The fields every entity document has (namespace, name, version, publish, parameters,
// annotations, updated) are read and written by one reader and one writer, the same way for
// actions, packages, triggers and rules.

#include "core/Action.h"
#include "core/EntityFields.h"
#include "core/Package.h"
#include "core/Rule.h"
#include "core/Trigger.h"

#include <QJsonDocument>
#include <QTest>

using namespace funcdesk;

namespace {
QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

const char *const kCommon = R"({"namespace": "guest", "name": "n", "version": "0.0.4", "publish": true,
    "parameters": [{"key": "p", "value": 1}], "annotations": [{"key": "a", "value": "x"}],
    "updated": 1700000000000, "unknown": [1]})";

template <typename Entity> void checkCommonFields(const Entity &entity)
{
    QCOMPARE(entity.ns, QStringLiteral("guest"));
    QCOMPARE(entity.name, QStringLiteral("n"));
    QCOMPARE(entity.version, QStringLiteral("0.0.4"));
    QCOMPARE(entity.publish, true);
    QCOMPARE(entity.annotations->value(QStringLiteral("a")).toString(), QStringLiteral("x"));
    QCOMPARE(entity.updated, 1700000000000LL);
    QCOMPARE(entity.extra.value(QLatin1StringView("unknown")), QJsonValue(QJsonArray{1}));
}
} // namespace

class TestEntityFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKindReadsAndWritesTheCommonFieldsAlike()
    {
        const QJsonObject original = parse(kCommon);
        const auto action = Action::fromJson(original);
        const auto package = Package::fromJson(original);
        const auto trigger = Trigger::fromJson(original);
        QVERIFY(action && package && trigger);
        checkCommonFields(*action);
        checkCommonFields(*package);
        checkCommonFields(*trigger);
        QCOMPARE(action->parameters->value(QStringLiteral("p")), QJsonValue(1));
        QCOMPARE(package->parameters->value(QStringLiteral("p")), QJsonValue(1));
        QCOMPARE(trigger->parameters->value(QStringLiteral("p")), QJsonValue(1));
        QCOMPARE(action->toJson(), original);
        QCOMPARE(package->toJson(), original);
        QCOMPARE(trigger->toJson(), original);
    }

    void aRulesParametersAreNotItsOwnAndTravelUnread()
    {
        const QJsonObject original = parse(kCommon);
        const auto rule = Rule::fromJson(original);
        QVERIFY(rule);
        checkCommonFields(*rule);
        QCOMPARE(rule->extra.value(QLatin1StringView("parameters")), original.value(QLatin1StringView("parameters")));
        QCOMPARE(rule->toJson(), original);
    }

    void onlyTheFieldsThatAreSetAreWritten()
    {
        Trigger trigger;
        trigger.name = QStringLiteral("t");
        QJsonObject object;
        writeEntityFields(object, trigger);
        QCOMPARE(object, QJsonObject({{QStringLiteral("name"), QStringLiteral("t")}}));
    }

    // The first malformed field in reading order is the one reported, for every kind: namespace,
    // name, version, publish, parameters, annotations, updated, then the kind's own fields.
    void theFirstMalformedCommonFieldIsReported()
    {
        const QJsonObject bad = parse(R"({"name": 5, "parameters": [1], "updated": "soon", "limits": 1})");
        const QList<PlatformError> errors{Action::fromJson(bad).error(), Package::fromJson(bad).error(),
                                          Trigger::fromJson(bad).error(), Rule::fromJson(bad).error()};
        for (const PlatformError &error : errors) {
            QCOMPARE(error.kind, PlatformError::Kind::Invalid);
            QVERIFY2(error.message.contains(QLatin1StringView("'name'")), qPrintable(error.message));
        }
        const auto late = Action::fromJson(parse(R"({"limits": 1, "updated": "soon"})"));
        QVERIFY(!late);
        QVERIFY2(late.error().message.contains(QLatin1StringView("'updated'")), qPrintable(late.error().message));
    }
};

QTEST_GUILESS_MAIN(TestEntityFields)
#include "TestEntityFields.moc"
