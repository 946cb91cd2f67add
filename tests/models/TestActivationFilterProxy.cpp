// ActivationFilterProxy (a ListFilterProxy) against the plain definition: the rows shown are the
// activations whose function contains the text, case-insensitively, and, with "errors only",
// that finished with a status other than success, in the order of the sort column's keys (ties
// in the model's newest-first order), whatever way the text was typed and whatever changed in the
// model meanwhile (a new listing, the oldest rows trimmed, live arrivals from a real local
// platform). QAbstractItemModelTester watches the proxy throughout. The function names are
// folded and ranked off the GUI thread: a sort or a keystroke before that lands shows the right
// rows at once and ends in the right order once it lands, and work for rows that changed while
// it ran is dropped.

#include "ProxyDefinition.h"
#include "models/activations/ActivationFilterProxy.h"
#include "models/activations/ActivationListModel.h"
#include "support/LocalFixture.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const char *const kWords[] = {"api", "Billing", "thumb", "AUTH", "report", "pay", "sync", "x"};

QList<Activation> makeActivations(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<Activation> activations;
    qint64 start = 1'765'000'000'000;
    for (int i = 0; i < count; ++i) {
        Activation activation;
        const QString name = QStringLiteral("%1-%2").arg(QLatin1String(kWords[random.bounded(8)]),
                                                         QLatin1String(kWords[random.bounded(8)]));
        activation.ns = QStringLiteral("guest");
        activation.name = name;
        activation.activationId = QStringLiteral("%1-%2").arg(seed).arg(i, 8, 10, QLatin1Char('0'));
        start -= random.bounded(0, 3); // ties too
        activation.start = start;
        activation.duration = random.bounded(1, 50);
        activation.end = start + *activation.duration;
        activation.statusCode = random.bounded(4) == 0 ? random.bounded(1, 4) : 0;
        activation.annotations = KeyValueList{
            {QStringLiteral("path"), QStringLiteral("guest/") + name, {}},
            {QStringLiteral("limits"), QJsonObject{{QStringLiteral("memory"), 128 << random.bounded(3)}}, {}},
        };
        activations.append(activation);
    }
    return activations;
}

} // namespace

class TestActivationFilterProxy : public QObject
{
    Q_OBJECT

    ActivationListModel m_model;
    ActivationFilterProxy m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_text;

    // The definition: the activations (errors with "errors only") whose function contains the text.
    QStringList expected() const
    {
        return definedRows(
            m_model, m_proxy,
            [this](int row) {
                const QModelIndex index = m_model.index(row, 0);
                if (m_proxy.errorsOnly() && !index.data(ActivationListModel::IsErrorRole).toBool())
                    return false;
                return m_text.isEmpty() ||
                       index.data(ActivationListModel::FunctionRole).toString().contains(m_text, Qt::CaseInsensitive);
            },
            ActivationListModel::ActivationIdRole);
    }

    QStringList shown() const { return shownRows(m_proxy, ActivationListModel::ActivationIdRole); }

    static QStringList sorted(QStringList ids)
    {
        ids.sort();
        return ids;
    }

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
        m_proxy.setErrorsOnly(false);
        m_proxy.setSourceModel(&m_model);
        m_tester = std::make_unique<QAbstractItemModelTester>(&m_proxy,
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model.setRowLimit(5000);
        m_model.setActivations(makeActivations(400, 1));
        m_proxy.sort(-1);
        type(QString());
        QVERIFY(settle());
        QCOMPARE(shown(), expected());
    }

    void cleanup() { m_tester.reset(); }

    void typingNarrowsAndWidensWithAndWithoutErrorsOnly()
    {
        for (const bool errorsOnly : {false, true}) {
            m_proxy.setErrorsOnly(errorsOnly);
            QCOMPARE(shown(), expected());
            for (const QString &word :
                 {QStringLiteral("api"), QStringLiteral("BILLing-"), QStringLiteral("pay-x"), QStringLiteral("zzz")}) {
                for (qsizetype length = 1; length <= word.size(); ++length) {
                    type(word.left(length));
                    QCOMPARE(shown(), expected());
                }
                for (qsizetype length = word.size() - 1; length >= 0; --length) {
                    type(word.left(length));
                    QCOMPARE(shown(), expected());
                }
            }
        }
        type(QStringLiteral("thumb"));
        m_proxy.setErrorsOnly(false); // widens while typed
        QCOMPARE(shown(), expected());
    }

