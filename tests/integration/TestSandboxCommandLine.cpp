// funcdeskd's command line for issue 15: `invoke --storage/--network/--min-instances` with the
// REST API's validation texts, and the fallback where bubblewrap cannot run (FUNCDESK_BWRAP points
// nowhere): functions still run and say `sandbox: none`, and `serve` refuses to serve more than one
// namespace unless told `--allow-unsandboxed`.

#include "IntegrationFixture.h"

#include "TestSuites.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace funcdesk;

namespace {
const QString kTeam = QStringLiteral("team");
const QString kNoBwrap = QStringLiteral("/nonexistent/bwrap");
// serve's own line when it runs without a sandbox (the executor may say more in its own words).
const QLatin1StringView kUnsandboxedLine("funcdeskd: functions run without a sandbox");
const QString kHello = QStringLiteral("function main(params) { return {hello: params.name || 'world'}; }");

struct Invoked
{
    int exitCode = -1;
    QList<QJsonObject> records;
    QString errors;
};

// Runs `funcdeskd invoke ARGS` with `environment` added; waits at most a minute.
Invoked invoke(const QStringList &arguments, const QProcessEnvironment &environment = {})
{
    QProcess process;
    QProcessEnvironment full = QProcessEnvironment::systemEnvironment();
    full.insert(environment);
    process.setProcessEnvironment(full);
    process.start(test::FuncdeskdProcess::binary(), QStringList{QStringLiteral("invoke")} + arguments);
    Invoked run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.errors = QString::fromUtf8(process.readAllStandardError());
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            run.records.append(QJsonDocument::fromJson(line).object());
    }
    return run;
}

QJsonValue annotation(const QJsonObject &record, const QString &key)
{
    for (const QJsonValue item : record.value(QLatin1StringView("annotations")).toArray()) {
        if (item.toObject().value(QLatin1StringView("key")).toString() == key)
            return item.toObject().value(QLatin1StringView("value"));
    }
    return QJsonValue(QJsonValue::Undefined);
}

QProcessEnvironment withoutBubblewrap()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("FUNCDESK_BWRAP"), kNoBwrap);
    return environment;
}
} // namespace

