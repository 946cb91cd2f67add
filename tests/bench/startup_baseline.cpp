// startup_baseline: the yardstick of startup_bench, an empty Qt Widgets main window. With
// FUNCDESK_STARTUP_PROBE set it prints the steady clock (ns) once its first frame is up (the
// first expose handled), with the CPU time used by then, the way funcdesk does, and quits.

#include <QApplication>
#include <QEvent>
#include <QMainWindow>
#include <QTimer>
#include <QWindow>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace {

class FirstFrame : public QObject
{
public:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *window = qobject_cast<QWindow *>(watched);
        if (!m_done && event->type() == QEvent::Expose && window && window->isExposed()) {
            m_done = true;
            QTimer::singleShot(0, qApp, [] {
                const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                    std::chrono::steady_clock::now().time_since_epoch())
                                    .count();
                const auto cpu = static_cast<long long>(double(std::clock()) * 1e9 / CLOCKS_PER_SEC);
                std::printf("funcdesk-startup window_ns=%lld cpu_ns=%lld\n", static_cast<long long>(ns), cpu);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1280, 720);
    window.setWindowTitle(QStringLiteral("startup_baseline"));
    FirstFrame firstFrame;
    window.winId(); // creates the QWindow to watch
    if (qEnvironmentVariableIsSet("FUNCDESK_STARTUP_PROBE"))
        window.windowHandle()->installEventFilter(&firstFrame);
    window.show();
    return app.exec();
}
