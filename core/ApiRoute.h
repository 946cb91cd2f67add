#pragma once

#include <QString>

namespace funcdesk {

// One API gateway route (an HTTP trigger) as OpenWhisk's apimgmt package keeps them: a verb on
// base path + relative path ("/shop" + "/items/{id}", GET) answered by a web action, with the
// response type (json, http, html, svg, text). `url` is where the route is served
// (gwApiUrl + relative path), filled by the platform.
struct ApiRoute
{
    QString apiName;  // display name of the API (defaults to the base path)
    QString basePath; // "/shop"
    QString relPath;  // "/items/{id}"
    QString verb;     // "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"
    QString action;   // the web action, fully qualified: "/guest/getItem" or "/guest/pkg/getItem"
    QString responseType = QStringLiteral("json");
    QString url; // answered by the platform: "http://host:3233/api/shop/items/{id}"

    friend bool operator==(const ApiRoute &, const ApiRoute &) = default;
};

} // namespace funcdesk
