// Deployer against real platforms: a LocalPlatform on a temporary data folder and a real
// `funcdeskd serve` through OpenWhiskPlatform (each test runs on both). The first deploy creates,
// the second leaves all unchanged, an edit changes exactly that, an invalid entry applies nothing,
// a platform error stops the apply and says what was applied. Package and sequence tests need the
// platform to manage packages and sequences (issue 19's `seqpkg` work).
#include "DeployFixture.h"

using namespace funcdesk;
using namespace funcdesk::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kHelloJs = "function main(p) { return {greeting: 'hello ' + (p.name || 'nobody')}; }\n";
const QByteArray kAddPy = "def main(args):\n    return {'sum': args.get('a', 0) + args.get('b', 0)}\n";

// Actions, a trigger and a rule in the default package: what every platform here manages.
const QByteArray kBasic = "packages:\n"
                          "  default:\n"
                          "    actions:\n"
                          "      hello:\n"
                          "        function: src/hello.js\n"
                          "        runtime: nodejs\n"
                          "        inputs:\n"
                          "          name: world\n"
                          "        limits:\n"
                          "          memorySize: 128\n"
                          "          timeout: 10000\n"
                          "      add:\n"
                          "        function: src/add.py\n"
                          "    triggers:\n"
                          "      meet:\n"
                          "        inputs:\n"
                          "          name: Sam\n"
                          "    rules:\n"
                          "      greetOnMeet:\n"
                          "        trigger: meet\n"
                          "        action: hello\n";

void writeBasic(DeployProject &project)
{
    project.write(u"src/hello.js"_s, kHelloJs);
    project.write(u"src/add.py"_s, kAddPy);
    project.write(u"manifest.yaml"_s, kBasic);
}

} // namespace

class TestDeployer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstDeployCreatesSecondLeavesUnchanged_data();
    void firstDeployCreatesSecondLeavesUnchanged();
    void editReportsExactlyThatChange_data();
    void editReportsExactlyThatChange();
    void invalidEntryAppliesNothing_data();
    void invalidEntryAppliesNothing();
    void dryRunAppliesNothing();
    void platformErrorStopsAndSaysWhatWasApplied();
    void feedTriggerComparedThroughTheFeed();
    void packageWithBindingDeployed_data();
    void packageWithBindingDeployed();
    void sequenceDeployedAndRun_data();
    void sequenceDeployedAndRun();
    void exampleProjectPackageSequence_data();
    void exampleProjectPackageSequence();

private:
    static void targets()
    {
        QTest::addColumn<bool>("remote");
        QTest::newRow("local") << false;
        QTest::newRow("funcdeskd") << true;
    }
};

void TestDeployer::firstDeployCreatesSecondLeavesUnchanged_data()
{
    targets();
}

void TestDeployer::firstDeployCreatesSecondLeavesUnchanged()
{
    QFETCH(bool, remote);
    DeployTarget target(remote);
    DeployProject project;
    writeBasic(project);
    const DeployReport first = deploy(target.platform, project.manifest());
    QVERIFY2(!first.error, qPrintable(describe(first)));
    QCOMPARE(lines(first), (QStringList{u"created action hello"_s, u"created action add"_s, u"created trigger meet"_s,
                                        u"created rule greetOnMeet"_s}));
    QCOMPARE(first.appliedCount(), 4);

    const Action hello = take(target.platform->getAction(u"hello"_s));
    QCOMPARE(hello.parameters->toObject().value(u"name"_s), QJsonValue(u"world"_s));
    QCOMPARE(hello.limits->memoryMb, std::optional<qint64>(128));
    const InvokeOutcome ran = take(target.platform->invokeAction(u"add"_s, {{u"a"_s, 2}, {u"b"_s, 3}}, {}));
    QVERIFY(ran.activation);
    QCOMPARE(ran.activation->response->result.toObject().value(u"sum"_s), QJsonValue(5));
    const Rule rule = take(target.platform->getRule(u"greetOnMeet"_s));
    QVERIFY(rule.isActive());

    const DeployReport second = deploy(target.platform, project.manifest());
    QVERIFY2(!second.error, qPrintable(describe(second)));
    QCOMPARE(lines(second), (QStringList{u"unchanged action hello"_s, u"unchanged action add"_s,
                                         u"unchanged trigger meet"_s, u"unchanged rule greetOnMeet"_s}));
    QCOMPARE(second.appliedCount(), 0);
}

