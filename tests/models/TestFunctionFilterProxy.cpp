// FunctionFilterProxy against the plain definition, on a model fed directly (no platform): the
// rows a filter shows are those whose name or runtime contains the text, case-insensitively, in
// the order of the sort column's keys (ties in the model's order), whatever way the text was
// typed (narrowing, widening, replaced) and whatever changed in the model meanwhile (rows added,
// removed, updated). QAbstractItemModelTester watches the proxy throughout; a selection made
// before a change is still on its function after it. The names are folded and ranked off the
// GUI thread: a sort by name asked for before that lands ends in the right order once it lands,
// and work for rows that changed while it ran is dropped.

#include "ProxyDefinition.h"
#include "core/SemVer.h"
#include "models/functions/FunctionFilterProxy.h"
#include "models/functions/FunctionListModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

// "ſync" (long s) folds to "sync": names that are not ASCII are matched by folding too.
const char *const kWords[] = {"api", "Billing", "thumb", "AUTH", "report", "pay", "sync", "x", "ſync"};
// Versions as platforms write them, and some that only SemVer::parse reads (or nobody).
const char *const kVersions[] = {"0.0.1",  "0.0.9", "0.0.10",     "0.10.0", "1.2.3",  "10.0.0",
                                 "01.2.3", "1.2",   "1.2.3-beta", "",       "1.2.3 ", "2.0.0"};
const QString kKinds[] = {QStringLiteral("nodejs:20"), QStringLiteral("python:3.11")};

QList<Action> makeActions(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<Action> actions;
    for (int i = 0; i < count; ++i) {
        Action action;
        action.ns = QStringLiteral("guest");
        action.name =
            QStringLiteral("%1-%2-%3")
                .arg(QString::fromUtf8(kWords[random.bounded(9)]), QString::fromUtf8(kWords[random.bounded(9)]))
                .arg(i);
        action.exec = Exec();
        action.exec->kind = kKinds[random.bounded(2)];
        ActionLimits limits;
        limits.memoryMb = 128 << random.bounded(3); // many ties
        action.limits = limits;
        action.version = QString::fromUtf8(kVersions[random.bounded(12)]);
        actions.append(action);
    }
    return actions;
}

} // namespace

class TestFunctionFilterProxy : public QObject
{
    Q_OBJECT

    FunctionListModel m_model;
    FunctionFilterProxy m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_text;

    // The definition: the model's rows whose name or runtime contains the text.
    QStringList expected() const
    {
        return definedRows(
            m_model, m_proxy,
            [this](int row) {
                const QString name =
                    m_model.index(row, FunctionListModel::NameColumn).data(FunctionListModel::NameRole).toString();
                const QString kind = m_model.index(row, FunctionListModel::RuntimeColumn).data().toString();
                return m_text.isEmpty() || name.contains(m_text, Qt::CaseInsensitive) ||
                       kind.contains(m_text, Qt::CaseInsensitive);
            },
            FunctionListModel::NameRole);
    }

    QStringList shown() const { return shownRows(m_proxy, FunctionListModel::NameRole); }

    void type(const QString &text)
    {
        m_text = text;
        m_proxy.setFilterFixedString(text);
    }

    bool settle() { return waitForPreparedTexts(m_proxy); }

private Q_SLOTS:
    void init()
    {
        m_proxy.setBackgroundRows(0); // 400 rows: in the background as 100,000 would be
        m_proxy.setSourceModel(&m_model);
        m_tester = std::make_unique<QAbstractItemModelTester>(&m_proxy,
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model.setActions(makeActions(400, 1));
        m_proxy.sort(FunctionListModel::NameColumn);
        type(QString());
        QVERIFY(settle());
        QCOMPARE(shown(), expected());
    }

    void cleanup() { m_tester.reset(); }

    void typingNarrowsAndWidens()
    {
        for (const QString &word : {QStringLiteral("api"), QStringLiteral("BILLing-"), QStringLiteral("pay-x-1"),
                                    QStringLiteral("python"), QStringLiteral("zzz")}) {
            for (qsizetype length = 1; length <= word.size(); ++length) {
                type(word.left(length));
                QCOMPARE(shown(), expected());
            }
            for (qsizetype length = word.size() - 1; length >= 0; --length) {
                type(word.left(length));
                QCOMPARE(shown(), expected());
            }
        }
        type(QStringLiteral("api"));
        type(QStringLiteral("sync")); // replaced, not extended
        QCOMPARE(shown(), expected());
    }

    void everyColumnSortsBothWays()
    {
        type(QStringLiteral("a"));
        for (int column = 0; column < FunctionListModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                m_proxy.sort(column, order);
                QCOMPARE(shown(), expected());
            }
        }
        m_proxy.sort(-1); // the model's order
        QCOMPARE(shown(), expected());
    }

