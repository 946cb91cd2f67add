// Issue 16, the Configuration panel and the New function dialog at 1366×768, driven with keys and
// clicks over a real local platform: no field moves when a message comes or goes or Follow memory
// is toggled; the CPU box is as wide as the other number fields and shows the precision its note
// shows; a new parameter row is not blamed before the user leaves it; an invalid name leaves the
// New function dialog's fields whole and its message readable.

#include "WidgetDriving.h"
#include "support/FlakyPlatform.h"
#include "support/LocalFixture.h"

#include "ui/functions/ConfigPanel.h"
#include "ui/functions/NewFunctionDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

QRect placeIn(QWidget *panel, QWidget *widget)
{
    return QRect(widget->mapTo(panel, QPoint(0, 0)), widget->size());
}

// Replaces a double spin box's text with `text` as a user would, then leaves the field.
void typeDecimal(QDoubleSpinBox *box, const QString &text)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Tab);
}

} // namespace

class TestPolishConfigPanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFixture> local;
    std::unique_ptr<FlakyPlatform> funcdesk; // says it has storage limits, as funcdeskd does

    // The panel as wide as the console's right side at 1366×768.
    std::unique_ptr<ConfigPanel> openConfiguration()
    {
        auto panel = std::make_unique<ConfigPanel>();
        if (!showActive(*panel)) // the focus leaving a new parameter row counts
            qFatal("the configuration panel did not show");
        panel->resize(800, 660);
        panel->setContext(funcdesk.get(), QStringLiteral("hello"));
        if (!QTest::qWaitFor([&] { return panel->isEnabled(); }, 15000))
            qFatal("the configuration did not load");
        return panel;
    }

