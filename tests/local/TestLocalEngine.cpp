// The local platform as a whole: actions with versions, invoke in every mode, triggers and
// rules, activations, namespaces and keys, and everything still there after a restart.

#include "platforms/local/LocalEngine.h"
#include "platforms/local/LocalPlatform.h"
#include "support/Futures.h"

#include <QDir>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

Action nodeAction(const QString &code, std::optional<qint64> memory = {})
{
    Action action;
    action.exec = Exec::withCode(QStringLiteral("nodejs:default"), code);
    if (memory) {
        action.limits = ActionLimits();
        action.limits->memoryMb = memory;
    }
    return action;
}

const QString kNs = QStringLiteral("guest");

} // namespace

class TestLocalEngine : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<LocalEngine> engine;

    void open()
    {
        LocalConfig config;
        config.dataDir = dir->path();
        config.executor.stemCellsPerRuntime = 0;
        auto opened = LocalEngine::open(config);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        engine = std::move(opened).value();
    }

private Q_SLOTS:
    void init()
    {
        dir = std::make_unique<QTemporaryDir>(); // each test starts on an empty platform
        open();
    }
    void cleanup() { engine.reset(); }

    void updateBumpsVersionAndKeepsHistory()
    {
        const QString name = QStringLiteral("versions");
        const Action created =
            take(engine->putAction(kNs, name, nodeAction(QStringLiteral("function main(){return {v:1}}")), {}));
        QCOMPARE(created.version.value(), QStringLiteral("0.0.1"));
        QVERIFY2(created.exec->kind.startsWith(QLatin1StringView("nodejs:")) &&
                     created.exec->kind != QLatin1StringView("nodejs:default"),
                 qPrintable(created.exec->kind));
        QCOMPARE(failure(engine->putAction(kNs, name, nodeAction(QStringLiteral("x")), {})).kind,
                 PlatformError::Kind::Conflict);
        const Action updated =
            take(engine->putAction(kNs, name, nodeAction(QStringLiteral("function main(){return {v:2}}")), {true, {}}));
        QCOMPARE(updated.version.value(), QStringLiteral("0.0.2"));
        const InvokeOutcome ran = take(engine->invokeAction(kNs, name, {}, {}));
        QVERIFY(ran.activation);
        QCOMPARE(ran.activation->response->result.toObject().value(QLatin1StringView("v")).toInt(),
                 2); // never the stale version
        QCOMPARE(take(engine->actionVersions(kNs, name)).size(), 2);
        QCOMPARE(take(engine->count(kNs, Collection::Actions)), 1);
        QVERIFY(!take(engine->listActions(kNs, {})).first().exec->code);
        QVERIFY(!take(engine->getAction(kNs, name, false)).exec->code);
        take(engine->deleteAction(kNs, name));
        QCOMPARE(failure(engine->getAction(kNs, name)).kind, PlatformError::Kind::NotFound);
    }

    void createFillsTheLimitsLeftOutWithTheDefaultsButNotCpu()
    {
        const QString name = QStringLiteral("defaults");
        const Action created =
            take(engine->putAction(kNs, name, nodeAction(QStringLiteral("function main(){return {}}"), 512), {}));
        const SystemLimits &limits = engine->config().limits;
        QCOMPARE(created.limits->memoryMb.value(), 512);
        QCOMPARE(created.limits->timeoutMs.value(), limits.timeoutMs.defaultValue);
        QCOMPARE(created.limits->logsMb.value(), limits.logsMb.defaultValue);
        QCOMPARE(created.limits->concurrency.value(), limits.concurrency.defaultValue);
        QVERIFY(!created.limits->cpu); // it follows memory
        QCOMPARE(take(engine->getAction(kNs, name)).limits, created.limits);

        // An update merges field by field and keeps what it does not name.
        Action update = nodeAction(QStringLiteral("function main(){return {}}"));
        update.limits = ActionLimits();
        update.limits->timeoutMs = 1000;
        const Action updated = take(engine->putAction(kNs, name, update, {true, {}}));
        QCOMPARE(updated.limits->timeoutMs.value(), 1000);
        QCOMPARE(updated.limits->memoryMb.value(), 512);
        QCOMPARE(updated.limits->logsMb.value(), limits.logsMb.defaultValue);
    }

    void badInputIsRejectedAndNothingIsLost()
    {
        const QString name = QStringLiteral("kept");
        take(engine->putAction(kNs, name, nodeAction(QStringLiteral("function main(){return {}}")), {}));
        PlatformError error = failure(engine->putAction(kNs, name, nodeAction(QStringLiteral("x"), 4096), {true, {}}));
        QCOMPARE(error.kind, PlatformError::Kind::Invalid);
        QCOMPARE(error.message, QStringLiteral("memory size 4096 MB exceeds allowed threshold of 2048 MB"));
        Action badKind = nodeAction(QStringLiteral("x"));
        badKind.exec->kind = QStringLiteral("cobol:85");
        error = failure(engine->putAction(kNs, name, badKind, {true, {}}));
        QVERIFY2(error.message.contains(QLatin1StringView("is not supported")), qPrintable(error.message));
        QCOMPARE(failure(engine->putAction(kNs, QStringLiteral(" bad"), nodeAction(QStringLiteral("x")), {})).kind,
                 PlatformError::Kind::Invalid);
        QCOMPARE(failure(engine->invokeAction(kNs, QStringLiteral("missing"), {}, {})).kind,
                 PlatformError::Kind::NotFound);
        QJsonObject big{{QStringLiteral("blob"), QString(1100 * 1024, QLatin1Char('x'))}};
        error = failure(engine->invokeAction(kNs, name, big, {}));
        QCOMPARE(error.kind, PlatformError::Kind::TooLarge);
        QVERIFY(error.message.startsWith(QLatin1StringView("Request larger than allowed: ")));
        QCOMPARE(take(engine->getAction(kNs, name)).version.value(), QStringLiteral("0.0.1"));
    }

    void blockingInvokeAnswersWithTheIdWhenTheWaitRunsOut()
    {
        const QString name = QStringLiteral("slow");
        take(engine->putAction(kNs, name,
                               nodeAction(QStringLiteral(
                                   "function main(){return new Promise(r => setTimeout(() => r({done:true}), 1500))}")),
                               {}));
        InvokeOptions options;
        options.timeoutMs = 200;
        const InvokeOutcome early = take(engine->invokeAction(kNs, name, {}, options));
        QVERIFY(!early.finished());
        QCOMPARE(early.activationId.size(), 32);
        QCOMPARE(failure(engine->getActivation(kNs, early.activationId)).kind, PlatformError::Kind::NotFound);
        QTRY_VERIFY_WITH_TIMEOUT(engine->getActivation(kNs, early.activationId).result().ok(), 10000);
        const Activation later = engine->getActivation(kNs, early.activationId).result().value();
        QVERIFY(later.succeeded());
        QCOMPARE(failure(engine->invokeAction(kNs, name, {}, InvokeOptions{true, false, 70000})).message,
                 QStringLiteral("Timeout must be number of milliseconds up to 60000."));
    }

    void nonBlockingInvokeIsRecordedAndStreamed()
    {
        const QString name = QStringLiteral("quick");
        take(engine->putAction(kNs, name, nodeAction(QStringLiteral("function main(p){return {echo:p.x}}")), {}));
        LocalPlatform platform(engine.get(), kNs);
        platform.setLiveActivations(true);
        QSignalSpy arrived(&platform, &Platform::activationsArrived);
        const InvokeOutcome outcome =
            take(engine->invokeAction(kNs, name, {{QStringLiteral("x"), 7}}, InvokeOptions{false, false, {}}));
        QVERIFY(!outcome.finished());
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, 10000);
        const Activation streamed = arrived.first().first().value<QList<Activation>>().first();
        QCOMPARE(streamed.activationId, outcome.activationId);
        const Activation stored = take(engine->getActivation(kNs, outcome.activationId));
        QCOMPARE(stored.response->result.toObject().value(QLatin1StringView("echo")).toInt(), 7);
        const QList<Activation> listed =
            take(engine->listActivations(kNs, ActivationQuery{name, {}, {}, 0, 30, false}));
        QCOMPARE(listed.size(), 1);
        QVERIFY(!listed.first().response); // summaries carry statusCode, not the response
        QCOMPARE(listed.first().statusCode.value_or(-1), 0);
        QCOMPARE(take(platform.activationLogs(outcome.activationId)).size(), 0);
    }

    void firingATriggerRunsEachActiveRule()
    {
        take(engine->putAction(kNs, QStringLiteral("handler"),
                               nodeAction(QStringLiteral("function main(p){return {got:p.n}}")), {}));
        Trigger trigger;
        trigger.parameters = KeyValueList{{QStringLiteral("n"), 1, {}}};
        take(engine->putTrigger(kNs, QStringLiteral("events"), trigger, {}));
        QCOMPARE(take(engine->fireTrigger(kNs, QStringLiteral("events"), {})), std::nullopt); // no rule: 204

        Rule rule = Rule::fromJson(QJsonObject{{QStringLiteral("trigger"), QStringLiteral("/_/events")},
                                               {QStringLiteral("action"), QStringLiteral("handler")}})
                        .value();
        const Rule created = take(engine->putRule(kNs, QStringLiteral("link"), rule, {}));
        QVERIFY(created.isActive());
        QCOMPARE(created.trigger->path, kNs);
        const Trigger linked = take(engine->getTrigger(kNs, QStringLiteral("events")));
        QVERIFY(linked.rules && linked.rules->contains(QStringLiteral("guest/link")));

        const auto fired = take(engine->fireTrigger(kNs, QStringLiteral("events"), {{QStringLiteral("n"), 5}}));
        QVERIFY(fired.has_value());
        const Activation triggerRecord = take(engine->getActivation(kNs, *fired));
        QCOMPARE(triggerRecord.logs->size(), 1);
        const QJsonObject line = QJsonDocument::fromJson(triggerRecord.logs->first().toUtf8()).object();
        QCOMPARE(line.value(QLatin1StringView("rule")).toString(), QStringLiteral("guest/link"));
        const QString actionId = line.value(QLatin1StringView("activationId")).toString();
        QTRY_VERIFY_WITH_TIMEOUT(engine->getActivation(kNs, actionId).result().ok(), 10000);
        const Activation ran = engine->getActivation(kNs, actionId).result().value();
        QCOMPARE(ran.response->result.toObject().value(QLatin1StringView("got")).toInt(), 5);
        QCOMPARE(ran.cause.value_or(QString()), *fired);

        take(engine->setRuleActive(kNs, QStringLiteral("link"), false));
        QCOMPARE(take(engine->fireTrigger(kNs, QStringLiteral("events"), {})), std::nullopt);
        Rule dangling = rule;
        dangling.trigger->name = QStringLiteral("nope");
        QCOMPARE(failure(engine->putRule(kNs, QStringLiteral("bad"), dangling, {})).kind, PlatformError::Kind::Invalid);
    }

    void keysReachOnlyTheirNamespace()
    {
        const Identity guest = engine->ensureNamespace(kNs).value();
        QCOMPARE(guest.key.size(), 64);
        const Identity other = engine->ensureNamespace(QStringLiteral("team")).value();
        QVERIFY(guest.uuid != other.uuid);
        QCOMPARE(engine->authenticate(guest.uuid, guest.key).value().ns, kNs);
        QCOMPARE(engine->authenticate(other.uuid, other.key).value().ns, QStringLiteral("team"));
        QCOMPARE(engine->authenticate(guest.uuid, other.key).error().kind, PlatformError::Kind::Auth);
        take(engine->putAction(QStringLiteral("team"), QStringLiteral("mine"), nodeAction(QStringLiteral("x")), {}));
        QCOMPARE(failure(engine->getAction(kNs, QStringLiteral("mine"))).kind, PlatformError::Kind::NotFound);
        const QString fixed = QStringLiteral("23bc46b1-71f6-4ed5-8c54-816aa4f8c502:") + QString(64, QLatin1Char('k'));
        QCOMPARE(engine->ensureNamespace(kNs, fixed).value().key, QString(64, QLatin1Char('k')));
        QCOMPARE(engine->authenticate(guest.uuid, guest.key).error().kind, PlatformError::Kind::Auth);
    }

    void everythingIsStillThereAfterARestart()
    {
        const Identity guest = engine->ensureNamespace(kNs).value();
        take(engine->putAction(kNs, QStringLiteral("persist"), nodeAction(QStringLiteral("function main(){return {}}")),
                               {}));
        take(engine->putAction(kNs, QStringLiteral("persist"),
                               nodeAction(QStringLiteral("function main(){return {a:1}}")), {true, {}}));
        take(engine->putTrigger(kNs, QStringLiteral("t"), Trigger(), {}));
        Rule rule = Rule::fromJson(QJsonObject{{QStringLiteral("trigger"), QStringLiteral("t")},
                                               {QStringLiteral("action"), QStringLiteral("persist")}})
                        .value();
        take(engine->putRule(kNs, QStringLiteral("r"), rule, {}));
        take(engine->setRuleActive(kNs, QStringLiteral("r"), false));
        const InvokeOutcome ran = take(engine->invokeAction(kNs, QStringLiteral("persist"), {}, {}));

        engine.reset();
        open();
        QCOMPARE(engine->authenticate(guest.uuid, guest.key).value().ns, kNs);
        QCOMPARE(take(engine->getAction(kNs, QStringLiteral("persist"))).version.value(), QStringLiteral("0.0.2"));
        QCOMPARE(take(engine->actionVersions(kNs, QStringLiteral("persist"))).size(), 2);
        QVERIFY(!take(engine->getRule(kNs, QStringLiteral("r"))).isActive());
        QCOMPARE(take(engine->count(kNs, Collection::Triggers)), 1);
        QVERIFY(take(engine->getActivation(kNs, ran.activationId)).succeeded());
    }

    void limitsComeFromTheConfigFileAndSettings()
    {
        QFile file(QDir(dir->path()).filePath(LocalConfig::configFileName()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"limits": {"memory": {"max": 4096}, "cpu": {"perGbMemory": 0.5}}, "retention": {"maxCount": 10}})");
        file.close();
        auto config = LocalConfig::fromDataDir(dir->path());
        QVERIFY(config.ok());
        QCOMPARE(config->limits.memoryMb.max, 4096);
        QCOMPARE(config->limits.cpuForMemory(1024), 0.5);
        QCOMPARE(config->retention.maxCount, 10);
        QVERIFY(config.value().apply(QStringLiteral("limits.memory.max=lots")).has_value()); // not a number
        QVERIFY(config.value().apply(QStringLiteral("limits.memory.min=9999")).has_value()); // min above max
        QVERIFY(config.value().apply(QStringLiteral("limits.colour=1")).has_value());
        QVERIFY(!config.value().apply(QStringLiteral("limits.timeout.max=600000")).has_value());
        engine.reset();
        auto opened = LocalEngine::open(config.value());
        QVERIFY(opened.ok());
        QCOMPARE(opened.value()->info().limits.memoryMb.max, 4096);
        QCOMPARE(opened.value()->info().limits.timeoutMs.max, 600000);

        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(R"({"limits": {"memory": {"max": "big"}}})");
        file.close();
        const auto broken = LocalConfig::fromDataDir(dir->path());
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().message.contains(QLatin1StringView("limits.memory.max")),
                 qPrintable(broken.error().message));
    }

    void storageAndMinInstancesRangesAreConfigurableWithinBounds()
    {
        LocalConfig config;
        config.dataDir = dir->path();
        config.executor.stemCellsPerRuntime = 0;
        QCOMPARE(config.limits.storageMb.max, 10240); // Lambda's range by default
        QVERIFY(!config.apply(QStringLiteral("limits.storage.max=20480")).has_value());
        QVERIFY(!config.apply(QStringLiteral("limits.storage.default=1024")).has_value());
        QVERIFY(!config.apply(QStringLiteral("limits.minInstances.max=2")).has_value());
        QVERIFY(config.apply(QStringLiteral("limits.storage.min=0")).has_value()); // a 0 tmpfs has no limit
        QVERIFY(config.apply(QStringLiteral("limits.storage.max=200000")).has_value());
        QVERIFY(config.apply(QStringLiteral("limits.storage.default=100")).has_value()); // below min
        QVERIFY(config.apply(QStringLiteral("limits.minInstances.max=1000")).has_value());
        // The pids limit per function process (64 by default): configurable, within bounds.
        QCOMPARE(config.executor.maxProcessesPerActivation, 64);
        QVERIFY(!config.apply(QStringLiteral("limits.processes=128")).has_value());
        QCOMPARE(config.executor.maxProcessesPerActivation, 128);
        QVERIFY(config.apply(QStringLiteral("limits.processes=2")).has_value()); // not even a launcher
        QVERIFY(config.apply(QStringLiteral("limits.processes=100000")).has_value());
        QCOMPARE(config.executor.maxProcessesPerActivation, 128);
        engine.reset();
        engine = LocalEngine::open(config).value();
        QCOMPARE(engine->info().limits.storageMb.max, 20480);
        QCOMPARE(engine->info().limits.storageMb.defaultValue, 1024);
        QVERIFY(engine->info().storageLimits);
        QCOMPARE(engine->info().sandbox, engine->executor().sandboxName());

        Action put = nodeAction(QStringLiteral("function main() { return {}; }"));
        ActionLimits limits;
        limits.storageMb = 20000;
        limits.minInstances = 3;
        put.limits = limits;
        QCOMPARE(failure(engine->putAction(kNs, QStringLiteral("kept"), put, {})).message,
                 QStringLiteral("minInstances 3 exceeds allowed threshold of 2"));
        limits.minInstances = 0;
        put.limits = limits;
        put.warmInstances = 7; // read-only: never stored
        const Action answered = take(engine->putAction(kNs, QStringLiteral("kept"), put, {}));
        QCOMPARE(answered.limits->storageMb, 20000);
        // The answer says what the executor holds (as a GET does), not what the client sent.
        QCOMPARE(answered.warmInstances, std::optional<qint64>(0));
        const Action read = take(engine->getAction(kNs, QStringLiteral("kept")));
        QCOMPARE(read.warmInstances, std::optional<qint64>(0));
    }

    void throttlesComeFromTheConfigAndRefuseWithoutRunning()
    {
        qint64 now = 0;
        LocalConfig config;
        config.dataDir = dir->path();
        config.executor.stemCellsPerRuntime = 0;
        config.rateClock = [&now] { return now; };
        QVERIFY(!config.apply(QStringLiteral("limits.invocationsPerMinute=2")).has_value());
        QVERIFY(!config.apply(QStringLiteral("limits.firesPerMinute=1")).has_value());
        QVERIFY(
            config.apply(QStringLiteral("limits.concurrentInvocations=2000000000")).has_value()); // past the ceiling
        engine.reset();
        engine = LocalEngine::open(config).value();
        QCOMPARE(engine->namespaceLimits().invocationsPerMinute, std::optional<qint64>(2));
        QCOMPARE(engine->namespaceLimits().firesPerMinute, std::optional<qint64>(1));
        QCOMPARE(engine->info().limits.concurrentInvocations, 256); // Funcdesk's default

        const QString name = QStringLiteral("counted");
        take(engine->putAction(kNs, name, nodeAction(QStringLiteral("function main(){return {}}")), {}));
        take(engine->invokeAction(kNs, name, {}, {}));
        take(engine->invokeAction(kNs, name, {}, {}));
        const PlatformError refused = failure(engine->invokeAction(kNs, name, {}, {}));
        QCOMPARE(refused.kind, PlatformError::Kind::Limit);
        QCOMPARE(refused.message, QStringLiteral("Too many requests in the last minute (count: 3, allowed: 2)."));
        QCOMPARE(take(engine->countActivations(kNs, ActivationQuery{name, {}, {}, 0, 30, false})), 2);

        take(engine->putTrigger(kNs, QStringLiteral("t"), Trigger(), {}));
        QCOMPARE(take(engine->fireTrigger(kNs, QStringLiteral("t"), {})), std::nullopt); // charged, though no rule
        QCOMPARE(failure(engine->fireTrigger(kNs, QStringLiteral("t"), {})).kind, PlatformError::Kind::Limit);

        now += 60000; // the next minute
        take(engine->invokeAction(kNs, name, {}, {}));
        QCOMPARE(take(engine->fireTrigger(kNs, QStringLiteral("t"), {})), std::nullopt);
        QCOMPARE(take(engine->countActivations(kNs, ActivationQuery{name, {}, {}, 0, 30, false})), 3);
    }

    void underscoreIsNotANamespaceName()
    {
        QCOMPARE(engine->ensureNamespace(QStringLiteral("_")).error().kind, PlatformError::Kind::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestLocalEngine)
#include "TestLocalEngine.moc"
