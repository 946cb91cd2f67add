// ManifestReader: wskdeploy's manifest.yaml into a typed plan, each entity kind, and every error
// with its file, line and column. Real files in a temporary folder; no platform.
#include "deploy/ManifestReader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;
using namespace Qt::StringLiterals;

namespace {

struct Project
{
    QTemporaryDir dir;

    void write(const QString &name, const QByteArray &text)
    {
        QDir().mkpath(QFileInfo(dir.filePath(name)).absolutePath());
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }

    Result<Manifest> read(const QByteArray &yaml, const QHash<QString, QString> &environment = {})
    {
        write(QStringLiteral("manifest.yaml"), yaml);
        ManifestReader::Options options;
        options.environment = [environment](const QString &name) -> std::optional<QString> {
            if (environment.contains(name))
                return environment.value(name);
            return std::nullopt;
        };
        return ManifestReader::readFile(dir.filePath(QStringLiteral("manifest.yaml")), options);
    }

    // The error's text after the manifest's path: "LINE:COLUMN: message".
    QString error(const QByteArray &yaml, const QHash<QString, QString> &environment = {})
    {
        const auto result = read(yaml, environment);
        if (result)
            return QStringLiteral("(no error)");
        const QString prefix = dir.filePath(QStringLiteral("manifest.yaml")) + QLatin1Char(':');
        const QString message = result.error().message;
        return message.startsWith(prefix) ? message.mid(prefix.size()).trimmed() : message;
    }
};

const QByteArray kHelloJs = "function main(p) { return {greeting: 'hello ' + p.name}; }\n";

} // namespace

class TestManifestReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void packageWithInputsAnnotationsAndPublic();
    void bindingFromDependencies();
    void actionFields();
    void actionRuntimeFromExtensionAndDefaultPackage();
    void sequencesResolvedAndOrdered();
    void triggersWithFeedAndInputs();
    void rulesResolved();
    void environmentVariables();
    void unknownKeysWarn();
    void errors_data();
    void errors();
};

void TestManifestReader::packageWithInputsAnnotationsAndPublic()
{
    Project project;
    project.write(QStringLiteral("src/hello.js"), kHelloJs);
    const auto manifest = project.read("packages:\n"
                                       "  shop:\n"
                                       "    version: 1.0\n"
                                       "    license: Apache-2.0\n"
                                       "    public: true\n"
                                       "    inputs:\n"
                                       "      currency: EUR\n"
                                       "      rate: 1.5\n"
                                       "      count: integer\n"
                                       "      region:\n"
                                       "        type: string\n"
                                       "        default: eu-west\n"
                                       "      quoted: \"true\"\n"
                                       "    annotations:\n"
                                       "      owner: team-a\n"
                                       "    actions:\n"
                                       "      hello:\n"
                                       "        function: src/hello.js\n");
    QVERIFY2(manifest, qPrintable(manifest ? QString() : manifest.error().message));
    QCOMPARE(manifest->packages.size(), 1);
    const PlannedPackage &shop = manifest->packages.first();
    QCOMPARE(shop.name, QStringLiteral("shop"));
    QCOMPARE(shop.package.publish, std::optional<bool>(true));
    QCOMPARE(shop.package.parameters->toObject(), (QJsonObject{{u"currency"_s, u"EUR"_s},
                                                               {u"rate"_s, 1.5},
                                                               {u"count"_s, 0},
                                                               {u"region"_s, u"eu-west"_s},
                                                               {u"quoted"_s, u"true"_s}}));
    QCOMPARE(shop.package.annotations->value(QStringLiteral("owner")), QJsonValue(QStringLiteral("team-a")));
    QCOMPARE(shop.where.line, 2);
    QCOMPARE(shop.where.column, 3);
    QCOMPARE(manifest->actions.first().name, QStringLiteral("shop/hello"));
    QVERIFY(manifest->warnings.isEmpty());
}

