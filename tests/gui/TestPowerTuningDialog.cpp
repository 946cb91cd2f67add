// The power tuning dialog driven with clicks over a real local platform: the saved payload is
// offered, Start runs every chosen setting with the progress bar reaching its end, the results
// table and the chart fill in, and choosing the balanced setting then Apply changes the
// function's limits on the platform.

#include "PowerTuningFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "ui/metrics/PowerTuningChart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

// Clicks a check box or radio button on its indicator: one stretched by its layout only reacts
// to clicks on the indicator and its text, not the empty space the widget's centre may be in.
void clickIndicator(QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(6, button->height() / 2));
}

} // namespace

class TestPowerTuningDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startRunsEverySettingAndApplyChangesTheFunction()
    {
        PowerTuningFixture fixture(QStringLiteral("hello"), kSucceeds,
                                   SavedPayload{QStringLiteral("small"), QStringLiteral("{\"n\": 7}")});
        LocalFixture &local = fixture.local;
        PowerTuningDialog &dialog = *fixture.dialog;
        QSignalSpy applied(&dialog, &PowerTuningDialog::applied);
        QVERIFY(showActive(dialog));
        QCOMPARE(child<QComboBox>(&dialog, "tuningPayloadChoice")->currentText(), QStringLiteral("small"));
        QCOMPARE(child<QPlainTextEdit>(&dialog, "tuningPayload")->toPlainText(), QStringLiteral("{\"n\": 7}"));
        QPushButton *start = fixture.startWhenReady();
        // Two settings, two runs each: keep 128 and 512 MB, uncheck the rest.
        const QList<QCheckBox *> sizes =
            dialog.findChildren<QCheckBox *>(QRegularExpression(QStringLiteral("^memory")));
        QCOMPARE(sizes.size(), 5); // 128 … 2048: the local platform's range
        for (QCheckBox *box : sizes) {
            const bool keep = box->objectName() == QLatin1StringView("memory128") ||
                              box->objectName() == QLatin1StringView("memory512");
            if (box->isChecked() != keep)
                clickIndicator(box);
        }
        typeNumber(child<QSpinBox>(&dialog, "tuningRuns"), 2);
        QVERIFY(!child<QRadioButton>(&dialog, "chooseBalanced")->isEnabled());

        QTest::mouseClick(start, Qt::LeftButton);
        auto *progress = child<QProgressBar>(&dialog, "tuningProgress");
        const bool ended =
            QTest::qWaitFor([&] { return progress->value() == 6 && start->isEnabled(); }, kWaitTimeoutMs);
        QVERIFY2(ended, qPrintable(QStringLiteral("%1 of %2: %3")
                                       .arg(progress->value())
                                       .arg(progress->maximum())
                                       .arg(child<QLabel>(&dialog, "tuningStatus")->text())));
        QCOMPARE(progress->maximum(), 6);
        QVERIFY(!child<QPushButton>(&dialog, "cancelTuning")->isEnabled());

        auto *table = child<QTableWidget>(&dialog, "powerTuningResults");
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("128 MB"));
        QCOMPARE(table->item(1, 2)->text(), QStringLiteral("0")); // errors
        QCOMPARE(child<PowerTuningChart>(&dialog, "powerTuningChart")->costs().size(), 2);

        auto *cheapest = child<QRadioButton>(&dialog, "chooseCheapest");
        auto *balanced = child<QRadioButton>(&dialog, "chooseBalanced");
        QVERIFY(balanced->isEnabled());
        clickIndicator(cheapest);
        QVERIFY(cheapest->isChecked());
        clickIndicator(balanced);
        QVERIFY(balanced->isChecked());
        const int chosen = balanced->property("resultIndex").toInt();
        const qint64 memory = chosen == 0 ? 128 : 512;
        QVERIFY2(balanced->text().contains(QStringLiteral("%1 MB").arg(memory)), qPrintable(balanced->text()));

        QTest::mouseClick(child<QPushButton>(&dialog, "applyTuning"), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !applied.isEmpty(); }, kWaitTimeoutMs));
        const Action after = take(local.platform->getAction(QStringLiteral("hello"), true));
        QCOMPARE(after.limits->memoryMb, std::optional<qint64>(memory));
        QCOMPARE(after.exec->code.value_or(QString()), kSucceeds);
    }
};

QTEST_MAIN(TestPowerTuningDialog)
#include "TestPowerTuningDialog.moc"
