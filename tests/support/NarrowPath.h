#pragma once

// A PATH for the test process that holds only node and python3 (links in a temporary folder),
// so that a test can "install" a runtime later by linking it in (issue 19: a runtime installed
// later is offered). Set it up before any executor looks for its runtimes.

#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace funcdesk::test {

struct NarrowPath
{
    QTemporaryDir bin; // the whole PATH once start() succeeded

    // The real program behind `name` on the PATH as it is now (empty when not installed).
    static QString installed(const QString &name)
    {
        return QFileInfo(QStandardPaths::findExecutable(name)).canonicalFilePath();
    }

    // Links node and python3 into `bin` and makes it the whole PATH; false when that failed.
    bool start()
    {
        const QString node = installed(QStringLiteral("node"));
        // Debian's python3: a pyenv shim on PATH would need pyenv itself on PATH.
        const QString python = QFile::exists(QStringLiteral("/usr/bin/python3"))
                                   ? QStringLiteral("/usr/bin/python3")
                                   : QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (!bin.isValid() || node.isEmpty() || python.isEmpty() || !install(QStringLiteral("node"), node) ||
            !install(QStringLiteral("python3"), python))
            return false;
        qputenv("PATH", QFile::encodeName(bin.path()));
        return true;
    }

    bool install(const QString &name, const QString &program) { return QFile::link(program, bin.filePath(name)); }
    bool uninstall(const QString &name) { return QFile::remove(bin.filePath(name)); }
};

} // namespace funcdesk::test
