// Renders each main screen of the console to PNG files in the build folder (screenshots/), for
// people to look at: at 1366×768 in English and in Chinese, and with a dark palette (Fusion and
// the colours a dark desktop theme hands a Qt application). Fails when a screen cannot be
// rendered or comes out blank.
//
// The same program runs a second time under QT_SCALE_FACTOR=2 (ctest test_screenshots_200):
// every widget, font and icon is then laid out and painted at 200 %, the way Qt scales on a
// HiDPI desktop. That run renders a 2560×1440 screen at 200 %, i.e. a 1280×720 window in
// device-independent pixels, and names its files "…@2x.png".

#include "ConsoleFixture.h"

#include "models/activations/ActivationListModel.h"
#include "translations/Translations.h"
#include "ui/activations/ActivationsPanel.h"
#include "ui/code/CodePanel.h"
#include "ui/functions/ConfigPanel.h"
#include "ui/functions/FunctionsPanel.h"
#include "ui/testing/TestPanel.h"

#include <QApplication>

#include <QDir>
#include <QImage>
#include <QLabel>
#include <QSpinBox>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>
#include <cmath>

using namespace funcdesk;

namespace {

template <typename T> T wait(QFuture<Result<T>> future)
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
    report.exec = Exec::withCode(
        QStringLiteral("python:default"),
        QStringLiteral("def main(args):\n    print('report for', args.get('day'))\n    return {'rows': 3}\n"));
    wait(engine.putAction(ns, QStringLiteral("daily-report"), report, {}));
    Action failing;
    failing.exec = Exec::withCode(QStringLiteral("nodejs:default"),
                                  QStringLiteral("function main() { throw new Error('disk full'); }"));
    wait(engine.putAction(ns, QStringLiteral("cleanup"), failing, {}));
    for (int i = 0; i < 3; ++i)
        wait(engine.invokeAction(ns, QStringLiteral("resize-image"), {{QStringLiteral("width"), 100 * (i + 1)}}, {}));
    wait(engine.invokeAction(ns, QStringLiteral("daily-report"), {{QStringLiteral("day"), QStringLiteral("monday")}},
                             {}));
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

// WCAG 2 contrast ratio of two colours (1 to 21); 4.5 is the minimum for body text.
double contrastRatio(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// What a dark desktop theme gives a Qt application (the Fusion dark scheme KDE's Breeze Dark and
// GNOME's Adwaita-dark bridges come close to).
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe6, 0xe6, 0xe6), disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Light, QColor(0x45, 0x45, 0x45));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::Mid, QColor(0x24, 0x24, 0x24));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, QColor(0x10, 0x10, 0x10));
    p.setColor(QPalette::Link, QColor(0x58, 0xa6, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private:
    void renderScreens(const QString &variant)
    {
        test::Console console;
        QVERIFY(console.start());
        seed(*console.engine);
        MainWindow &window = *console.window;
        const bool doubled = qEnvironmentVariableIntValue("QT_SCALE_FACTOR") == 2;
        window.resize(doubled ? QSize(1280, 720) : QSize(1366, 768));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window); // shortcuts follow the focus of the active window
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.functionsPanel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(QStringLiteral("resize-image")), 15000);
        QDir().mkpath(QStringLiteral(SCREENSHOT_DIR));
        const char *names[] = {"code", "configuration", "test", "activations"};
        for (int tab = 0; tab < window.tabs()->count(); ++tab) {
            window.tabs()->setCurrentIndex(tab);
            if (window.tabs()->currentWidget() == window.activationsPanel())
                QTRY_VERIFY_WITH_TIMEOUT(window.activationsPanel()->model()->rowCount() >= 3, 15000);
            QTest::qWait(400); // asynchronous loads land
            const QImage image = window.grab().toImage();
            QVERIFY(looksRendered(image));
            if (doubled) // the grab holds device pixels: twice the window's size
                QCOMPARE(image.size(), window.size() * 2);
            const QString path =
                QStringLiteral(SCREENSHOT_DIR "/%1-%2%3.png")
                    .arg(variant, QLatin1StringView(names[tab]), doubled ? QStringLiteral("@2x") : QString());
            QVERIFY2(image.save(path), qPrintable(path));
        }

        // An inline error: memory over the platform's limit, typed into the configuration.
        window.tabs()->setCurrentWidget(window.configPanel());
        auto *memory = window.configPanel()->findChild<QSpinBox *>(QStringLiteral("memory"));
        QVERIFY(memory);
        memory->setFocus();
        QTest::keyClick(memory, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(memory, QStringLiteral("4096"));
        auto *error = window.configPanel()->findChild<QLabel *>(QStringLiteral("memoryError"));
        QTRY_VERIFY(error && error->isVisible());
        QTest::qWait(100);
        // The message is whole (not cut to the spin box's width) and readable on this palette.
        QVERIFY2(error->height() >= error->heightForWidth(error->width()), qPrintable(error->text()));
        const double contrast =
            contrastRatio(error->palette().color(QPalette::WindowText), error->palette().color(QPalette::Window));
        QVERIFY2(contrast >= 4.5, qPrintable(QString::number(contrast)));
        const QString path = QStringLiteral(SCREENSHOT_DIR "/%1-configuration-invalid%2.png")
                                 .arg(variant, doubled ? QStringLiteral("@2x") : QString());
        QVERIFY2(window.grab().save(path), qPrintable(path));
    }

private Q_SLOTS:
    void english() { renderScreens(QStringLiteral("en")); }

    void englishDark()
    {
        const QString style = QApplication::style()->name();
        const QPalette palette = QApplication::palette();
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        renderScreens(QStringLiteral("en-dark"));
        QApplication::setStyle(QStyleFactory::create(style));
        QApplication::setPalette(palette);
    }

    void chinese()
    {
        installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN"));
        renderScreens(QStringLiteral("zh_CN"));
    }
};

QTEST_MAIN(TestScreenshots)
#include "TestScreenshots.moc"