    void everyColumnSortsBothWays()
    {
        type(QStringLiteral("a"));
        m_proxy.setErrorsOnly(true);
        for (int column = 0; column < ActivationListModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                m_proxy.sort(column, order);
                QCOMPARE(shown(), expected());
            }
        }
        m_proxy.sort(-1); // the model's newest-first order
        QCOMPARE(shown(), expected());
    }

    void aSortAndAKeystrokeBeforeTheRanksLandEndInTheRightOrder()
    {
        m_model.setActivations(makeActivations(400, 2));
        m_proxy.sort(ActivationListModel::FunctionColumn, Qt::DescendingOrder);
        QVERIFY(!m_proxy.textsPrepared()); // the work starts from the event loop
        type(QStringLiteral("Pay"));
        QCOMPARE(sorted(shown()), sorted(expected())); // the right rows at once, roughly ordered
        QItemSelectionModel selection(&m_proxy);
        const QString id = m_proxy.index(5, 0).data(ActivationListModel::ActivationIdRole).toString();
        selection.setCurrentIndex(m_proxy.index(5, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(settle());
        QCOMPARE(shown(), expected());
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data(ActivationListModel::ActivationIdRole).toString(), id);
        QCOMPARE(selection.currentIndex().data(ActivationListModel::ActivationIdRole).toString(), id);
    }

    void rowsChangingWhileTheWorkRunsDropItsResult()
    {
        m_proxy.sort(ActivationListModel::FunctionColumn);
        for (quint32 seed = 3; seed < 8; ++seed) {
            m_model.setActivations(makeActivations(400, seed));
            QCoreApplication::processEvents(); // the work for these rows starts
            m_model.setActivations(makeActivations(400, seed + 100));
            type(QStringLiteral("sync-"));
            QCOMPARE(sorted(shown()), sorted(expected()));
            m_model.setRowLimit(300); // the oldest removed meanwhile
            QCOMPARE(sorted(shown()), sorted(expected()));
            QVERIFY(settle());
            QCOMPARE(shown(), expected());
            type(QStringLiteral("sync-a")); // on the folded names of these rows
            QCOMPARE(shown(), expected());
            type(QString());
            QCOMPARE(shown(), expected());
            m_model.setRowLimit(5000);
        }
    }

    void liveArrivalsFindTheirPlaceInASortedFilteredList()
    {
        LocalFixture local;
        local.put(QStringLiteral("report-ok"), kSucceeds);
        local.put(QStringLiteral("report-bad"), kFailsWithError);
        local.invoke(QStringLiteral("report-ok"));
        local.flush();
        m_model.setPlatform(local.platform.get());
        m_model.load({});
        QTRY_VERIFY_WITH_TIMEOUT(!m_model.isLoading(), 20000);
        m_model.setLive(true);
        m_proxy.sort(ActivationListModel::FunctionColumn);
        type(QStringLiteral("REPORT"));
        QCOMPARE(m_proxy.rowCount(), 1);
        QItemSelectionModel selection(&m_proxy);
        const QString id = m_proxy.index(0, 0).data(ActivationListModel::ActivationIdRole).toString();
        selection.setCurrentIndex(m_proxy.index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        for (const QString &name : {QStringLiteral("report-bad"), QStringLiteral("report-ok")})
            local.invoke(name);
        QTRY_COMPARE_WITH_TIMEOUT(m_model.rowCount(), 3, 20000);
        QVERIFY(settle());
        QCOMPARE(shown(), expected());
        QCOMPARE(m_proxy.index(0, ActivationListModel::FunctionColumn).data().toString(), QStringLiteral("report-bad"));
        QCOMPARE(selection.currentIndex().data(ActivationListModel::ActivationIdRole).toString(), id);
        m_model.setPlatform(nullptr);
    }
};

QTEST_MAIN(TestActivationFilterProxy)
#include "TestActivationFilterProxy.moc"
