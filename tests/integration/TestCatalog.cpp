// The whisk.system catalog on a real funcdeskd, through OpenWhiskPlatform: the guest's key reads
// its published packages and actions and invokes the utils actions (recorded in guest), every
// write there is OpenWhisk's 403, and rules in guest fan out to /whisk.system/utils/echo and to
// guest's own action, each listed in the trigger activation's logs.

#include "IntegrationFixture.h"

#include "TestSuites.h"

#include <QDateTime>
#include <QJsonDocument>

using namespace funcdesk;

namespace {
const QString kSystem = QStringLiteral("whisk.system");

QString forbidden(const QString &resource)
{
    return QStringLiteral("The supplied authentication is not authorized to access '%1'.").arg(resource);
}

Rule ruleTo(const QString &trigger, const QString &action)
{
    return Rule::fromJson(QJsonObject{{QStringLiteral("trigger"), QStringLiteral("/_/") + trigger},
                                      {QStringLiteral("action"), action}})
        .value();
}
} // namespace

class TestCatalog : public IntegrationSuite
{
    Q_OBJECT

private:
    std::unique_ptr<OpenWhiskPlatform> system; // the guest's key addressing whisk.system

    // Invokes whisk.system/utils/<name> blocking and returns its result.
    QJsonObject runUtil(const QString &name, const QJsonObject &params)
    {
        const auto ran = wait(system->invokeAction(QStringLiteral("utils/") + name, params, InvokeOptions{}));
        [&] { VERIFY_OK(ran); }();
        if (!ran.ok() || !ran->activation)
            return {};
        [&] {
            QVERIFY2(ran->activation->succeeded(), QJsonDocument(ran->activation->toJson()).toJson().constData());
        }();
        return ran->activation->response->result.toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        connectToServer();
        system = fixture.connect(fixture.server().guestKey(), kSystem);
    }
    void cleanupTestCase() { system.reset(); }

