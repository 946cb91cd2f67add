// The activation list over a real local platform: summaries newest first with what each column
// says, filters (function, time range, errors only), live arrivals inserted at the top without
// moving a view's selection, de-duplicated and bounded, details fetched on demand, failures and
// platform switches. QAbstractItemModelTester watches the model and the proxy in every test.

#include "models/activations/ActivationDetails.h"
#include "models/activations/ActivationFilterProxy.h"
#include "models/activations/ActivationListModel.h"
#include "support/FlakyPlatform.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

class TestActivationListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFixture> local;
    std::unique_ptr<ActivationListModel> model;
    std::unique_ptr<ActivationFilterProxy> proxy;
    std::unique_ptr<QAbstractItemModelTester> modelTester;
    std::unique_ptr<QAbstractItemModelTester> proxyTester;

    void loadAndWait(ActivationQuery query = {})
    {
        model->load(query);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 20000);
    }
    QString cell(int row, int column) const { return model->index(row, column).data().toString(); }
    QString idAt(const QAbstractItemModel &m, int row) const
    {
        return m.index(row, 0).data(ActivationListModel::ActivationIdRole).toString();
    }

private Q_SLOTS:
    void init()
    {
        local = std::make_unique<LocalFixture>();
        local->put(QStringLiteral("ok"), kSucceeds);
        local->put(QStringLiteral("bad"), kFailsWithError);
        model = std::make_unique<ActivationListModel>();
        proxy = std::make_unique<ActivationFilterProxy>();
        proxy->setSourceModel(model.get());
        using Mode = QAbstractItemModelTester::FailureReportingMode;
        modelTester = std::make_unique<QAbstractItemModelTester>(model.get(), Mode::QtTest);
        proxyTester = std::make_unique<QAbstractItemModelTester>(proxy.get(), Mode::QtTest);
        model->setPlatform(local->platform.get());
    }
    void cleanup()
    {
        proxyTester.reset();
        modelTester.reset();
        proxy.reset();
        model.reset();
        local.reset();
    }

    void loadListsSummariesNewestFirst()
    {
        const Activation first = local->invoke(QStringLiteral("ok"), {{QStringLiteral("n"), 1}});
        const Activation failed = local->invoke(QStringLiteral("bad"));
        const Activation second = local->invoke(QStringLiteral("ok"), {{QStringLiteral("n"), 2}});
        local->flush();
        loadAndWait();
        QVERIFY(model->errorText().isEmpty());
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->activationAt(0).activationId, second.activationId);
        QCOMPARE(model->activationAt(2).activationId, first.activationId);
        QVERIFY(!model->activationAt(0).logs.has_value()); // a summary: details come on demand

        QCOMPARE(cell(2, ActivationListModel::FunctionColumn), QStringLiteral("ok"));
        QCOMPARE(cell(2, ActivationListModel::StatusColumn), QStringLiteral("success"));
        QCOMPARE(cell(1, ActivationListModel::StatusColumn), QStringLiteral("application error"));
        QVERIFY(model->index(1, 0).data(ActivationListModel::IsErrorRole).toBool());
        QVERIFY(!model->index(0, 0).data(ActivationListModel::IsErrorRole).toBool());
        QVERIFY(cell(2, ActivationListModel::StartColumn).startsWith(QLatin1String("cold (init ")));
        QCOMPARE(cell(0, ActivationListModel::StartColumn), QStringLiteral("warm"));
        QVERIFY(cell(0, ActivationListModel::DurationColumn).endsWith(QLatin1String(" ms")));
        QCOMPARE(model->index(0, ActivationListModel::DurationColumn).data(ActivationListModel::SortRole).toLongLong(),
                 *second.duration);
        QVERIFY2(cell(0, ActivationListModel::MemoryColumn).endsWith(QLatin1String("256 MB")),
                 qPrintable(cell(0, ActivationListModel::MemoryColumn)));
        const QDateTime shown =
            QDateTime::fromString(cell(0, ActivationListModel::TimeColumn), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        QCOMPARE(shown.toMSecsSinceEpoch() / 1000, *second.start / 1000);
        QCOMPARE(model->rowOf(failed.activationId), 1);
        QCOMPARE(model->summaryAt(1).function, QStringLiteral("bad"));
    }

    void loadFiltersByFunctionAndTimeRange()
    {
        local->invoke(QStringLiteral("ok"));
        local->invoke(QStringLiteral("bad"));
        QTest::qWait(5); // a later start than the others, to the millisecond
        const Activation last = local->invoke(QStringLiteral("ok"));
        local->flush();
        ActivationQuery query;
        query.name = QStringLiteral("ok");
        loadAndWait(query);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->query().name.value_or(QString()), QStringLiteral("ok"));
        QCOMPARE(model->query().limit, 30);

        ActivationQuery range;
        range.since = *last.start;
        loadAndWait(range);
        QCOMPARE(model->rowCount(), 1);
        range.since.reset();
        range.upto = *last.start - 60'000;
        loadAndWait(range);
        QCOMPARE(model->rowCount(), 0);
    }

    void errorsOnlyAndFunctionFilterInTheProxy()
    {
        local->invoke(QStringLiteral("ok"));
        local->invoke(QStringLiteral("bad"));
        local->invoke(QStringLiteral("ok"));
        local->invoke(QStringLiteral("bad"));
        local->flush();
        loadAndWait();
        QCOMPARE(proxy->rowCount(), 4);
        proxy->setErrorsOnly(true);
        QCOMPARE(proxy->rowCount(), 2);
        for (int row = 0; row < proxy->rowCount(); ++row)
            QCOMPARE(proxy->index(row, ActivationListModel::FunctionColumn).data().toString(), QStringLiteral("bad"));
        proxy->setErrorsOnly(false);
        proxy->setFilterFixedString(QStringLiteral("O"));
        QCOMPARE(proxy->rowCount(), 2);
        proxy->setFilterFixedString(QString());
        proxy->sort(ActivationListModel::StatusColumn, Qt::DescendingOrder);
        QCOMPARE(proxy->index(0, ActivationListModel::StatusColumn).data().toString(),
                 QStringLiteral("application error"));
    }

    void liveArrivalsGoOnTopAndTheSelectionStays()
    {
        local->invoke(QStringLiteral("ok"));
        const Activation selected = local->invoke(QStringLiteral("ok"));
        local->flush();
        loadAndWait();
        model->setLive(true);

        QTableView view; // on the model itself
        view.setModel(model.get());
        QTableView proxyView; // and through the proxy, as the panel shows it
        proxyView.setModel(proxy.get());
        const auto select = [](QTableView &v, int row) {
            v.selectionModel()->setCurrentIndex(v.model()->index(row, 0),
                                                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        };
        select(view, 0);
        select(proxyView, 0);
        QCOMPARE(idAt(*model, 0), selected.activationId);

        QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
        const Activation newer = local->invoke(QStringLiteral("ok"));
        const Activation newest = local->invoke(QStringLiteral("bad"));
        QTRY_COMPARE(model->rowCount(), 4);
        QCOMPARE(inserted[0][1].toInt(), 0); // at the top
        QCOMPARE(idAt(*model, 0), newest.activationId);
        QCOMPARE(idAt(*model, 1), newer.activationId);

        for (QTableView *v : {&view, &proxyView}) {
            const QModelIndexList rows = v->selectionModel()->selectedRows();
            QCOMPARE(rows.size(), 1);
            QCOMPARE(rows[0].data(ActivationListModel::ActivationIdRole).toString(), selected.activationId);
            QCOMPARE(rows[0].row(), 2);
            QCOMPARE(v->selectionModel()->currentIndex().data(ActivationListModel::ActivationIdRole).toString(),
                     selected.activationId);
        }
    }

    void liveArrivalsOutsideTheQueryAreNotShown()
    {
        ActivationQuery query;
        query.name = QStringLiteral("ok");
        loadAndWait(query);
        model->setLive(true);
        local->invoke(QStringLiteral("bad"));
        const Activation ok = local->invoke(QStringLiteral("ok"));
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(idAt(*model, 0), ok.activationId);
        // Arrivals come in order: had "bad" been let in, it would be there by now.
        QCOMPARE(model->rowCount(), 1);
    }

    void liveArrivalsAreShownOnce()
    {
        const Activation listed = local->invoke(QStringLiteral("ok"));
        local->flush();
        loadAndWait();
        model->setLive(true);
        QCOMPARE(model->rowCount(), 1);
        Q_EMIT local->platform->activationsArrived({listed});
        QCOMPARE(model->rowCount(), 1);
        const Activation next = local->invoke(QStringLiteral("ok"));
        QTRY_COMPARE(model->rowCount(), 2);
        Q_EMIT local->platform->activationsArrived({next, listed, next});
        QCOMPARE(model->rowCount(), 2);
    }

    void liveRowsAreBoundedDroppingTheOldest()
    {
        const Activation oldest = local->invoke(QStringLiteral("ok"));
        local->invoke(QStringLiteral("ok"));
        local->flush();
        loadAndWait();
        model->setRowLimit(3);
        model->setLive(true);
        local->invoke(QStringLiteral("ok"));
        const Activation newest = local->invoke(QStringLiteral("ok"));
        QTRY_COMPARE(idAt(*model, 0), newest.activationId);
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->rowOf(oldest.activationId), -1);
        // A dropped activation is no longer "seen": were it to arrive again, it would show.
        Q_EMIT local->platform->activationsArrived({oldest});
        QCOMPARE(idAt(*model, 0), oldest.activationId);
        QCOMPARE(model->rowCount(), 3);
    }

    void withLiveOffNothingIsInserted()
    {
        loadAndWait();
        QVERIFY(!model->isLive());
        local->invoke(QStringLiteral("ok"));
        QTest::qWait(200);
        QCOMPARE(model->rowCount(), 0);
    }

    void detailsFetchTheFullRecordAsText()
    {
        const Activation cold = local->invoke(QStringLiteral("ok"), {{QStringLiteral("n"), 1}});
        const Activation failed = local->invoke(QStringLiteral("bad"));
        local->flush();
        loadAndWait();

        const Activation full = take(model->fetchDetails(cold.activationId));
        const ActivationDetails details = ActivationDetails::of(full);
        QCOMPARE(details.activationId, cold.activationId);
        QCOMPARE(details.function, QStringLiteral("ok"));
        QCOMPARE(details.status, QStringLiteral("success"));
        QVERIFY(details.succeeded);
        QCOMPARE(details.result, QStringLiteral("{\n    \"n\": 1\n}"));
        QCOMPARE(details.logs.size(), 1);
        QVERIFY2(details.logs[0].contains(QLatin1String("hello 1")), qPrintable(details.logs[0]));
        QVERIFY(details.startType.startsWith(QLatin1String("cold (init ")));
        QVERIFY(details.initTime.endsWith(QLatin1String(" ms")));
        QVERIFY(details.waitTime.endsWith(QLatin1String(" ms")));
        QVERIFY(details.duration.endsWith(QLatin1String(" ms")));
        QVERIFY(details.cpuTime.endsWith(QLatin1String(" ms")));
        QVERIFY(details.memory.endsWith(QLatin1String("256 MB")));
        QVERIFY(!details.started.isEmpty());
        QStringList keys;
        for (const auto &[key, value] : details.annotations)
            keys << key;
        for (const char *key :
             {"path", "kind", "limits", "waitTime", "initTime", "startType", "cpuTime", "enforcement"})
            QVERIFY2(keys.contains(QLatin1String(key)), key);
        const auto limits = std::find_if(details.annotations.begin(), details.annotations.end(),
                                         [](const auto &pair) { return pair.first == QLatin1String("limits"); });
        QVERIFY2(limits->second.contains(QLatin1String("memory: 256")), qPrintable(limits->second));

        const ActivationDetails error = ActivationDetails::of(take(model->fetchDetails(failed.activationId)));
        QVERIFY(!error.succeeded);
        QCOMPARE(error.status, QStringLiteral("application error"));
        QCOMPARE(error.errorMessage, QStringLiteral("bad input"));
    }

    void detailsOfAnUnknownActivationFailWithTheServersMessage()
    {
        auto future = model->fetchDetails(QStringLiteral("0123456789abcdef0123456789abcdef"));
        QTRY_VERIFY(future.isFinished());
        QVERIFY(!future.result().ok());
        QVERIFY(!future.result().error().message.isEmpty());
        model->setPlatform(nullptr);
        auto none = model->fetchDetails(QStringLiteral("x"));
        QVERIFY(none.isFinished() && !none.result().ok());
    }

    void failedLoadKeepsTheRowsAndSaysWhy()
    {
        local->invoke(QStringLiteral("ok"));
        local->invoke(QStringLiteral("bad"));
        local->flush();
        FlakyPlatform flaky(local->platform.get());
        model->setPlatform(&flaky);
        loadAndWait();
        QCOMPARE(model->rowCount(), 2);
        flaky.setFailing(true);
        loadAndWait();
        QCOMPARE(model->errorText(), FlakyPlatform::failureMessage());
        QCOMPARE(model->rowCount(), 2);
        flaky.setFailing(false);
        loadAndWait();
        QVERIFY(model->errorText().isEmpty());
        model->setPlatform(nullptr);
    }

    void switchingPlatformsReloadsTheQueryThere()
    {
        const Activation here = local->invoke(QStringLiteral("ok"));
        local->flush();
        loadAndWait();
        QCOMPARE(model->rowCount(), 1);
        LocalFixture other;
        other.put(QStringLiteral("ok"), kSucceeds);
        other.invoke(QStringLiteral("ok"));
        other.invoke(QStringLiteral("ok"));
        other.flush();
        model->setLive(true);
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        model->setPlatform(other.platform.get());
        QVERIFY(reset.size() >= 1);
        QCOMPARE(model->rowOf(here.activationId), -1);
        QTRY_VERIFY(!model->isLoading());
        QCOMPARE(model->rowCount(), 2);
        local->invoke(QStringLiteral("ok")); // the old platform's arrivals no longer show
        other.invoke(QStringLiteral("ok"));
        QTRY_COMPARE(model->rowCount(), 3);
        model->setPlatform(nullptr);
        QCOMPARE(model->rowCount(), 0);
    }

    void rendersReadablyInATable()
    {
        local->invoke(QStringLiteral("ok"), {{QStringLiteral("n"), 1}});
        local->invoke(QStringLiteral("bad"));
        local->invoke(QStringLiteral("ok"), {{QStringLiteral("n"), 2}});
        local->flush();
        loadAndWait();
        QTableView view;
        view.setModel(proxy.get());
        view.resize(1366, 200);
        view.resizeColumnsToContents();
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // For a person to look at: the build folder's tests/models/activation-list.png.
        QVERIFY(view.grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/activation-list.png")));
        for (int column = 0; column < ActivationListModel::ColumnCount; ++column)
            QVERIFY2(!cell(0, column).isEmpty(), qPrintable(model->headerData(column, Qt::Horizontal).toString()));
    }

    void detailsTextForScalarsAndMissingParts()
    {
        QCOMPARE(ActivationDetails::prettyJson(QJsonValue(42)), QStringLiteral("42"));
        QCOMPARE(ActivationDetails::prettyJson(QJsonValue(QStringLiteral("hi"))), QStringLiteral("\"hi\""));
        QCOMPARE(ActivationDetails::prettyJson(QJsonValue(QJsonValue::Undefined)), QString());
        QCOMPARE(ActivationDetails::prettyJson(QJsonArray{1, 2}), QStringLiteral("[\n    1,\n    2\n]"));
        Activation bare;
        bare.activationId = QStringLiteral("a1");
        bare.name = QStringLiteral("f");
        const ActivationDetails details = ActivationDetails::of(bare);
        QCOMPARE(details.function, QStringLiteral("f"));
        QCOMPARE(details.status, QStringLiteral("running"));
        QVERIFY(details.result.isEmpty() && details.logs.isEmpty() && details.memory.isEmpty());
        QCOMPARE(details.startType, QStringLiteral("warm"));
        QVERIFY(details.storage.isEmpty() && details.sandbox.isEmpty() && !details.unisolated);
    }

    void detailsSayTmpUseInMegabytesAndTheSandbox()
    {
        Activation record;
        record.activationId = QStringLiteral("a2");
        record.name = QStringLiteral("f");
        record.annotations = KeyValueList{
            {QStringLiteral("limits"),
             QJsonObject{{QStringLiteral("memory"), 256}, {QStringLiteral("storage"), 512}},
             {}},
            {QStringLiteral("storageUsed"), 5 * 1024 * 1024, {}},
            {QStringLiteral("enforcement"), QJsonObject{{QStringLiteral("sandbox"), QStringLiteral("none")}}, {}},
        };
        const ActivationDetails details = ActivationDetails::of(record);
        QCOMPARE(details.storage, QStringLiteral("/tmp 5 MB of 512 MB"));
        QCOMPARE(details.sandbox, QStringLiteral("not isolated"));
        QVERIFY(details.unisolated);
        const auto used = std::find_if(details.annotations.begin(), details.annotations.end(),
                                       [](const auto &pair) { return pair.first == QLatin1String("storageUsed"); });
        QVERIFY(used != details.annotations.end());
        QCOMPARE(used->second, QStringLiteral("5 MB of 512 MB (%1 bytes)").arg(QLocale().toString(5 * 1024 * 1024)));
    }
};

QTEST_MAIN(TestActivationListModel)
#include "TestActivationListModel.moc"
