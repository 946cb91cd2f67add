#include "server/ActionsApi.h"

#include <QJsonDocument>

namespace funcdesk {

namespace {

constexpr qint64 kMb = 1024 * 1024;
// OpenWhisk's exec-size-limit and parameter-size-limit; a PUT body may carry both.
constexpr qint64 kMaxExecBytes = 48 * kMb;
constexpr qint64 kMaxParameterBytes = 1 * kMb;
constexpr qint64 kMaxPutBodyBytes = kMaxExecBytes + 2 * kMaxParameterBytes;

PlatformError tooLarge(const char *field, qint64 size, qint64 allowed)
{
    return {
        PlatformError::Kind::TooLarge,
        QStringLiteral("%1 larger than allowed: %2 > %3 bytes.").arg(QLatin1StringView(field)).arg(size).arg(allowed)};
}

// ctrl/Actions.scala answers a finished blocking invoke by the activation's status.
int invokeStatus(const Activation &activation)
{
    const ActivationStatus status =
        activation.response ? activation.response->statusValue() : ActivationStatus::InternalError;
    switch (status) {
    case ActivationStatus::Success:
        return 200;
    case ActivationStatus::ApplicationError:
    case ActivationStatus::DeveloperError:
        return 502;
    case ActivationStatus::InternalError:
        return 500;
    }
    return 500;
}

// delAnnotations is a PUT-only instruction, not part of the action: take it out of the body.
Result<QStringList> takeDelAnnotations(QJsonObject &body)
{
    const QJsonValue value = body.take(QLatin1StringView("delAnnotations"));
    QStringList keys;
    if (value.isUndefined() || value.isNull())
        return keys;
    if (!value.isArray())
        return PlatformError{PlatformError::Kind::Invalid, messages::malformedContent(QStringLiteral(
                                                               "'delAnnotations' must be an array of strings"))};
    for (const QJsonValue &key : value.toArray()) {
        if (!key.isString())
            return PlatformError{PlatformError::Kind::Invalid, messages::malformedContent(QStringLiteral(
                                                                   "'delAnnotations' must be an array of strings"))};
        keys.append(key.toString());
    }
    return keys;
}

} // namespace

ActionsApi::ActionsApi(LocalEngine &engine)
    : EntityCollection(engine,
                       {QLatin1StringView("actions"), Collection::Actions, kMaxPutBodyBytes, &LocalEngine::listActions,
                        nullptr, &LocalEngine::putAction, &LocalEngine::deleteAction, 2})
{
}

void ActionsApi::handle(const ApiRequest &request, Reply reply)
{
    if (request.entity.size() == 1 && request.trailingSlash && request.method == HttpMethod::Get)
        return listPackage(request, std::move(reply));
    EntityCollection::handle(request, std::move(reply));
}

// GET actions/{package}/ lists a package's actions, as OpenWhisk does, from the package's own
// list of its contents.
void ActionsApi::listPackage(const ApiRequest &request, Reply reply)
{
    const QString ns = request.ns + QLatin1Char('/') + request.entity.first();
    whenDone(m_engine.getPackage(request.ns, request.entity.first()), std::move(reply),
             [ns](Package &&package, Reply &r) {
                 QJsonArray actions;
                 for (const QJsonValue &item : package.actions.value_or(QJsonArray())) {
                     QJsonObject action = item.toObject();
                     action.insert(QLatin1StringView("namespace"), ns);
                     actions.append(action);
                 }
                 r.sendJson(200, actions);
             });
}

void ActionsApi::get(const ApiRequest &request, Reply reply)
{
    auto code = boolParam(request, QLatin1StringView("code"), true);
    if (!code)
        return reply.sendError(code.error());
    sendEntity(m_engine.getAction(request.caller.ns, request.entityFromCaller(), *code), std::move(reply));
}

std::optional<PlatformError> ActionsApi::takeInstructions(QJsonObject &body, PutOptions &options)
{
    auto delAnnotations = takeDelAnnotations(body);
    if (!delAnnotations)
        return delAnnotations.error();
    options.delAnnotations = std::move(delAnnotations).value();
    // Funcdesk's read-only "warmInstances" (a GET sends it): ignored whatever its type, never stored.
    body.remove(QLatin1StringView("warmInstances"));
    return std::nullopt;
}

std::optional<PlatformError> ActionsApi::checkPut(const Action &action) const
{
    if (action.exec && action.exec->code && action.exec->code->size() > kMaxExecBytes)
        return tooLarge("exec", action.exec->code->size(), kMaxExecBytes);
    if (action.parameters) {
        const qint64 size = QJsonDocument(action.parameters->toJson()).toJson(QJsonDocument::Compact).size();
        if (size > kMaxParameterBytes)
            return tooLarge("parameters", size, kMaxParameterBytes);
    }
    return std::nullopt;
}

void ActionsApi::post(const ApiRequest &request, Reply reply)
{
    const LocalConfig &config = m_engine.config();
    if (auto error = checkBodySize(request.body.size(), config.limits.maxPayloadBytes))
        return reply.sendError(*error);
    auto blocking = boolParam(request, QLatin1StringView("blocking"), false);
    if (!blocking)
        return reply.sendError(blocking.error());
    auto resultOnly = boolParam(request, QLatin1StringView("result"), false);
    if (!resultOnly)
        return reply.sendError(resultOnly.error());
    InvokeOptions options;
    options.blocking = *blocking;
    // The engine always hands back the whole activation: its status decides 200, 502 or 500
    // even when only the result is sent.
    options.resultOnly = false;
    if (request.hasQueryItem(QLatin1StringView("timeout"))) {
        bool ok = false;
        const qlonglong timeout = request.queryValue(QLatin1StringView("timeout")).toLongLong(&ok);
        if (!ok || timeout <= 0 || timeout > config.maxBlockingWaitMs)
            return reply.sendError(400, messages::invalidTimeout(config.maxBlockingWaitMs));
        options.timeoutMs = int(timeout);
    }
    auto params = jsonObjectBody(request.body);
    if (!params)
        return reply.sendError(params.error());
    const bool wantResult = *resultOnly;
    if (!options.blocking) {
        // Recorded in the caller's namespace, also for another namespace's action.
        whenDone(
            m_engine.invokeAction(request.caller.ns, request.entityFromCaller(), std::move(params).value(), options),
            std::move(reply), [](InvokeOutcome &&outcome, Reply &r) { sendOutcome(r, std::move(outcome), false); });
        return;
    }
    invokeOnThisThread(
        m_engine, request.caller.ns, request.entityFromCaller(), *params, options, std::move(reply),
        [](Reply &late, const QString &id) {
            sendOutcome(late, InvokeOutcome{id, std::nullopt, std::nullopt, {}}, false);
        },
        [wantResult](Reply &answer, Result<InvokeOutcome> outcome) {
            if (!outcome)
                return answer.sendError(outcome.error());
            sendOutcome(answer, std::move(outcome).value(), wantResult);
        });
}

void ActionsApi::sendOutcome(Reply &reply, InvokeOutcome outcome, bool wantResult)
{
    reply.addHeader(QByteArrayLiteral("x-openwhisk-activation-id"), outcome.activationId.toLatin1());
    if (!outcome.activation) // non-blocking, or the blocking wait ran out
        return reply.sendJson(202, QJsonObject{{QLatin1StringView("activationId"), outcome.activationId}});
    const Activation &activation = *outcome.activation;
    if (!wantResult && !outcome.activationJson.isEmpty())
        return reply.sendJsonBytes(invokeStatus(activation), outcome.activationJson);
    if (!wantResult)
        return reply.sendJson(invokeStatus(activation), activation.toJson());
    QJsonValue result = activation.response ? activation.response->result : QJsonValue();
    if (!result.isObject() && !result.isArray())
        result = QJsonObject();
    reply.sendJson(invokeStatus(activation), result);
}

} // namespace funcdesk
