#pragma once

// Driving the console's widgets as a user does, for the GUI tests: finding a named widget,
// answering a modal dialog, typing into a spin box, bringing a window up and active.

#include <QApplication>
#include <QSpinBox>
#include <QTest>
#include <QTimer>

#include <functional>

namespace funcdesk::test {

// The child of `parent` with that object name; the test stops when there is none.
template <typename T> T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1StringView(name));
    if (!found)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

// Answers the next modal dialog with `answer` once it is up.
inline void whenDialogOpens(std::function<void(QWidget *)> answer)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, answer] {
        if (QWidget *dialog = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            answer(dialog);
        }
    });
    timer->start();
}

// Replaces a spin box's text with `value` as a user would, then leaves the field.
inline void typeNumber(QSpinBox *box, int value)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, QString::number(value));
    QTest::keyClick(box, Qt::Key_Tab);
}

// Shows a window at 1366×768 and makes it the active one: shortcuts follow the focus of the
// active window. False when the window did not come up.
inline bool showActive(QWidget &window)
{
    window.resize(1366, 768);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    QApplication::setActiveWindow(&window);
    return QTest::qWaitForWindowActive(&window);
}

} // namespace funcdesk::test
