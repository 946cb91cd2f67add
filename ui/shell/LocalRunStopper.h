#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

class QMainWindow;

namespace funcdesk {

class Executor;
class RunningFunctions;

// Quit ends every running local activation at once: Executor::shutdown() kills each one's
// process tree (Test panel runs and invocations on the embedded platform alike) instead of
// waiting for their timeouts. When they are not gone within a moment (300 ms), the window stays
// up saying "Stopping N running functions…" and closes itself once they are (after 5 s at most).
class LocalRunStopper : public QObject
{
    Q_OBJECT

public:
    LocalRunStopper(QMainWindow *window, Executor *executor);
    ~LocalRunStopper() override;
    // The executor once the local platform is up (the console starts it behind its first window).
    void setExecutor(Executor *executor);
    // From the window's closeEvent: true when it may close now; false while functions stop.
    bool readyToClose();

private:
    void check();

    QMainWindow *m_window;
    std::unique_ptr<RunningFunctions> m_running;
    QTimer m_poll;
    QElapsedTimer m_waiting;
    bool m_givenUp = false;
};

} // namespace funcdesk
