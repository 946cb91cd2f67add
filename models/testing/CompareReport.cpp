#include "models/testing/CompareReport.h"

#include "models/testing/PrettyJson.h"

namespace funcdesk {

namespace {

QString describe(const JsonDifference &difference)
{
    switch (difference.kind) {
    case JsonDifference::Kind::Added:
        return CompareReport::tr("only on the platform: %1").arg(difference.path);
    case JsonDifference::Kind::Removed:
        return CompareReport::tr("only locally: %1").arg(difference.path);
    case JsonDifference::Kind::Changed:
        break;
    }
    return CompareReport::tr("changed: %1").arg(difference.path);
}

} // namespace

CompareReport CompareReport::make(RunReport local, RunReport platform)
{
    CompareReport report;
    report.local = std::move(local);
    report.platform = std::move(platform);
    if (!report.local.finished() || !report.platform.finished()) {
        report.summary = tr("Nothing to compare: both runs must finish");
        return report;
    }
    if (report.local.status != report.platform.status)
        report.differenceTexts.append(
            tr("status: %1 locally, %2 on the platform").arg(report.local.status, report.platform.status));
    report.differences = JsonDiff::compare(report.local.result, report.platform.result);
    QStringList removedOrChanged;
    QStringList addedOrChanged;
    for (const JsonDifference &difference : std::as_const(report.differences)) {
        report.differenceTexts.append(describe(difference));
        if (difference.kind != JsonDifference::Kind::Added)
            removedOrChanged.append(difference.path);
        if (difference.kind != JsonDifference::Kind::Removed)
            addedOrChanged.append(difference.path);
    }
    report.localLines = PrettyJson::render(report.local.result).linesWithin(removedOrChanged);
    report.platformLines = PrettyJson::render(report.platform.result).linesWithin(addedOrChanged);
    report.summary = report.identical()
                         ? tr("Same result locally and on the platform")
                         : tr("%n difference(s)", nullptr, static_cast<int>(report.differenceTexts.size()));
    return report;
}

} // namespace funcdesk
