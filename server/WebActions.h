#pragma once

#include "platforms/local/ApiRouteTable.h"
#include "server/ApiHandler.h"
#include "server/WebResponse.h"

namespace funcdesk {

// /api/v1/web/{namespace}/{package|default}/{action}[.ext][/extra/path]: runs an action annotated
// web-export as an HTTP handler (OpenWhisk docs/webactions.md). No credentials unless the action
// has require-whisk-auth. The action receives __ow_method, __ow_headers and __ow_path (and
// __ow_user, __ow_body, __ow_query as OpenWhisk passes them) plus query and body parameters.
class WebActions
{
public:
    explicit WebActions(LocalEngine &engine);

    // `caller` is set when the request carried valid Basic credentials.
    void handle(const ApiRequest &request, Reply reply, std::optional<Identity> caller);
    // An API gateway route, /api/{basepath}/{relpath}: runs the route's web action as the gateway
    // does, with the path parameters as parameters and __ow_path the path after "/api".
    void handleRoute(const ApiRequest &request, Reply reply, std::optional<Identity> caller, const RouteMatch &route);

private:
    struct Call;
    std::shared_ptr<Call> callFor(const ApiRequest &request, std::optional<Identity> caller) const;
    void runExported(std::shared_ptr<Call> call, Reply reply);
    void run(std::shared_ptr<Call> call, Action action, Reply reply);
    static void sendOutcome(Reply &reply, WebExtension extension, Result<InvokeOutcome> outcome);

    LocalEngine &m_engine;
};

} // namespace funcdesk
