#pragma once

#include <QList>
#include <QString>

namespace funcdesk {

// One line of a diff. Line numbers are 1-based; a line that only exists on one side has 0 for
// the other. `missingNewline` marks a last line without a terminating newline, which is a
// difference of its own ("x" and "x\n" do not compare equal).
struct DiffLine
{
    enum class Kind { Same, Added, Removed };

    Kind kind = Kind::Same;
    QString text; // without its line terminator
    int oldLine = 0;
    int newLine = 0;
    bool missingNewline = false;

    friend bool operator==(const DiffLine &, const DiffLine &) = default;
};

// A run of changes with its surrounding context, numbered as in a unified diff: a side with no
// lines in the hunk starts at the line before it (so "@@ -3,0 +4,2 @@" inserts after line 3).
struct DiffHunk
{
    int oldStart = 0;
    int oldCount = 0;
    int newStart = 0;
    int newCount = 0;
    QList<DiffLine> lines;
};

// A line-based diff of two texts (Myers' O(ND) algorithm after trimming the common prefix and
// suffix), for the code panel's "version vs editor" view.
class LineDiff
{
public:
    struct Options
    {
        // "\r\n" and "\n" end lines alike; off, a line's "\r" is part of what is compared.
        bool ignoreLineEndings = true;
    };

    static LineDiff compare(const QString &oldText, const QString &newText, Options options);
    static LineDiff compare(const QString &oldText, const QString &newText) { return compare(oldText, newText, {}); }

    // Every line of both texts in order: removed lines come before the added lines replacing them.
    const QList<DiffLine> &lines() const { return m_lines; }
    // The changes with `context` unchanged lines around each; overlapping hunks are merged.
    QList<DiffHunk> hunks(int context = 3) const;

    bool identical() const { return m_added == 0 && m_removed == 0; }
    int addedCount() const { return m_added; }
    int removedCount() const { return m_removed; }
    // Past this many differing lines (after the common prefix and suffix) the middle is reported
    // as all removed then all added: Myers keeps O(D²) memory for its path.
    static constexpr int maxEditDistance = 2000;

private:
    QList<DiffLine> m_lines;
    int m_added = 0;
    int m_removed = 0;
};

} // namespace funcdesk
