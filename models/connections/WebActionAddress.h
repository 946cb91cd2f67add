#pragma once

#include <QString>
#include <QUrl>

namespace funcdesk {

struct ConnectionProfile;

// Where a connection serves web actions, and the address of one there: the embedded server for
// the Local connection, the API host (read as the REST client reads it) for a remote one.
class WebActionAddress
{
public:
    WebActionAddress() = default; // nowhere: every url() is empty
    // `baseUrl`: "http://127.0.0.1:3233", "host:port" (https) or a URL with a path prefix.
    explicit WebActionAddress(const QString &baseUrl);
    // `localBaseUrl`: where the embedded server answers ("" when it could not listen).
    static WebActionAddress of(const ConnectionProfile &profile, const QString &localBaseUrl);

    // "{base}/api/v1/web/guest/default/hello.json"; "pkg/act" -> "{base}/api/v1/web/guest/pkg/act.json".
    // Empty when there is no address or no action.
    QString url(const QString &ns, const QString &actionName) const;
    // The base itself without a trailing "/" ("http://127.0.0.1:3233"), where API routes live
    // under "/api/..."; empty when there is none.
    QString root() const;

private:
    QUrl m_root;
};

} // namespace funcdesk
