// Funcdesk's sandbox settings in the console, driven with keys and clicks over a real local
// platform: Storage, Network and Minimum instances typed into the Configuration panel, applied and
// read back after reopening it; an invalid size shows its message and moves no field; the three
// are hidden on a platform without storage limits (a stock OpenWhisk). The Test panel says "not
// isolated" for a run without a sandbox, and how much of /tmp a run used.
//
// The local platform is wrapped to say whether it has storage limits, so the test does not depend
// on what this checkout's engine reports; the executor runs with its sandbox off, so a run is
// "not isolated" on any machine.

#include "WidgetDriving.h"
#include "support/FlakyPlatform.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"

#include "models/testing/PayloadStore.h"
#include "models/testing/RunReport.h"
#include "ui/functions/ConfigPanel.h"
#include "ui/shell/ErrorLabel.h"
#include "ui/testing/RunResultView.h"
#include "ui/testing/TestPanel.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kHello = QStringLiteral("function main(p) { return {greeting: 'Hello ' + (p.name || 'world')}; }");

// Where a widget is inside `panel`: compared before and after a message appears.
QRect placeIn(QWidget *panel, QWidget *widget)
{
    return QRect(widget->mapTo(panel, QPoint(0, 0)), widget->size());
}

} // namespace

class TestSandboxSettings : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFixture> local;
    // The local platform saying it has storage limits, as funcdeskd does.
    std::unique_ptr<FlakyPlatform> funcdesk;

    std::unique_ptr<ConfigPanel> openConfiguration(Platform *platform)
    {
        auto panel = std::make_unique<ConfigPanel>();
        panel->resize(1000, 700);
        panel->show();
        if (!QTest::qWaitForWindowExposed(panel.get()))
            qFatal("the configuration panel did not show");
        panel->setContext(platform, QStringLiteral("hello"));
        if (!QTest::qWaitFor([&] { return panel->isEnabled(); }, 15000))
            qFatal("the configuration did not load");
        return panel;
    }

    Action stored() { return take(local->platform->getAction(QStringLiteral("hello"), false)); }

