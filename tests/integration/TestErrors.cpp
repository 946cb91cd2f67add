// The failures a user meets on a real funcdeskd, each as its PlatformError kind with the server's
// own message: a wrong key, another namespace, bad input, limits out of range.

#include "IntegrationFixture.h"

#include "TestSuites.h"

using namespace funcdesk;

class TestErrors : public IntegrationSuite
{
    Q_OBJECT

private Q_SLOTS:
    void wrongKeyIsAnAuthError()
    {
        const QString guest = fixture.server().guestKey();
        QVERIFY2(guest.contains(QLatin1Char(':')), qPrintable(guest));
        const QString wrong =
            guest.section(QLatin1Char(':'), 0, 0) + QStringLiteral(":") + QString(64, QLatin1Char('x'));
        auto intruder = fixture.connect(wrong);
        const auto actions = wait(intruder->listActions(ListOptions{}));
        VERIFY_FAILS_WITH(actions, PlatformError::Kind::Auth);
        QVERIFY(!actions.error().message.contains(QString(64, QLatin1Char('x'))));
        // A refused key is not an unreachable platform.
        QVERIFY(intruder->isAvailable());
    }

    void unknownUserIsAnAuthError()
    {
        auto stranger =
            fixture.connect(QStringLiteral("00000000-0000-0000-0000-000000000000:") + QString(64, QLatin1Char('k')));
        VERIFY_FAILS_WITH(wait(stranger->getAction(QStringLiteral("hello"))), PlatformError::Kind::Auth);
    }

    void anotherNamespaceIsNotAuthorized()
    {
        // The guest key addresses its own namespace only.
        auto elsewhere = fixture.connect(QString(), uniqueName("someone-else"));
        const auto actions = wait(elsewhere->listActions(ListOptions{}));
        VERIFY_FAILS_WITH(actions, PlatformError::Kind::Auth);
        QVERIFY2(actions.error().message.startsWith(QLatin1StringView("The supplied authentication is not authorized")),
                 qPrintable(actions.error().message));
    }

    void unknownKindIsInvalidWithTheServersMessage()
    {
        Action action = nodeAction(QStringLiteral("function main() { return {}; }"));
        action.exec->kind = QStringLiteral("cobol:85");
        const auto put = wait(platform->putAction(uniqueName("cobol"), action, PutOptions{}));
        VERIFY_FAILS_WITH(put, PlatformError::Kind::Invalid);
        QVERIFY2(put.error().message.contains(QLatin1StringView("cobol:85")), qPrintable(put.error().message));
    }

    void memoryOutOfRangeIsInvalidWithTheServersMessage()
    {
        Action action = nodeAction(QStringLiteral("function main() { return {}; }"));
        ActionLimits limits;
        limits.memoryMb = 100000;
        action.limits = limits;
        const auto put = wait(platform->putAction(uniqueName("huge"), action, PutOptions{}));
        VERIFY_FAILS_WITH(put, PlatformError::Kind::Invalid);
        QVERIFY2(put.error().message.contains(QLatin1StringView("memory")), qPrintable(put.error().message));
    }

    void listLimitOutOfRangeIsInvalid()
    {
        const auto listed = wait(platform->listActions(ListOptions{500, 0}));
        VERIFY_FAILS_WITH(listed, PlatformError::Kind::Invalid);
        QCOMPARE(listed.error().message,
                 QStringLiteral("The value '500' is not in the range of 0 to 200 for actions."));
    }

    void badEntityNameIsInvalid()
    {
        const auto put = wait(
            platform->putAction(QStringLiteral("-starts-with-dash"), nodeAction(QStringLiteral("x")), PutOptions{}));
        VERIFY_FAILS_WITH(put, PlatformError::Kind::Invalid);
    }

    void missingRuleCannotBeSwitched()
    {
        VERIFY_FAILS_WITH(wait(platform->setRuleActive(uniqueName("norule"), true)), PlatformError::Kind::NotFound);
    }
};

FUNCDESK_INTEGRATION_SUITE(TestErrors)
#include "TestErrors.moc"
