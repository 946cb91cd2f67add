#include "models/functions/SortKeys.h"

#include <algorithm>
#include <array>
#include <bit>
#include <numeric>
#include <utility>

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

namespace {

// A text's first 16 UTF-16 units packed into four integers, most significant first: comparing
// them compares the prefixes as QString::compare does, without touching the strings.
struct Packed
{
    std::array<quint64, 4> prefix{};
    qsizetype size = 0;
    size_t index = 0;
};

constexpr qsizetype kPrefixUnits = 16;

Packed pack(const QString &text, size_t index)
{
    Packed packed;
    packed.size = text.size();
    packed.index = index;
    const qsizetype units = std::min(text.size(), kPrefixUnits);
    // constData(), not utf16(): that one may write to the string (QStringLiteral data).
    const char16_t *data = reinterpret_cast<const char16_t *>(text.constData());
    for (qsizetype i = 0; i < units; ++i)
        packed.prefix[static_cast<size_t>(i / 4)] |= quint64(data[i]) << (16 * (3 - i % 4));
    return packed;
}

} // namespace

void SortKeys::rank(const std::vector<QString> &texts, std::vector<double> &keys)
{
    std::vector<Packed> order(texts.size());
    for (size_t i = 0; i < texts.size(); ++i)
        order[i] = pack(texts[i], i);
    // <0, 0, >0 as QString::compare; the strings are read only when 16 units do not decide.
    const auto compare = [&texts](const Packed &a, const Packed &b) {
        if (a.prefix != b.prefix)
            return a.prefix < b.prefix ? -1 : 1;
        if (a.size <= kPrefixUnits || b.size <= kPrefixUnits)
            return a.size < b.size ? -1 : (a.size > b.size ? 1 : 0);
        return texts[a.index].compare(texts[b.index]);
    };
    std::sort(order.begin(), order.end(), [&compare](const Packed &a, const Packed &b) { return compare(a, b) < 0; });
    keys.assign(texts.size(), 0.0);
    double rank = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        if (i > 0 && compare(order[i - 1], order[i]) != 0)
            ++rank;
        keys[order[i].index] = rank;
    }
}

namespace {

// A double's bits as an unsigned integer that orders as the double does (NaN aside).
quint64 orderedBits(double key)
{
    const quint64 bits = std::bit_cast<quint64>(key == 0.0 ? 0.0 : key); // -0 sorts as 0
    return bits >> 63 ? ~bits : bits | (quint64(1) << 63);
}

} // namespace

void SortKeys::order(const std::vector<double> &keys, bool ascending, std::vector<int> &rows)
{
    // Least significant byte first; each pass is stable, so rows with equal keys keep their
    // order (the rows' own, as they start). Bytes that every key shares are skipped: small
    // integers and ranks need three or four passes of eight.
    const size_t size = keys.size();
    struct Entry
    {
        quint64 bits;
        int row;
    };
    std::vector<Entry> from(size), to(size);
    std::array<std::array<quint32, 256>, 8> counts{};
    for (size_t i = 0; i < size; ++i) {
        const quint64 bits = ascending ? orderedBits(keys[i]) : ~orderedBits(keys[i]);
        from[i] = {bits, static_cast<int>(i)};
        for (size_t pass = 0; pass < 8; ++pass)
            ++counts[pass][(bits >> (8 * pass)) & 0xff];
    }
    for (size_t pass = 0; pass < 8 && size > 0; ++pass) {
        std::array<quint32, 256> &count = counts[pass];
        if (count[(from[0].bits >> (8 * pass)) & 0xff] == size)
            continue;
        quint32 at = 0;
        for (quint32 &c : count)
            at += std::exchange(c, at);
        for (const Entry &entry : from)
            to[count[(entry.bits >> (8 * pass)) & 0xff]++] = entry;
        from.swap(to);
    }
    rows.resize(size);
    for (size_t i = 0; i < size; ++i)
        rows[i] = from[i].row;
}

} // namespace funcdesk