private Q_SLOTS:
    void initTestCase()
    {
        LocalConfig config = LocalFixture::withoutStemCells();
        config.executor.sandbox = ExecutorConfig::Sandbox::Off;
        local = std::make_unique<LocalFixture>(config);
        local->put(QStringLiteral("hello"), kHello);
        funcdesk = std::make_unique<FlakyPlatform>(local->platform.get());
        funcdesk->setInfoAdjustment([](PlatformInfo &info) { info.storageLimits = true; });
    }

    void cleanupTestCase()
    {
        funcdesk.reset();
        local.reset();
    }

    void storageNetworkAndMinimumInstancesAreAppliedAndKept()
    {
        auto panel = openConfiguration(funcdesk.get());
        auto *storage = child<QSpinBox>(panel.get(), "storage");
        auto *network = child<QComboBox>(panel.get(), "network");
        auto *minInstances = child<QSpinBox>(panel.get(), "minInstances");
        QVERIFY(storage->isVisible() && network->isVisible() && minInstances->isVisible());
        QCOMPARE(storage->value(), 512); // the platform's default
        QCOMPARE(network->currentText(), QStringLiteral("On"));
        QCOMPARE(minInstances->value(), 0);
        QVERIFY(child<QLabel>(panel.get(), "storageNote")->text().contains(QLatin1StringView("/tmp")));

        typeNumber(storage, 2048);
        network->setFocus();
        QTest::keyClick(network, Qt::Key_Down);
        QCOMPARE(network->currentText(), QStringLiteral("Off"));
        typeNumber(minInstances, 1);
        auto *apply = child<QPushButton>(panel.get(), "apply");
        QTRY_VERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(panel.get(), "configStatus")->text().startsWith(QLatin1StringView("Applied")), 15000);
        const ActionLimits limits = stored().limits.value_or(ActionLimits());
        QCOMPARE(limits.storageMb.value_or(0), 2048);
        QCOMPARE(limits.network.value_or(QString()), QStringLiteral("off"));
        QCOMPARE(limits.minInstances.value_or(-1), 1);
        // The kept process starts in the background: the open panel's count follows it.
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(panel.get(), "warmInstances")->text(), QStringLiteral("Warm now: 1"),
                                  15000);

        // Reopened: the panel shows what the platform keeps.
        panel.reset();
        panel = openConfiguration(funcdesk.get());
        QCOMPARE(child<QSpinBox>(panel.get(), "storage")->value(), 2048);
        QCOMPARE(child<QComboBox>(panel.get(), "network")->currentText(), QStringLiteral("Off"));
        QCOMPARE(child<QSpinBox>(panel.get(), "minInstances")->value(), 1);
        QVERIFY(!child<QPushButton>(panel.get(), "apply")->isEnabled()); // nothing changed
    }

    void anInvalidStorageShowsItsMessageAndMovesNothing()
    {
        auto panel = openConfiguration(funcdesk.get());
        auto *storage = child<QSpinBox>(panel.get(), "storage");
        auto *error = child<QLabel>(panel.get(), "storageError");
        QVERIFY(!error->isVisible());
        QList<QWidget *> fields{
            storage, child<QComboBox>(panel.get(), "network"), child<QSpinBox>(panel.get(), "minInstances"),
            child<QTableWidget>(panel.get(), "parameters"), child<QSpinBox>(panel.get(), "timeout")};
        QList<QRect> before;
        for (QWidget *field : fields)
            before.append(placeIn(panel.get(), field));

        typeNumber(storage, 100);
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Allowed: 512 to 10240 MB."));
        QVERIFY(!child<QPushButton>(panel.get(), "apply")->isEnabled());
        typeNumber(child<QSpinBox>(panel.get(), "memory"), 4096); // and one above it
        QTRY_VERIFY(child<QLabel>(panel.get(), "memoryError")->isVisible());
        QTest::qWait(50); // the layout settles
        for (qsizetype i = 0; i < fields.size(); ++i)
            QVERIFY2(placeIn(panel.get(), fields[i]) == before[i], qPrintable(fields[i]->objectName()));
        // The message is whole, not cut to the field's width.
        QVERIFY2(error->height() >= error->heightForWidth(error->width()), qPrintable(error->text()));
    }

    void theFieldsAreHiddenWhereThePlatformHasNoStorageLimits()
    {
        FlakyPlatform stock(local->platform.get());
        stock.setInfoAdjustment([](PlatformInfo &info) { info.storageLimits = false; });
        auto panel = openConfiguration(&stock);
        QVERIFY(child<QSpinBox>(panel.get(), "memory")->isVisible());
        for (const char *name : {"storage", "storageNote", "network", "minInstances", "warmInstances"})
            QVERIFY2(!child<QWidget>(panel.get(), name)->isVisible(), name);
        panel.reset(); // before `stock` goes
    }

    void theTestPanelSaysARunWasNotIsolated()
    {
        TestPanel panel(PayloadStore(local->dir.filePath(QStringLiteral("payloads"))), nullptr);
        panel.setLocalExecutor(&local->engine->executor());
        panel.setContext(local->platform.get(), QStringLiteral("Local"), QStringLiteral("hello"), stored());
        panel.resize(1100, 760);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *run = child<QToolButton>(&panel, "runLocallyButton");
        QTRY_VERIFY(run->isEnabled());
        QTest::mouseClick(run, Qt::LeftButton);
        QWidget *result = child<QWidget>(&panel, "localResultView");
        auto *sandbox = static_cast<ErrorLabel *>(child<QLabel>(result, "runSandbox")); // ErrorLabel has no Q_OBJECT
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(result, "runStatus")->text().contains(QLatin1StringView("success")),
                                 60000);
        QCOMPARE(sandbox->text(), QStringLiteral("\u26A0 not isolated"));
        QVERIFY(sandbox->isError()); // a warning, in red
        QVERIFY(sandbox->toolTip().contains(QLatin1StringView("without a sandbox")));
        // Network off was applied above, but without a sandbox nothing takes the network away.
        QCOMPARE(child<QLabel>(result, "runNetwork")->text(), QStringLiteral("on (not isolated, although set to off)"));
    }

    void theTestPanelShowsTmpUsedOfTheStorage()
    {
        Activation record;
        record.activationId = QStringLiteral("0123456789abcdef0123456789abcdef");
        record.response = ActivationResponse();
        record.response->setStatus(ActivationStatus::Success);
        record.annotations = KeyValueList{
            {QStringLiteral("limits"),
             QJsonObject{{QStringLiteral("memory"), 256}, {QStringLiteral("storage"), 1024}},
             {}},
            {QStringLiteral("storageUsed"), 3 * 1024 * 1024 + 512 * 1024, {}},
            {QStringLiteral("enforcement"),
             QJsonObject{{QStringLiteral("sandbox"), QStringLiteral("bubblewrap")},
                         {QStringLiteral("network"), QStringLiteral("off")}},
             {}},
        };
        RunResultView view;
        view.resize(700, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showReport(RunReport::fromActivation(RunReport::Target::Local, record, CostModel()));
        QCOMPARE(child<QLabel>(&view, "runStorage")->text(),
                 QStringLiteral("%1 MB of %2 MB").arg(QLocale().toString(3.5, 'f', 1), QLocale().toString(1024)));
        auto *sandbox = static_cast<ErrorLabel *>(child<QLabel>(&view, "runSandbox"));
        QCOMPARE(sandbox->text(), QStringLiteral("isolated (bubblewrap)"));
        QVERIFY(!sandbox->isError());
        QCOMPARE(child<QLabel>(&view, "runNetwork")->text(), QStringLiteral("off"));
        view.clear();
        QCOMPARE(child<QLabel>(&view, "runStorage")->text(), QStringLiteral("\u2014"));
    }
};

QTEST_MAIN(TestSandboxSettings)
#include "TestSandboxSettings.moc"
