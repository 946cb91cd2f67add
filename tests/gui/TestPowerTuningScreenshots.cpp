// Renders the power tuning dialog after a real run to PNG files in the build folder
// (screenshots/power-tuning-*.png), in English and Chinese, light and dark, for people to look
// at (the conventions of TestScreenshots.cpp). A CPU-bound function on the local executor, where
// CPU follows memory, so the settings differ. Fails when the dialog comes out blank or does not
// fit a 1366×768 screen.

#include "PowerTuningFixture.h"
#include "ScreenshotChecks.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "translations/Translations.h"

#include <QCheckBox>
#include <QDir>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kWork =
    QStringLiteral("function main(p) {\n  let x = 0;\n  for (let i = 0; i < 1.5e7; ++i) x = (x + i) % 7919;\n"
                   "  return {x};\n}\n");

} // namespace

class TestPowerTuningScreenshots : public QObject
{
    Q_OBJECT

private:
    void render(const QString &variant)
    {
        PowerTuningFixture fixture(QStringLiteral("resize-image"), kWork,
                                   SavedPayload{QStringLiteral("thumbnail"), QStringLiteral("{\"width\": 320}")});
        PowerTuningDialog &dialog = *fixture.dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.width() <= 1366 && dialog.height() <= 768 - 60); // room for a panel and a title bar
        QPushButton *start = fixture.startWhenReady();
        child<QCheckBox>(&dialog, "memory2048")->setChecked(false); // 2 vCPU: no faster on this machine
        typeNumber(child<QSpinBox>(&dialog, "tuningRuns"), 2);
        QTest::mouseClick(start, Qt::LeftButton);
        auto *progress = child<QProgressBar>(&dialog, "tuningProgress");
        QTRY_VERIFY_WITH_TIMEOUT(progress->value() == 12 && start->isEnabled(), kWaitTimeoutMs);
        QTest::qWait(300);
        QDir().mkpath(QStringLiteral(SCREENSHOT_DIR));
        const bool doubled = screenshotsDoubled();
        const QImage image = dialog.grab().toImage();
        QVERIFY(looksRendered(image));
        const QString path = QStringLiteral(SCREENSHOT_DIR "/%1-power-tuning%2.png")
                                 .arg(variant, doubled ? QStringLiteral("@2x") : QString());
        QVERIFY2(image.save(path), qPrintable(path));
    }

private Q_SLOTS:
    void english() { render(QStringLiteral("en")); }

    void englishDark()
    {
        withDarkStyle([this] { render(QStringLiteral("en-dark")); });
    }

    void chinese()
    {
        installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN"));
        render(QStringLiteral("zh_CN"));
    }
};

QTEST_MAIN(TestPowerTuningScreenshots)
#include "TestPowerTuningScreenshots.moc"
