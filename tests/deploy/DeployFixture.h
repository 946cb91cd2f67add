#pragma once

// The deployer's tests: a project folder written by the test, read with ManifestReader, deployed
// to a real platform: a LocalPlatform on a temporary data folder, or a real `funcdeskd serve`
// reached through OpenWhiskPlatform.

#include "deploy/Deployer.h"
#include "deploy/ManifestReader.h"
#include "platforms/openwhisk/OpenWhiskPlatform.h"
#include "support/FuncdeskdProcess.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"

#include <QTemporaryDir>
#include <QTest>

namespace funcdesk::test {

struct DeployTarget
{
    explicit DeployTarget(bool remote)
    {
        if (!remote) {
            local = std::make_unique<LocalFixture>();
            platform = local->platform.get();
            return;
        }
        server = std::make_unique<FuncdeskdProcess>(serverDir.filePath(QStringLiteral("platform")));
        if (!server->start())
            qFatal("funcdeskd did not start: %s", qPrintable(server->errorText()));
        OpenWhiskConfig config;
        config.apiHost = server->apiHost();
        config.auth = server->guestKey();
        client = std::make_unique<OpenWhiskPlatform>(config);
        take(client->resolveNamespace()); // as funcdeskd deploy does: names in full are "/guest/…"
        platform = client.get();
    }

    QTemporaryDir serverDir;
    std::unique_ptr<LocalFixture> local;
    std::unique_ptr<FuncdeskdProcess> server;
    std::unique_ptr<OpenWhiskPlatform> client;
    Platform *platform = nullptr;
};

struct DeployProject
{
    QTemporaryDir dir;

    void write(const QString &name, const QByteArray &text)
    {
        QDir().mkpath(QFileInfo(dir.filePath(name)).absolutePath());
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(file.fileName()));
    }

    Manifest manifest(const QString &path = QStringLiteral("manifest.yaml"))
    {
        auto read = ManifestReader::readFile(dir.filePath(path));
        if (!read)
            qFatal("manifest: %s", qPrintable(read.error().message));
        return read.value();
    }
};

inline DeployReport deploy(Platform *platform, const Manifest &manifest, bool dryRun = false)
{
    Deployer deployer(platform, manifest);
    return take(deployer.run(dryRun));
}

// "created action hello", one per entity, in the deployer's order.
inline QStringList lines(const DeployReport &report)
{
    QStringList out;
    for (const DeployEntry &entry : report.entries)
        out.append(deployVerdictName(entry.verdict) + QLatin1Char(' ') + entityKindName(entry.kind) + QLatin1Char(' ') +
                   entry.name);
    return out;
}

inline QString describe(const DeployReport &report)
{
    return lines(report).join(QStringLiteral("; ")) +
           (report.error ? QStringLiteral(" | error: ") + report.error->message : QString());
}

} // namespace funcdesk::test
