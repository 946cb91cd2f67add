#include "executor/StepOutcome.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace funcdesk {

namespace {

ActivationResponse failure(ActivationStatus status, const QString &message)
{
    ActivationResponse response;
    response.setStatus(status);
    response.result = QJsonObject{{QStringLiteral("error"), message}};
    return response;
}

QString timeoutMessage(qint64 timeoutMs, bool init)
{
    return QStringLiteral("The action exceeded its time limits of %1 milliseconds%2")
        .arg(timeoutMs)
        .arg(init ? QStringLiteral(" during initialization.") : QStringLiteral("."));
}

} // namespace

StepVerdict cancelledVerdict(bool shutdown)
{
    return StepVerdict{
        failure(ActivationStatus::DeveloperError, shutdown ? QStringLiteral("Cancelled: the platform is shutting down.")
                                                           : QStringLiteral("Cancelled by the user.")),
        false};
}

namespace {

std::optional<StepVerdict> abnormalEnd(const StepResult &step, qint64 timeoutMs, bool init)
{
    switch (step.end) {
    case StepResult::End::Completed:
        return std::nullopt;
    case StepResult::End::TimedOut:
        return StepVerdict{failure(ActivationStatus::DeveloperError, timeoutMessage(timeoutMs, init)), true};
    case StepResult::End::MemoryExceeded:
        return StepVerdict{failure(ActivationStatus::DeveloperError,
                                   QStringLiteral("The action exhausted its memory and was aborted.")),
                           false, true};
    case StepResult::End::Cancelled:
        return cancelledVerdict(false);
    case StepResult::End::Aborted:
        return StepVerdict{failure(ActivationStatus::DeveloperError, step.exitDescription), false};
    case StepResult::End::Exited:
        return StepVerdict{
            failure(ActivationStatus::DeveloperError,
                    init ? QStringLiteral("The action did not initialize and exited unexpectedly.")
                         : QStringLiteral("The action did not produce a valid response and exited unexpectedly.")),
            false};
    }
    return std::nullopt;
}

} // namespace

StepVerdict verdictForInit(const StepResult &step, qint64 timeoutMs)
{
    if (auto abnormal = abnormalEnd(step, timeoutMs, true))
        return *abnormal;
    const QJsonObject outcome = QJsonDocument::fromJson(step.outcome).object();
    if (outcome.value(QLatin1StringView("ok")).toBool())
        return StepVerdict{};
    const QString reason = outcome.value(QLatin1StringView("error")).toString();
    return StepVerdict{failure(ActivationStatus::DeveloperError,
                               reason.isEmpty() ? QStringLiteral("The action failed during initialization.") : reason),
                       false};
}

StepVerdict developerErrorVerdict(const QString &message)
{
    return StepVerdict{failure(ActivationStatus::DeveloperError, message), false};
}

namespace {

StepVerdict tooLarge(qint64 resultBytes, qint64 maxResultBytes)
{
    return StepVerdict{
        failure(ActivationStatus::DeveloperError,
                QStringLiteral("The action produced a response that exceeded the allowed length: %1 > %2 bytes.")
                    .arg(resultBytes)
                    .arg(maxResultBytes)),
        false};
}

} // namespace

StepVerdict verdictForActionloopRun(const StepResult &step, qint64 timeoutMs, qint64 maxResultBytes)
{
    if (auto abnormal = abnormalEnd(step, timeoutMs, false))
        return *abnormal;
    if (step.outcomeBytes > maxResultBytes)
        return tooLarge(step.outcomeBytes, maxResultBytes);
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(step.outcome, &error);
    if (error.error != QJsonParseError::NoError) {
        return developerErrorVerdict(QStringLiteral("The action did not produce a valid JSON response: %1")
                                         .arg(QString::fromUtf8(step.outcome.left(200))));
    }
    if (!document.isObject() && !document.isArray())
        return developerErrorVerdict(QStringLiteral("The action did not return a dictionary or array."));
    StepVerdict verdict;
    const bool failed = document.isObject() && document.object().contains(QLatin1StringView("error"));
    verdict.response.setStatus(failed ? ActivationStatus::ApplicationError : ActivationStatus::Success);
    verdict.response.result = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    verdict.response.size = step.outcomeBytes;
    return verdict;
}

StepVerdict verdictForRun(const StepResult &step, qint64 timeoutMs, qint64 maxResultBytes)
{
    if (auto abnormal = abnormalEnd(step, timeoutMs, false))
        return *abnormal;
    // The launcher's envelope is {"status":"<status>","result":<result>}; the result is the rest.
    const qsizetype marker = step.outcome.indexOf(R"(","result":)");
    const qint64 prefix = marker > 0 ? marker + 11 : 0;
    const qint64 resultBytes = step.outcomeBytes - prefix - 1;
    if (resultBytes > maxResultBytes)
        return tooLarge(resultBytes, maxResultBytes);
    QJsonParseError error{};
    const QJsonObject outcome = QJsonDocument::fromJson(step.outcome, &error).object();
    const QJsonValue result = outcome.value(QLatin1StringView("result"));
    if (error.error != QJsonParseError::NoError || !(result.isObject() || result.isArray())) {
        return StepVerdict{failure(ActivationStatus::DeveloperError,
                                   QStringLiteral("The action did not produce a valid JSON response: %1")
                                       .arg(QString::fromUtf8(step.outcome.left(200)))),
                           false};
    }
    StepVerdict verdict;
    verdict.response.setStatus(statusFromText(outcome.value(QLatin1StringView("status")).toString()));
    verdict.response.result = result;
    verdict.response.size = resultBytes;
    return verdict;
}

} // namespace funcdesk
