// The executor's cgroup v2 set-up under delegation (executor/Cgroup.cpp): it manages its own v2
// group when that group is delegated to it (systemd's Delegate=yes), moving itself into a leaf
// beneath it, and otherwise falls back with one log line that names the group and the reason.
// The real-process case puts funcdeskd into a fresh v2 group of this machine (needs root and a
// writable cgroup2 mount; skipped otherwise).
#include "executor/Cgroup.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <sys/xattr.h>
#include <unistd.h>

using namespace funcdesk;

namespace {

QString cgroup2Mount()
{
    QFile mountinfo(QStringLiteral("/proc/self/mountinfo"));
    if (!mountinfo.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : mountinfo.readAll().split('\n')) {
        const int separator = line.indexOf(" - ");
        if (separator > 0 && line.mid(separator + 3).startsWith("cgroup2 "))
            return QString::fromUtf8(line.left(separator).split(' ').value(4));
    }
    return {};
}

} // namespace

class TestCgroupDelegation : public QObject
{
    Q_OBJECT

private:
    // Runs funcdeskd invoke of hello.js from inside the v2 group `group`; returns its stderr.
    QByteArray invokeInGroup(const QString &group, int *exitCode)
    {
        QProcess process;
        process.setProgram(QStringLiteral("/bin/sh"));
        process.setArguments(
            {QStringLiteral("-c"), QStringLiteral("echo $$ > \"$1/cgroup.procs\" && exec \"$2\" invoke \"$3\""),
             QStringLiteral("sh"), group, QStringLiteral(FUNCDESKD_PATH), QStringLiteral(EXAMPLES_DIR "/hello.js")});
        process.start();
        if (!process.waitForFinished(60000))
            process.kill();
        *exitCode = process.exitCode();
        return process.readAllStandardError();
    }

private Q_SLOTS:
    void subtreeIsTheOwnGroupOrTheParentOfOurLeaf()
    {
        QCOMPARE(CgroupHost::delegatedSubtree(QStringLiteral("/system.slice/funcdeskd.service")),
                 QStringLiteral("/system.slice/funcdeskd.service"));
        QCOMPARE(CgroupHost::delegatedSubtree(QStringLiteral("/system.slice/funcdeskd.service/funcdesk.self")),
                 QStringLiteral("/system.slice/funcdeskd.service"));
        QCOMPARE(CgroupHost::delegatedSubtree(QStringLiteral("/funcdesk.self")), QStringLiteral("/"));
        QCOMPARE(CgroupHost::delegatedSubtree(QStringLiteral("/")), QStringLiteral("/"));
        QCOMPARE(CgroupHost::delegatedSubtree(QString()), QStringLiteral("/"));
        // Only our own leaf's name counts.
        QCOMPARE(CgroupHost::delegatedSubtree(QStringLiteral("/user.slice/other.self")),
                 QStringLiteral("/user.slice/other.self"));
    }

    void funcdeskdInAGroupUsesItOrSaysWhyNot()
    {
        const QString mount = cgroup2Mount();
        if (mount.isEmpty() || ::geteuid() != 0 || ::access(QFile::encodeName(mount).constData(), W_OK) != 0)
            QSKIP("needs root and a writable cgroup2 mount");
        const QString group = mount + QStringLiteral("/fdtest-delegation-%1").arg(::getpid());
        QVERIFY(QDir().mkpath(group));
        const auto removeGroup = qScopeGuard([&group] {
            QDir().rmdir(group + QStringLiteral("/funcdesk.self"));
            QDir().rmdir(group);
        });

        // Not delegated: funcdeskd leaves the group alone and says so, once.
        int exitCode = -1;
        QByteArray errors = invokeInGroup(group, &exitCode);
        QCOMPARE(exitCode, 0);
        const QByteArray line = "funcdesk: cgroup v2: not using " + QFile::encodeName(group) + " (";
        QVERIFY2(errors.count(line) == 1, errors.constData());
        QVERIFY(!QFile::exists(group + QStringLiteral("/funcdesk.self")));

        // Delegated, as systemd marks a Delegate=yes unit's group.
        if (::setxattr(QFile::encodeName(group).constData(), "trusted.delegate", "1", 1, 0) != 0)
            QSKIP("this cgroup2 mount keeps no trusted.delegate attribute");
        errors = invokeInGroup(group, &exitCode);
        QCOMPARE(exitCode, 0);
        QFile controllers(group + QStringLiteral("/cgroup.controllers"));
        QVERIFY(controllers.open(QIODevice::ReadOnly));
        if (controllers.readAll().contains("memory")) {
            // It moved into its leaf and limited its functions below the group.
            QVERIFY2(!errors.contains(line), errors.constData());
            QVERIFY(QFile::exists(group + QStringLiteral("/funcdesk.self")));
        } else {
            // This machine gives v2 no memory controller (v1 holds it): the line says that.
            QVERIFY2(errors.contains(line + "it has no memory controller)"), errors.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestCgroupDelegation)
#include "TestCgroupDelegation.moc"
