#pragma once

// Files a test uploads: written piece by piece, so a large one is never whole in memory.

#include <QFile>
#include <QString>

namespace funcdesk::test {

// Writes `piece` `repeat` times to `path`; returns `path`, or an empty string when it cannot.
inline QString writeRepeated(const QString &path, const QByteArray &piece, int repeat)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    for (int i = 0; i < repeat; ++i) {
        if (file.write(piece) != piece.size())
            return {};
    }
    return path;
}

} // namespace funcdesk::test
