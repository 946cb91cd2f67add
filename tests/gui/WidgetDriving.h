#pragma once

// Driving the console's widgets as a user does, for the GUI tests: finding a named widget,
// answering a modal dialog, typing into a spin box, bringing a window up and active.

#include <QApplication>
#include <QSpinBox>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace funcdesk::test {

// The child of `parent` with that object name; the test stops when there is none.
template <typename T> T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1StringView(name));
    if (!found)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

// Answers the next modal dialog with `answer` once it is up: shown, and the active window (keys and
// mnemonics reach a dialog only then; on a loaded machine that comes a few event-loop turns after
// it is shown, and a key sent earlier is lost, leaving the dialog open for good). After 500 ms
// without activation it answers anyway.
inline void whenDialogOpens(std::function<void(QWidget *)> answer)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    auto inactiveTicks = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, [timer, answer, inactiveTicks] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog || !dialog->isVisible())
            return;
        if (QApplication::activeWindow() != dialog && ++*inactiveTicks < 25)
            return;
        timer->stop();
        timer->deleteLater();
        answer(dialog);
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