void TestManifestReader::bindingFromDependencies()
{
    Project project;
    project.write(QStringLiteral("a.js"), kHelloJs);
    const auto manifest = project.read("packages:\n"
                                       "  app:\n"
                                       "    dependencies:\n"
                                       "      tools:\n"
                                       "        location: /whisk.system/utils\n"
                                       "        inputs:\n"
                                       "          separator: ';'\n"
                                       "    actions:\n"
                                       "      a:\n"
                                       "        function: a.js\n");
    QVERIFY2(manifest, qPrintable(manifest ? QString() : manifest.error().message));
    QCOMPARE(manifest->packages.size(), 2);
    QCOMPARE(manifest->packages.at(0).name, QStringLiteral("app")); // packages before bindings
    const PlannedPackage &binding = manifest->packages.at(1);
    QCOMPARE(binding.name, QStringLiteral("tools"));
    QCOMPARE(binding.package.binding.toObject(),
             (QJsonObject{{u"namespace"_s, u"whisk.system"_s}, {u"name"_s, u"utils"_s}}));
    QCOMPARE(binding.package.parameters->toObject(), (QJsonObject{{u"separator"_s, u";"_s}}));
}

void TestManifestReader::actionFields()
{
    Project project;
    project.write(QStringLiteral("src/hello.js"), kHelloJs);
    const auto manifest = project.read("packages:\n"
                                       "  p:\n"
                                       "    actions:\n"
                                       "      hello:\n"
                                       "        function: src/hello.js\n"
                                       "        runtime: nodejs@20\n"
                                       "        main: greet\n"
                                       "        inputs:\n"
                                       "          name: world\n"
                                       "          options: {loud: yes, times: 2}\n"
                                       "        limits:\n"
                                       "          timeout: 30 s\n"
                                       "          memorySize: 512\n"
                                       "          logSize: 5 MB\n"
                                       "          concurrentActivations: 4\n"
                                       "        web: raw\n"
                                       "        annotations:\n"
                                       "          description: says hello\n");
    QVERIFY2(manifest, qPrintable(manifest ? QString() : manifest.error().message));
    const PlannedAction &hello = manifest->actions.first();
    QCOMPARE(hello.action.exec->kind, QStringLiteral("nodejs:20"));
    QCOMPARE(hello.action.exec->code, std::optional<QString>(QString::fromUtf8(kHelloJs)));
    QCOMPARE(hello.action.exec->main, std::optional<QString>(QStringLiteral("greet")));
    QCOMPARE(hello.action.parameters->toObject(),
             (QJsonObject{{u"name"_s, u"world"_s}, {u"options"_s, QJsonObject{{u"loud"_s, true}, {u"times"_s, 2}}}}));
    QCOMPARE(hello.action.limits->timeoutMs, std::optional<qint64>(30000));
    QCOMPARE(hello.action.limits->memoryMb, std::optional<qint64>(512));
    QCOMPARE(hello.action.limits->logsMb, std::optional<qint64>(5));
    QCOMPARE(hello.action.limits->concurrency, std::optional<qint64>(4));
    const KeyValueList &annotations = *hello.action.annotations;
    QCOMPARE(annotations.value(QStringLiteral("web-export")), QJsonValue(true));
    QCOMPARE(annotations.value(QStringLiteral("raw-http")), QJsonValue(true));
    QCOMPARE(annotations.value(QStringLiteral("final")), QJsonValue(true));
    QCOMPARE(annotations.value(QStringLiteral("description")), QJsonValue(QStringLiteral("says hello")));
    QCOMPARE(hello.runtimeWhere.line, 6);
}

void TestManifestReader::actionRuntimeFromExtensionAndDefaultPackage()
{
    Project project;
    project.write(QStringLiteral("py/add.py"), "def main(args):\n    return {'sum': args['a'] + args['b']}\n");
    project.write(QStringLiteral("old.js"), kHelloJs);
    const auto manifest = project.read("packages:\n"
                                       "  default:\n"
                                       "    actions:\n"
                                       "      add:\n"
                                       "        function: py/add.py\n"
                                       "      legacy:\n"
                                       "        location: old.js\n"
                                       "        web-export: true\n"
                                       "        runtime: python:3.11\n");
    QVERIFY2(manifest, qPrintable(manifest ? QString() : manifest.error().message));
    QVERIFY(manifest->packages.isEmpty()); // "default" is no package
    QCOMPARE(manifest->actions.at(0).name, QStringLiteral("add"));
    QCOMPARE(manifest->actions.at(0).action.exec->kind, QStringLiteral("python:default"));
    QCOMPARE(manifest->actions.at(1).name, QStringLiteral("legacy"));
    QCOMPARE(manifest->actions.at(1).action.exec->kind, QStringLiteral("python:3.11"));
    QCOMPARE(manifest->actions.at(1).action.annotations->value(QStringLiteral("web-export")), QJsonValue(true));
    QCOMPARE(manifest->warnings.size(), 1); // the runtime does not match the .js file
    QCOMPARE(manifest->warnings.first().where.line, 9);
}

