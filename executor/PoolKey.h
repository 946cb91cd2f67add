#pragma once

#include "core/ActionLimits.h"
#include "executor/RuntimeCatalog.h"

#include <QByteArray>
#include <QString>

#include <string>

namespace funcdesk {

struct InvocationRequest;

// Everything that makes a process unfit for another action version: a change to any of it
// means a fresh process (code is represented by its digest, computed once per version).
// `limits` must have every field filled (SystemLimits::withDefaults).
std::string poolKey(const InvocationRequest &request, const Runtime &runtime, const ActionLimits &limits,
                    const QByteArray &codeDigest);
// A cheap digest of an action's code for poolKey (size and two seeded hashes).
QByteArray digestOf(const QString &code);

} // namespace funcdesk
