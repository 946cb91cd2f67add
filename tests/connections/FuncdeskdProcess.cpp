#include "FuncdeskdProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <signal.h>
#include <sys/prctl.h>

FuncdeskdProcess::FuncdeskdProcess(QString dataDir) : m_dataDir(std::move(dataDir))
{
}

FuncdeskdProcess::~FuncdeskdProcess()
{
    stop();
}

bool FuncdeskdProcess::start(quint16 port)
{
    m_error.clear();
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // A test that crashes must not leave its server running.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.start(QStringLiteral(FUNCDESKD_PATH), {QStringLiteral("serve"), QStringLiteral("--port"),
                                                     QString::number(port), QStringLiteral("--data-dir"), m_dataDir});
    static const QRegularExpression listening(QStringLiteral("funcdeskd listening on (https?://[^\\s/]+):(\\d+)"));
    QByteArray seen;
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        m_process.waitForReadyRead(200);
        seen += m_process.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(seen));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(2).toUInt());
            m_apiHost = match.captured(1) + QLatin1Char(':') + match.captured(2);
            return true;
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
    }
    m_error = QStringLiteral("funcdeskd serve did not say it listens.\nstdout: %1\nstderr: %2")
                  .arg(QString::fromUtf8(seen), QString::fromUtf8(m_process.readAllStandardError()));
    stop();
    return false;
}

void FuncdeskdProcess::pause()
{
    if (m_process.state() != QProcess::Running || m_paused)
        return;
    const pid_t pid = pid_t(m_process.processId());
    ::kill(pid, SIGSTOP);
    m_paused = true;
    // SIGSTOP stops a process's threads one by one, once one of them has picked the signal up:
    // on a busy machine a server thread can answer a request sent meanwhile. Return only when
    // every thread is stopped ('T' in /proc/PID/task/TID/stat).
    const QString tasks = QStringLiteral("/proc/%1/task").arg(pid);
    QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        bool allStopped = true;
        for (const QString &tid : QDir(tasks).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile stat(tasks + QLatin1Char('/') + tid + QStringLiteral("/stat"));
            if (!stat.open(QIODevice::ReadOnly))
                continue; // a thread that ended meanwhile
            const QByteArray text = stat.readAll();
            const qsizetype close = text.lastIndexOf(')');
            if (close < 0 || close + 2 >= text.size() || text.at(close + 2) != 'T') {
                allStopped = false;
                break;
            }
        }
        if (allStopped)
            return;
        QThread::msleep(2);
    }
}

void FuncdeskdProcess::resume()
{
    if (!m_paused)
        return;
    ::kill(pid_t(m_process.processId()), SIGCONT);
    m_paused = false;
}

void FuncdeskdProcess::stop()
{
    resume(); // a stopped process would not see SIGTERM
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString FuncdeskdProcess::guestKey() const
{
    QFile file(m_dataDir + QStringLiteral("/auth"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}