void TestManifestReader::sequencesResolvedAndOrdered()
{
    Project project;
    project.write(QStringLiteral("a.js"), kHelloJs);
    const auto manifest = project.read("packages:\n"
                                       "  p:\n"
                                       "    actions:\n"
                                       "      a:\n"
                                       "        function: a.js\n"
                                       "    sequences:\n"
                                       "      outer:\n"
                                       "        actions: inner, /whisk.system/utils/echo\n"
                                       "      inner:\n"
                                       "        actions: a, q/b, a\n"
                                       "        web: true\n"
                                       "  q:\n"
                                       "    actions:\n"
                                       "      b:\n"
                                       "        function: a.js\n");
    QVERIFY2(manifest, qPrintable(manifest ? QString() : manifest.error().message));
    QStringList names;
    for (const PlannedAction &action : manifest->actions)
        names.append(action.name);
    QCOMPARE(names, (QStringList{u"p/a"_s, u"q/b"_s, u"p/inner"_s, u"p/outer"_s})); // inner before outer
    const PlannedAction &inner = manifest->actions.at(2);
    QVERIFY(inner.isSequence);
    QCOMPARE(inner.action.exec->kind, QStringLiteral("sequence"));
    QCOMPARE(inner.components, (QStringList{u"p/a"_s, u"q/b"_s, u"p/a"_s}));
    QCOMPARE(inner.action.annotations->value(QStringLiteral("web-export")), QJsonValue(true));
    QCOMPARE(manifest->actions.at(3).components, (QStringList{u"p/inner"_s, u"/whisk.system/utils/echo"_s}));
}

void TestManifestReader::triggersWithFeedAndInputs()
{
    Project project;
    project.write(QStringLiteral("a.js"), kHelloJs);
    const auto manifest = project.read("packages:\n"
                                       "  p:\n"
                                       "    actions:\n"
                                       "      a:\n"
                                       "        function: a.js\n"
                                       "    triggers:\n"
                                       "      everyMinute:\n"
                                       "        feed: /whisk.system/alarms/alarm\n"
                                       "        inputs:\n"
                                       "          cron: '* * * * *'\n"
                                       "          trigger_payload: {n: 1}\n"
                                       "      meet:\n"
                                       "        inputs:\n"
                                       "          name: Sam\n"
                                       "          children: 13\n");
    QVERIFY2(manifest, qPrintable(manifest ? QString() : manifest.error().message));
    QCOMPARE(manifest->triggers.size(), 2);
    const PlannedTrigger &alarm = manifest->triggers.at(0);
    QCOMPARE(alarm.feed, QStringLiteral("/whisk.system/alarms/alarm"));
    QCOMPARE(alarm.feedParams,
             (QJsonObject{{u"cron"_s, u"* * * * *"_s}, {u"trigger_payload"_s, QJsonObject{{u"n"_s, 1}}}}));
    QCOMPARE(alarm.trigger.feed(), QStringLiteral("/whisk.system/alarms/alarm"));
    QVERIFY(!alarm.trigger.parameters || alarm.trigger.parameters->isEmpty()); // the feed has them
    const PlannedTrigger &meet = manifest->triggers.at(1);
    QVERIFY(meet.feed.isEmpty());
    QCOMPARE(meet.trigger.parameters->toObject(), (QJsonObject{{u"name"_s, u"Sam"_s}, {u"children"_s, 13}}));
}

void TestManifestReader::rulesResolved()
{
    Project project;
    project.write(QStringLiteral("a.js"), kHelloJs);
    const auto manifest = project.read("packages:\n"
                                       "  p:\n"
                                       "    actions:\n"
                                       "      a:\n"
                                       "        function: a.js\n"
                                       "    triggers:\n"
                                       "      t:\n"
                                       "    rules:\n"
                                       "      r:\n"
                                       "        trigger: t\n"
                                       "        action: a\n"
                                       "      s:\n"
                                       "        trigger: t\n"
                                       "        action: /whisk.system/utils/echo\n");
    QVERIFY2(manifest, qPrintable(manifest ? QString() : manifest.error().message));
    QCOMPARE(manifest->rules.size(), 2);
    QCOMPARE(manifest->rules.at(0).trigger, QStringLiteral("t"));
    QCOMPARE(manifest->rules.at(0).action, QStringLiteral("p/a")); // in the rule's package
    QCOMPARE(manifest->rules.at(1).action, QStringLiteral("/whisk.system/utils/echo"));
}

