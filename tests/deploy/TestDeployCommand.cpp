// `funcdeskd deploy`, the real binary: its help, its lines and summary, its exit codes (0 deployed,
// 1 invalid manifest or command line, 2 platform error), against a data folder and a real
// `funcdeskd serve` (the key from FUNCDESKD_AUTH or --auth-file, never from the command line).
#include "support/FuncdeskdProcess.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk::test;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run funcdeskd(const QStringList &arguments, const QProcessEnvironment &extra = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(extra);
    process.setProcessEnvironment(environment);
    process.start(FuncdeskdProcess::binary(), arguments);
    if (!process.waitForFinished(120000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

const QByteArray kManifest = "packages:\n"
                             "  default:\n"
                             "    actions:\n"
                             "      hello:\n"
                             "        function: hello.js\n"
                             "    triggers:\n"
                             "      meet:\n"
                             "    rules:\n"
                             "      greet:\n"
                             "        trigger: meet\n"
                             "        action: hello\n";

} // namespace

class TestDeployCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpListsTheCommandAndItsOptions();
    void deploysToADataFolder();
    void invalidManifestExitsOneAndAppliesNothing();
    void unreachableServerExitsTwo();
    void deploysToAServerWithTheKeyFromTheEnvironment();
};

void TestDeployCommand::helpListsTheCommandAndItsOptions()
{
    const Run usage = funcdeskd({u"--help"_s});
    QCOMPARE(usage.exitCode, 0);
    QVERIFY2(usage.err.contains(u"deploy DIR"_s), qPrintable(usage.err));
    const Run help = funcdeskd({u"deploy"_s, u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    for (const QString &option : {u"--manifest"_s, u"--dry-run"_s, u"--data-dir"_s, u"--url"_s, u"--auth-file"_s})
        QVERIFY2(help.out.contains(option), qPrintable(help.out));
    // A key never goes on the command line.
    const Run auth = funcdeskd({u"deploy"_s, u"."_s, u"--url"_s, u"http://127.0.0.1:1"_s, u"--auth"_s, u"a:b"_s});
    QCOMPARE(auth.exitCode, 1);
    QVERIFY2(auth.err.contains(u"auth"_s), qPrintable(auth.err));
}

void TestDeployCommand::deploysToADataFolder()
{
    QTemporaryDir dir;
    write(dir.filePath(u"project/hello.js"_s), "function main() { return {}; }\n");
    write(dir.filePath(u"project/manifest.yaml"_s), kManifest);
    const QStringList arguments{u"deploy"_s, dir.filePath(u"project"_s), u"--data-dir"_s, dir.filePath(u"data"_s)};

    const Run dry = funcdeskd(arguments + QStringList{u"--dry-run"_s});
    QCOMPARE(dry.exitCode, 0);
    QVERIFY2(dry.out.endsWith(u"3 created, 0 changed, 0 unchanged (dry run: nothing applied)\n"_s),
             qPrintable(dry.out));

    QVERIFY(!QFile::exists(dir.filePath(u"data/auth"_s))); // a dry run makes no namespace either

    const Run first = funcdeskd(arguments);
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(first.out, u"created action hello\ncreated trigger meet\ncreated rule greet\n"
                        "3 created, 0 changed, 0 unchanged\n"_s);
    QVERIFY(QFile::exists(dir.filePath(u"data/auth"_s))); // the new namespace's key, as serve keeps it

    write(dir.filePath(u"project/hello.js"_s), "function main() { return {edited: true}; }\n");
    const Run second = funcdeskd(arguments);
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(second.out, u"changed action hello\nunchanged trigger meet\nunchanged rule greet\n"
                         "0 created, 1 changed, 2 unchanged\n"_s);
}

void TestDeployCommand::invalidManifestExitsOneAndAppliesNothing()
{
    QTemporaryDir dir;
    write(dir.filePath(u"project/hello.js"_s), "function main() { return {}; }\n");
    write(dir.filePath(u"project/manifest.yaml"_s), QByteArray(kManifest).replace("action: hello", "action: nobody"));
    const QStringList arguments{u"deploy"_s, dir.filePath(u"project"_s), u"--data-dir"_s, dir.filePath(u"data"_s)};
    const Run invalid = funcdeskd(arguments);
    QCOMPARE(invalid.exitCode, 1);
    QVERIFY(invalid.out.isEmpty());
    QVERIFY2(invalid.err.contains(u"manifest.yaml:11:17: rule 'greet' refers to the action 'nobody'"_s),
             qPrintable(invalid.err));
    // Nothing was applied: fixed, everything is created now.
    write(dir.filePath(u"project/manifest.yaml"_s), kManifest);
    const Run fixed = funcdeskd(arguments);
    QCOMPARE(fixed.exitCode, 0);
    QVERIFY2(fixed.out.endsWith(u"3 created, 0 changed, 0 unchanged\n"_s), qPrintable(fixed.out));
}

void TestDeployCommand::unreachableServerExitsTwo()
{
    QTemporaryDir dir;
    write(dir.filePath(u"hello.js"_s), "function main() { return {}; }\n");
    write(dir.filePath(u"manifest.yaml"_s), kManifest);
    QProcessEnvironment environment;
    environment.insert(u"FUNCDESKD_AUTH"_s, u"uuid:key"_s);
    const Run run = funcdeskd({u"deploy"_s, dir.path(), u"--url"_s, u"http://127.0.0.1:1"_s}, environment);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.isEmpty(), qPrintable(run.out)); // nothing planned, nothing to list
    QVERIFY2(run.err.contains(u"Cannot reach the platform"_s), qPrintable(run.err));
}

void TestDeployCommand::deploysToAServerWithTheKeyFromTheEnvironment()
{
    QTemporaryDir dir;
    FuncdeskdProcess server(dir.filePath(u"server"_s));
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    write(dir.filePath(u"project/hello.js"_s), "function main() { return {}; }\n");
    write(dir.filePath(u"project/manifest.yaml"_s), kManifest);
    QProcessEnvironment environment;
    environment.insert(u"FUNCDESKD_AUTH"_s, server.guestKey());
    const QStringList arguments{u"deploy"_s, dir.filePath(u"project"_s), u"--url"_s, server.apiHost()};
    const Run first = funcdeskd(arguments, environment);
    QCOMPARE(first.exitCode, 0);
    QVERIFY2(first.out.endsWith(u"3 created, 0 changed, 0 unchanged\n"_s), qPrintable(first.out + first.err));
    // The same with the key in a file.
    write(dir.filePath(u"key"_s), server.guestKey().toUtf8());
    const Run second = funcdeskd(arguments + QStringList{u"--auth-file"_s, dir.filePath(u"key"_s)});
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(second.out.endsWith(u"0 created, 0 changed, 3 unchanged\n"_s), qPrintable(second.out + second.err));
}

QTEST_GUILESS_MAIN(TestDeployCommand)
#include "TestDeployCommand.moc"
