#pragma once

#include <QFile>

namespace funcdesk::test {

// True when the process no longer runs: gone, or a zombie waiting for init to reap it.
inline bool processGone(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return true;
    return status.readAll().contains("State:\tZ");
}

} // namespace funcdesk::test