void TestDeployer::editReportsExactlyThatChange_data()
{
    targets();
}

void TestDeployer::editReportsExactlyThatChange()
{
    QFETCH(bool, remote);
    DeployTarget target(remote);
    DeployProject project;
    writeBasic(project);
    QVERIFY(!deploy(target.platform, project.manifest()).error);

    project.write(u"src/hello.js"_s, "function main(p) { return {greeting: 'hi ' + p.name}; }\n");
    const DeployReport code = deploy(target.platform, project.manifest());
    QVERIFY2(!code.error, qPrintable(describe(code)));
    QCOMPARE(lines(code), (QStringList{u"changed action hello"_s, u"unchanged action add"_s,
                                       u"unchanged trigger meet"_s, u"unchanged rule greetOnMeet"_s}));
    const InvokeOutcome ran = take(target.platform->invokeAction(u"hello"_s, {}, {}));
    QCOMPARE(ran.activation->response->result.toObject().value(u"greeting"_s), QJsonValue(u"hi world"_s));

    // A trigger's parameter, then an action's limit: each is that one change.
    QByteArray edited = kBasic;
    edited.replace("name: Sam", "name: Frodo");
    project.write(u"manifest.yaml"_s, edited);
    QCOMPARE(lines(deploy(target.platform, project.manifest())),
             (QStringList{u"unchanged action hello"_s, u"unchanged action add"_s, u"changed trigger meet"_s,
                          u"unchanged rule greetOnMeet"_s}));
    edited.replace("memorySize: 128", "memorySize: 256");
    project.write(u"manifest.yaml"_s, edited);
    QCOMPARE(lines(deploy(target.platform, project.manifest())),
             (QStringList{u"changed action hello"_s, u"unchanged action add"_s, u"unchanged trigger meet"_s,
                          u"unchanged rule greetOnMeet"_s}));
    QCOMPARE(take(target.platform->getAction(u"hello"_s)).limits->memoryMb, std::optional<qint64>(256));
}

void TestDeployer::invalidEntryAppliesNothing_data()
{
    QTest::addColumn<bool>("remote");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("expected");
    for (bool remote : {false, true}) {
        const char *where = remote ? "funcdeskd" : "local";
        QTest::addRow("%s: runtime not offered", where)
            << remote << QByteArray("function: src/add.py\n")
            << QByteArray("function: src/add.py\n        runtime: cobol:85\n")
            << u"manifest.yaml:14:18: action 'add': the runtime cobol:85 is not offered by this platform"_s;
        QTest::addRow("%s: memory out of range", where)
            << remote << QByteArray("memorySize: 128") << QByteArray("memorySize: 1")
            << u"manifest.yaml:10:11: action 'hello': "_s;
    }
}

void TestDeployer::invalidEntryAppliesNothing()
{
    QFETCH(bool, remote);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, expected);
    DeployTarget target(remote);
    DeployProject project;
    writeBasic(project);
    project.write(u"manifest.yaml"_s, QByteArray(kBasic).replace(from, to));
    const DeployReport report = deploy(target.platform, project.manifest());
    QCOMPARE(report.stage, DeployReport::Stage::Checking);
    QVERIFY(report.error);
    const QString message = report.error->message.mid(project.dir.path().size() + 1);
    QVERIFY2(message.startsWith(expected), qPrintable(message));
    QCOMPARE(report.appliedCount(), 0);
    for (const QString &action : {u"hello"_s, u"add"_s})
        QCOMPARE(failure(target.platform->getAction(action)).kind, PlatformError::Kind::NotFound);
    QCOMPARE(failure(target.platform->getTrigger(u"meet"_s)).kind, PlatformError::Kind::NotFound);
}

void TestDeployer::dryRunAppliesNothing()
{
    DeployTarget target(false);
    DeployProject project;
    writeBasic(project);
    const DeployReport plan = deploy(target.platform, project.manifest(), true);
    QVERIFY2(!plan.error, qPrintable(describe(plan)));
    QVERIFY(plan.dryRun);
    QCOMPARE(plan.count(DeployVerdict::Created), 4);
    QCOMPARE(plan.appliedCount(), 0);
    QCOMPARE(failure(target.platform->getAction(u"hello"_s)).kind, PlatformError::Kind::NotFound);
}

