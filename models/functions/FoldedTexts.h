#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

namespace funcdesk {

// Every row's name and runtime, case-folded, for filter-as-you-type over 100,000 rows: the
// names sit in one UTF-8 buffer (each followed by a NUL), so "which names contain this text" is
// one memmem pass over a few megabytes instead of 100,000 string searches; runtimes are few
// and distinct ones are matched once. Built once per change of the rows, not per keystroke.
class FoldedTexts
{
public:
    using Text = std::function<QString(int row)>;

    void build(int rows, const Text &name, const Text &kind);
    int rows() const { return static_cast<int>(m_kindOf.size()); }
    // Sets `matches[row]` (one byte per row) to whether the row's name or runtime contains
    // `foldedNeedle` (not empty, already case-folded). False, leaving `matches` alone, when the
    // needle holds a NUL: the caller matches row by row then.
    bool find(const QString &foldedNeedle, std::vector<char> &matches) const;

private:
    QByteArray m_names;
    std::vector<qsizetype> m_starts; // where each row's name starts; one more entry: the end
    std::vector<int> m_kindOf;       // row → index in m_kinds
    std::vector<QString> m_kinds;    // the distinct runtimes, folded
};

} // namespace funcdesk
