// Renders each main screen of the console to PNG files in the build folder (screenshots/), for
// people to look at: at 1366×768 in English and in Chinese, and with a dark palette (Fusion and
// the colors a dark desktop theme hands a Qt application). Fails when a screen cannot be
// rendered or comes out blank, or when a label, button, field, combo box or column header
// on a screen cuts or crushes its text (ScreenshotChecks.h), anywhere (kLeftToOwners, panels
// whose cuts are only printed while being fixed, is empty since issue 16 landed).
//
// The same program runs a second time under QT_SCALE_FACTOR=2 (ctest test_screenshots_200):
// every widget, font and icon is then laid out and painted at 200 %, the way Qt scales on a
// HiDPI desktop. That run renders a 2560×1440 screen at 200 %, i.e. a 1280×720 window in
// device-independent pixels, and names its files "…@2x.png".

#include "ConsoleFixture.h"
#include "MetricsTraffic.h"
#include "ScreenshotChecks.h"
#include "support/FlakyPlatform.h"
#include "support/Futures.h"
#include "support/TestPalettes.h"

#include "models/activations/ActivationListModel.h"
#include "models/triggers/TriggerListModel.h"
#include "translations/Translations.h"
#include "ui/activations/ActivationsPanel.h"
#include "ui/code/CodePanel.h"
#include "ui/functions/ConfigPanel.h"
#include "ui/functions/FunctionsPanel.h"
#include "ui/metrics/MetricsChart.h"
#include "ui/metrics/MetricsDashboard.h"
#include "ui/metrics/MonitoringPanel.h"
#include "ui/metrics/OverviewPanel.h"
#include "ui/metrics/RangeBar.h"
#include "ui/objects/BucketBrowser.h"
#include "ui/testing/TestPanel.h"
#include "ui/triggers/TriggersPanel.h"
#include "ui/triggers/WiringPanel.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QTimer>

#include <QDir>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>
#include <cmath>

using namespace funcdesk;
using funcdesk::test::take;

