#include "IntegrationFixture.h"

#include "ExchangeRecorder.h"

#include <QFile>
#include <QUuid>

using namespace funcdesk;

IntegrationFixture::IntegrationFixture(QStringList serveArguments)
    : m_server(m_dir.path()), m_serveArguments(std::move(serveArguments))
{
}

bool IntegrationFixture::start()
{
    return m_server.start(m_server.port(), m_serveArguments);
}

void IntegrationFixture::stop()
{
    m_server.stop();
}

bool IntegrationFixture::restart()
{
    m_server.stop();
    return m_server.start(m_server.port(), m_serveArguments);
}

QString IntegrationFixture::namespaceAuth(const QString &name) const
{
    QFile file(m_server.dataDir() + QStringLiteral("/auth.d/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

OpenWhiskConfig IntegrationFixture::config(const QString &auth, const QString &ns) const
{
    OpenWhiskConfig config;
    config.apiHost = m_server.apiHost();
    config.auth = auth.isEmpty() ? m_server.guestKey() : auth;
    config.ns = ns;
    config.requestTimeoutMs = 30000;
    config.pollIntervalMs = 200;
    config.retryBaseMs = 100;
    config.retryMaxMs = 800;
    return config;
}

std::unique_ptr<OpenWhiskPlatform> IntegrationFixture::connect(const QString &auth, const QString &ns) const
{
    return connect(config(auth, ns));
}

std::unique_ptr<OpenWhiskPlatform> IntegrationFixture::connect(const OpenWhiskConfig &config) const
{
    auto platform = std::make_unique<OpenWhiskPlatform>(config);
    ExchangeRecorder::record(platform.get());
    return platform;
}

Action nodeAction(const QString &code)
{
    Action action;
    Exec exec;
    exec.kind = QStringLiteral("nodejs:default");
    exec.code = code;
    action.exec = exec;
    return action;
}

Trigger emptyTrigger()
{
    return Trigger{};
}

Rule ruleLinking(const QString &trigger, const QString &action)
{
    Rule rule;
    rule.trigger = EntityRef{QStringLiteral("_"), trigger, true};
    rule.action = EntityRef{QStringLiteral("_"), action, true};
    return rule;
}

QString uniqueName(const char *prefix)
{
    return QLatin1StringView(prefix) + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::Id128).left(8);
}
