#include "FuncdeskdServer.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>

#include <csignal>
#include <sys/prctl.h>

namespace {
constexpr int kStartTimeoutMs = 30000;
constexpr int kStopTimeoutMs = 15000;
} // namespace

FuncdeskdServer::FuncdeskdServer(QString dataDir) : m_dataDir(std::move(dataDir))
{
}

FuncdeskdServer::~FuncdeskdServer()
{
    stop();
}

QString FuncdeskdServer::binary()
{
    return QStringLiteral(FUNCDESKD_PATH);
}

bool FuncdeskdServer::start(quint16 port, const QStringList &extraArguments)
{
    m_error.clear();
    QStringList arguments{QStringLiteral("serve"), QStringLiteral("--port"), QString::number(port),
                          QStringLiteral("--data-dir"), m_dataDir};
    arguments += extraArguments;
    m_process.setProgram(binary());
    m_process.setArguments(arguments);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // A test that crashes must not leave its server behind.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.start();
    if (!m_process.waitForStarted(kStartTimeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(binary(), m_process.errorString());
        return false;
    }

    static const QRegularExpression listening(QStringLiteral("funcdeskd listening on (https?://\\S+?):(\\d+)/?\\s*$"));
    QByteArray output;
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired()) {
        while (m_process.canReadLine()) {
            const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
            output += line.toUtf8() + '\n';
            const auto match = listening.match(line);
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
                       QString::fromUtf8(m_process.readAllStandardError().right(4096)));
    stop();
    return false;
}

void FuncdeskdServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(kStopTimeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(kStopTimeoutMs);
    }
}

void FuncdeskdServer::killHard()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill(); // SIGKILL
    m_process.waitForFinished(kStopTimeoutMs);
}

QString FuncdeskdServer::guestAuth() const
{
    QFile file(m_dataDir + QStringLiteral("/auth"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}
