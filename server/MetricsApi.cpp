#include "server/MetricsApi.h"

#include "server/ActionMetrics.h"
#include "server/ApiMessages.h"
#include "server/BasicAuth.h"
#include "server/PrometheusText.h"

namespace funcdesk {

MetricsApi::MetricsApi(LocalEngine &engine, MetricsAccess access, int maxSeries)
    : m_engine(engine), m_access(access), m_metrics(std::make_shared<ActionMetrics>(maxSeries))
{
    // Direct: counted on the engine's thread as each record is emitted, never on a request's.
    m_recorded = QObject::connect(
        &engine, &LocalEngine::activationRecorded, &engine,
        [metrics = m_metrics](const Activation &activation) { metrics->record(activation); }, Qt::DirectConnection);
}

MetricsApi::~MetricsApi()
{
    QObject::disconnect(m_recorded);
}

void MetricsApi::handle(const ApiRequest &request, Reply reply) const
{
    reply.setCors(false); // a page of another origin has no business reading these
    if (request.method != HttpMethod::Get && request.method != HttpMethod::Head) {
        const QStringList allowed{QStringLiteral("GET"), QStringLiteral("HEAD")};
        reply.addHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD"));
        return reply.sendError(
            405, messages::routeMethodNotAllowed(QString::fromLatin1(request.http->methodName).toUpper(), allowed));
    }
    std::optional<QString> initiator;
    if (m_access != MetricsAccess::Public) {
        auto identity = authenticateBasic(m_engine, request.header(QByteArrayLiteral("authorization")));
        if (!identity)
            return reply.sendError(identity.error());
        initiator = identity->ns;
    }
    reply.send(200, QByteArray(prometheus::kContentType), m_metrics->render(initiator));
}

} // namespace funcdesk