    void modelChangesKeepTheFilterTheOrderAndTheSelection()
    {
        type(QStringLiteral("api"));
        m_proxy.sort(FunctionListModel::MemoryColumn, Qt::DescendingOrder);
        QItemSelectionModel selection(&m_proxy);
        const QModelIndex picked = m_proxy.index(3, 0);
        const QString name = picked.data(FunctionListModel::NameRole).toString();
        selection.select(picked, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        QList<Action> actions = makeActions(400, 1);
        actions.removeAt(0);                        // rows removed
        actions.append(makeActions(50, 2));         // and added (some names again: updated)
        for (int i = 0; i < actions.size(); i += 7) // and memory changed: the sort column
            actions[i].limits->memoryMb = 2048;
        m_model.setActions(actions);
        QCOMPARE(shown(), expected());
        Action renamedKind = actions.last();
        renamedKind.exec->kind = QStringLiteral("python:3.12"); // the runtime: a filtered text
        m_model.applyAction(renamedKind);
        QCOMPARE(shown(), expected());
        m_model.removeFunction(actions[5].name.value());
        QCOMPARE(shown(), expected());
        const QModelIndexList selected = selection.selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(FunctionListModel::NameRole).toString(), name);

        type(QStringLiteral("api-"));
        QCOMPARE(shown(), expected());
        m_proxy.setFilterRegularExpression(QRegularExpression(QStringLiteral("^pay-.*[0-9]$")));
        m_text.clear();
        const QStringList byExpression = shown();
        QVERIFY(!byExpression.isEmpty());
        for (const QString &shownName : byExpression)
            QVERIFY(shownName.startsWith(QLatin1StringView("pay-")));
    }

    void aSortBeforeTheRanksLandEndsInTheRightOrder()
    {
        type(QStringLiteral("a"));
        m_model.setActions(makeActions(400, 3));
        m_proxy.sort(FunctionListModel::NameColumn, Qt::DescendingOrder);
        QVERIFY(!m_proxy.textsPrepared()); // the work starts from the event loop
        QStringList rows = shown(), all = expected();
        std::sort(rows.begin(), rows.end());
        std::sort(all.begin(), all.end());
        QCOMPARE(rows, all); // the right rows at once, roughly ordered
        QItemSelectionModel selection(&m_proxy);
        const QString name = m_proxy.index(5, 0).data(FunctionListModel::NameRole).toString();
        selection.select(m_proxy.index(5, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(settle());
        QCOMPARE(shown(), expected());
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data(FunctionListModel::NameRole).toString(), name);
        m_proxy.sort(FunctionListModel::RuntimeColumn);
        QCOMPARE(shown(), expected());
    }

    void rowsChangingWhileTheWorkRunsDropItsResult()
    {
        m_proxy.sort(FunctionListModel::MemoryColumn); // exact at once: the filter is what is checked
        for (quint32 seed = 4; seed < 10; ++seed) {
            m_model.setActions(makeActions(400, seed));
            QCoreApplication::processEvents();                    // the work for these rows starts
            QList<Action> actions = makeActions(400, seed + 100); // as many rows, other names
            m_model.setActions(actions);
            type(QStringLiteral("billing-"));
            QCOMPARE(shown(), expected()); // row by row until the work lands
            type(QStringLiteral("SYNC-"));
            QCOMPARE(shown(), expected()); // "ſync-" too
            type(QStringLiteral("billing-"));
            QVERIFY(settle());
            QCOMPARE(shown(), expected());
            type(QStringLiteral("billing-t")); // on the folded names of these rows
            QCOMPARE(shown(), expected());
            type(QStringLiteral("pYthon"));
            QCOMPARE(shown(), expected());
            type(QString());
        }
    }

    void versionsSortAsSemanticVersions()
    {
        m_proxy.sort(FunctionListModel::VersionColumn);
        QCOMPARE(shown(), expected());
        const auto parsed = [this](int row) {
            const Action action = m_proxy.index(row, 0).data(FunctionListModel::ActionRole).value<Action>();
            return action.version ? SemVer::parse(*action.version) : std::nullopt;
        };
        int versions = 0;
        for (int row = 1; row < m_proxy.rowCount(); ++row) {
            const std::optional<SemVer> before = parsed(row - 1), after = parsed(row);
            QVERIFY(!after || !before || *before <= *after); // none (and unreadable ones) first
            QVERIFY(after || !before);
            versions += after ? 1 : 0;
        }
        QVERIFY(versions > 100);
    }

    void aSmallListSortsExactlyAtOnce()
    {
        m_proxy.setBackgroundRows(10000);
        m_model.setActions(makeActions(400, 11));
        QVERIFY(m_proxy.textsPrepared());
        m_proxy.sort(FunctionListModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(shown(), expected());
        type(QStringLiteral("thumb-"));
        QCOMPARE(shown(), expected());
    }
};

QTEST_MAIN(TestFunctionFilterProxy)
#include "TestFunctionFilterProxy.moc"
