#pragma once

#include "core/PlatformError.h"
#include "core/Result.h"
#include "models/connections/ConnectionProfile.h"

#include <QCoreApplication>
#include <QFuture>

class QObject;

namespace funcdesk {

class Platform;

// "Test connection": asks a platform what it is and whether it takes the key, and puts the
// answer in one sentence for the user ("Connected: OpenWhisk API, runtimes nodejs:20; namespace
// guest", or what the server said when it refused).
class ConnectionTest
{
    Q_DECLARE_TR_FUNCTIONS(funcdesk::ConnectionTest)

public:
    // A remote profile with `key`: a throwaway client, deleted when the test ends. Continuations
    // run on `context`'s thread.
    static QFuture<Result<QString>> run(const ConnectionProfile &profile, const QString &key, QObject *context);
    // An existing platform (the Local one).
    static QFuture<Result<QString>> run(Platform *platform, QObject *context);

    // A failure as the user should read it: a refused key says so, the rest is the platform's text.
    static QString describeFailure(const PlatformError &error);
};

} // namespace funcdesk
