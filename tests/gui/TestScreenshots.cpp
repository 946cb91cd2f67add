// Renders each main screen of the console at 1366×768, in English and in Chinese, to PNG files
// in the build folder (screenshots/), for people to look at. Fails when a screen cannot be
// rendered or comes out blank.

#include "ConsoleFixture.h"

#include "models/activations/ActivationListModel.h"
#include "translations/Translations.h"
#include "ui/activations/ActivationsPanel.h"
#include "ui/code/CodePanel.h"
#include "ui/functions/ConfigPanel.h"
#include "ui/testing/TestPanel.h"
#include "ui/functions/FunctionsPanel.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QTabWidget>
#include <QTest>

using namespace funcdesk;

namespace {

template <typename T>
T wait(QFuture<Result<T>> future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    if (!future.result().ok())
        qFatal("%s", qPrintable(future.result().error().message));
    return future.result().value();
}

void seed(LocalEngine &engine)
{
    const QString ns = QStringLiteral("guest");
    Action resize;
    resize.exec = Exec::withCode(QStringLiteral("nodejs:default"),
                                 QStringLiteral("function main(p) {\n  console.log('resizing', p.width);\n"
                                                "  return {width: p.width || 640, height: 480};\n}\n"));
    resize.limits = ActionLimits();
    resize.limits->memoryMb = 512;
    wait(engine.putAction(ns, QStringLiteral("resize-image"), resize, {}));
    Action report;
    report.exec = Exec::withCode(QStringLiteral("python:default"),
                                 QStringLiteral("def main(args):\n    print('report for', args.get('day'))\n    return {'rows': 3}\n"));
    wait(engine.putAction(ns, QStringLiteral("daily-report"), report, {}));
    Action failing;
    failing.exec = Exec::withCode(QStringLiteral("nodejs:default"), QStringLiteral("function main() { throw new Error('disk full'); }"));
    wait(engine.putAction(ns, QStringLiteral("cleanup"), failing, {}));
    for (int i = 0; i < 3; ++i)
        wait(engine.invokeAction(ns, QStringLiteral("resize-image"), {{QStringLiteral("width"), 100 * (i + 1)}}, {}));
    wait(engine.invokeAction(ns, QStringLiteral("daily-report"), {{QStringLiteral("day"), QStringLiteral("monday")}}, {}));
    wait(engine.invokeAction(ns, QStringLiteral("cleanup"), {}, {}));
}

bool looksRendered(const QImage &image)
{
    // A blank or single-colour grab means nothing was painted.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height() && colours.size() < 16; y += 17)
        for (int x = 0; x < image.width() && colours.size() < 16; x += 13)
            colours.insert(image.pixel(x, y));
    return colours.size() >= 16;
}

}  // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private:
    void renderScreens(const QString &language)
    {
        test::Console console;
        QVERIFY(console.start());
        seed(*console.engine);
        MainWindow &window = *console.window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);  // shortcuts follow the focus of the active window
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.functionsPanel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(QStringLiteral("resize-image")), 15000);
        QDir().mkpath(QStringLiteral(SCREENSHOT_DIR));
        const char *names[] = {"code", "configuration", "test", "activations"};
        for (int tab = 0; tab < window.tabs()->count(); ++tab) {
            window.tabs()->setCurrentIndex(tab);
            if (window.tabs()->currentWidget() == window.activationsPanel())
                QTRY_VERIFY_WITH_TIMEOUT(window.activationsPanel()->model()->rowCount() >= 3, 15000);
            QTest::qWait(400);  // asynchronous loads land
            const QImage image = window.grab().toImage();
            QVERIFY(looksRendered(image));
            const QString path = QStringLiteral(SCREENSHOT_DIR "/%1-%2.png").arg(language, QLatin1StringView(names[tab]));
            QVERIFY2(image.save(path), qPrintable(path));
        }
    }

private Q_SLOTS:
    void english() { renderScreens(QStringLiteral("en")); }

    void chinese()
    {
        installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN"));
        renderScreens(QStringLiteral("zh_CN"));
    }
};

QTEST_MAIN(TestScreenshots)
#include "TestScreenshots.moc"
