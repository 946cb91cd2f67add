#include "ui/shell/FirstFrame.h"

#include <QEvent>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <QWindow>

namespace funcdesk {

void afterFirstFrame(QWidget *window, std::function<void()> then)
{
    struct Watcher : QObject
    {
        std::function<void()> then;
        QPointer<QWindow> handle;
        void fire()
        {
            if (!then)
                return;
            auto run = std::move(then);
            then = nullptr;
            if (handle)
                handle->removeEventFilter(this);
            deleteLater();
            run();
        }
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (event->type() == QEvent::Expose && handle && handle->isExposed())
                QTimer::singleShot(0, this, [this] { fire(); }); // after the expose painted the frame
            return QObject::eventFilter(watched, event);
        }
    };
    auto *watcher = new Watcher;
    watcher->then = std::move(then);
    watcher->handle = window->windowHandle();
    if (watcher->handle && watcher->handle->isExposed()) {
        QTimer::singleShot(0, watcher, [watcher] { watcher->fire(); });
        return;
    }
    if (watcher->handle)
        watcher->handle->installEventFilter(watcher);
    QTimer::singleShot(1000, watcher, [watcher] { watcher->fire(); });
}

} // namespace funcdesk
