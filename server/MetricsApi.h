#pragma once

#include "server/ActionMetrics.h"
#include "server/ApiRequest.h"
#include "server/Reply.h"

#include <QMetaObject>

#include <memory>

namespace funcdesk {

// Who may read `GET /metrics`.
enum class MetricsAccess {
    Off,           // no /metrics: 404 as any unknown path
    Authenticated, // Basic auth as the REST API; a namespace reads its own series only
    Public,        // no auth; every namespace's series (action and namespace names included)
};

// `GET /metrics` (and HEAD): the activations of this server in Prometheus' text format, under
// OpenWhisk's user-events metric names (ActionMetrics). Collects from the engine's activation
// stream, on the engine's thread, from construction on.
class MetricsApi
{
public:
    MetricsApi(LocalEngine &engine, MetricsAccess access, int maxSeries);
    ~MetricsApi();
    MetricsApi(const MetricsApi &) = delete;
    MetricsApi &operator=(const MetricsApi &) = delete;

    void handle(const ApiRequest &request, Reply reply) const;

private:
    LocalEngine &m_engine;
    MetricsAccess m_access;
    std::shared_ptr<ActionMetrics> m_metrics;
    QMetaObject::Connection m_recorded;
};

} // namespace funcdesk
