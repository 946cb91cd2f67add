#include "models/testing/SequenceSteps.h"

#include "core/CostModel.h"
#include "core/FutureCallback.h"
#include "core/Platform.h"
#include "models/testing/RunReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>

#include <memory>

namespace funcdesk {

namespace {

// "/guest/hello" → "hello" in namespace guest; a path of another namespace stays whole.
QString relative(const QString &ns, const QString &path)
{
    const QString own = QLatin1Char('/') + ns + QLatin1Char('/');
    return path.startsWith(own) ? path.mid(own.size()) : path;
}

QString componentName(const QString &ns, const Activation &activation, const QString &deployed)
{
    // The record's `path` annotation ("guest/hello", "whisk.system/utils/echo") names what ran.
    const QString path = activation.annotation(QStringLiteral("path")).toString();
    if (!path.isEmpty())
        return relative(ns, QLatin1Char('/') + path);
    if (!deployed.isEmpty())
        return relative(ns, deployed);
    return activation.name.value_or(QString());
}

QString oneLine(const QJsonValue &result)
{
    if (result.isObject())
        return QString::fromUtf8(QJsonDocument(result.toObject()).toJson(QJsonDocument::Compact));
    if (result.isArray())
        return QString::fromUtf8(QJsonDocument(result.toArray()).toJson(QJsonDocument::Compact));
    return result.isUndefined() ? QString() : result.toVariant().toString();
}

} // namespace

bool SequenceSteps::isSequence(const Activation &activation)
{
    return activation.annotation(QStringLiteral("kind")).toString() == QLatin1StringView("sequence");
}

QList<RunStep> SequenceSteps::build(const QString &ns, const QStringList &components,
                                    const QList<std::optional<Activation>> &ran, const QStringList &readErrors,
                                    const CostModel &costs)
{
    QList<RunStep> steps;
    bool failed = false;
    for (int i = 0; i < ran.size(); ++i) {
        RunStep step;
        step.number = i + 1;
        step.ran = true;
        const QString deployed = components.value(i);
        if (!ran.at(i)) {
            step.component = relative(ns, deployed);
            step.status = tr("could not be read");
            step.errorMessage = readErrors.value(i);
            step.durationText = QStringLiteral("\u2014");
        } else {
            const Activation &activation = *ran.at(i);
            const RunReport report = RunReport::fromActivation(RunReport::Target::Platform, activation, costs);
            step.component = componentName(ns, activation, deployed);
            step.activationId = activation.activationId;
            step.success = report.success;
            step.status = report.status;
            step.errorMessage = report.errorMessage;
            step.durationMs = report.durationMs;
            step.durationText = report.durationText;
            step.resultText = report.resultText;
            step.resultLine = oneLine(report.result);
            if (!step.success && !failed) {
                step.firstFailure = true;
                failed = true;
            }
        }
        steps.append(step);
    }
    // The chain stopped: the components after the last one that ran did not run.
    for (int i = int(ran.size()); i < components.size() && i < kMaxSteps; ++i) {
        RunStep step;
        step.number = i + 1;
        step.component = relative(ns, components.at(i));
        step.status = tr("not run");
        step.durationText = QStringLiteral("\u2014");
        steps.append(step);
    }
    return steps;
}

QString SequenceSteps::summary(const QList<RunStep> &steps)
{
    int ran = 0;
    qint64 total = 0;
    int failedAt = 0;
    for (const RunStep &step : steps) {
        if (!step.ran)
            continue;
        ++ran;
        total += step.durationMs.value_or(0);
        if (step.firstFailure)
            failedAt = step.number;
    }
    const QString sum = tr("total %1 ms, the sum of the steps").arg(QLocale().toString(total));
    if (failedAt > 0)
        return tr("%1 of %2 steps ran; step %3 failed and stopped the chain; %4")
            .arg(ran)
            .arg(steps.size())
            .arg(failedAt)
            .arg(sum);
    return tr("%1 of %2 steps ran; %3").arg(ran).arg(steps.size()).arg(sum);
}

void SequenceSteps::fetch(Platform *platform, const Activation &sequence, const QStringList &components,
                          QObject *context, Done done)
{
    QStringList ids = sequence.logs.value_or(QStringList());
    if (ids.size() > kMaxSteps)
        ids.resize(kMaxSteps);
    const QString ns = platform ? platform->namespaceName() : QString();
    struct Gathered
    {
        QList<std::optional<Activation>> ran;
        QStringList errors;
        int remaining = 0;
    };
    auto gathered = std::make_shared<Gathered>();
    gathered->ran.resize(ids.size());
    gathered->errors.resize(ids.size());
    gathered->remaining = int(ids.size());
    auto finish = [gathered, ns, components, done] {
        const QList<RunStep> steps = build(ns, components, gathered->ran, gathered->errors, CostModel());
        done(steps, summary(steps));
    };
    if (!platform || ids.isEmpty())
        return finish();
    for (int i = 0; i < ids.size(); ++i) {
        onResult(platform->getActivation(ids.at(i)), context, [gathered, i, finish](Result<Activation> found) {
            if (found)
                gathered->ran[i] = found.value();
            else
                gathered->errors[i] = found.error().message;
            if (--gathered->remaining == 0)
                finish();
        });
    }
}

} // namespace funcdesk