namespace {

void seed(LocalEngine &engine)
{
    const QString ns = QStringLiteral("guest");
    Action resize;
    resize.exec = Exec::withCode(QStringLiteral("nodejs:default"),
                                 QStringLiteral("function main(p) {\n  console.log('resizing', p.width);\n"
                                                "  return {width: p.width || 640, height: 480};\n}\n"));
    resize.limits = ActionLimits();
    resize.limits->memoryMb = 512;
    take(engine.putAction(ns, QStringLiteral("resize-image"), resize, {}));
    Action report;
    report.exec = Exec::withCode(
        QStringLiteral("python:default"),
        QStringLiteral("def main(args):\n    print('report for', args.get('day'))\n    return {'rows': 3}\n"));
    take(engine.putAction(ns, QStringLiteral("daily-report"), report, {}));
    Action failing;
    failing.exec = Exec::withCode(QStringLiteral("nodejs:default"),
                                  QStringLiteral("function main() { throw new Error('disk full'); }"));
    take(engine.putAction(ns, QStringLiteral("cleanup"), failing, {}));
    for (int i = 0; i < 3; ++i)
        take(engine.invokeAction(ns, QStringLiteral("resize-image"), {{QStringLiteral("width"), 100 * (i + 1)}}, {}));
    take(engine.invokeAction(ns, QStringLiteral("daily-report"), {{QStringLiteral("day"), QStringLiteral("monday")}},
                             {}));
    take(engine.invokeAction(ns, QStringLiteral("cleanup"), {}, {}));
}

// A timer and an object-upload trigger, each running a function, and a manual one: what the
// Triggers, Wiring and Buckets views show.
void seedTriggers(Platform &platform, const QString &folder)
{
    take(platform.createFeedTrigger(QStringLiteral("every-10-seconds"), {},
                                    QStringLiteral("/whisk.system/alarms/alarm"),
                                    {{QStringLiteral("cron"), QStringLiteral("*/10 * * * * *")}}));
    take(platform.createBucket(QStringLiteral("uploads")));
    take(platform.createFeedTrigger(
        QStringLiteral("csv-uploads"), {}, QStringLiteral("/whisk.system/storage/changes"),
        {{QStringLiteral("bucket"), QStringLiteral("uploads")}, {QStringLiteral("suffix"), QStringLiteral(".csv")}}));
    take(platform.putTrigger(QStringLiteral("deploy-hook"), {}, {}));
    const auto rule = [&](const char *name, const char *trigger, const char *action) {
        auto parsed = Rule::fromJson({{QStringLiteral("trigger"), QLatin1StringView(trigger)},
                                      {QStringLiteral("action"), QLatin1StringView(action)}});
        QVERIFY(parsed);
        take(platform.putRule(QLatin1StringView(name), parsed.value(), {}));
    };
    rule("nightly-report", "/_/every-10-seconds", "/_/daily-report");
    rule("resize-csv", "/_/csv-uploads", "/_/resize-image");
    rule("cleanup-on-deploy", "/_/deploy-hook", "/_/cleanup");
    QFile file(folder + QStringLiteral("/orders.csv"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("id,item\n1,paper\n");
    file.close();
    take(platform.putObject(QStringLiteral("uploads"), QStringLiteral("2026/orders.csv"), file.fileName()));
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private:
    // Texts cut or crushed on a screen, outside the panels listed in kLeftToOwners: the test fails.
    QStringList m_clipped;

    // Flags every label, button, field, combo box and header section of `widget` whose text does
    // not fit (ScreenshotChecks.h's clippedTexts).
    void checkClipping(QWidget *widget, const QString &screen)
    {
        // Panels being fixed elsewhere, whose cuts are printed, not failed: none.
        static const QStringList kLeftToOwners = {};
        const QString name = screen + (test::screenshotsDoubled() ? QStringLiteral("@2x") : QString());
        for (const test::ClippedText &clip : test::clippedTexts(widget, kLeftToOwners)) {
            if (clip.owner.isEmpty())
                m_clipped.append(name + QStringLiteral(": ") + clip.where);
            else
                qInfo("clipped in %s (left to its owner): %s: %s", qPrintable(clip.owner), qPrintable(name),
                      qPrintable(clip.where));
        }
    }

    void renderScreens(const QString &variant)
    {
        test::Console console;
        QVERIFY(console.start());
        seed(*console.engine);
        MainWindow &window = *console.window;
        const bool doubled = test::screenshotsDoubled();
        window.resize(test::consoleScreenshotSize());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window); // shortcuts follow the focus of the active window
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.functionsPanel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(QStringLiteral("resize-image")), 15000);
        // The Configuration panel as funcdeskd shows it, with Storage, Network and Minimum
        // instances, whether or not this checkout's local engine reports storage limits yet.
        test::FlakyPlatform withStorage(console.local);
        withStorage.setInfoAdjustment([](PlatformInfo &info) { info.storageLimits = true; });
        window.configPanel()->setContext(&withStorage, QStringLiteral("resize-image"));
        QDir().mkpath(QStringLiteral(SCREENSHOT_DIR));
        // The Monitoring tab of this fresh console holds only the seeded activations: "monitoring-live",
        // so that it does not overwrite renderMetricsScreens' "monitoring" with a day of traffic.
        const char *names[] = {"code", "configuration", "test", "activations", "monitoring-live"};
        QCOMPARE(window.tabs()->count(), int(std::size(names)));
        for (int tab = 0; tab < window.tabs()->count(); ++tab) {
            window.tabs()->setCurrentIndex(tab);
            if (window.tabs()->currentWidget() == window.activationsPanel())
                QTRY_VERIFY_WITH_TIMEOUT(window.activationsPanel()->model()->rowCount() >= 3, 15000);
            QTest::qWait(400); // asynchronous loads land
            const QImage image = window.grab().toImage();
            QVERIFY(test::looksRendered(image));
            checkClipping(&window, variant + QLatin1Char('-') + QLatin1StringView(names[tab]));
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
            test::contrast(error->palette().color(QPalette::WindowText), error->palette().color(QPalette::Window));
        QVERIFY2(contrast >= 4.5, qPrintable(QString::number(contrast)));
        const QString path = QStringLiteral(SCREENSHOT_DIR "/%1-configuration-invalid%2.png")
                                 .arg(variant, doubled ? QStringLiteral("@2x") : QString());
        QVERIFY2(window.grab().save(path), qPrintable(path));
        // The new fields fit: Minimum instances is on screen without scrolling at this size.
        auto *minInstances = window.configPanel()->findChild<QSpinBox *>(QStringLiteral("minInstances"));
        QVERIFY(minInstances && minInstances->isVisible());
        auto *scroll = window.configPanel()->findChild<QScrollArea *>();
        QVERIFY(scroll);
        if (!doubled)
            QVERIFY(scroll->viewport()->rect().contains(
                QRect(minInstances->mapTo(scroll->viewport(), QPoint(0, 0)), minInstances->size())));
        window.configPanel()->setContext(nullptr, QString()); // before withStorage goes
    }

    // The Triggers, Wiring and Buckets views, and the trigger editor for each kind.
    void renderTriggerScreens(const QString &variant)
    {
        test::Console console;
        QVERIFY(console.start());
        seed(*console.engine);
        seedTriggers(*console.local, console.dir.path());
        MainWindow &window = *console.window;
        window.resize(QSize(1366, 768));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QDir().mkpath(QStringLiteral(SCREENSHOT_DIR));
        const auto save = [&](QWidget *widget, const QString &name) {
            const QImage image = widget->grab().toImage();
            QVERIFY(test::looksRendered(image));
            checkClipping(widget, variant + QLatin1Char('-') + name);
            const QString path = QStringLiteral(SCREENSHOT_DIR "/%1-%2.png").arg(variant, name);
            QVERIFY2(image.save(path), qPrintable(path));
        };
        window.viewTabs()->setCurrentWidget(window.triggersPanel());
        QTRY_VERIFY_WITH_TIMEOUT(window.triggersPanel()->model()->rowCount() >= 3, 15000);
        QTest::qWait(600);
        if (variant == QLatin1StringView("zh_CN")) { // the kinds are translated (a context mismatch left them English)
            const QAbstractItemModel *model = window.triggersPanel()->model();
            for (int row = 0; row < model->rowCount(); ++row) {
                const QString kind = model->index(row, 1).data().toString();
                QVERIFY2(!QStringList({QStringLiteral("Timer"), QStringLiteral("Object"), QStringLiteral("Manual")})
                              .contains(kind),
                         qPrintable(kind));
            }
        }
        save(&window, QStringLiteral("triggers"));
        window.viewTabs()->setCurrentWidget(window.wiringPanel());
        QTest::qWait(1000);
        save(&window, QStringLiteral("wiring"));
        window.viewTabs()->setCurrentWidget(window.bucketBrowser());
        QTest::qWait(1000);
        save(&window, QStringLiteral("buckets"));

        window.viewTabs()->setCurrentWidget(window.triggersPanel());
        const char *kinds[] = {"timer", "object", "route"};
        bool shown = false;
        auto *poll = new QTimer(&window);
        poll->setInterval(50);
        QObject::connect(poll, &QTimer::timeout, &window, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            poll->stop();
            auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("triggerKind"));
            for (int i = 0; kind && i < 3; ++i) {
                kind->setCurrentIndex(i);
                QTest::qWait(400);
                save(dialog, QStringLiteral("trigger-editor-%1").arg(QLatin1StringView(kinds[i])));
            }
            shown = kind != nullptr;
            dialog->reject();
        });
        poll->start();
        window.triggersPanel()->newTrigger();
        QTRY_VERIFY_WITH_TIMEOUT(shown, 15000);
    }

