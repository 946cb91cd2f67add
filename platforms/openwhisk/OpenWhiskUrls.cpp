#include "platforms/openwhisk/OpenWhiskUrls.h"

namespace funcdesk {

namespace {
QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}
} // namespace

OpenWhiskUrls::OpenWhiskUrls(QUrl root, QString ns) : m_root(std::move(root)), m_ns(std::move(ns))
{
    if (m_ns.isEmpty())
        m_ns = QStringLiteral("_");
}

QUrl OpenWhiskUrls::namespaces() const
{
    return api(QByteArrayLiteral("namespaces"), {});
}

QUrl OpenWhiskUrls::limits() const
{
    return api("namespaces/" + encodePath(m_ns) + "/limits", {});
}

QUrl OpenWhiskUrls::collection(Collection collection, const Query &query) const
{
    return collectionOf(m_ns, collection, query);
}

QUrl OpenWhiskUrls::collectionOf(const QString &ns, Collection collection, const Query &query) const
{
    return api("namespaces/" + encodePath(ns.isEmpty() ? m_ns : ns) + '/' + collectionName(collection).toLatin1(),
               query);
}

QUrl OpenWhiskUrls::entity(Collection collection, const QString &name, const Query &query) const
{
    QString ns = m_ns;
    QString relative = name;
    if (name.startsWith(QLatin1Char('/'))) { // "/whisk.system/alarms/alarm": its own namespace
        const qsizetype slash = name.indexOf(QLatin1Char('/'), 1);
        ns = slash < 0 ? QString() : name.mid(1, slash - 1);
        relative = slash < 0 ? name.mid(1) : name.mid(slash + 1);
        if (ns.isEmpty())
            ns = m_ns;
    }
    return api("namespaces/" + encodePath(ns) + '/' + collectionName(collection).toLatin1() + '/' +
                   encodePath(relative),
               query);
}

QUrl OpenWhiskUrls::activations(const Query &query) const
{
    return api("namespaces/" + encodePath(m_ns) + "/activations", query);
}

QUrl OpenWhiskUrls::buckets(const QString &bucket, const QString &tail, const Query &query) const
{
    QByteArray path = "namespaces/" + encodePath(m_ns) + "/buckets";
    if (!bucket.isEmpty())
        path += '/' + QUrl::toPercentEncoding(bucket);
    if (!tail.isEmpty())
        path += '/' + encodePath(tail);
    return api(path, query);
}

QUrl OpenWhiskUrls::activation(const QString &activationId, const QString &part) const
{
    QByteArray path = "namespaces/" + encodePath(m_ns) + "/activations/" + QUrl::toPercentEncoding(activationId);
    if (!part.isEmpty())
        path += '/' + QUrl::toPercentEncoding(part);
    return api(path, {});
}

QUrl OpenWhiskUrls::webAction(const QString &actionName, const QString &extension) const
{
    const QString packaged =
        actionName.contains(QLatin1Char('/')) ? actionName : QStringLiteral("default/") + actionName;
    return api("web/" + encodePath(m_ns) + '/' + encodePath(packaged) + '.' + QUrl::toPercentEncoding(extension), {});
}

QString OpenWhiskUrls::collectionName(Collection collection)
{
    switch (collection) {
    case Collection::Actions:
        return QStringLiteral("actions");
    case Collection::Triggers:
        return QStringLiteral("triggers");
    case Collection::Rules:
        return QStringLiteral("rules");
    case Collection::Packages:
        return QStringLiteral("packages");
    }
    return QStringLiteral("actions");
}

OpenWhiskUrls::Query OpenWhiskUrls::activationQuery(const ActivationQuery &query, bool count)
{
    Query items;
    if (query.name && !query.name->isEmpty())
        items.append({QStringLiteral("name"), *query.name});
    if (query.since)
        items.append({QStringLiteral("since"), QString::number(*query.since)});
    if (query.upto)
        items.append({QStringLiteral("upto"), QString::number(*query.upto)});
    if (count) {
        // OpenWhisk refuses count together with docs (400).
        items.append({QStringLiteral("count"), boolText(true)});
        return items;
    }
    items.append({QStringLiteral("skip"), QString::number(query.skip)});
    items.append({QStringLiteral("limit"), QString::number(query.limit)});
    if (query.docs)
        items.append({QStringLiteral("docs"), boolText(true)});
    return items;
}

QByteArray OpenWhiskUrls::encodePath(const QString &name)
{
    QByteArrayList segments;
    for (const QString &segment : name.split(QLatin1Char('/')))
        segments.append(QUrl::toPercentEncoding(segment));
    return segments.join('/');
}

QUrl OpenWhiskUrls::api(const QByteArray &encodedPath, const Query &query) const
{
    QByteArray text = m_root.toEncoded() + "api/v1/" + encodedPath;
    for (qsizetype i = 0; i < query.size(); ++i) {
        text += i == 0 ? '?' : '&';
        text += QUrl::toPercentEncoding(query.at(i).first) + '=' + QUrl::toPercentEncoding(query.at(i).second);
    }
    return QUrl::fromEncoded(text, QUrl::StrictMode);
}

} // namespace funcdesk
