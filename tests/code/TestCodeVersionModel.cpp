// CodeVersionModel: an action's versions for the history list, checked by the model tester.

#include "models/code/CodeVersionModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace funcdesk;

namespace {

Action version(const QString &number, const QString &code, qint64 updated)
{
    Action action;
    action.name = QStringLiteral("hello");
    action.version = number;
    action.updated = updated;
    action.exec = Exec{QStringLiteral("nodejs:20"), code, std::nullopt, std::nullopt, {}, {}, {}};
    return action;
}

} // namespace

class TestCodeVersionModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsVersionsNewestFirstWithTimeAndLines()
    {
        CodeVersionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 t = QDateTime(QDate(2025, 3, 4), QTime(10, 20, 30)).toMSecsSinceEpoch();
        model.setVersions({version(QStringLiteral("0.0.2"), QStringLiteral("a\nb\nc\n"), t + 1000),
                           version(QStringLiteral("0.0.1"), QStringLiteral("a"), t)});
        model.setDeployedVersion(QStringLiteral("0.0.2"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(CodeVersionModel::ColumnCount));
        QCOMPARE(model.index(0, CodeVersionModel::VersionColumn).data().toString(), QStringLiteral("0.0.2 (deployed)"));
        QCOMPARE(model.index(1, CodeVersionModel::VersionColumn).data().toString(), QStringLiteral("0.0.1"));
        QCOMPARE(model.index(1, CodeVersionModel::UpdatedColumn).data().toString(), QStringLiteral("2025-03-04 10:20"));
        QVERIFY(
            model.index(1, 0).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Version 0.0.1, deployed ")));
        QCOMPARE(model.index(0, CodeVersionModel::LinesColumn).data().toInt(), 3);
        QCOMPARE(model.index(1, CodeVersionModel::LinesColumn).data().toInt(), 1);
        QCOMPARE(model.index(1, 0).data(CodeVersionModel::CodeRole).toString(), QStringLiteral("a"));
        QCOMPARE(model.index(1, 0).data(CodeVersionModel::VersionRole).toString(), QStringLiteral("0.0.1"));
        QCOMPARE(model.versionAt(0).version, QStringLiteral("0.0.2"));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Version"));
    }

    void todaysVersionsShowTheTimeOnly()
    {
        CodeVersionModel model;
        const QDateTime now = QDateTime(QDate::currentDate(), QTime(9, 8, 7));
        model.setVersions({version(QStringLiteral("0.0.1"), QString(), now.toMSecsSinceEpoch())});
        QCOMPARE(model.index(0, CodeVersionModel::UpdatedColumn).data().toString(), QStringLiteral("09:08:07"));
    }

    void changingTheDeployedVersionUpdatesTheMarker()
    {
        CodeVersionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setVersions({version(QStringLiteral("0.0.2"), QStringLiteral("b"), 2),
                           version(QStringLiteral("0.0.1"), QStringLiteral("a"), 1)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setDeployedVersion(QStringLiteral("0.0.1"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("0.0.1 (deployed)"));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("0.0.2"));
    }

    void clearEmptiesTheList()
    {
        CodeVersionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setVersions({version(QStringLiteral("0.0.1"), QString(), 1)});
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCodeVersionModel)
#include "TestCodeVersionModel.moc"
