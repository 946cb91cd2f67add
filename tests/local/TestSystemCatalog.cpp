// The whisk.system catalog on the local engine: its published packages read from any namespace,
// built-in actions run in-process and recorded like any activation, the utils actions run by the
// executor from another namespace, writes refused, and rules that point into the catalog.

#include "platforms/local/LocalEngine.h"
#include "platforms/local/SystemCatalog.h"
#include "support/Futures.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kNs = QStringLiteral("guest");

// A built-in that answers what it was called with, or fails when asked to.
class Probe final : public BuiltinAction
{
public:
    std::atomic_int calls = 0;
    Result<QJsonObject> run(const BuiltinCall &call) override
    {
        ++calls;
        if (call.params.value(QLatin1StringView("fail")).toBool())
            return PlatformError{PlatformError::Kind::Invalid, QStringLiteral("asked to fail")};
        return QJsonObject{{QStringLiteral("ns"), call.ns},
                           {QStringLiteral("action"), call.action},
                           {QStringLiteral("activationId"), call.activationId},
                           {QStringLiteral("params"), call.params}};
    }
};

QStringList namesIn(const QJsonArray &entries)
{
    QStringList names;
    for (const QJsonValue &entry : entries)
        names.append(entry.toObject().value(QLatin1StringView("name")).toString());
    names.sort();
    return names;
}

QJsonObject logLine(const QString &line)
{
    return QJsonDocument::fromJson(line.toUtf8()).object();
}

} // namespace

class TestSystemCatalog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<LocalEngine> engine;
    std::shared_ptr<Probe> probe;

    Activation recorded(const QString &activationId)
    {
        engine->flush();
        return take(engine->getActivation(kNs, activationId));
    }

