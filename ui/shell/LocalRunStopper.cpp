#include "ui/shell/LocalRunStopper.h"

#include "models/testing/RunningFunctions.h"

#include <QMainWindow>
#include <QStatusBar>

namespace funcdesk {

namespace {
constexpr qint64 kMomentMs = 300;  // stopping faster than this needs no word
constexpr qint64 kGiveUpMs = 5000; // then the window closes anyway (the engine waits for the rest)
constexpr int kPollMs = 50;
} // namespace

LocalRunStopper::LocalRunStopper(QMainWindow *window, Executor *executor)
    : QObject(window), m_window(window), m_running(std::make_unique<RunningFunctions>(executor))
{
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &LocalRunStopper::check);
}

LocalRunStopper::~LocalRunStopper() = default;

void LocalRunStopper::setExecutor(Executor *executor)
{
    m_running = std::make_unique<RunningFunctions>(executor);
}

bool LocalRunStopper::readyToClose()
{
    if (m_givenUp)
        return true;
    if (m_poll.isActive())
        return false; // already stopping: check() closes the window
    const int running = m_running->stopAll(kMomentMs);
    if (running == 0)
        return true;
    m_window->statusBar()->showMessage(tr("Stopping %n running functions…", nullptr, running));
    m_waiting.start();
    m_poll.start();
    return false;
}

void LocalRunStopper::check()
{
    const bool stopped = m_running->count() == 0;
    if (!stopped && m_waiting.elapsed() < kGiveUpMs)
        return;
    m_poll.stop();
    m_givenUp = true;
    m_window->close();
}

} // namespace funcdesk
