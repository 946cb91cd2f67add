// Triggers, rules, packages and the platform's self-description read and written as OpenWhisk
// sends them, losslessly.

#include "core/ActivationId.h"
#include "core/NamespaceLimits.h"
#include "core/Package.h"
#include "core/PlatformInfo.h"
#include "core/Rule.h"
#include "core/Trigger.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace funcdesk;

namespace {
QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

class TestPlatformTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namespaceLimitsRoundTripAsOpenWhiskSendsThem()
    {
        // A stock OpenWhisk 2.0 controller's answer (Limits.scala fills in the system values).
        const QJsonObject original = parse(R"({"invocationsPerMinute": 60, "concurrentInvocations": 30,
            "firesPerMinute": 60, "allowedKinds": ["nodejs:20"], "maxParameterSize": "1 MB",
            "minActionMemory": 128, "maxActionMemory": 512, "minActionTimeout": 100, "maxActionTimeout": 300000,
            "minActionLogs": 0, "maxActionLogs": 10, "minActionConcurrency": 1, "maxActionConcurrency": 1,
            "somethingNew": 1})");
        const auto limits = NamespaceLimits::fromJson(original);
        QVERIFY(limits.ok());
        QCOMPARE(limits->concurrentInvocations, std::optional<qint64>(30));
        QCOMPARE(limits->allowedKinds, std::optional<QStringList>(QStringList{QStringLiteral("nodejs:20")}));
        QCOMPARE(limits->toJson(), original);
        QVERIFY(!NamespaceLimits::fromJson(parse(R"({"firesPerMinute": "many"})")).ok());
        QVERIFY(!NamespaceLimits::fromJson(parse(R"({"allowedKinds": [1]})")).ok());
    }

    void namespaceLimitsFromTheSystemsLimits()
    {
        SystemLimits system;
        system.memoryMb = {128, 4096, 256};
        system.invocationsPerMinute = 1000;
        system.concurrentInvocations = 7;
        system.firesPerMinute = 9;
        const NamespaceLimits limits = NamespaceLimits::fromSystem(system);
        QCOMPARE(limits.maxActionMemory, std::optional<qint64>(4096));
        QCOMPARE(limits.invocationsPerMinute, std::optional<qint64>(1000));
        QCOMPARE(limits.concurrentInvocations, std::optional<qint64>(7));
        QCOMPARE(limits.firesPerMinute, std::optional<qint64>(9));
        QCOMPARE(limits.maxParameterSize, std::optional<QString>(QStringLiteral("1 MB")));
        QVERIFY(!limits.allowedKinds); // every kind
    }

    void controllerRootCarriesTheRateLimits()
    {
        PlatformInfo info;
        info.limits.invocationsPerMinute = 1200;
        info.limits.concurrentInvocations = 40;
        info.limits.firesPerMinute = 90;
        const QJsonObject json = info.toJson();
        const QJsonObject limits = json.value(QLatin1StringView("limits")).toObject();
        QCOMPARE(limits.value(QLatin1StringView("actions_per_minute")).toInt(), 1200);
        QCOMPARE(limits.value(QLatin1StringView("concurrent_actions")).toInt(), 40);
        QCOMPARE(limits.value(QLatin1StringView("triggers_per_minute")).toInt(), 90);
        const auto back = PlatformInfo::fromJson(json);
        QVERIFY(back.ok());
        QCOMPARE(back->limits.invocationsPerMinute, 1200);
        QCOMPARE(back->limits.concurrentInvocations, 40);
        QCOMPARE(back->limits.firesPerMinute, 90);
    }

    void triggerRoundTripKeepsRulesAndUnknownFields()
    {
        const QJsonObject original = parse(R"({"namespace": "guest", "name": "periodic", "version": "0.0.2",
            "publish": false, "parameters": [{"key": "a", "value": 1}],
            "annotations": [{"key": "feed", "value": "/whisk.system/alarms/alarm"}], "limits": {},
            "rules": {"guest/r": {"action": {"path": "guest", "name": "hello"}, "status": "active"}},
            "updated": 1700000000000, "future": [true]})");
        const auto trigger = Trigger::fromJson(original);
        QVERIFY(trigger.ok());
        QCOMPARE(trigger->feed(), QStringLiteral("/whisk.system/alarms/alarm"));
        QCOMPARE(trigger->toJson(), original);
    }

    void ruleReadsEntityNamesInBothForms()
    {
        const auto put = Rule::fromJson(parse(R"({"trigger": "/_/events", "action": "hello", "status": ""})"));
        QVERIFY(put.ok());
        QCOMPARE(put->trigger->path, QStringLiteral("_"));
        QCOMPARE(put->trigger->name, QStringLiteral("events"));
        QCOMPARE(put->action->path, QStringLiteral("_"));
        QCOMPARE(put->toJson().value(QLatin1StringView("trigger")).toString(), QStringLiteral("/_/events"));

        const QJsonObject stored = parse(R"({"namespace": "guest", "name": "r", "version": "0.0.1", "status": "active",
            "trigger": {"path": "guest", "name": "events"}, "action": {"path": "guest/pkg", "name": "hello"}})");
        const auto rule = Rule::fromJson(stored);
        QVERIFY(rule.ok());
        QVERIFY(rule->isActive());
        QCOMPARE(rule->action->fullyQualified(), QStringLiteral("/guest/pkg/hello"));
        QCOMPARE(rule->toJson(), stored);

        const auto bad = Rule::fromJson(parse(R"({"trigger": 5})"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, PlatformError::Kind::Invalid);
        QVERIFY(!Rule::fromJson(parse(R"({"action": "a/b/c"})")).ok());
    }

    void packageBindingIsFalseOrAnObject()
    {
        const QJsonObject original = parse(R"({"namespace": "whisk.system", "name": "alarms", "binding": false,
            "actions": [{"name": "alarm", "version": "0.0.1"}], "feeds": []})");
        const auto package = Package::fromJson(original);
        QVERIFY(package.ok());
        QCOMPARE(package->toJson(), original);
        QVERIFY(!Package::fromJson(parse(R"({"binding": "alarms"})")).ok());
    }

    void platformInfoRoundTripsFuncdeskLimits()
    {
        PlatformInfo info;
        info.limits.memoryMb = {128, 2048, 256};
        info.limits.concurrency = {1, 100, 1};
        info.limits.cpu = {0.05, 2.0, 0.25};
        info.cpuLimits = true;
        info.enforcement = QStringLiteral("cgroup-v1");
        info.runtimes = {{QStringLiteral("nodejs"), QStringLiteral("nodejs:20"), true, false},
                         {QStringLiteral("python"), QStringLiteral("python:3.11"), true, false}};
        const QJsonObject json = info.toJson();
        // Stock OpenWhisk keys, in OpenWhisk's units.
        QCOMPARE(json.value(QLatin1StringView("limits"))
                     .toObject()
                     .value(QLatin1StringView("max_action_memory"))
                     .toInteger(),
                 2048LL * 1024 * 1024);
        const auto back = PlatformInfo::fromJson(json);
        QVERIFY(back.ok());
        QCOMPARE(back->limits.memoryMb.max, 2048);
        QCOMPARE(back->limits.concurrency.max, 100);
        QCOMPARE(back->limits.cpu.max, 2.0);
        QVERIFY(back->cpuLimits);
        QCOMPARE(back->runtimes, info.runtimes);
        QCOMPARE(back->kinds(), (QStringList{QStringLiteral("nodejs:20"), QStringLiteral("nodejs:default"),
                                             QStringLiteral("python:3.11"), QStringLiteral("python:default")}));
    }

    void platformInfoRoundTripsTheSandboxAndStorageRanges()
    {
        PlatformInfo info;
        info.sandbox = QStringLiteral("bubblewrap");
        info.storageLimits = true;
        info.limits.storageMb = {1024, 4096, 2048};
        info.limits.minInstances = {0, 4, 1};
        const QJsonObject json = info.toJson();
        const QJsonObject funcdesk = json.value(QLatin1StringView("funcdesk")).toObject();
        QCOMPARE(funcdesk.value(QLatin1StringView("sandbox")).toString(), QStringLiteral("bubblewrap"));
        QVERIFY(funcdesk.value(QLatin1StringView("storageLimits")).toBool());
        const auto back = PlatformInfo::fromJson(json);
        QVERIFY(back.ok());
        QCOMPARE(back->sandbox, QStringLiteral("bubblewrap"));
        QVERIFY(back->storageLimits);
        QCOMPARE(back->limits.storageMb.min, 1024);
        QCOMPARE(back->limits.storageMb.max, 4096);
        QCOMPARE(back->limits.storageMb.defaultValue, 2048);
        QCOMPARE(back->limits.minInstances.max, 4);
        QCOMPARE(back->limits.minInstances.defaultValue, 1);

        info.sandbox = QStringLiteral("none"); // runs, but not isolated: said, not hidden
        const auto unsandboxed = PlatformInfo::fromJson(info.toJson());
        QVERIFY(unsandboxed.ok());
        QCOMPARE(unsandboxed->sandbox, QStringLiteral("none"));
    }

    void stockOpenWhiskRootHasNoCpuLimits()
    {
        const auto info = PlatformInfo::fromJson(parse(R"({"description": "OpenWhisk",
            "limits": {"max_action_memory": 536870912, "min_action_memory": 134217728, "max_action_duration": 300000},
            "runtimes": {"nodejs": [{"kind": "nodejs:20", "default": true}, {"kind": "nodejs:18", "default": false}]}})"));
        QVERIFY(info.ok());
        QVERIFY(!info->cpuLimits);
        QVERIFY(!info->storageLimits); // the console hides storage, network and minimum instances
        QVERIFY(info->sandbox.isEmpty());
        QCOMPARE(info->limits.memoryMb.max, 512);
        QCOMPARE(info->runtimes.size(), 2);
        QVERIFY(!PlatformInfo::fromJson(parse(R"({"runtimes": []})")).ok());
    }

    void activationIdsAreHexAndSortByCreationTime()
    {
        const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
        QSet<QString> seen;
        QString previous;
        for (int i = 0; i < 20000; ++i) {
            const QString id = newActivationId();
            QVERIFY2(hex.match(id).hasMatch(), qPrintable(id));
            QVERIFY2(!seen.contains(id), qPrintable(id));
            seen.insert(id);
            // Ids of different milliseconds compare as their times do (random order within one).
            if (!previous.isEmpty() && id.left(12) != previous.left(12))
                QVERIFY2(id > previous, qPrintable(previous + QLatin1String(" then ") + id));
            previous = id;
        }
        const qint64 stamp = previous.left(12).toLongLong(nullptr, 16);
        QVERIFY(qAbs(stamp - QDateTime::currentMSecsSinceEpoch()) < 60000);
    }
};

QTEST_GUILESS_MAIN(TestPlatformTypes)
#include "TestPlatformTypes.moc"
