#pragma once

#include "core/KeyValue.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QString>

#include <memory>

namespace funcdesk {

// One invocation of a built-in action of the `whisk.system` catalog.
struct BuiltinCall
{
    QString ns;           // the namespace that invoked it (the activation is recorded there)
    QString action;       // "package/name" in whisk.system, e.g. "alarms/alarm"
    QString activationId; // of this invocation
    QJsonObject params;   // package parameters, action parameters and the payload, merged
};

// An action of the `whisk.system` catalog that the local platform runs in-process rather than in
// a runtime process: the feed actions (alarms, storage) and apimgmt, which must reach the
// platform's own scheduler, object store and route table (on OpenWhisk they are provider
// services reached over HTTP). A call returns the activation's result; an error becomes an
// "application error" activation whose result is {"error": message}, as OpenWhisk's feed actions
// answer. run() is called on a worker thread, may be called on several at once, and must finish
// quickly (no waiting on the engine's store thread beyond one committed write).
class BuiltinAction
{
public:
    virtual ~BuiltinAction() = default;
    virtual Result<QJsonObject> run(const BuiltinCall &call) = 0;
};

// What the catalog publishes for one built-in action: its annotations (`feed: true` on feeds,
// `web-export` on apimgmt, `description`, `parameters`) and default parameters.
struct BuiltinDefinition
{
    QString package; // "alarms"
    QString name;    // "alarm"
    KeyValueList annotations;
    KeyValueList parameters;
    std::shared_ptr<BuiltinAction> action;
};

} // namespace funcdesk