class TestSandboxCommandLine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_hello;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_hello = m_dir.filePath(QStringLiteral("hello.js"));
        QFile file(m_hello);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(kHello.toUtf8()) > 0);
    }

    void invokeTakesStorageNetworkAndMinInstances()
    {
        const Invoked run =
            invoke({m_hello, QStringLiteral("--storage"), QStringLiteral("600"), QStringLiteral("--network"),
                    QStringLiteral("off"), QStringLiteral("--min-instances"), QStringLiteral("1"),
                    QStringLiteral("--repeat"), QStringLiteral("2")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
        QCOMPARE(run.records.size(), 2);
        for (const QJsonObject &record : run.records) {
            const QJsonObject limits = annotation(record, QStringLiteral("limits")).toObject();
            QCOMPARE(limits.value(QLatin1StringView("storage")).toInteger(), 600);
            QCOMPARE(limits.value(QLatin1StringView("network")).toString(), QStringLiteral("off"));
            QCOMPARE(limits.value(QLatin1StringView("minInstances")).toInteger(), 1);
        }
        // The kept process is ready before the first run, so no run pays a cold start.
        for (const QJsonObject &record : run.records)
            QVERIFY2(annotation(record, QStringLiteral("startType")).toString() != QLatin1StringView("cold"),
                     QJsonDocument(record).toJson().constData());
    }

    void invokeRefusesBadSandboxOptionsWithTheRestTexts_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("network maybe") << QStringList{QStringLiteral("--network"), QStringLiteral("maybe")}
                                       << "network must be \"on\" or \"off\", not \"maybe\"";
        QTest::newRow("storage high") << QStringList{QStringLiteral("--storage"), QStringLiteral("20000")}
                                      << "storage size 20000 MB exceeds allowed threshold of 10240 MB";
        QTest::newRow("min-instances high") << QStringList{QStringLiteral("--min-instances"), QStringLiteral("9")}
                                            << "minInstances 9 exceeds allowed threshold of 8";
        QTest::newRow("storage not a number") << QStringList{QStringLiteral("--storage"), QStringLiteral("big")}
                                              << "--storage expects a number, got 'big'";
    }

    void invokeRefusesBadSandboxOptionsWithTheRestTexts()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Invoked run = invoke(QStringList{m_hello} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.records.isEmpty());
        QVERIFY2(run.errors.contains(message), qPrintable(run.errors));
    }

    void invokeRunsUnsandboxedWhereBubblewrapCannotRun()
    {
        const Invoked run = invoke({m_hello, QStringLiteral("--network"), QStringLiteral("off")}, withoutBubblewrap());
        QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
        QCOMPARE(run.records.size(), 1);
        const QJsonObject record = run.records.first();
        QCOMPARE(record.value(QLatin1StringView("response")).toObject().value(QLatin1StringView("result")).toObject(),
                 (QJsonObject{{QStringLiteral("hello"), QStringLiteral("world")}}));
        QCOMPARE(annotation(record, QStringLiteral("enforcement")).toObject().value(QLatin1StringView("sandbox")),
                 QJsonValue(QStringLiteral("none")));
    }

    void serveRefusesSeveralNamespacesWithoutASandbox()
    {
        IntegrationFixture fixture{QStringList{QStringLiteral("--namespace"), kTeam}};
        fixture.server().setEnvironment(withoutBubblewrap());
        QVERIFY(!fixture.start());
        QCOMPARE(fixture.server().exitCode(), 1);
        const QString errors = QString::fromUtf8(fixture.server().stderrText());
        QVERIFY2(errors.contains(QLatin1StringView("--allow-unsandboxed")), qPrintable(errors));
        // The reason, in the sandbox's own words, follows.
        QVERIFY2(errors.contains(QRegularExpression(QStringLiteral("The sandbox is unavailable: \\S"))),
                 qPrintable(errors));
        QVERIFY2(!QFile::exists(fixture.server().dataDir() + QStringLiteral("/auth.d/") + kTeam),
                 "a refused start still created the namespace");
    }

    void serveWithAllowUnsandboxedRunsFunctionsUnisolated()
    {
        IntegrationFixture fixture{QStringList{QStringLiteral("--namespace"), kTeam,
                                               QStringLiteral("--allow-unsandboxed"), QStringLiteral("--quiet")}};
        fixture.server().setEnvironment(withoutBubblewrap());
        QVERIFY2(fixture.start(), qPrintable(fixture.errorText()));
        QTRY_VERIFY_WITH_TIMEOUT(QString::fromUtf8(fixture.server().stderrText()).contains(kUnsandboxedLine), 5000);
        QCOMPARE(QString::fromUtf8(fixture.server().stderrText()).count(kUnsandboxedLine), 1);

        const auto team = fixture.connect(fixture.namespaceAuth(kTeam));
        const auto info = wait(team->info());
        VERIFY_OK(info);
        QCOMPARE(info->sandbox, QStringLiteral("none"));
        VERIFY_OK(wait(team->putAction(QStringLiteral("hello"), nodeAction(kHello), PutOptions{})));
        const auto outcome = wait(team->invokeAction(QStringLiteral("hello"), {}, InvokeOptions{}));
        VERIFY_OK(outcome);
        QVERIFY(outcome->activation.has_value());
        const QJsonObject enforcement =
            outcome->activation->annotations->value(QStringLiteral("enforcement")).toObject();
        QCOMPARE(enforcement.value(QLatin1StringView("sandbox")).toString(), QStringLiteral("none"));
    }

    void serveWithOneNamespaceStartsUnsandboxedAndSaysSo()
    {
        IntegrationFixture fixture{QStringList{QStringLiteral("--quiet")}};
        fixture.server().setEnvironment(withoutBubblewrap());
        QVERIFY2(fixture.start(), qPrintable(fixture.errorText()));
        QTRY_VERIFY_WITH_TIMEOUT(QString::fromUtf8(fixture.server().stderrText()).contains(kUnsandboxedLine), 5000);
        QCOMPARE(QString::fromUtf8(fixture.server().stderrText()).count(kUnsandboxedLine), 1);
    }
};

FUNCDESK_INTEGRATION_SUITE(TestSandboxCommandLine)
#include "TestSandboxCommandLine.moc"