    // The Metrics view and a function's Monitoring tab over a generated day of traffic.
    void renderMetricsScreens(const QString &variant)
    {
        test::Console console;
        QVERIFY(console.placeMetricsSnapshot(test::generatedDay(QDateTime::currentMSecsSinceEpoch()).save()));
        QVERIFY(console.start());
        seed(*console.engine);
        MainWindow &window = *console.window;
        const bool doubled = test::screenshotsDoubled();
        window.resize(test::consoleScreenshotSize());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QDir().mkpath(QStringLiteral(SCREENSHOT_DIR));
        const auto save = [&](const QString &name) {
            const QImage image = window.grab().toImage();
            QVERIFY(test::looksRendered(image));
            checkClipping(&window, variant + QLatin1Char('-') + name);
            const QString path = QStringLiteral(SCREENSHOT_DIR "/%1-%2%3.png")
                                     .arg(variant, name, doubled ? QStringLiteral("@2x") : QString());
            QVERIFY2(image.save(path), qPrintable(path));
        };
        auto *range = window.overviewPanel()->findChild<QComboBox *>(QStringLiteral("metricsRange"));
        QVERIFY(range);
        range->setCurrentIndex(2); // the last 24 hours
        window.viewTabs()->setCurrentWidget(window.overviewPanel());
        MetricsChart *invocations = window.overviewPanel()->dashboard()->invocationsChart();
        QTRY_VERIFY_WITH_TIMEOUT(!invocations->data().values.value(0).isEmpty() &&
                                     *std::max_element(invocations->data().values.at(0).cbegin(),
                                                       invocations->data().values.at(0).cend()) > 0,
                                 20000);
        QTest::qWait(600);
        save(QStringLiteral("metrics"));

        window.viewTabs()->setCurrentIndex(0);
        window.functionsPanel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(QStringLiteral("resize-image")), 15000);
        window.tabs()->setCurrentWidget(window.monitoringPanel());
        window.monitoringPanel()->dashboard()->rangeBar()->setRange(MetricsRange::LastDay);
        MetricsChart *function = window.monitoringPanel()->dashboard()->invocationsChart();
        // The day's series, not an earlier answer for the live quarter hour.
        QTRY_VERIFY_WITH_TIMEOUT(
            function->data().bucketCount() > 0 && function->data().toMs - function->data().fromMs > 20 * 3600 * 1000 &&
                *std::max_element(function->data().values.at(0).cbegin(), function->data().values.at(0).cend()) > 0,
            20000);
        QTest::qWait(600);
        save(QStringLiteral("monitoring"));
    }

    // The connection dialog on Local (read-only) and on a new connection's form.
    void renderConnectionScreens(const QString &variant)
    {
        test::Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        window.resize(test::consoleScreenshotSize());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *manage = window.findChild<QAction *>(QStringLiteral("manageConnectionsAction"));
        QVERIFY(manage);
        manage->trigger();
        auto *dialog = window.findChild<QDialog *>(QStringLiteral("connectionDialog"));
        QVERIFY(dialog && QTest::qWaitForWindowExposed(dialog));
        QDir().mkpath(QStringLiteral(SCREENSHOT_DIR));
        const auto save = [&](const QString &name) {
            QTest::qWait(200);
            const QImage image = dialog->grab().toImage();
            QVERIFY(test::looksRendered(image));
            checkClipping(dialog, variant + QLatin1Char('-') + name);
            const QString path =
                QStringLiteral(SCREENSHOT_DIR "/%1-%2%3.png")
                    .arg(variant, name, test::screenshotsDoubled() ? QStringLiteral("@2x") : QString());
            QVERIFY2(image.save(path), qPrintable(path));
        };
        save(QStringLiteral("connections-local"));
        auto *add = dialog->findChild<QPushButton *>(QStringLiteral("addButton"));
        QVERIFY(add);
        QTest::mouseClick(add, Qt::LeftButton);
        save(QStringLiteral("connections-new"));
        dialog->reject();
    }

