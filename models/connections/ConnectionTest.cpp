#include "models/connections/ConnectionTest.h"
#include "core/FutureCallback.h"

#include "platforms/openwhisk/OpenWhiskPlatform.h"

#include <QPromise>

namespace funcdesk {

namespace {

using Promise = std::shared_ptr<QPromise<Result<QString>>>;

Promise startedPromise()
{
    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    return promise;
}

void finish(const Promise &promise, Result<QString> result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

void fail(const Promise &promise, const PlatformError &error)
{
    finish(promise, PlatformError{error.kind, ConnectionTest::describeFailure(error)});
}

QString summary(const PlatformInfo &info, const QString &namespaceName)
{
    QStringList kinds;
    for (const auto &runtime : info.runtimes) {
        if (!runtime.deprecated)
            kinds.append(runtime.kind);
    }
    const QString runtimes = kinds.isEmpty()
                                 ? ConnectionTest::tr("no runtimes")
                                 : ConnectionTest::tr("runtimes %1").arg(kinds.join(QLatin1StringView(", ")));
    return ConnectionTest::tr("Connected: %1, %2; namespace %3").arg(info.description, runtimes, namespaceName);
}

} // namespace

QString ConnectionTest::describeFailure(const PlatformError &error)
{
    if (error.kind == PlatformError::Kind::Auth)
        return tr("The server refused the key: %1").arg(error.message);
    return error.message;
}

QFuture<Result<QString>> ConnectionTest::run(Platform *platform, QObject *context)
{
    auto promise = startedPromise();
    onResult(platform->info(), context, [promise, platform = QPointer<Platform>(platform)](Result<PlatformInfo> info) {
        if (!info)
            return fail(promise, info.error());
        if (!platform)
            return fail(promise, PlatformError{PlatformError::Kind::Network, tr("The connection was closed.")});
        finish(promise, summary(*info, platform->namespaceName()));
    });
    return promise->future();
}

QFuture<Result<QString>> ConnectionTest::run(const ConnectionProfile &profile, const QString &key, QObject *context)
{
    OpenWhiskConfig config;
    config.apiHost = profile.apiHost;
    config.auth = key;
    config.ns = profile.namespaceName;
    config.ignoreCertificateErrors = profile.ignoreCertificateErrors;
    config.caCertificateFile = profile.caCertificateFile;
    config.pinnedCertificateSha256 = profile.pinnedCertificateSha256;
    config.requestTimeoutMs = 15000;
    // Owned by the chain below; every OpenWhiskPlatform future finishes, so it is always deleted.
    auto *client = new OpenWhiskPlatform(config, context);
    auto promise = startedPromise();
    const bool wantsNamespace = profile.namespaceName == QLatin1StringView("_");
    const auto done = [client, promise](Result<QString> result) {
        client->deleteLater();
        finish(promise, std::move(result));
    };
    onResult(client->info(), context, [=](Result<PlatformInfo> info) {
        if (!info)
            return done(PlatformError{info.error().kind, describeFailure(info.error())});
        if (key.isEmpty())
            return done(
                PlatformError{PlatformError::Kind::Auth,
                              tr("The server answered (%1), but no auth key was entered.").arg(info->description)});
        // The namespace list tells whether the key is taken; a named namespace is then checked
        // with a call inside it, since a key may be valid and still not reach that namespace.
        onResult(client->resolveNamespace(), context, [=](Result<QString> resolved) {
            if (!resolved)
                return done(PlatformError{resolved.error().kind, describeFailure(resolved.error())});
            if (wantsNamespace)
                return done(summary(*info, *resolved));
            onResult(client->count(Collection::Actions), context, [=](Result<qint64> counted) {
                if (!counted)
                    return done(PlatformError{counted.error().kind, describeFailure(counted.error())});
                done(summary(*info, client->namespaceName()));
            });
        });
    });
    return promise->future();
}

} // namespace funcdesk
