#pragma once

#include "platforms/openwhisk/OpenWhiskPlatform.h"
#include "support/FuncdeskdProcess.h"
#include "support/Futures.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

// One real funcdeskd on a temporary data folder, and OpenWhiskPlatform clients connected to it
// whose every exchange is recorded for the contract check.
class IntegrationFixture
{
public:
    // `serveArguments` go to every `funcdeskd serve` this fixture starts (e.g. --set, --namespace).
    explicit IntegrationFixture(QStringList serveArguments = {});

    // Starts the server (the first time on a chosen port; later on the same one).
    bool start();
    void stop();
    bool restart();
    QString errorText() const { return m_server.errorText(); }

    funcdesk::test::FuncdeskdProcess &server() { return m_server; }
    // The key `funcdeskd serve --namespace NAME` wrote to DATA_DIR/auth.d/NAME ("uuid:key").
    QString namespaceAuth(const QString &name) const;
    funcdesk::OpenWhiskConfig config(const QString &auth = {}, const QString &ns = QStringLiteral("_")) const;
    // A client for `auth` (the guest key by default), recorded.
    std::unique_ptr<funcdesk::OpenWhiskPlatform> connect(const QString &auth = {},
                                                         const QString &ns = QStringLiteral("_")) const;
    std::unique_ptr<funcdesk::OpenWhiskPlatform> connect(const funcdesk::OpenWhiskConfig &config) const;

private:
    QTemporaryDir m_dir;
    funcdesk::test::FuncdeskdProcess m_server;
    QStringList m_serveArguments;
};

// A suite against its own funcdeskd with the guest's client: the server starts and the client
// connects before the suite's first test; the client closes after its last. A suite with more
// set-up declares its own initTestCase(), which calls connectToServer() first.
class IntegrationSuite : public QObject
{
    Q_OBJECT

protected:
    // Fails the calling test (and returns) when the server does not start.
    void connectToServer()
    {
        QVERIFY2(fixture.start(), qPrintable(fixture.errorText()));
        platform = fixture.connect();
    }

    IntegrationFixture fixture;
    std::unique_ptr<funcdesk::OpenWhiskPlatform> platform;

private Q_SLOTS:
    void initTestCase() { connectToServer(); }
    void cleanupTestCase() { platform.reset(); }
};

// A suite against its own `funcdeskd serve --namespace team [extra arguments]`, with a client for
// `guest` and one for `team` (its key from DATA_DIR/auth.d/team), both connected before the
// suite's first test. A suite with more set-up declares its own initTestCase(), which calls
// connectBoth() first.
class TeamSuite : public QObject
{
    Q_OBJECT

public:
    static inline const QString kTeam = QStringLiteral("team");

protected:
    explicit TeamSuite(const QStringList &extraArguments = {})
        : fixture(QStringList{QStringLiteral("--namespace"), kTeam} + extraArguments)
    {
    }
    // Fails the calling test (and returns) when the server does not start or wrote no team key.
    void connectBoth()
    {
        QVERIFY2(fixture.start(), qPrintable(fixture.errorText()));
        const QString teamAuth = fixture.namespaceAuth(kTeam);
        QVERIFY2(!teamAuth.isEmpty(), "serve --namespace team wrote no auth.d/team");
        guest = fixture.connect();
        team = fixture.connect(teamAuth);
    }

    IntegrationFixture fixture;
    std::unique_ptr<funcdesk::OpenWhiskPlatform> guest;
    std::unique_ptr<funcdesk::OpenWhiskPlatform> team;

private Q_SLOTS:
    void initTestCase() { connectBoth(); }
    void cleanupTestCase()
    {
        guest.reset();
        team.reset();
    }
};

using funcdesk::test::wait; // a platform call's Result, the event loop turning meanwhile

template <typename T> QString describe(const funcdesk::Result<T> &result)
{
    return result.ok()
               ? QStringLiteral("ok")
               : funcdesk::PlatformError::kindName(result.error().kind) + QStringLiteral(": ") + result.error().message;
}

// Passes when `expression` (a Result) succeeded; otherwise fails with the error's kind and
// message. The expression is evaluated once: it is usually a call to the platform.
#define VERIFY_OK(expression)                                                                                          \
    do {                                                                                                               \
        const auto &verifiedResult = (expression);                                                                     \
        QVERIFY2(verifiedResult.ok(), qPrintable(describe(verifiedResult)));                                           \
    } while (false)
// Passes when `expression` failed with `expectedKind` and a message.
#define VERIFY_FAILS_WITH(expression, expectedKind)                                                                    \
    do {                                                                                                               \
        const auto &failedResult = (expression);                                                                       \
        QVERIFY2(!failedResult.ok(), "the call succeeded where it should have failed");                                \
        QVERIFY2(failedResult.error().kind == (expectedKind), qPrintable(describe(failedResult)));                     \
        QVERIFY2(!failedResult.error().message.isEmpty(), "the error carries no message");                             \
    } while (false)

// Builders for the documents the tests create.
funcdesk::Action nodeAction(const QString &code);
funcdesk::Trigger emptyTrigger();
funcdesk::Rule ruleLinking(const QString &trigger, const QString &action);
// A unique name for an entity, so tests in one server do not collide.
QString uniqueName(const char *prefix);