void TestManifestReader::environmentVariables()
{
    Project project;
    project.write(QStringLiteral("src/hello.js"), kHelloJs);
    const QHash<QString, QString> environment{
        {u"PKG"_s, u"shop"_s}, {u"TOWN"_s, u"the Shire"_s}, {u"FIRST"_s, u"Sam"_s}, {u"DIR"_s, u"src"_s}};
    const auto manifest = project.read("packages:\n"
                                       "  ${PKG}:\n"
                                       "    actions:\n"
                                       "      hello:\n"
                                       "        function: ${DIR}/hello.js\n"
                                       "        inputs:\n"
                                       "          name: $FIRST\n"
                                       "          place:\n"
                                       "            value: ${TOWN}, Middle-earth\n"
                                       "          literal: $${TOWN}\n"
                                       "          price: 5$\n",
                                       environment);
    QVERIFY2(manifest, qPrintable(manifest ? QString() : manifest.error().message));
    QCOMPARE(manifest->packages.first().name, QStringLiteral("shop"));
    QCOMPARE(manifest->actions.first().action.parameters->toObject(),
             (QJsonObject{{u"name"_s, u"Sam"_s},
                          {u"place"_s, u"the Shire, Middle-earth"_s},
                          {u"literal"_s, u"${TOWN}"_s},
                          {u"price"_s, u"5$"_s}}));
    QCOMPARE(project.error("packages:\n"
                           "  p:\n"
                           "    actions:\n"
                           "      hello:\n"
                           "        function: src/hello.js\n"
                           "        inputs:\n"
                           "          name: ${NOBODY}\n",
                           environment),
             QStringLiteral("7:17: the environment variable NOBODY is not set"));
}

void TestManifestReader::unknownKeysWarn()
{
    Project project;
    project.write(QStringLiteral("a.js"), kHelloJs);
    const auto manifest = project.read("packages:\n"
                                       "  p:\n"
                                       "    actions:\n"
                                       "      a:\n"
                                       "        function: a.js\n"
                                       "        inptus: {x: 1}\n"
                                       "        limits:\n"
                                       "          codeSize: 10\n");
    QVERIFY2(manifest, qPrintable(manifest ? QString() : manifest.error().message));
    QCOMPARE(manifest->warnings.size(), 2);
    QCOMPARE(manifest->warnings.at(0).where.line, 6);
    QVERIFY(manifest->warnings.at(0).message.contains(QLatin1StringView("unknown key 'inptus'")));
    QCOMPARE(manifest->warnings.at(1).where.line, 8);
}

