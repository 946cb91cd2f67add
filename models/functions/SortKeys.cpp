#include "models/functions/SortKeys.h"

#include <algorithm>
#include <numeric>

namespace funcdesk {

const std::vector<double> &SortKeys::of(int column, qsizetype rows, const Fill &fill)
{
    if (column != m_column || m_keys.size() != static_cast<size_t>(rows)) {
        m_keys.clear();
        m_keys.reserve(static_cast<size_t>(rows));
        fill(m_keys);
        m_column = column;
    }
    return m_keys;
}

void SortKeys::rank(const std::vector<QString> &texts, std::vector<double> &keys)
{
    std::vector<size_t> order(texts.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(), [&texts](size_t a, size_t b) { return texts[a] < texts[b]; });
    keys.assign(texts.size(), 0.0);
    double rank = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        if (i > 0 && texts[order[i]] != texts[order[i - 1]])
            ++rank;
        keys[order[i]] = rank;
    }
}

} // namespace funcdesk
