#pragma once

#include "core/Platform.h"

#include <QUrl>

#include <utility>

namespace funcdesk {

// The REST addresses of one namespace on an OpenWhisk-compatible platform
// (`{root}api/v1/namespaces/{ns}/...`). Names go into the path as they are, "pkg/action"
// included, with each segment percent-encoded; query values are percent-encoded too.
class OpenWhiskUrls
{
public:
    using Query = QList<std::pair<QString, QString>>;

    OpenWhiskUrls(QUrl root, QString ns);

    // The controller root (`GET /`: limits and runtimes).
    QUrl root() const { return m_root; }
    // `GET /api/v1/namespaces`: the namespaces the key may address.
    QUrl namespaces() const;
    // `GET /api/v1/namespaces/{ns}/limits`: the namespace's UserLimits.
    QUrl limits() const;
    QUrl collection(Collection collection, const Query &query = {}) const;
    // The same collection of another namespace (`ns` without slashes, e.g. "whisk.system").
    QUrl collectionOf(const QString &ns, Collection collection, const Query &query = {}) const;
    // `name` is "name", "pkg/name", or fully qualified "/ns/name" and "/ns/pkg/name", which address
    // that namespace ("/whisk.system/alarms/alarm" -> namespaces/whisk.system/actions/alarms/alarm).
    QUrl entity(Collection collection, const QString &name, const Query &query = {}) const;
    QUrl activations(const Query &query = {}) const;
    // Funcdesk's objects API: `buckets`, `buckets/{bucket}` and below it `tail` ("objects/{key}",
    // each segment percent-encoded).
    QUrl buckets(const QString &bucket = {}, const QString &tail = {}, const Query &query = {}) const;
    // `activations/{id}`, or `activations/{id}/{part}` for "logs" and "result".
    QUrl activation(const QString &activationId, const QString &part = {}) const;
    // `{root}api/v1/web/{ns}/{package}/{action}.{extension}`: where a web action answers without a
    // key. An action outside a package is in the "default" one: "hello" -> `.../default/hello.json`,
    // "pkg/act" -> `.../pkg/act.json`.
    QUrl webAction(const QString &actionName, const QString &extension = QStringLiteral("json")) const;

    static QString collectionName(Collection collection);
    // The query of an activation list (`count` for countActivations, which takes no paging).
    static Query activationQuery(const ActivationQuery &query, bool count = false);
    // "pkg/my action" -> "pkg/my%20action".
    static QByteArray encodePath(const QString &name);

private:
    QUrl api(const QByteArray &encodedPath, const Query &query) const;

    QUrl m_root;
    QString m_ns;
};

} // namespace funcdesk
