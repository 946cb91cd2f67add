#include "FuncdeskdProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>

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
    ::kill(pid_t(m_process.processId()), SIGSTOP);
    m_paused = true;
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