void TestDeployer::platformErrorStopsAndSaysWhatWasApplied()
{
    DeployTarget target(false);
    DeployProject project;
    project.write(u"src/hello.js"_s, kHelloJs);
    // The alarms feed refuses the cron expression: the actions are in, the trigger is not (wsk
    // deletes a trigger its feed refused), the rule is never tried.
    project.write(u"manifest.yaml"_s, "packages:\n"
                                      "  default:\n"
                                      "    actions:\n"
                                      "      hello:\n"
                                      "        function: src/hello.js\n"
                                      "    triggers:\n"
                                      "      tick:\n"
                                      "        feed: /whisk.system/alarms/alarm\n"
                                      "        inputs:\n"
                                      "          cron: 'every now and then'\n"
                                      "    rules:\n"
                                      "      onTick:\n"
                                      "        trigger: tick\n"
                                      "        action: hello\n");
    const DeployReport report = deploy(target.platform, project.manifest());
    QCOMPARE(report.stage, DeployReport::Stage::Applying);
    QVERIFY(report.error);
    QVERIFY2(report.error->message.contains(u"cron"_s, Qt::CaseInsensitive), qPrintable(report.error->message));
    QCOMPARE(report.failed->name, u"tick"_s);
    QCOMPARE(report.entries.at(0).applied, true);
    QCOMPARE(report.entries.at(1).applied, false);
    QCOMPARE(report.entries.at(2).applied, false);
    QVERIFY(take(target.platform->getAction(u"hello"_s)).exec);
    QCOMPARE(failure(target.platform->getRule(u"onTick"_s)).kind, PlatformError::Kind::NotFound);
}

void TestDeployer::feedTriggerComparedThroughTheFeed()
{
    DeployTarget target(false);
    DeployProject project;
    project.write(u"src/hello.js"_s, kHelloJs);
    const QByteArray manifest = "packages:\n"
                                "  default:\n"
                                "    actions:\n"
                                "      hello:\n"
                                "        function: src/hello.js\n"
                                "    triggers:\n"
                                "      yearly:\n"
                                "        feed: /whisk.system/alarms/alarm\n"
                                "        inputs:\n"
                                "          cron: '0 0 1 1 *'\n"
                                "          trigger_payload: {name: year}\n"
                                "    rules:\n"
                                "      onYear:\n"
                                "        trigger: yearly\n"
                                "        action: hello\n";
    project.write(u"manifest.yaml"_s, manifest);
    const DeployReport first = deploy(target.platform, project.manifest());
    QVERIFY2(!first.error, qPrintable(describe(first)));
    QCOMPARE(lines(deploy(target.platform, project.manifest())),
             (QStringList{u"unchanged action hello"_s, u"unchanged trigger yearly"_s, u"unchanged rule onYear"_s}));
    // The feed keeps the schedule: a new one makes the trigger again, and its rule is linked again.
    project.write(u"manifest.yaml"_s, QByteArray(manifest).replace("0 0 1 1 *", "0 0 1 7 *"));
    const DeployReport changed = deploy(target.platform, project.manifest());
    QVERIFY2(!changed.error, qPrintable(describe(changed)));
    QCOMPARE(lines(changed),
             (QStringList{u"unchanged action hello"_s, u"changed trigger yearly"_s, u"changed rule onYear"_s}));
    const QJsonObject config =
        take(target.platform->callFeed(u"/whisk.system/alarms/alarm"_s, FeedLifecycleEvent::Read, u"yearly"_s))
            .value(u"config"_s)
            .toObject();
    QCOMPARE(config.value(u"cron"_s), QJsonValue(u"0 0 1 7 *"_s));
    QVERIFY(take(target.platform->getRule(u"onYear"_s)).isActive());
    QCOMPARE(lines(deploy(target.platform, project.manifest())),
             (QStringList{u"unchanged action hello"_s, u"unchanged trigger yearly"_s, u"unchanged rule onYear"_s}));
}

void TestDeployer::packageWithBindingDeployed_data()
{
    targets();
}

