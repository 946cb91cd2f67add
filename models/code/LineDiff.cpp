#include "models/code/LineDiff.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace funcdesk {

namespace {

struct SplitLine
{
    QString text; // shown: without "\n" and without a trailing "\r"
    bool missingNewline = false;
};

struct SplitText
{
    QList<SplitLine> lines;
    std::vector<int> ids; // equal ids ⇔ equal lines under the options
};

// Splits on "\n". A text ending in "\n" has no empty last line; one that does not marks its last
// line, so adding or removing the final newline shows as a change of that line (like diff(1)).
SplitText split(const QString &text, bool ignoreLineEndings, QHash<QString, int> &ids)
{
    SplitText result;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype newline = text.indexOf(QLatin1Char('\n'), start);
        const bool last = newline < 0;
        const qsizetype end = last ? text.size() : newline;
        QString raw = text.mid(start, end - start);
        SplitLine line;
        line.missingNewline = last;
        line.text = raw.endsWith(QLatin1Char('\r')) ? raw.chopped(1) : raw;
        QString key = ignoreLineEndings ? line.text : raw;
        if (last)
            key.append(QChar(0)); // cannot occur inside a line: only matches another unterminated line
        const auto found = ids.constFind(key);
        const int id = found != ids.constEnd() ? *found : int(ids.size());
        if (found == ids.constEnd())
            ids.insert(key, id);
        result.lines.append(line);
        result.ids.push_back(id);
        start = last ? text.size() : newline + 1;
    }
    return result;
}

enum class Op { Same, Removed, Added };

// Myers' greedy forward search over a[0..n) and b[0..m), keeping each step's furthest-reaching
// x per diagonal so the path can be walked back. Empty when the edit distance exceeds `maxD`.
std::vector<Op> shortestEditScript(const int *a, int n, const int *b, int m, int maxD)
{
    const int limit = std::min(n + m, maxD);
    const int offset = limit + 1;
    std::vector<int> v(2 * offset + 1, 0);
    std::vector<std::vector<int>> trace; // trace[d][k + d]: furthest x on diagonal k after step d
    int distance = -1;
    for (int d = 0; d <= limit && distance < 0; ++d) {
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                                   : v[offset + k - 1] + 1;
            int y = x - k;
            while (x < n && y < m && a[x] == b[y]) {
                ++x;
                ++y;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                distance = d;
                break;
            }
        }
        trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
    }
    if (distance < 0)
        return {};

    std::vector<Op> ops;
    int x = n;
    int y = m;
    for (int d = distance; d > 0; --d) {
        const std::vector<int> &previous = trace[d - 1];
        const auto furthest = [&](int k) { return previous[k + d - 1]; };
        const int k = x - y;
        const bool down = k == -d || (k != d && furthest(k - 1) < furthest(k + 1));
        const int previousK = down ? k + 1 : k - 1;
        const int previousX = furthest(previousK);
        const int previousY = previousX - previousK;
        while (x > previousX && y > previousY) {
            ops.push_back(Op::Same);
            --x;
            --y;
        }
        ops.push_back(down ? Op::Added : Op::Removed);
        x = previousX;
        y = previousY;
    }
    while (x > 0 && y > 0) {
        ops.push_back(Op::Same);
        --x;
        --y;
    }
    std::reverse(ops.begin(), ops.end());
    return ops;
}

// Within each run of changes, removed lines first: how people read a replacement.
void groupChanges(std::vector<Op> &ops)
{
    auto runStart = ops.begin();
    while (runStart != ops.end()) {
        if (*runStart == Op::Same) {
            ++runStart;
            continue;
        }
        auto runEnd = std::find(runStart, ops.end(), Op::Same);
        std::stable_partition(runStart, runEnd, [](Op op) { return op == Op::Removed; });
        runStart = runEnd;
    }
}

} // namespace

