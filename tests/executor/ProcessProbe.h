#pragma once

#include <QDir>
#include <QFile>
#include <QList>

namespace funcdesk::test {

// True when the process no longer runs: gone, or a zombie waiting for init to reap it.
inline bool processGone(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return true;
    return status.readAll().contains("State:\tZ");
}

// Every process below `ancestor` (children, grandchildren, ...), as pid and command name: how
// a test finds a function's process from outside its sandbox, where process.pid means nothing.
inline QList<QPair<qint64, QByteArray>> descendantsOf(qint64 ancestor)
{
    QHash<qint64, QPair<qint64, QByteArray>> parents; // pid -> (parent, command)
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs)) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const qsizetype open = text.indexOf('('), close = text.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        parents.insert(entry.toLongLong(),
                       {text.mid(close + 2).split(' ').value(1).toLongLong(), text.mid(open + 1, close - open - 1)});
    }
    QList<QPair<qint64, QByteArray>> found;
    for (auto it = parents.cbegin(); it != parents.cend(); ++it) {
        for (qint64 up = it.value().first; up > 1; up = parents.value(up).first) {
            if (up == ancestor) {
                found.append({it.key(), it.value().second});
                break;
            }
        }
    }
    return found;
}

} // namespace funcdesk::test
