// Namespaces on a real funcdeskd: `serve --namespace team` makes a second namespace with its own
// key in DATA_DIR/auth.d/team; each key sees only its own actions and activations, a key asking
// for the other namespace gets OpenWhisk's 403, and `namespaces/{ns}/limits` reports the
// configured limits.

#include "IntegrationFixture.h"

#include "TestSuites.h"

#include <QFileInfo>
#include <QRegularExpression>

using namespace funcdesk;

namespace {
const QString kWhoAmI = QStringLiteral("function main() { return {ns: process.env.__OW_NAMESPACE}; }");

QStringList namesOf(const QList<Action> &actions)
{
    QStringList names;
    for (const Action &action : actions)
        names.append(action.name.value_or(QString()));
    return names;
}

// Owner, group and other permissions (Qt's "user" bits repeat the owner's for the file's owner).
QFile::Permissions unixMode(const QString &path)
{
    const QFile::Permissions mask = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                    QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther |
                                    QFile::ExeOther;
    return QFileInfo(path).permissions() & mask;
}

QStringList idsOf(const QList<Activation> &activations)
{
    QStringList ids;
    for (const Activation &activation : activations)
        ids.append(activation.activationId);
    return ids;
}
} // namespace

class TestNamespaces : public TeamSuite
{
    Q_OBJECT

public:
    TestNamespaces()
        : TeamSuite({QStringLiteral("--set"), QStringLiteral("limits.memory.max=4096"), QStringLiteral("--set"),
                     QStringLiteral("limits.firesPerMinute=777")})
    {
    }

private Q_SLOTS:
    void namespaceKeyFileIsPrivateAndItsOwn()
    {
        const QString path = fixture.server().dataDir() + QStringLiteral("/auth.d/") + kTeam;
        QCOMPARE(unixMode(path), QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(unixMode(fixture.server().dataDir() + QStringLiteral("/auth.d")),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        static const QRegularExpression shape(QStringLiteral("^[0-9a-f-]{36}:[A-Za-z0-9]{64}$"));
        const QString teamAuth = fixture.namespaceAuth(kTeam);
        QVERIFY2(shape.match(teamAuth).hasMatch(), "auth.d/team does not hold uuid:key");
        QVERIFY(teamAuth != fixture.server().guestKey());
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".new")));
    }

    void underscoreIsTheKeysOwnNamespace()
    {
        const auto resolved = wait(team->resolveNamespace());
        VERIFY_OK(resolved);
        QCOMPARE(resolved.value(), kTeam);
    }

    void eachNamespaceSeesOnlyItsOwnActions()
    {
        const QString mine = uniqueName("guest-only");
        const QString theirs = uniqueName("team-only");
        const QString both = uniqueName("both");
        VERIFY_OK(wait(guest->putAction(mine, nodeAction(kWhoAmI), PutOptions{})));
        VERIFY_OK(wait(team->putAction(theirs, nodeAction(kWhoAmI), PutOptions{})));
        // The same name in two namespaces is two actions: no 409, no overwrite.
        VERIFY_OK(wait(
            guest->putAction(both, nodeAction(QStringLiteral("function main() { return {v: 1}; }")), PutOptions{})));
        VERIFY_OK(wait(
            team->putAction(both, nodeAction(QStringLiteral("function main() { return {v: 2}; }")), PutOptions{})));

        const auto guestList = wait(guest->listActions(ListOptions{200, 0}));
        const auto teamList = wait(team->listActions(ListOptions{200, 0}));
        VERIFY_OK(guestList);
        VERIFY_OK(teamList);
        QVERIFY(namesOf(guestList.value()).contains(mine));
        QVERIFY(!namesOf(guestList.value()).contains(theirs));
        QVERIFY(namesOf(teamList.value()).contains(theirs));
        QVERIFY(!namesOf(teamList.value()).contains(mine));
        VERIFY_FAILS_WITH(wait(team->getAction(mine)), PlatformError::Kind::NotFound);
        VERIFY_FAILS_WITH(wait(guest->getAction(theirs)), PlatformError::Kind::NotFound);

        const auto teamBoth = wait(team->getAction(both));
        VERIFY_OK(teamBoth);
        QCOMPARE(teamBoth->ns.value_or(QString()), kTeam);
        QVERIFY(teamBoth->exec->code.value_or(QString()).contains(QLatin1StringView("v: 2")));
    }

    void eachNamespaceSeesOnlyItsOwnActivations()
    {
        const QString name = uniqueName("who");
        VERIFY_OK(wait(guest->putAction(name, nodeAction(kWhoAmI), PutOptions{})));
        VERIFY_OK(wait(team->putAction(name, nodeAction(kWhoAmI), PutOptions{})));
        const auto inGuest = wait(guest->invokeAction(name, {}, InvokeOptions{}));
        const auto inTeam = wait(team->invokeAction(name, {}, InvokeOptions{}));
        VERIFY_OK(inGuest);
        VERIFY_OK(inTeam);
        QVERIFY(inGuest->activation && inTeam->activation);
        QCOMPARE(inTeam->activation->response->result.toObject().value(QLatin1StringView("ns")).toString(), kTeam);

        ActivationQuery query;
        query.limit = 200;
        const auto guestRuns = wait(guest->listActivations(query));
        const auto teamRuns = wait(team->listActivations(query));
        VERIFY_OK(guestRuns);
        VERIFY_OK(teamRuns);
        QVERIFY(idsOf(guestRuns.value()).contains(inGuest->activationId));
        QVERIFY(!idsOf(guestRuns.value()).contains(inTeam->activationId));
        QVERIFY(idsOf(teamRuns.value()).contains(inTeam->activationId));
        QVERIFY(!idsOf(teamRuns.value()).contains(inGuest->activationId));
        VERIFY_FAILS_WITH(wait(guest->getActivation(inTeam->activationId)), PlatformError::Kind::NotFound);
        VERIFY_FAILS_WITH(wait(team->getActivation(inGuest->activationId)), PlatformError::Kind::NotFound);
    }

    void keyAskingForAnotherNamespaceIsForbidden()
    {
        const QString name = uniqueName("guarded");
        VERIFY_OK(wait(guest->putAction(name, nodeAction(kWhoAmI), PutOptions{})));
        ActivationQuery query;
        query.name = name;
        const auto before = wait(guest->countActivations(query));
        VERIFY_OK(before);

        // The team's key, addressing guest explicitly.
        auto intruder = fixture.connect(fixture.namespaceAuth(kTeam), QStringLiteral("guest"));
        const auto listed = wait(intruder->listActions(ListOptions{}));
        VERIFY_FAILS_WITH(listed, PlatformError::Kind::Auth);
        QCOMPARE(listed.error().message,
                 QStringLiteral("The supplied authentication is not authorized to access 'guest'."));
        const auto invoked = wait(intruder->invokeAction(name, {}, InvokeOptions{}));
        VERIFY_FAILS_WITH(invoked, PlatformError::Kind::Auth);
        QCOMPARE(invoked.error().message,
                 QStringLiteral("The supplied authentication is not authorized to access 'guest/%1'.").arg(name));
        VERIFY_FAILS_WITH(wait(intruder->putAction(name, nodeAction(QStringLiteral("x")), PutOptions{true, {}})),
                          PlatformError::Kind::Auth);
        VERIFY_FAILS_WITH(wait(intruder->namespaceLimits()), PlatformError::Kind::Auth);

        // Nothing ran and nothing changed in guest.
        const auto after = wait(guest->countActivations(query));
        VERIFY_OK(after);
        QCOMPARE(after.value(), before.value());
        const auto kept = wait(guest->getAction(name));
        VERIFY_OK(kept);
        QCOMPARE(kept->exec->code.value_or(QString()), kWhoAmI);
    }

    void limitsEndpointReportsTheConfiguredLimits()
    {
        const auto limits = wait(team->namespaceLimits());
        VERIFY_OK(limits);
        QCOMPARE(limits->maxActionMemory, std::optional<qint64>(4096));       // --set limits.memory.max
        QCOMPARE(limits->firesPerMinute, std::optional<qint64>(777));         // --set limits.firesPerMinute
        QCOMPARE(limits->invocationsPerMinute, std::optional<qint64>(60000)); // the defaults
        QCOMPARE(limits->concurrentInvocations, std::optional<qint64>(256));
        QCOMPARE(limits->minActionMemory, std::optional<qint64>(128));
        QCOMPARE(limits->minActionTimeout, std::optional<qint64>(100));
        QCOMPARE(limits->maxActionTimeout, std::optional<qint64>(300000));
        QCOMPARE(limits->minActionLogs, std::optional<qint64>(0));
        QCOMPARE(limits->maxActionLogs, std::optional<qint64>(10));
        QCOMPARE(limits->minActionConcurrency, std::optional<qint64>(1));
        QCOMPARE(limits->maxActionConcurrency, std::optional<qint64>(100));
        QCOMPARE(limits->maxParameterSize, std::optional<QString>(QStringLiteral("1 MB")));

        // The controller root reports the same rate limits under OpenWhisk's names.
        const auto info = wait(guest->info());
        VERIFY_OK(info);
        QCOMPARE(info->limits.firesPerMinute, 777);
        QCOMPARE(info->limits.invocationsPerMinute, 60000);
        QCOMPARE(info->limits.concurrentInvocations, 256);
    }

    void namespaceAndKeySurviveARestart()
    {
        const QString name = uniqueName("kept");
        VERIFY_OK(wait(team->putAction(name, nodeAction(kWhoAmI), PutOptions{})));
        const QString teamAuth = fixture.namespaceAuth(kTeam);
        QVERIFY2(fixture.restart(), qPrintable(fixture.errorText()));
        QCOMPARE(fixture.namespaceAuth(kTeam), teamAuth); // an existing key is kept
        auto again = fixture.connect(teamAuth);
        VERIFY_OK(wait(again->getAction(name)));
    }
};

FUNCDESK_INTEGRATION_SUITE(TestNamespaces)
#include "TestNamespaces.moc"
