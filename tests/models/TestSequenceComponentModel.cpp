// The components of a sequence being edited (models/sequences/SequenceComponentModel): names are
// qualified in the namespace and shown relative to it, moves keep the order a user sees (by
// index and by drag's moveRows and mime round trip), the limit of 50 is kept, and the data flow
// reads from the input through each step (with its runtime) to the result.

#include "models/sequences/SequenceComponentModel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QTest>

using namespace funcdesk;
using namespace Qt::StringLiterals;

class TestSequenceComponentModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesAreQualifiedInTheNamespace()
    {
        SequenceComponentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNamespace(u"guest"_s);
        model.setComponents({u"hello"_s, u"pkg/a"_s, u"/_/b"_s, u"/whisk.system/utils/echo"_s});
        QCOMPARE(model.components(),
                 QStringList({u"/guest/hello"_s, u"/guest/pkg/a"_s, u"/guest/b"_s, u"/whisk.system/utils/echo"_s}));
        QCOMPARE(model.index(0, 0).data().toString(), u"hello"_s);
        QCOMPARE(model.index(3, 0).data().toString(), u"/whisk.system/utils/echo"_s);
    }

    void movesKeepTheOrderAUserSees()
    {
        SequenceComponentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNamespace(u"guest"_s);
        model.setComponents({u"a"_s, u"b"_s, u"c"_s});
        QVERIFY(model.moveComponent(2, 0));
        QCOMPARE(model.components(), QStringList({u"/guest/c"_s, u"/guest/a"_s, u"/guest/b"_s}));
        QVERIFY(model.moveComponent(0, 2));
        QCOMPARE(model.components(), QStringList({u"/guest/a"_s, u"/guest/b"_s, u"/guest/c"_s}));
        QVERIFY(!model.moveComponent(0, 3));
        QCOMPARE(model.index(0, 0).data().toString(), u"a"_s);

        // What a drag does when the view cannot move: the rows dropped, then the originals removed.
        std::unique_ptr<QMimeData> dragged(model.mimeData({model.index(2, 0)}));
        QVERIFY(model.dropMimeData(dragged.get(), Qt::MoveAction, 0, 0, QModelIndex()));
        QVERIFY(model.removeRows(3, 1));
        QCOMPARE(model.components(), QStringList({u"/guest/c"_s, u"/guest/a"_s, u"/guest/b"_s}));
        QCOMPARE(model.index(0, 0).data().toString(), u"c"_s);
    }

    void atMostFiftyComponents()
    {
        SequenceComponentModel model;
        model.setNamespace(u"guest"_s);
        for (int i = 0; i < SequenceComponentModel::kMaxComponents; ++i)
            QVERIFY(model.append(u"a%1"_s.arg(i)));
        QVERIFY(!model.append(u"one-too-many"_s));
        QCOMPARE(model.rowCount(), 50);
        QVERIFY(model.problem().isEmpty());
        model.setComponents({});
        QCOMPARE(model.problem(), u"Add at least one component."_s);
    }

    void theDataFlowNamesEachStepAndItsRuntime()
    {
        SequenceComponentModel model;
        model.setNamespace(u"guest"_s);
        model.setComponents({u"hello"_s, u"/whisk.system/utils/echo"_s});
        model.setKinds({{u"/guest/hello"_s, u"nodejs:20"_s}});
        QCOMPARE(model.dataFlowText(),
                 u"input \u2192 hello (nodejs:20) \u2192 /whisk.system/utils/echo \u2192 result"_s);
    }
};

QTEST_GUILESS_MAIN(TestSequenceComponentModel)
#include "TestSequenceComponentModel.moc"
