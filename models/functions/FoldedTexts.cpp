#include "models/functions/FoldedTexts.h"

#include <QHash>

#include <cstring>

namespace funcdesk {

namespace {

// Appends `text` case-folded in UTF-8; ASCII (what function names are) without allocating.
void appendFolded(QByteArray &out, const QString &text)
{
    const qsizetype at = out.size();
    out.resize(at + text.size());
    char *to = out.data() + at;
    for (const QChar c : text) {
        const char16_t unit = c.unicode();
        if (unit >= 0x80) {
            out.truncate(at);
            out.append(text.toCaseFolded().toUtf8());
            return;
        }
        *to++ = static_cast<char>(unit >= u'A' && unit <= u'Z' ? unit + (u'a' - u'A') : unit);
    }
}

} // namespace

void FoldedTexts::build(int rows, const Text &name, const Text &kind)
{
    m_names.clear();
    m_names.reserve(qsizetype(rows) * 24);
    m_starts.assign(static_cast<size_t>(rows) + 1, 0);
    m_kindOf.assign(static_cast<size_t>(rows), 0);
    m_kinds.clear();
    QHash<QString, int> kinds;
    QString lastKind;
    int lastIndex = -1;
    for (int row = 0; row < rows; ++row) {
        m_starts[static_cast<size_t>(row)] = m_names.size();
        appendFolded(m_names, name(row));
        m_names.append('\0');
        const QString raw = kind(row);
        if (lastIndex < 0 || raw != lastKind) {
            const QString folded = raw.toCaseFolded();
            auto known = kinds.constFind(folded);
            if (known == kinds.constEnd()) {
                known = kinds.insert(folded, static_cast<int>(m_kinds.size()));
                m_kinds.push_back(folded);
            }
            lastKind = raw;
            lastIndex = known.value();
        }
        m_kindOf[static_cast<size_t>(row)] = lastIndex;
    }
    m_starts[static_cast<size_t>(rows)] = m_names.size();
}

bool FoldedTexts::find(const QString &foldedNeedle, std::vector<char> &matches) const
{
    const QByteArray needle = foldedNeedle.toUtf8();
    if (needle.isEmpty() || needle.contains('\0'))
        return false;
    matches.assign(m_kindOf.size(), 0);
    std::vector<char> kindMatches(m_kinds.size());
    bool anyKind = false;
    for (size_t i = 0; i < m_kinds.size(); ++i) {
        kindMatches[i] = m_kinds[i].contains(foldedNeedle) ? 1 : 0;
        anyKind = anyKind || kindMatches[i];
    }
    if (anyKind) {
        for (size_t row = 0; row < m_kindOf.size(); ++row)
            matches[row] = kindMatches[static_cast<size_t>(m_kindOf[row])];
    }
    // A match never spans a NUL, so it lies within one name; after one, the search goes on at
    // the next name.
    const char *begin = m_names.constData();
    const char *end = begin + m_names.size();
    const char *from = begin;
    size_t row = 0;
    while (from < end) {
        const void *hit =
            memmem(from, static_cast<size_t>(end - from), needle.constData(), static_cast<size_t>(needle.size()));
        if (!hit)
            break;
        const qsizetype at = static_cast<const char *>(hit) - begin;
        while (m_starts[row + 1] <= at)
            ++row;
        matches[row] = 1;
        from = begin + m_starts[row + 1];
    }
    return true;
}

} // namespace funcdesk