LineDiff LineDiff::compare(const QString &oldText, const QString &newText, Options options)
{
    QHash<QString, int> ids;
    const SplitText before = split(oldText, options.ignoreLineEndings, ids);
    const SplitText after = split(newText, options.ignoreLineEndings, ids);
    const int n = int(before.ids.size());
    const int m = int(after.ids.size());

    int prefix = 0;
    while (prefix < n && prefix < m && before.ids[prefix] == after.ids[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && before.ids[n - 1 - suffix] == after.ids[m - 1 - suffix])
        ++suffix;

    const int middleOld = n - prefix - suffix;
    const int middleNew = m - prefix - suffix;
    std::vector<Op> ops(prefix, Op::Same);
    std::vector<Op> middle = shortestEditScript(before.ids.data() + prefix, middleOld, after.ids.data() + prefix,
                                                middleNew, maxEditDistance);
    if (middle.empty() && (middleOld > 0 || middleNew > 0)) {
        middle.assign(middleOld, Op::Removed);
        middle.insert(middle.end(), middleNew, Op::Added);
    }
    groupChanges(middle);
    ops.insert(ops.end(), middle.begin(), middle.end());
    ops.insert(ops.end(), suffix, Op::Same);

    LineDiff diff;
    diff.m_lines.reserve(qsizetype(ops.size()));
    int oldIndex = 0;
    int newIndex = 0;
    for (const Op op : ops) {
        DiffLine line;
        switch (op) {
        case Op::Same:
            line.kind = DiffLine::Kind::Same;
            line.text = after.lines[newIndex].text;
            line.missingNewline = after.lines[newIndex].missingNewline;
            line.oldLine = ++oldIndex;
            line.newLine = ++newIndex;
            break;
        case Op::Removed:
            line.kind = DiffLine::Kind::Removed;
            line.text = before.lines[oldIndex].text;
            line.missingNewline = before.lines[oldIndex].missingNewline;
            line.oldLine = ++oldIndex;
            ++diff.m_removed;
            break;
        case Op::Added:
            line.kind = DiffLine::Kind::Added;
            line.text = after.lines[newIndex].text;
            line.missingNewline = after.lines[newIndex].missingNewline;
            line.newLine = ++newIndex;
            ++diff.m_added;
            break;
        }
        diff.m_lines.append(line);
    }
    return diff;
}

QList<DiffHunk> LineDiff::hunks(int context) const
{
    context = std::max(context, 0);
    const qsizetype count = m_lines.size();
    // Lines within `context` of a change are shown; a difference array marks the ranges.
    std::vector<int> marks(count + 1, 0);
    for (qsizetype i = 0; i < count; ++i) {
        if (m_lines[i].kind == DiffLine::Kind::Same)
            continue;
        marks[std::max<qsizetype>(0, i - context)] += 1;
        marks[std::min<qsizetype>(count, i + context + 1)] -= 1;
    }

    QList<DiffHunk> result;
    int oldSeen = 0; // old lines before index i
    int newSeen = 0;
    int depth = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const bool wasShown = depth > 0;
        depth += marks[i];
        const DiffLine &line = m_lines[i];
        if (depth > 0) {
            if (!wasShown) {
                DiffHunk hunk;
                hunk.oldStart = oldSeen; // the line before; bumped below once the hunk has one
                hunk.newStart = newSeen;
                result.append(hunk);
            }
            DiffHunk &hunk = result.last();
            if (line.kind != DiffLine::Kind::Added)
                hunk.oldCount += 1;
            if (line.kind != DiffLine::Kind::Removed)
                hunk.newCount += 1;
            hunk.lines.append(line);
        }
        if (line.kind != DiffLine::Kind::Added)
            ++oldSeen;
        if (line.kind != DiffLine::Kind::Removed)
            ++newSeen;
    }
    for (DiffHunk &hunk : result) {
        if (hunk.oldCount > 0)
            hunk.oldStart += 1;
        if (hunk.newCount > 0)
            hunk.newStart += 1;
    }
    return result;
}

} // namespace funcdesk
