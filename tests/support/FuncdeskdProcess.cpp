#include "FuncdeskdProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

namespace funcdesk::test {

namespace {
constexpr int kStartTimeoutMs = 30000;
constexpr int kStopTimeoutMs = 15000;
} // namespace

FuncdeskdProcess::FuncdeskdProcess(QString dataDir) : m_dataDir(std::move(dataDir))
{
}

FuncdeskdProcess::~FuncdeskdProcess()
{
    stop();
}

QString FuncdeskdProcess::binary()
{
    return QStringLiteral(FUNCDESKD_PATH);
}

bool FuncdeskdProcess::start(quint16 port, const QStringList &extraArguments)
{
    m_error.clear();
    m_stderr.clear();
    QStringList arguments{QStringLiteral("serve"), QStringLiteral("--port"), QString::number(port),
                          QStringLiteral("--data-dir"), m_dataDir};
    arguments += extraArguments;
    m_process.setProgram(binary());
    m_process.setArguments(arguments);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // The request log's format and presence are part of what the server tests check.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_MESSAGE_PATTERN"));
    environment.remove(QStringLiteral("QT_LOGGING_RULES"));
    environment.insert(m_extraEnvironment);
    m_process.setProcessEnvironment(environment);
    // A test that crashes must not leave its server behind.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.start();
    if (!m_process.waitForStarted(kStartTimeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(binary(), m_process.errorString());
        return false;
    }

    static const QRegularExpression listening(QStringLiteral("funcdeskd listening on (https?://[^\\s/]+):(\\d+)"));
    QByteArray output;
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired()) {
        while (m_process.canReadLine()) {
            const QByteArray line = m_process.readLine();
            output += line;
            const auto match = listening.match(QString::fromUtf8(line));
            if (match.hasMatch()) {
                m_apiHost = match.captured(1) + QLatin1Char(':') + match.captured(2);
                m_port = match.captured(2).toUShort();
                return true;
            }
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
        m_process.waitForReadyRead(std::max<qint64>(1, std::min<qint64>(deadline.remainingTime(), 200)));
    }
    m_error = QStringLiteral("funcdeskd serve did not report that it listens (exit %1)\nstdout:\n%2\nstderr:\n%3")
                  .arg(m_process.state() == QProcess::NotRunning ? QString::number(m_process.exitCode())
                                                                 : QStringLiteral("-"),
                       QString::fromUtf8(output + m_process.readAllStandardOutput()),
                       QString::fromUtf8(stderrText().right(4096)));
    stop();
    return false;
}

int FuncdeskdProcess::stop(int signal)
{
    resume(); // a stopped process would not see the signal
    if (m_process.state() == QProcess::NotRunning)
        return -1;
    ::kill(pid_t(m_process.processId()), signal);
    if (!m_process.waitForFinished(kStopTimeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(kStopTimeoutMs);
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

int FuncdeskdProcess::exitCode() const
{
    if (m_process.state() != QProcess::NotRunning || m_process.exitStatus() != QProcess::NormalExit)
        return -1;
    return m_process.exitCode();
}

void FuncdeskdProcess::killHard()
{
    resume();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill(); // SIGKILL
    m_process.waitForFinished(kStopTimeoutMs);
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

QByteArray FuncdeskdProcess::stderrText()
{
    m_stderr += m_process.readAllStandardError();
    return m_stderr;
}

QString FuncdeskdProcess::guestKey() const
{
    QFile file(m_dataDir + QStringLiteral("/auth"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

} // namespace funcdesk::test