    void anotherNamespaceReadsThePublishedPackages()
    {
        const auto packages = wait(system->listPackages(ListOptions{}));
        VERIFY_OK(packages);
        QStringList names;
        for (const Package &package : packages.value()) {
            QVERIFY(package.publish.value_or(false));
            names.append(package.name.value_or(QString()));
        }
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("alarms"), QStringLiteral("apimgmt"), QStringLiteral("storage"),
                                     QStringLiteral("utils")}));
        const auto utils = wait(system->getPackage(QStringLiteral("utils")));
        VERIFY_OK(utils);
        QCOMPARE(utils->ns.value_or(QString()), kSystem);
        const QJsonArray actions = utils->actions.value_or(QJsonArray());
        QVERIFY(std::any_of(actions.begin(), actions.end(), [](const QJsonValue &entry) {
            return entry.toObject().value(QLatin1StringView("name")).toString() == QLatin1StringView("echo");
        }));
        QVERIFY(utils->feeds.has_value());
        const auto echo = wait(system->getAction(QStringLiteral("utils/echo")));
        VERIFY_OK(echo);
        QCOMPARE(echo->ns.value_or(QString()), QStringLiteral("whisk.system/utils"));
        QCOMPARE(echo->annotations->value(QStringLiteral("description")).toString(),
                 QStringLiteral("Returns the input"));
        // A package that is not there is as out of reach as a private one.
        const auto missing = wait(system->getPackage(QStringLiteral("nope")));
        VERIFY_FAILS_WITH(missing, PlatformError::Kind::Auth);
        QCOMPARE(missing.error().message, forbidden(QStringLiteral("whisk.system/nope")));
    }

    void everyWriteToTheCatalogIsForbidden()
    {
        Action replacement = nodeAction(QStringLiteral("function main() { return {hacked: true}; }"));
        const auto put = wait(system->putAction(QStringLiteral("utils/echo"), replacement, PutOptions{true, {}}));
        VERIFY_FAILS_WITH(put, PlatformError::Kind::Auth);
        QCOMPARE(put.error().message, forbidden(QStringLiteral("whisk.system/utils/echo")));
        VERIFY_FAILS_WITH(wait(system->deleteAction(QStringLiteral("utils/echo"))), PlatformError::Kind::Auth);
        VERIFY_FAILS_WITH(wait(system->putAction(QStringLiteral("mine"), replacement, PutOptions{})),
                          PlatformError::Kind::Auth);
        VERIFY_FAILS_WITH(wait(system->putTrigger(QStringLiteral("t"), emptyTrigger(), PutOptions{})),
                          PlatformError::Kind::Auth);
        VERIFY_FAILS_WITH(wait(system->deleteTrigger(QStringLiteral("t"))), PlatformError::Kind::Auth);
        VERIFY_FAILS_WITH(wait(system->fireTrigger(QStringLiteral("t"), {})), PlatformError::Kind::Auth);
        VERIFY_FAILS_WITH(wait(system->putRule(QStringLiteral("r"),
                                               ruleLinking(QStringLiteral("t"), QStringLiteral("a")), PutOptions{})),
                          PlatformError::Kind::Auth);
        VERIFY_FAILS_WITH(wait(system->setRuleActive(QStringLiteral("r"), false)), PlatformError::Kind::Auth);
        // Only its packages are listed to others, not its actions, triggers or rules.
        VERIFY_FAILS_WITH(wait(system->listActions(ListOptions{})), PlatformError::Kind::Auth);
        VERIFY_FAILS_WITH(wait(system->listTriggers(ListOptions{})), PlatformError::Kind::Auth);

        const auto echo = wait(system->getAction(QStringLiteral("utils/echo")));
        VERIFY_OK(echo);
        QVERIFY(!echo->exec->code.value_or(QString()).contains(QLatin1StringView("hacked")));
    }

    void utilsActionsAnswerWithOpenWhisksShapes()
    {
        const QJsonObject echoed{{QStringLiteral("payload"), QStringLiteral("Five fuzzy felines")}};
        QCOMPARE(runUtil(QStringLiteral("echo"), echoed), echoed);
        QCOMPARE(runUtil(QStringLiteral("cat"), {{QStringLiteral("lines"), QJsonArray{4, 2, 3}}}),
                 (QJsonObject{{QStringLiteral("lines"), QJsonArray{4, 2, 3}},
                              {QStringLiteral("payload"), QStringLiteral("4\n2\n3")}}));
        QCOMPARE(runUtil(QStringLiteral("sort"),
                         {{QStringLiteral("lines"),
                           QJsonArray{QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("a")}}}),
                 (QJsonObject{{QStringLiteral("lines"),
                               QJsonArray{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}},
                              {QStringLiteral("length"), 3}}));
        QCOMPARE(runUtil(QStringLiteral("head"),
                         {{QStringLiteral("lines"), QJsonArray{4, 2, 3}}, {QStringLiteral("num"), 2}}),
                 (QJsonObject{{QStringLiteral("lines"), QJsonArray{4, 2}}, {QStringLiteral("num"), 2}}));
        QCOMPARE(runUtil(QStringLiteral("split"), {{QStringLiteral("payload"), QStringLiteral("one,two,three")},
                                                   {QStringLiteral("separator"), QStringLiteral(",")}}),
                 (QJsonObject{{QStringLiteral("lines"),
                               QJsonArray{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")}},
                              {QStringLiteral("payload"), QStringLiteral("one,two,three")}}));
        const QString date = runUtil(QStringLiteral("date"), {}).value(QLatin1StringView("date")).toString();
        QVERIFY2(QDateTime::fromString(date, Qt::ISODateWithMs).isValid(), qPrintable(date));

        // The activation is the caller's: guest lists it, named as OpenWhisk names it.
        const auto ran = wait(system->invokeAction(QStringLiteral("utils/echo"), echoed, InvokeOptions{}));
        VERIFY_OK(ran);
        const auto inGuest = wait(platform->getActivation(ran->activationId));
        VERIFY_OK(inGuest);
        QCOMPARE(inGuest->ns.value_or(QString()), QStringLiteral("guest"));
        QCOMPARE(inGuest->name.value_or(QString()), QStringLiteral("echo"));
        QCOMPARE(inGuest->annotation(QStringLiteral("path")).toString(), QStringLiteral("whisk.system/utils/echo"));
    }

    void aTriggerFansOutToTheCatalogAndToAnOwnAction()
    {
        const QString trigger = uniqueName("uploads");
        const QString own = uniqueName("record");
        VERIFY_OK(wait(platform->putTrigger(trigger, emptyTrigger(), PutOptions{})));
        VERIFY_OK(wait(platform->putAction(own, nodeAction(QStringLiteral("function main(p) { return {seen: p.n}; }")),
                                           PutOptions{})));
        const auto toEcho = wait(platform->putRule(
            uniqueName("a-echo"), ruleTo(trigger, QStringLiteral("/whisk.system/utils/echo")), PutOptions{}));
        VERIFY_OK(toEcho);
        QCOMPARE(toEcho->action->path, QStringLiteral("whisk.system/utils"));
        VERIFY_OK(wait(platform->putRule(uniqueName("b-own"), ruleTo(trigger, own), PutOptions{})));
        VERIFY_FAILS_WITH(
            wait(platform->putRule(uniqueName("c-bad"), ruleTo(trigger, QStringLiteral("/whisk.system/utils/nope")),
                                   PutOptions{})),
            PlatformError::Kind::Invalid);

        const auto fired = wait(platform->fireTrigger(trigger, QJsonObject{{QStringLiteral("n"), 9}}));
        VERIFY_OK(fired);
        QVERIFY(fired->has_value());
        const auto record = wait(platform->getActivation(fired->value()));
        VERIFY_OK(record);
        QCOMPARE(record->logs.value_or(QStringList()).size(), 2);
        QStringList actions;
        for (const QString &line : *record->logs) {
            const QJsonObject entry = QJsonDocument::fromJson(line.toUtf8()).object();
            QCOMPARE(entry.value(QLatin1StringView("statusCode")).toInt(-1), 0);
            QVERIFY(entry.value(QLatin1StringView("success")).toBool());
            const QString id = entry.value(QLatin1StringView("activationId")).toString();
            QCOMPARE(id.size(), 32);
            actions.append(entry.value(QLatin1StringView("action")).toString());
            // Each rule's activation arrives in guest, caused by the trigger's.
            Result<Activation> ran = PlatformError{};
            const bool arrived = QTest::qWaitFor([&] { return (ran = wait(platform->getActivation(id))).ok(); }, 30000);
            if (!arrived) {
                VERIFY_OK(ran); // says why it did not arrive
            }
            QCOMPARE(ran->cause.value_or(QString()), fired->value());
            QCOMPARE(ran->response->result.toObject()
                         .value(QLatin1StringView("n"))
                         .toInt(ran->response->result.toObject().value(QLatin1StringView("seen")).toInt()),
                     9);
        }
        actions.sort();
        QCOMPARE(actions, (QStringList{QStringLiteral("guest/") + own, QStringLiteral("whisk.system/utils/echo")}));
    }
};

FUNCDESK_INTEGRATION_SUITE(TestCatalog)
#include "TestCatalog.moc"