// Needs packages on the platform (`seqpkg`): before that, "This platform does not manage packages."
void TestDeployer::packageWithBindingDeployed()
{
    QFETCH(bool, remote);
    DeployTarget target(remote);
    DeployProject project;
    project.write(u"src/hello.js"_s, kHelloJs);
    project.write(u"manifest.yaml"_s, "packages:\n"
                                      "  greetings:\n"
                                      "    public: true\n"
                                      "    inputs:\n"
                                      "      name: package\n"
                                      "    dependencies:\n"
                                      "      tools:\n"
                                      "        location: /whisk.system/utils\n"
                                      "    actions:\n"
                                      "      hello:\n"
                                      "        function: src/hello.js\n");
    const DeployReport first = deploy(target.platform, project.manifest());
    QVERIFY2(!first.error, qPrintable(describe(first)));
    QCOMPARE(lines(first), (QStringList{u"created package greetings"_s, u"created package tools"_s,
                                        u"created action greetings/hello"_s}));
    const InvokeOutcome ran = take(target.platform->invokeAction(u"greetings/hello"_s, {}, {}));
    QCOMPARE(ran.activation->response->result.toObject().value(u"greeting"_s), QJsonValue(u"hello package"_s));
    QCOMPARE(lines(deploy(target.platform, project.manifest())),
             (QStringList{u"unchanged package greetings"_s, u"unchanged package tools"_s,
                          u"unchanged action greetings/hello"_s}));
}

void TestDeployer::sequenceDeployedAndRun_data()
{
    targets();
}

// Needs sequences on the platform (`seqpkg`): before that, "The specified runtime 'sequence' is
// not supported".
void TestDeployer::sequenceDeployedAndRun()
{
    QFETCH(bool, remote);
    DeployTarget target(remote);
    DeployProject project;
    project.write(u"src/hello.js"_s, kHelloJs);
    project.write(u"src/shout.py"_s, "def main(args):\n    return {'greeting': args['greeting'].upper()}\n");
    project.write(u"manifest.yaml"_s, "packages:\n"
                                      "  default:\n"
                                      "    actions:\n"
                                      "      hello:\n"
                                      "        function: src/hello.js\n"
                                      "      shout:\n"
                                      "        function: src/shout.py\n"
                                      "    sequences:\n"
                                      "      loud:\n"
                                      "        actions: hello, shout\n");
    const DeployReport first = deploy(target.platform, project.manifest());
    QVERIFY2(!first.error, qPrintable(describe(first)));
    QCOMPARE(lines(first),
             (QStringList{u"created action hello"_s, u"created action shout"_s, u"created sequence loud"_s}));
    const InvokeOutcome ran = take(target.platform->invokeAction(u"loud"_s, {{u"name"_s, u"bob"_s}}, {}));
    QCOMPARE(ran.activation->response->result.toObject().value(u"greeting"_s), QJsonValue(u"HELLO BOB"_s));
    QCOMPARE(lines(deploy(target.platform, project.manifest())),
             (QStringList{u"unchanged action hello"_s, u"unchanged action shout"_s, u"unchanged sequence loud"_s}));
}

void TestDeployer::exampleProjectPackageSequence_data()
{
    targets();
}

// resources/examples/manifest: a package with a binding, Node.js, Python and Go actions, a
// three-step sequence of them, an alarm trigger and a rule. Needs packages and sequences (`seqpkg`).
void TestDeployer::exampleProjectPackageSequence()
{
    QFETCH(bool, remote);
    DeployTarget target(remote);
    const auto manifest = ManifestReader::readFile(QStringLiteral(EXAMPLES_DIR "/manifest/manifest.yaml"));
    QVERIFY2(manifest, qPrintable(manifest ? QString() : manifest.error().message));
    QVERIFY(manifest->warnings.isEmpty());
    const DeployReport first = deploy(target.platform, manifest.value());
    QVERIFY2(!first.error, qPrintable(describe(first)));
    QCOMPARE(lines(first), (QStringList{u"created package greeter"_s, u"created package tools"_s,
                                        u"created action greeter/hello"_s, u"created action greeter/shout"_s,
                                        u"created action greeter/measure"_s, u"created sequence greeter/loudHello"_s,
                                        u"created trigger everyMorning"_s, u"created rule greetEveryMorning"_s}));
    const InvokeOutcome ran = take(target.platform->invokeAction(u"greeter/loudHello"_s, {{u"name"_s, u"Ada"_s}}, {}));
    QVERIFY(ran.activation);
    QCOMPARE(ran.activation->response->result.toObject().value(u"greeting"_s), QJsonValue(u"HELLO, ADA!"_s));
    QCOMPARE(ran.activation->response->result.toObject().value(u"letters"_s), QJsonValue(8)); // the Go step
    QCOMPARE(ran.activation->logs.value_or(QStringList()).size(), 3);
    const DeployReport second = deploy(target.platform, manifest.value());
    QCOMPARE(second.count(DeployVerdict::Unchanged), 8);
}

QTEST_GUILESS_MAIN(TestDeployer)
#include "TestDeployer.moc"