void TestManifestReader::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected"); // the start of "LINE:COLUMN: message"
    const QByteArray head = "packages:\n  p:\n    actions:\n      a:\n        function: a.js\n";
    QTest::newRow("not YAML") << QByteArray("packages:\n  p: [a, b\n") << QStringLiteral("3:1: not valid YAML");
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("the manifest is empty");
    QTest::newRow("no packages") << QByteArray("packages:\n") << QStringLiteral("1:1: the manifest deploys nothing");
    QTest::newRow("packages a list") << QByteArray("packages:\n  - p\n")
                                     << QStringLiteral("2:3: packages must be a mapping");
    QTest::newRow("public not a boolean") << head + "    public: maybe\n"
                                          << QStringLiteral("6:13: public must be true or false");
    QTest::newRow("unsupported key") << head + "        docker: openwhisk/skeleton\n"
                                     << QStringLiteral("6:9: action 'p/a': 'docker' is not supported");
    QTest::newRow("apis") << head + "    apis:\n      x: {}\n"
                          << QStringLiteral("6:5: package 'p': 'apis' is not supported");
    QTest::newRow("missing function file")
        << QByteArray("packages:\n  p:\n    actions:\n      a:\n        function: nope.js\n")
        << QStringLiteral("5:19: the function file");
    QTest::newRow("no function") << QByteArray("packages:\n  p:\n    actions:\n      a:\n        main: x\n")
                                 << QStringLiteral("4:7: action 'p/a' needs a function");
    QTest::newRow("function a folder") << QByteArray("packages:\n  p:\n    actions:\n      a:\n        function: dir\n")
                                       << QStringLiteral("5:19: the function");
    QTest::newRow("no runtime for extension")
        << QByteArray("packages:\n  p:\n    actions:\n      a:\n        function: data.txt\n")
        << QStringLiteral("5:19: cannot tell the runtime of data.txt");
    QTest::newRow("runtime not a name") << head + "        runtime: node js 20\n"
                                        << QStringLiteral("6:18: 'node js 20' is not a runtime name");
    QTest::newRow("runtime a list") << head + "        runtime: [nodejs]\n"
                                    << QStringLiteral("6:18: runtime must be a single value");
    QTest::newRow("bad name") << QByteArray("packages:\n  p:\n    actions:\n      -bad:\n        function: a.js\n")
                              << QStringLiteral("4:7: the action name '-bad' is not valid");
    QTest::newRow("duplicate key") << head + "      a:\n        function: a.js\n"
                                   << QStringLiteral("6:7: the action 'p/a' is declared twice (first at");
    QTest::newRow("duplicate field") << head + "        function: a.js\n"
                                     << QStringLiteral("6:9: 'function' is given twice");
    QTest::newRow("duplicate trigger") << head + "    triggers:\n      t:\n  q:\n    triggers:\n      t:\n"
                                       << QStringLiteral("10:7: the trigger 't' is declared twice");
    QTest::newRow("sequence and action") << head + "    sequences:\n      a:\n        actions: a\n"
                                         << QStringLiteral("7:7: the action 'p/a' is declared twice");
    QTest::newRow("sequence to nothing")
        << head + "    sequences:\n      s:\n        actions: a, b\n"
        << QStringLiteral("8:18: sequence 'p/s' refers to 'p/b', which this manifest does not declare");
    QTest::newRow("sequence cycle")
        << head + "    sequences:\n      s:\n        actions: a, t\n      t:\n        actions: s\n"
        << QStringLiteral("8:18: sequence 'p/s' contains itself");
    QTest::newRow("sequence without actions") << head + "    sequences:\n      s:\n        web: true\n"
                                              << QStringLiteral("7:7: sequence 'p/s' needs actions");
    QTest::newRow("rule to no trigger") << head + "    rules:\n      r:\n        trigger: t\n        action: a\n"
                                        << QStringLiteral("8:18: rule 'r' refers to the trigger 't'");
    QTest::newRow("rule to no action")
        << head + "    triggers:\n      t:\n    rules:\n      r:\n        trigger: t\n        action: b\n"
        << QStringLiteral("11:17: rule 'r' refers to the action 'p/b'");
    QTest::newRow("rule without action") << head + "    triggers:\n      t:\n    rules:\n      r:\n        trigger: t\n"
                                         << QStringLiteral("9:7: rule 'r' needs an action");
    QTest::newRow("feed not qualified") << head + "    triggers:\n      t:\n        feed: alarm\n"
                                        << QStringLiteral("8:15: the feed 'alarm' must be named in full");
    QTest::newRow("limit not a number") << head + "        limits:\n          memorySize: lots\n"
                                        << QStringLiteral("7:23: limits: memorySize must be a number of megabytes");
    QTest::newRow("input of the wrong type")
        << head + "        inputs:\n          n:\n            type: integer\n            value: many\n"
        << QStringLiteral("9:20: the input 'n' is declared integer but its value is not");
    QTest::newRow("unknown input type") << head + "        inputs:\n          n:\n            type: decimal\n"
                                        << QStringLiteral("8:19: the input 'n' has the unknown type 'decimal'");
    QTest::newRow("web not a mode") << head + "        web: sometimes\n"
                                    << QStringLiteral("6:14: web must be true, false, yes, no or raw");
    QTest::newRow("binding not a package") << head + "    dependencies:\n      b:\n        location: github.com/x/y\n"
                                           << QStringLiteral("8:19: binding 'b': funcdeskd deploy binds packages only");
    QTest::newRow("code without runtime")
        << QByteArray("packages:\n  p:\n    actions:\n      a:\n        code: x\n")
        << QStringLiteral("5:15: action 'p/a' gives its code inline: it needs a runtime");
    QTest::newRow("too deep") << head + "        inputs:\n          deep: " + QByteArray(70, '[') +
                                     QByteArray(70, ']') + "\n"
                              << QStringLiteral(":");
}

void TestManifestReader::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    Project project;
    project.write(QStringLiteral("a.js"), kHelloJs);
    project.write(QStringLiteral("data.txt"), "text");
    QDir(project.dir.path()).mkdir(QStringLiteral("dir"));
    const QString error = project.error(yaml);
    QVERIFY2(error.startsWith(expected) ||
                 (expected == QLatin1StringView(":") && error.contains(QLatin1StringView("deeper"))),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(TestManifestReader)
#include "TestManifestReader.moc"
