// The function list over a real local platform: what each column says, the 24 h figures and how
// they grow live, incremental updates that keep the selection, platform switches, failures, and
// the filter proxy. QAbstractItemModelTester watches the model and the proxy in every test.

#include "models/functions/FunctionFilterProxy.h"
#include "models/functions/FunctionListModel.h"
#include "models/functions/TextFilter.h"
#include "models/metrics/MetricsService.h"
#include "platforms/openwhisk/OpenWhiskPlatform.h"
#include "support/FlakyPlatform.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

// How long a live activation may take to reach the model: a cold Node.js start on a machine
// running the other suites (ctest -j2) took over QTRY's default 5 s once.
constexpr int kLiveMs = 20000;

class TestFunctionListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFixture> local;
    std::unique_ptr<FunctionListModel> model;
    std::unique_ptr<FunctionFilterProxy> proxy;
    std::unique_ptr<QAbstractItemModelTester> modelTester;
    std::unique_ptr<QAbstractItemModelTester> proxyTester;

    QString cell(const QString &name, int column) const
    {
        const int row = model->rowOf(name);
        return row < 0 ? QStringLiteral("<no row>") : model->index(row, column).data().toString();
    }
    qint64 raw(const QString &name, int column) const
    {
        return model->index(model->rowOf(name), column).data(FunctionListModel::SortRole).toLongLong();
    }
    // The functions in the proxy's (sorted) order: "a,b,C".
    QString sortedNames() const
    {
        QStringList names;
        for (int row = 0; row < proxy->rowCount(); ++row)
            names << proxy->index(row, 0).data(FunctionListModel::NameRole).toString();
        return names.join(QLatin1Char(','));
    }
    void refreshAndWait()
    {
        // An answer that is already there (the local platform lists actions from memory) arrives
        // at once: loading may be over when refresh() returns.
        model->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 20000);
    }
    void showOn(Platform *platform)
    {
        model->setPlatform(platform);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 20000);
    }

