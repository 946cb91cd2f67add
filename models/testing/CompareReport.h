#pragma once

#include "models/testing/JsonDiff.h"
#include "models/testing/RunReport.h"

namespace funcdesk {

// The same payload run locally and on the platform: both reports, where their results differ
// (JsonDiff paths, left = local, right = platform) and which result lines to highlight.
struct CompareReport
{
    Q_DECLARE_TR_FUNCTIONS(CompareReport)

public:
    RunReport local;
    RunReport platform;
    QList<JsonDifference> differences;
    QStringList differenceTexts; // "changed: $.greeting", one per difference, plus status differences
    QList<int> localLines;       // 0-based lines of local.resultText to highlight
    QList<int> platformLines;
    QString summary; // "Same result" / "2 differences"

    static CompareReport make(RunReport local, RunReport platform);
    bool identical() const { return differenceTexts.isEmpty(); }
};

} // namespace funcdesk