private Q_SLOTS:
    void init()
    {
        dir = std::make_unique<QTemporaryDir>();
        LocalConfig config;
        config.dataDir = dir->path();
        config.executor.stemCellsPerRuntime = 0;
        auto opened = LocalEngine::open(config);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        engine = std::move(opened).value();
        probe = std::make_shared<Probe>();
        engine->systemCatalog().add({QStringLiteral("alarms"),
                                     QStringLiteral("probe"),
                                     {{QStringLiteral("feed"), true, {}}},
                                     {{QStringLiteral("fixed"), 7, {}}},
                                     probe});
    }
    void cleanup() { engine.reset(); }

    void everyNamespaceReadsThePublishedPackages()
    {
        const QList<Package> packages = take(engine->listPackages(SystemCatalog::ns(), {}));
        QStringList names;
        for (const Package &package : packages) {
            QVERIFY(package.publish.value_or(false));
            names.append(package.name.value_or(QString()));
        }
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("alarms"), QStringLiteral("apimgmt"), QStringLiteral("storage"),
                                     QStringLiteral("utils")}));
        QVERIFY(engine->isPublicPackage(SystemCatalog::ns(), QStringLiteral("utils")));
        QVERIFY(!engine->isPublicPackage(SystemCatalog::ns(), QStringLiteral("nope")));

        const Package utils = take(engine->getPackage(kNs, QStringLiteral("/whisk.system/utils")));
        QCOMPARE(namesIn(*utils.actions),
                 (QStringList{QStringLiteral("cat"), QStringLiteral("date"), QStringLiteral("echo"),
                              QStringLiteral("head"), QStringLiteral("sort"), QStringLiteral("split")}));
        QCOMPARE(utils.annotations->value(QStringLiteral("description")).toString(),
                 QStringLiteral("Building blocks that format and assemble data"));
        // Feeds are the actions annotated feed: true, listed apart.
        const Package alarms = take(engine->getPackage(kNs, QStringLiteral("/whisk.system/alarms")));
        QCOMPARE(namesIn(*alarms.feeds), (QStringList{QStringLiteral("alarm"), QStringLiteral("interval"),
                                                      QStringLiteral("once"), QStringLiteral("probe")}));
        QVERIFY(alarms.actions->isEmpty());
        QCOMPARE(failure(engine->getPackage(kNs, QStringLiteral("/whisk.system/nope"))).kind,
                 PlatformError::Kind::Auth);
    }

    void aBuiltinShowsAsSuchAndNotItsCode()
    {
        const Action action = take(engine->getAction(kNs, QStringLiteral("/whisk.system/alarms/probe")));
        QCOMPARE(action.exec->kind, SystemCatalog::builtinKind());
        QVERIFY(!action.exec->code);
        QCOMPARE(action.ns.value_or(QString()), QStringLiteral("whisk.system/alarms"));
        QCOMPARE(action.name.value_or(QString()), QStringLiteral("probe"));
        QVERIFY(action.annotations->value(QStringLiteral("feed")).toBool());
        const Action echo = take(engine->getAction(kNs, QStringLiteral("/whisk.system/utils/echo")));
        QVERIFY(echo.exec->kind.startsWith(QLatin1StringView("nodejs:")));
        QVERIFY(echo.exec->code->contains(QLatin1StringView("function main")));
    }

    void aBlockingBuiltinIsRecordedInTheCallersNamespace()
    {
        InvokeOptions blocking;
        blocking.blocking = true;
        const InvokeOutcome outcome = take(engine->invokeAction(kNs, QStringLiteral("/whisk.system/alarms/probe"),
                                                                {{QStringLiteral("x"), 1}}, blocking));
        QVERIFY(outcome.activation);
        const Activation &activation = *outcome.activation;
        QVERIFY(activation.succeeded());
        const QJsonObject result = activation.response->result.toObject();
        QCOMPARE(result.value(QLatin1StringView("ns")).toString(), kNs);
        QCOMPARE(result.value(QLatin1StringView("action")).toString(), QStringLiteral("alarms/probe"));
        QCOMPARE(result.value(QLatin1StringView("activationId")).toString(), outcome.activationId);
        QCOMPARE(result.value(QLatin1StringView("params")).toObject(),
                 (QJsonObject{{QStringLiteral("fixed"), 7}, {QStringLiteral("x"), 1}}));

        const Activation stored = recorded(outcome.activationId);
        QCOMPARE(stored.ns.value_or(QString()), kNs);
        QCOMPARE(stored.name.value_or(QString()), QStringLiteral("probe"));
        QCOMPARE(stored.annotation(QStringLiteral("path")).toString(), QStringLiteral("whisk.system/alarms/probe"));
        QCOMPARE(stored.annotation(QStringLiteral("kind")).toString(), SystemCatalog::builtinKind());
        QVERIFY(stored.logs && stored.logs->isEmpty());
        QVERIFY(stored.end.value_or(0) >= stored.start.value_or(1));
    }

    void aNonBlockingBuiltinRunsOnAWorkerAndIsRecorded()
    {
        InvokeOptions nonBlocking;
        nonBlocking.blocking = false;
        const InvokeOutcome outcome =
            take(engine->invokeAction(kNs, QStringLiteral("/whisk.system/alarms/probe"), {}, nonBlocking));
        QVERIFY(!outcome.activation); // answered with the id at once
        QTRY_COMPARE_WITH_TIMEOUT(probe->calls.load(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT((engine->flush(), engine->getActivation(kNs, outcome.activationId).result().ok()),
                                 10000);
    }

    void aFailingBuiltinIsAnApplicationError()
    {
        InvokeOptions blocking;
        blocking.blocking = true;
        const InvokeOutcome outcome = take(engine->invokeAction(kNs, QStringLiteral("/whisk.system/alarms/probe"),
                                                                {{QStringLiteral("fail"), true}}, blocking));
        QCOMPARE(outcome.activation->response->statusValue(), ActivationStatus::ApplicationError);
        QCOMPARE(outcome.activation->response->result.toObject(),
                 (QJsonObject{{QStringLiteral("error"), QStringLiteral("asked to fail")}}));
    }

    void utilsEchoRunsFromAnotherNamespace()
    {
        InvokeOptions blocking;
        blocking.blocking = true;
        const QJsonObject params{{QStringLiteral("payload"), QStringLiteral("Five fuzzy felines")}};
        const InvokeOutcome outcome =
            take(engine->invokeAction(kNs, QStringLiteral("/whisk.system/utils/echo"), params, blocking));
        QVERIFY(outcome.activation && outcome.activation->succeeded());
        QCOMPARE(outcome.activation->response->result.toObject(), params);
        QCOMPARE(outcome.activation->ns.value_or(QString()), kNs);
        QCOMPARE(outcome.activation->name.value_or(QString()), QStringLiteral("echo"));
        QCOMPARE(outcome.activation->annotation(QStringLiteral("path")).toString(),
                 QStringLiteral("whisk.system/utils/echo"));
    }

    void theCatalogCannotBeWrittenOrSignedInto()
    {
        Action action;
        action.exec = Exec::withCode(QStringLiteral("nodejs:default"), QStringLiteral("function main(){}"));
        const PlatformError refused =
            failure(engine->putAction(SystemCatalog::ns(), QStringLiteral("utils/echo"), action, {true, {}}));
        QCOMPARE(refused.kind, PlatformError::Kind::Auth);
        QCOMPARE(refused.message,
                 QStringLiteral("The supplied authentication is not authorized to access 'whisk.system/utils/echo'."));
        QCOMPARE(failure(engine->deleteAction(SystemCatalog::ns(), QStringLiteral("utils/echo"))).kind,
                 PlatformError::Kind::Auth);
        QCOMPARE(failure(engine->putTrigger(SystemCatalog::ns(), QStringLiteral("t"), Trigger(), {})).kind,
                 PlatformError::Kind::Auth);
        QVERIFY(!engine->ensureNamespace(SystemCatalog::ns()).ok());
        QVERIFY(take(engine->getAction(kNs, QStringLiteral("/whisk.system/utils/echo"))).exec->code);
    }

    void anotherNamespacesActionOutsideAPublishedPackageIsOutOfReach()
    {
        Action action;
        action.exec = Exec::withCode(QStringLiteral("nodejs:default"), QStringLiteral("function main(){return {}}"));
        take(engine->putAction(QStringLiteral("team"), QStringLiteral("secret"), action, {}));
        QCOMPARE(failure(engine->invokeAction(kNs, QStringLiteral("/team/secret"), {}, {})).kind,
                 PlatformError::Kind::Auth);
        QCOMPARE(failure(engine->getAction(kNs, QStringLiteral("/team/secret"))).kind, PlatformError::Kind::Auth);
        // Its own namespace names it either way.
        QVERIFY(take(engine->getAction(QStringLiteral("team"), QStringLiteral("/_/secret"))).exec);
    }

    void aTriggerFansOutToTheCatalogAndLogsEveryRuleAsOpenWhisk()
    {
        Action own;
        own.exec = Exec::withCode(QStringLiteral("nodejs:default"), QStringLiteral("function main(p){return p}"));
        take(engine->putAction(kNs, QStringLiteral("mine"), own, {}));
        Trigger trigger;
        trigger.parameters = KeyValueList{{QStringLiteral("fromTrigger"), 1, {}}};
        take(engine->putTrigger(kNs, QStringLiteral("events"), trigger, {}));
        const auto ruleTo = [](const QString &action) {
            return Rule::fromJson(QJsonObject{{QStringLiteral("trigger"), QStringLiteral("/_/events")},
                                              {QStringLiteral("action"), action}})
                .value();
        };
        const Rule echo = take(
            engine->putRule(kNs, QStringLiteral("a-echo"), ruleTo(QStringLiteral("/whisk.system/utils/echo")), {}));
        QCOMPARE(echo.action->path, QStringLiteral("whisk.system/utils"));
        QCOMPARE(echo.action->name, QStringLiteral("echo"));
        take(engine->putRule(kNs, QStringLiteral("b-mine"), ruleTo(QStringLiteral("mine")), {}));
        take(engine->putRule(kNs, QStringLiteral("c-off"), ruleTo(QStringLiteral("mine")), {}));
        take(engine->setRuleActive(kNs, QStringLiteral("c-off"), false));
        QCOMPARE(failure(engine->putRule(kNs, QStringLiteral("d-bad"),
                                         ruleTo(QStringLiteral("/whisk.system/utils/nope")), {}))
                     .message,
                 QStringLiteral("The action '/whisk.system/utils/nope' does not exist."));

        const QJsonObject payload{{QStringLiteral("payload"), QStringLiteral("hi")}};
        const auto fired = take(engine->fireTrigger(kNs, QStringLiteral("events"), payload));
        QVERIFY(fired);
        const Activation record = recorded(*fired);
        QCOMPARE(record.response->result.toObject(), payload); // what was posted, as OpenWhisk records it
        QCOMPARE(record.logs->size(), 3);
        const QJsonObject first = logLine(record.logs->at(0));
        QCOMPARE(first.value(QLatin1StringView("rule")).toString(), QStringLiteral("guest/a-echo"));
        QCOMPARE(first.value(QLatin1StringView("action")).toString(), QStringLiteral("whisk.system/utils/echo"));
        QCOMPARE(first.value(QLatin1StringView("statusCode")).toInt(-1), 0);
        QCOMPARE(first.value(QLatin1StringView("success")).toBool(), true);
        const QJsonObject second = logLine(record.logs->at(1));
        QCOMPARE(second.value(QLatin1StringView("action")).toString(), QStringLiteral("guest/mine"));
        QVERIFY(second.value(QLatin1StringView("success")).toBool());
        const QJsonObject third = logLine(record.logs->at(2));
        QCOMPARE(
            third,
            (QJsonObject{{QStringLiteral("rule"), QStringLiteral("guest/c-off")},
                         {QStringLiteral("action"), QStringLiteral("guest/mine")},
                         {QStringLiteral("statusCode"), 1},
                         {QStringLiteral("success"), false},
                         {QStringLiteral("error"),
                          QStringLiteral("Rule 'guest/c-off' is inactive, action 'guest/mine' was not activated.")}}));

        const QString echoId = first.value(QLatin1StringView("activationId")).toString();
        QTRY_VERIFY_WITH_TIMEOUT((engine->flush(), engine->getActivation(kNs, echoId).result().ok()), 30000);
        const Activation ran = engine->getActivation(kNs, echoId).result().value();
        QCOMPARE(ran.cause.value_or(QString()), *fired);
        QCOMPARE(ran.annotation(QStringLiteral("path")).toString(), QStringLiteral("whisk.system/utils/echo"));
        QCOMPARE(ran.response->result.toObject(),
                 (QJsonObject{{QStringLiteral("fromTrigger"), 1}, {QStringLiteral("payload"), QStringLiteral("hi")}}));
    }
};

QTEST_GUILESS_MAIN(TestSystemCatalog)
#include "TestSystemCatalog.moc"