private Q_SLOTS:
    void init()
    {
        local = std::make_unique<LocalFixture>();
        model = std::make_unique<FunctionListModel>();
        proxy = std::make_unique<FunctionFilterProxy>();
        proxy->setSourceModel(model.get());
        using Mode = QAbstractItemModelTester::FailureReportingMode;
        modelTester = std::make_unique<QAbstractItemModelTester>(model.get(), Mode::QtTest);
        proxyTester = std::make_unique<QAbstractItemModelTester>(proxy.get(), Mode::QtTest);
    }
    void cleanup()
    {
        proxyTester.reset();
        modelTester.reset();
        proxy.reset();
        model.reset();
        local.reset();
    }

    void refreshListsEveryActionAcrossPages()
    {
        for (int i = 0; i < 203; ++i)
            local->put(QStringLiteral("f%1").arg(i, 3, 10, QLatin1Char('0')), kSucceeds);
        showOn(local->platform.get());
        QCOMPARE(model->rowCount(), 203);
        QVERIFY(model->errorText().isEmpty());
        QVERIFY(model->rowOf(QStringLiteral("f202")) >= 0);
    }

    void columnsShowLimitsRuntimeAndVersion()
    {
        local->put(QStringLiteral("small"), kSucceeds, 128);
        local->put(QStringLiteral("big"), kSucceeds, 1024);
        showOn(local->platform.get());
        QCOMPARE(cell(QStringLiteral("small"), FunctionListModel::NameColumn), QStringLiteral("small"));
        QVERIFY(cell(QStringLiteral("small"), FunctionListModel::RuntimeColumn).startsWith(QLatin1String("nodejs")));
        QCOMPARE(cell(QStringLiteral("small"), FunctionListModel::MemoryColumn), QStringLiteral("128 MB"));
        QCOMPARE(raw(QStringLiteral("big"), FunctionListModel::MemoryColumn), 1024);
        // No limits.cpu: CPU follows memory (1 vCPU per GB by default on the local platform).
        QCOMPARE(cell(QStringLiteral("big"), FunctionListModel::CpuColumn), QStringLiteral("auto (1 vCPU)"));
        QCOMPARE(cell(QStringLiteral("small"), FunctionListModel::CpuColumn), QStringLiteral("auto (0.125 vCPU)"));
        QCOMPARE(cell(QStringLiteral("small"), FunctionListModel::TimeoutColumn), QStringLiteral("60 s"));
        QCOMPARE(raw(QStringLiteral("small"), FunctionListModel::TimeoutColumn), 60000);
        QCOMPARE(cell(QStringLiteral("small"), FunctionListModel::ConcurrencyColumn), QStringLiteral("1"));
        QCOMPARE(cell(QStringLiteral("small"), FunctionListModel::VersionColumn), QStringLiteral("0.0.1"));
        QVERIFY(!cell(QStringLiteral("small"), FunctionListModel::UpdatedColumn).isEmpty());
        const QModelIndex index = model->index(model->rowOf(QStringLiteral("big")), FunctionListModel::CpuColumn);
        QCOMPARE(index.data(FunctionListModel::NameRole).toString(), QStringLiteral("big"));
        const Action action = index.data(FunctionListModel::ActionRole).value<Action>();
        QCOMPARE(action.name.value_or(QString()), QStringLiteral("big"));
        QVERIFY(!action.exec->code.has_value()); // the list never holds code
    }

    void aSequenceShowsNoLimitsOfItsOwn()
    {
        local->put(QStringLiteral("step"), kSucceeds, 128);
        Action sequence;
        sequence.exec = Exec();
        sequence.exec->kind = QStringLiteral("sequence");
        sequence.exec->components = QStringList{QStringLiteral("/%1/step").arg(local->platform->namespaceName())};
        local->put(QStringLiteral("chain"), sequence);
        showOn(local->platform.get());
        using M = FunctionListModel;
        QCOMPARE(cell(QStringLiteral("chain"), M::RuntimeColumn), QStringLiteral("Sequence"));
        // Its components' processes have memory, CPU and concurrency; the sequence has none.
        for (const int column : {int(M::MemoryColumn), int(M::CpuColumn), int(M::ConcurrencyColumn)}) {
            QCOMPARE(cell(QStringLiteral("chain"), column), QStringLiteral("\u2014"));
            QVERIFY(model->index(model->rowOf(QStringLiteral("chain")), column)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QLatin1StringView("no process of its own")));
        }
        QCOMPARE(cell(QStringLiteral("step"), M::MemoryColumn), QStringLiteral("128 MB"));
    }

    void storageAndNetworkColumnsWhereThePlatformHasThem()
    {
        using M = FunctionListModel;
        Action offline = LocalFixture::nodeAction(kSucceeds);
        offline.limits = ActionLimits();
        offline.limits->storageMb = 2048;
        offline.limits->network = QStringLiteral("off");
        local->put(QStringLiteral("offline"), offline);
        local->put(QStringLiteral("plain"), kSucceeds);
        // funcdeskd reports storage limits; the fields' defaults are the platform's.
        FlakyPlatform funcdesk(local->platform.get());
        funcdesk.setInfoAdjustment([](PlatformInfo &info) { info.storageLimits = true; });
        showOn(&funcdesk);
        QCOMPARE(model->headerData(M::StorageColumn, Qt::Horizontal).toString(), QStringLiteral("Storage"));
        QCOMPARE(model->headerData(M::NetworkColumn, Qt::Horizontal).toString(), QStringLiteral("Network"));
        QTRY_COMPARE(cell(QStringLiteral("offline"), M::StorageColumn),
                     QStringLiteral("%1 MB").arg(QLocale().toString(2048)));
        QCOMPARE(cell(QStringLiteral("plain"), M::StorageColumn), QStringLiteral("512 MB"));
        QCOMPARE(cell(QStringLiteral("offline"), M::NetworkColumn), QStringLiteral("off"));
        QCOMPARE(cell(QStringLiteral("plain"), M::NetworkColumn), QStringLiteral("on"));
        proxy->sort(M::StorageColumn);
        QCOMPARE(sortedNames(), QStringLiteral("plain,offline")); // 512 < 2048
        proxy->sort(M::NetworkColumn);
        QCOMPARE(sortedNames(), QStringLiteral("offline,plain")); // off before on

        // A stock OpenWhisk ignores both fields, even where an action carries them.
        FlakyPlatform stock(local->platform.get());
        stock.setInfoAdjustment([](PlatformInfo &info) { info.storageLimits = false; });
        showOn(&stock);
        QTRY_COMPARE(cell(QStringLiteral("offline"), M::StorageColumn), QStringLiteral("\u2014"));
        QCOMPARE(cell(QStringLiteral("offline"), M::NetworkColumn), QStringLiteral("\u2014"));
        QVERIFY(model->index(model->rowOf(QStringLiteral("offline")), M::NetworkColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1StringView("does not set storage")));
        model->setPlatform(nullptr); // before the FlakyPlatforms go
    }

    void countsInvocationsAndErrorsOfTheLast24Hours()
    {
        local->put(QStringLiteral("ok"), kSucceeds);
        local->put(QStringLiteral("bad"), kThrows);
        local->put(QStringLiteral("idle"), kSucceeds);
        for (int i = 0; i < 3; ++i)
            local->invoke(QStringLiteral("ok"), {{QStringLiteral("n"), i}});
        for (int i = 0; i < 2; ++i)
            QVERIFY(!local->invoke(QStringLiteral("bad")).succeeded());
        local->flush();
        showOn(local->platform.get());
        QCOMPARE(cell(QStringLiteral("ok"), FunctionListModel::InvocationsColumn), QStringLiteral("3"));
        QCOMPARE(cell(QStringLiteral("ok"), FunctionListModel::ErrorsColumn), QStringLiteral("0"));
        QCOMPARE(raw(QStringLiteral("bad"), FunctionListModel::InvocationsColumn), 2);
        QCOMPARE(raw(QStringLiteral("bad"), FunctionListModel::ErrorsColumn), 2);
        QCOMPARE(cell(QStringLiteral("idle"), FunctionListModel::InvocationsColumn), QStringLiteral("0"));
    }

    void figuresPastTheLimitReadAsAtLeast()
    {
        local->put(QStringLiteral("ok"), kSucceeds);
        for (int i = 0; i < 3; ++i)
            local->invoke(QStringLiteral("ok"));
        local->flush();
        model->setStatsLimit(2);
        showOn(local->platform.get());
        QCOMPARE(cell(QStringLiteral("ok"), FunctionListModel::InvocationsColumn), QStringLiteral("≥ 2"));
        QVERIFY(model->index(0, FunctionListModel::InvocationsColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("2")));
    }

    void liveActivationsBumpOnlyTheirCells()
    {
        local->put(QStringLiteral("ok"), kSucceeds);
        local->put(QStringLiteral("bad"), kThrows);
        local->put(QStringLiteral("other"), kSucceeds);
        showOn(local->platform.get());
        QCOMPARE(raw(QStringLiteral("ok"), FunctionListModel::InvocationsColumn), 0);

        QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
        local->invoke(QStringLiteral("ok"));
        QTRY_COMPARE_WITH_TIMEOUT(raw(QStringLiteral("ok"), FunctionListModel::InvocationsColumn), 1, kLiveMs);
        QCOMPARE(changed.size(), 1);
        const QModelIndex topLeft = changed[0][0].toModelIndex();
        const QModelIndex bottomRight = changed[0][1].toModelIndex();
        QCOMPARE(topLeft.row(), model->rowOf(QStringLiteral("ok")));
        QCOMPARE(bottomRight.row(), topLeft.row());
        QCOMPARE(topLeft.column(), int(FunctionListModel::InvocationsColumn));
        QCOMPARE(bottomRight.column(), int(FunctionListModel::InvocationsColumn));

        changed.clear();
        local->invoke(QStringLiteral("bad"));
        QTRY_COMPARE_WITH_TIMEOUT(raw(QStringLiteral("bad"), FunctionListModel::ErrorsColumn), 1, kLiveMs);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][1].toModelIndex().column(), int(FunctionListModel::ErrorsColumn));
        QCOMPARE(raw(QStringLiteral("other"), FunctionListModel::InvocationsColumn), 0);

        // A refresh counts them from the store again, once each.
        local->flush();
        refreshAndWait();
        QCOMPARE(raw(QStringLiteral("ok"), FunctionListModel::InvocationsColumn), 1);
        QCOMPARE(raw(QStringLiteral("bad"), FunctionListModel::InvocationsColumn), 1);
    }

    void applyActionInsertsOrUpdatesKeepingTheSelection()
    {
        local->put(QStringLiteral("m"), kSucceeds);
        local->put(QStringLiteral("z"), kSucceeds);
        showOn(local->platform.get());
        proxy->sort(FunctionListModel::NameColumn);
        QItemSelectionModel selection(proxy.get());
        const QModelIndex m = proxy->index(0, 0);
        QCOMPARE(m.data().toString(), QStringLiteral("m"));
        selection.select(m, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        selection.setCurrentIndex(m, QItemSelectionModel::NoUpdate);

        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        model->applyAction(local->put(QStringLiteral("a"), kSucceeds)); // sorts above the selection
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(proxy->index(0, 0).data().toString(), QStringLiteral("a"));
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows()[0].data().toString(), QStringLiteral("m"));
        QCOMPARE(selection.currentIndex().data().toString(), QStringLiteral("m"));

        model->applyAction(local->put(QStringLiteral("m"), kSucceeds, 512)); // a configuration change
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(cell(QStringLiteral("m"), FunctionListModel::MemoryColumn), QStringLiteral("512 MB"));
        QCOMPARE(cell(QStringLiteral("m"), FunctionListModel::VersionColumn), QStringLiteral("0.0.2"));
        QCOMPARE(selection.selectedRows()[0].data().toString(), QStringLiteral("m"));

        // A refresh updates rows in place too: the selection survives it.
        refreshAndWait();
        QCOMPARE(reset.size(), 0);
        QCOMPARE(selection.selectedRows()[0].data().toString(), QStringLiteral("m"));
    }

    void removeFunctionDropsOnlyItsRow()
    {
        local->put(QStringLiteral("a"), kSucceeds);
        local->put(QStringLiteral("b"), kSucceeds);
        local->put(QStringLiteral("c"), kSucceeds);
        showOn(local->platform.get());
        take(local->platform->deleteAction(QStringLiteral("b")));
        model->removeFunction(QStringLiteral("b"));
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->rowOf(QStringLiteral("b")), -1);
        QVERIFY(model->rowOf(QStringLiteral("c")) >= 0);
        QCOMPARE(model->index(model->rowOf(QStringLiteral("c")), 0).data().toString(), QStringLiteral("c"));
        model->removeFunction(QStringLiteral("never-there"));
        QCOMPARE(model->rowCount(), 2);
        // Gone on the platform too: a refresh agrees.
        refreshAndWait();
        QCOMPARE(model->rowCount(), 2);
    }

    void switchingPlatformsClearsAndReloads()
    {
        local->put(QStringLiteral("here"), kSucceeds);
        LocalFixture other;
        other.put(QStringLiteral("there-1"), kSucceeds);
        other.put(QStringLiteral("there-2"), kSucceeds);
        showOn(local->platform.get());
        QCOMPARE(model->rowCount(), 1);

        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        model->setPlatform(other.platform.get());
        QVERIFY(reset.size() >= 1); // nothing of the old connection stays on screen
        QCOMPARE(model->rowOf(QStringLiteral("here")), -1);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), kLiveMs);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->rowOf(QStringLiteral("here")), -1);

        // Live arrivals of the old platform no longer count.
        local->invoke(QStringLiteral("here"));
        other.invoke(QStringLiteral("there-1"));
        QTRY_COMPARE_WITH_TIMEOUT(raw(QStringLiteral("there-1"), FunctionListModel::InvocationsColumn), 1, kLiveMs);

        model->setPlatform(nullptr);
        QCOMPARE(model->rowCount(), 0);
    }

    void failedRefreshKeepsTheRowsAndSaysWhy()
    {
        local->put(QStringLiteral("a"), kSucceeds);
        local->put(QStringLiteral("b"), kSucceeds);
        FlakyPlatform flaky(local->platform.get());
        showOn(&flaky);
        QCOMPARE(model->rowCount(), 2);

        QSignalSpy errors(model.get(), &FunctionListModel::errorTextChanged);
        flaky.setFailing(true);
        refreshAndWait();
        QCOMPARE(model->errorText(), FlakyPlatform::failureMessage());
        QCOMPARE(errors.size(), 1);
        QCOMPARE(model->rowCount(), 2);

        flaky.setFailing(false);
        refreshAndWait();
        QVERIFY(model->errorText().isEmpty());
        QCOMPARE(model->rowCount(), 2);
    }

    void unreachablePlatformSaysWhatTheNetworkSaid()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        OpenWhiskConfig config;
        config.apiHost = QStringLiteral("http://127.0.0.1:%1").arg(port);
        config.auth = QStringLiteral("u:k");
        config.ns = QStringLiteral("guest");
        OpenWhiskPlatform remote(config);
        showOn(&remote);
        QVERIFY(!model->errorText().isEmpty());
        QCOMPARE(model->rowCount(), 0);
        model->setPlatform(nullptr);
    }

    void filterMatchesNameOrRuntimeAsYouType()
    {
        local->put(QStringLiteral("alpha"), kSucceeds);
        local->put(QStringLiteral("Alpine"), kSucceeds);
        Action python;
        python.exec = Exec();
        python.exec->kind = QStringLiteral("python:default");
        python.exec->code = QStringLiteral("def main(a):\n    return a\n");
        take(local->platform->putAction(QStringLiteral("beta"), python, PutOptions{}));
        showOn(local->platform.get());
        QCOMPARE(proxy->rowCount(), 3);
        proxy->setFilterFixedString(QStringLiteral("a"));
        QCOMPARE(proxy->rowCount(), 3); // "beta" matches by name too
        proxy->setFilterFixedString(QStringLiteral("al"));
        QCOMPARE(proxy->rowCount(), 2);
        proxy->setFilterFixedString(QStringLiteral("ALPI"));
        QCOMPARE(proxy->rowCount(), 1);
        QCOMPARE(proxy->index(0, 0).data().toString(), QStringLiteral("Alpine"));
        proxy->setFilterFixedString(QStringLiteral("PYTH")); // the runtime
        QCOMPARE(proxy->rowCount(), 1);
        QCOMPARE(proxy->index(0, 0).data().toString(), QStringLiteral("beta"));
        proxy->setFilterFixedString(QStringLiteral("node"));
        QCOMPARE(proxy->rowCount(), 2);
        proxy->setFilterFixedString(QString());
        QCOMPARE(proxy->rowCount(), 3);
    }

    void filterTakesRegularExpressionsToo()
    {
        local->put(QStringLiteral("alpha"), kSucceeds);
        local->put(QStringLiteral("alpaca"), kSucceeds);
        local->put(QStringLiteral("a.b"), kSucceeds);
        showOn(local->platform.get());
        proxy->setFilterRegularExpression(
            QRegularExpression(QStringLiteral("^ALP.*A$"), QRegularExpression::CaseInsensitiveOption));
        QCOMPARE(proxy->rowCount(), 2);
        proxy->setFilterFixedString(QStringLiteral("a.b")); // the dot is a dot
        QCOMPARE(proxy->rowCount(), 1);
        proxy->setFilterFixedString(QStringLiteral("."));
        QCOMPARE(proxy->rowCount(), 1);

        // Patterns escape() made are matched as text; anything with regex syntax is not.
        for (const QString &text : {QStringLiteral("a.b"), QStringLiteral("x\\d*"), QStringLiteral("你好 😀"),
                                    QStringLiteral("under_score 42")})
            QCOMPARE(TextFilter::literalOf(QRegularExpression::escape(text)).value_or(QStringLiteral("<regex>")), text);
        QVERIFY(!TextFilter::literalOf(QStringLiteral("a.b")).has_value());
        QVERIFY(!TextFilter::literalOf(QStringLiteral("\\d")).has_value());
        QVERIFY(!TextFilter::literalOf(QStringLiteral("end\\")).has_value());
    }

    void sortingUsesRawValues()
    {
        local->put(QStringLiteral("b"), kSucceeds, 1024);
        local->put(QStringLiteral("C"), kSucceeds, 128);
        local->put(QStringLiteral("a"), kSucceeds, 256);
        for (int i = 0; i < 9; ++i)
            local->put(QStringLiteral("a"), kSucceeds, 256); // version 0.0.10 sorts after 0.0.9
        showOn(local->platform.get());
        proxy->sort(FunctionListModel::MemoryColumn);
        QCOMPARE(sortedNames(), QStringLiteral("C,a,b")); // 128 < 256 < 1024
        proxy->sort(FunctionListModel::NameColumn);
        QCOMPARE(sortedNames(), QStringLiteral("a,b,C")); // case-insensitive
        proxy->sort(FunctionListModel::VersionColumn, Qt::DescendingOrder);
        QCOMPARE(sortedNames().section(QLatin1Char(','), 0, 0), QStringLiteral("a"));
        QCOMPARE(proxy->index(0, FunctionListModel::VersionColumn).data().toString(), QStringLiteral("0.0.10"));
        proxy->sort(FunctionListModel::CpuColumn);
        QCOMPARE(sortedNames(), QStringLiteral("C,a,b"));
    }

    void metricsColumnsShowTheRangeSortAndFollowLive()
    {
        using M = FunctionListModel;
        local->put(QStringLiteral("busy"), kSucceeds);
        local->put(QStringLiteral("bad"), kThrows);
        local->put(QStringLiteral("idle"), kSucceeds);
        for (int i = 0; i < 3; ++i)
            local->invoke(QStringLiteral("busy"), {{QStringLiteral("n"), i}});
        QVERIFY(!local->invoke(QStringLiteral("bad")).succeeded());
        local->flush();
        showOn(local->platform.get());
        QCOMPARE(cell(QStringLiteral("busy"), M::RangeInvocationsColumn), QString()); // no metrics: empty
        QCOMPARE(model->headerData(M::CostColumn, Qt::Horizontal).toString(), QStringLiteral("Cost"));

        QTemporaryDir cache;
        MetricsService metrics(cache.path());
        PriceList prices = PriceList::byId(QStringLiteral("custom"));
        prices.pricePerRequest = 0.5;
        prices.pricePerGbSecond = 0.0;
        prices.pricePerVcpuSecond = 0.0;
        prices.freeTier = FreeTier{};
        metrics.setPriceList(prices);
        metrics.setPlatform(local->platform.get(), QStringLiteral("local"));
        model->setMetrics(&metrics);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        model->setMetricsRange(now - 3600 * 1000, 0, true);
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("busy"), M::RangeInvocationsColumn), QStringLiteral("3"),
                                  kLiveMs);
        QCOMPARE(cell(QStringLiteral("busy"), M::RangeErrorsColumn), QStringLiteral("0"));
        QCOMPARE(cell(QStringLiteral("bad"), M::RangeErrorsColumn), QStringLiteral("1"));
        QCOMPARE(cell(QStringLiteral("idle"), M::RangeInvocationsColumn), QStringLiteral("0"));
        QCOMPARE(cell(QStringLiteral("busy"), M::CostColumn), QStringLiteral("$1.50"));
        proxy->sort(M::CostColumn, Qt::DescendingOrder);
        QCOMPARE(proxy->index(0, 0).data(M::NameRole).toString(), QStringLiteral("busy"));
        QCOMPARE(proxy->index(2, 0).data(M::NameRole).toString(), QStringLiteral("idle"));

        for (int i = 0; i < 3; ++i)
            local->invoke(QStringLiteral("bad"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("bad"), M::RangeInvocationsColumn), QStringLiteral("4"), kLiveMs);
        QCOMPARE(proxy->index(0, 0).data(M::NameRole).toString(), QStringLiteral("bad")); // re-sorted: $2.00
        QCOMPARE(raw(QStringLiteral("bad"), M::CostColumn), 2);

        model->setMetricsRange(now - 2 * 3600 * 1000, now - 3600 * 1000, false); // before any of them
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("busy"), M::RangeInvocationsColumn), QStringLiteral("0"),
                                  kLiveMs);
        model->setMetrics(nullptr);
        QCOMPARE(cell(QStringLiteral("busy"), M::RangeInvocationsColumn), QString());
    }
};

QTEST_GUILESS_MAIN(TestFunctionListModel)
#include "TestFunctionListModel.moc"
