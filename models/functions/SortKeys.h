#pragma once

#include <QString>

#include <functional>
#include <vector>

namespace funcdesk {

// One column's sort keys for every row, packed in one array. A proxy sorting 100,000 rows
// compares ~1.7 million pairs; reading two doubles from one array instead of two scattered rows
// (an Action or an Activation each) is what makes that fast: the sort is bound by memory.
// The model drops the keys whenever its rows or their values change.
class SortKeys
{
public:
    using Fill = std::function<void(std::vector<double> &keys)>;

    void invalidate() { m_column = -1; }
    // The keys of `column` for `rows` rows, filled by `fill` when not already there.
    const std::vector<double> &of(int column, qsizetype rows, const Fill &fill);
    // Keys that order `texts` as QString::compare does (equal texts share a key).
    static void rank(const std::vector<QString> &texts, std::vector<double> &keys);
    // `rows` made the rows 0…n-1 ordered by `keys` (ascending or descending), ties in row order:
    // a radix sort of the keys' bits, a few passes over 100,000 rows instead of ~1.7 million
    // comparisons.
    static void order(const std::vector<double> &keys, bool ascending, std::vector<int> &rows);

private:
    std::vector<double> m_keys;
    int m_column = -1;
};

} // namespace funcdesk