private Q_SLOTS:
    void init() { m_clipped.clear(); }
    // No text cut or crushed on any screen of the test, in English and Chinese, at 100 and 200 %.
    void cleanup() { QVERIFY2(m_clipped.isEmpty(), qPrintable(m_clipped.join(QLatin1Char('\n')))); }

    void englishMetrics() { renderMetricsScreens(QStringLiteral("en")); }
    void englishMetricsDark()
    {
        const QString style = QApplication::style()->name();
        const QPalette palette = QApplication::palette();
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(test::darkPalette());
        renderMetricsScreens(QStringLiteral("en-dark"));
        QApplication::setStyle(QStyleFactory::create(style));
        QApplication::setPalette(palette);
    }
    void english() { renderScreens(QStringLiteral("en")); }
    void englishConnections() { renderConnectionScreens(QStringLiteral("en")); }
    void englishTriggers() { renderTriggerScreens(QStringLiteral("en")); }

    void englishDark()
    {
        test::withDarkStyle([this] { renderScreens(QStringLiteral("en-dark")); });
    }

    void chinese()
    {
        installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN"));
        renderScreens(QStringLiteral("zh_CN"));
        renderTriggerScreens(QStringLiteral("zh_CN"));
        renderMetricsScreens(QStringLiteral("zh_CN"));
        renderConnectionScreens(QStringLiteral("zh_CN"));
    }
};

QTEST_MAIN(TestScreenshots)
#include "TestScreenshots.moc"
