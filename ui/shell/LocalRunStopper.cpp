#include "ui/shell/LocalRunStopper.h"

#include "executor/Executor.h"

#include <QMainWindow>
#include <QStatusBar>
#include <QThread>

namespace funcdesk {

namespace {
constexpr qint64 kMomentMs = 300;  // stopping faster than this needs no word
constexpr qint64 kGiveUpMs = 5000; // then the window closes anyway (the engine waits for the rest)
constexpr int kPollMs = 50;
} // namespace

LocalRunStopper::LocalRunStopper(QMainWindow *window, Executor *executor)
    : QObject(window), m_window(window), m_executor(executor)
{
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &LocalRunStopper::check);
}

bool LocalRunStopper::readyToClose()
{
    if (!m_executor || m_givenUp)
        return true;
    if (m_poll.isActive())
        return false; // already stopping: check() closes the window
    m_executor->shutdown();
    QElapsedTimer moment;
    moment.start();
    while (m_executor->runningCount() > 0 && moment.elapsed() < kMomentMs)
        QThread::msleep(5); // a killed tree is reaped in milliseconds: not worth a round of events
    const int running = m_executor->runningCount();
    if (running == 0)
        return true;
    m_window->statusBar()->showMessage(tr("Stopping %n running functions…", nullptr, running));
    m_waiting.start();
    m_poll.start();
    return false;
}

void LocalRunStopper::check()
{
    const bool stopped = m_executor->runningCount() == 0;
    if (!stopped && m_waiting.elapsed() < kGiveUpMs)
        return;
    m_poll.stop();
    m_givenUp = true;
    m_window->close();
}

} // namespace funcdesk