private Q_SLOTS:
    void initTestCase()
    {
        local = std::make_unique<LocalFixture>();
        local->put(QStringLiteral("hello"), kSucceeds);
        funcdesk = std::make_unique<FlakyPlatform>(local->platform.get());
        funcdesk->setInfoAdjustment([](PlatformInfo &info) { info.storageLimits = true; });
    }

    void cleanupTestCase()
    {
        funcdesk.reset();
        local.reset();
    }

    void noFieldMovesWhenMessagesComeAndGo()
    {
        auto panel = openConfiguration();
        QWidget *p = panel.get();
        QList<QWidget *> fields;
        for (const char *name :
             {"memory", "timeout", "cpu", "cpuAuto", "logs", "concurrency", "instances", "instancesSet", "storage",
              "network", "minInstances", "parameters", "addParameter", "webExport", "webUrl"})
            fields.append(child<QWidget>(p, name));
        QList<QRect> before;
        for (QWidget *field : std::as_const(fields))
            before.append(placeIn(p, field));
        auto unmoved = [&](const char *step) {
            QTest::qWait(30); // the layout settles
            for (qsizetype i = 0; i < fields.size(); ++i) {
                if (placeIn(p, fields[i]) != before[i]) {
                    qWarning("%s: %s moved from %d,%d %dx%d to %d,%d %dx%d", step, qPrintable(fields[i]->objectName()),
                             before[i].x(), before[i].y(), before[i].width(), before[i].height(),
                             placeIn(p, fields[i]).x(), placeIn(p, fields[i]).y(), placeIn(p, fields[i]).width(),
                             placeIn(p, fields[i]).height());
                    return false;
                }
            }
            return true;
        };

        QTest::mouseClick(child<QCheckBox>(p, "cpuAuto"), Qt::LeftButton); // Follow memory off
        QVERIFY(unmoved("Follow memory off"));
        typeDecimal(child<QDoubleSpinBox>(p, "cpu"), QStringLiteral("900"));
        QVERIFY(unmoved("CPU out of range"));
        QTest::mouseClick(child<QCheckBox>(p, "cpuAuto"), Qt::LeftButton); // and on again
        QVERIFY(unmoved("Follow memory on"));
        const std::pair<const char *, int> invalid[] = {{"memory", 4096},   {"timeout", 1},   {"logs", 900},
                                                        {"concurrency", 0}, {"storage", 100}, {"minInstances", 900}};
        for (const auto &[name, value] : invalid) {
            typeNumber(child<QSpinBox>(p, name), value);
            const QByteArray error = QByteArray(name) + "Error";
            QTRY_VERIFY2(child<QLabel>(p, error.constData())->isVisible(), name);
            QVERIFY(unmoved(name));
        }
        QTest::mouseClick(child<QCheckBox>(p, "instancesSet"), Qt::LeftButton);
        QVERIFY(unmoved("instances"));
        // Two parameters with the same name: the message under the table moves nothing either.
        auto *parameters = child<QTableWidget>(p, "parameters");
        for (int i = 0; i < 2; ++i) {
            QTest::mouseClick(child<QPushButton>(p, "addParameter"), Qt::LeftButton);
            QTest::keyClicks(parameters->focusWidget() ? parameters->focusWidget() : parameters, QStringLiteral("x"));
            QTest::keyClick(parameters->focusWidget() ? parameters->focusWidget() : parameters, Qt::Key_Return);
        }
        QTest::mouseClick(child<QSpinBox>(p, "timeout"), Qt::LeftButton); // leaves the new row
        QTRY_VERIFY(child<QLabel>(p, "parametersError")->isVisible());
        QVERIFY(unmoved("parameters"));
        // Every message is whole.
        for (QLabel *label : p->findChildren<QLabel *>()) {
            if (label->isVisible() && label->wordWrap() && !label->text().isEmpty())
                QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
        }
        // And back to valid values: nothing moves back.
        QTest::mouseClick(child<QPushButton>(p, "reset"), Qt::LeftButton);
        QVERIFY(unmoved("reset"));
    }

    void theCpuBoxIsNarrowAndShowsWhatItsNoteSays()
    {
        auto panel = openConfiguration();
        QWidget *p = panel.get();
        typeNumber(child<QSpinBox>(p, "memory"), 128); // follows memory: 0.125 vCPU
        auto *cpu = child<QDoubleSpinBox>(p, "cpu");
        auto *note = child<QLabel>(p, "cpuNote");
        QTRY_VERIFY(note->text().contains(QLocale().toString(0.125)));
        QCOMPARE(cpu->cleanText(), QLocale().toString(0.125));
        // As wide as the other number fields, not the whole panel.
        auto *memory = child<QSpinBox>(p, "memory");
        QVERIFY2(cpu->width() <= memory->width() * 3 / 2,
                 qPrintable(QStringLiteral("cpu %1 px, memory %2 px").arg(cpu->width()).arg(memory->width())));
        QVERIFY(cpu->width() >= cpu->minimumSizeHint().width());
        auto *instances = child<QSpinBox>(p, "instances"); // the other box that stretched
        QVERIFY2(instances->width() <= memory->width() * 3 / 2, qPrintable(QString::number(instances->width())));
        // Typed by hand, three decimals stay three; whole values need none.
        QTest::mouseClick(child<QCheckBox>(p, "cpuAuto"), Qt::LeftButton);
        typeDecimal(cpu, QLocale().toString(0.375));
        QCOMPARE(cpu->value(), 0.375);
        QCOMPARE(cpu->cleanText(), QLocale().toString(0.375));
        typeDecimal(cpu, QStringLiteral("1"));
        QCOMPARE(cpu->cleanText(), QStringLiteral("1"));
    }

    void aNewParameterRowIsCheckedOnlyAfterTheUserLeavesIt()
    {
        auto panel = openConfiguration();
        QWidget *p = panel.get();
        auto *error = child<QLabel>(p, "parametersError");
        auto *parameters = child<QTableWidget>(p, "parameters");
        QTest::mouseClick(child<QPushButton>(p, "addParameter"), Qt::LeftButton);
        QCOMPARE(parameters->rowCount(), 1);
        QTest::qWait(50);
        QVERIFY2(!error->isVisible(), qPrintable(error->text())); // not before the user typed
        QVERIFY(!child<QPushButton>(p, "apply")->isEnabled());    // but nothing half-made is sent

        // Leaving the row without a name: now it is said.
        child<QSpinBox>(p, "timeout")->setFocus();
        QTest::mouseClick(child<QSpinBox>(p, "timeout"), Qt::LeftButton);
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Every parameter needs a name."));

        // A second row typed in: its name makes the form valid again.
        QTest::mouseClick(child<QPushButton>(p, "removeParameter"), Qt::LeftButton);
        QTRY_VERIFY(!error->isVisible());
        QTest::mouseClick(child<QPushButton>(p, "addParameter"), Qt::LeftButton);
        QWidget *editor = QApplication::focusWidget();
        QVERIFY(editor && parameters->isAncestorOf(editor));
        QTest::keyClicks(editor, QStringLiteral("region"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::qWait(50);
        QVERIFY2(!error->isVisible(), qPrintable(error->text()));
        QTRY_VERIFY(child<QPushButton>(p, "apply")->isEnabled());
    }

    void anInvalidNameLeavesTheNewFunctionDialogWhole()
    {
        NewFunctionDialog dialog({QStringLiteral("nodejs:20"), QStringLiteral("python:3")}, {QStringLiteral("taken")});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *name = child<QLineEdit>(&dialog, "newFunctionName");
        auto *kind = child<QComboBox>(&dialog, "newFunctionKind");
        auto *error = child<QLabel>(&dialog, "newFunctionError");
        const QRect nameBefore = placeIn(&dialog, name);
        const QRect kindBefore = placeIn(&dialog, kind);
        const QSize dialogBefore = dialog.size();

        QTest::keyClicks(name, QStringLiteral("bad/name!"));
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1Char('_')), qPrintable(error->text()));
        QTest::qWait(50);
        for (QWidget *field : {static_cast<QWidget *>(name), static_cast<QWidget *>(kind)}) {
            QVERIFY2(field->height() >= field->sizeHint().height(), qPrintable(field->objectName()));
            QVERIFY2(field->width() >= field->minimumSizeHint().width(), qPrintable(field->objectName()));
        }
        QCOMPARE(placeIn(&dialog, name), nameBefore);
        QCOMPARE(placeIn(&dialog, kind), kindBefore);
        QVERIFY(dialog.width() >= dialogBefore.width() && dialog.height() >= dialogBefore.height());
        // The whole message, descenders and the underscore's row included.
        QVERIFY2(error->height() >= error->heightForWidth(error->width()),
                 qPrintable(QStringLiteral("%1 < %2").arg(error->height()).arg(error->heightForWidth(error->width()))));
    }
};

QTEST_MAIN(TestPolishConfigPanel)
#include "TestPolishConfigPanel.moc"
