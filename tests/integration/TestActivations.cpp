// Activation records on a real funcdeskd: listing by name and time window, paging, full records
// with docs, counting, and one record's logs and result.

#include "IntegrationFixture.h"

#include "TestSuites.h"

using namespace funcdesk;

namespace {
const QString kCounter =
    QStringLiteral("function main(params) { console.log('run ' + params.n); return {n: params.n}; }");
} // namespace

class TestActivations : public IntegrationSuite
{
    Q_OBJECT

private:
    QString action;
    QList<Activation> runs; // oldest first

private Q_SLOTS:
    void initTestCase()
    {
        connectToServer();
        if (QTest::currentTestFailed())
            return;
        action = uniqueName("counter");
        VERIFY_OK(wait(platform->putAction(action, nodeAction(kCounter), PutOptions{})));
        VERIFY_OK(wait(platform->putAction(QStringLiteral("other"), nodeAction(kCounter), PutOptions{})));
        for (int n = 0; n < 5; ++n) {
            const auto outcome =
                wait(platform->invokeAction(action, QJsonObject{{QLatin1StringView("n"), n}}, InvokeOptions{}));
            VERIFY_OK(outcome);
            QVERIFY(outcome->activation);
            runs.append(*outcome->activation);
            QTest::qWait(5); // distinct start times
        }
        VERIFY_OK(wait(platform->invokeAction(QStringLiteral("other"), QJsonObject{{QLatin1StringView("n"), 99}},
                                              InvokeOptions{})));
    }

    void listByNameIsNewestFirst()
    {
        ActivationQuery query;
        query.name = action;
        const auto listed = wait(platform->listActivations(query));
        VERIFY_OK(listed);
        QCOMPARE(listed->size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(listed->at(i).activationId, runs.at(4 - i).activationId);
        for (const Activation &summary : *listed)
            QCOMPARE(summary.name, action);
    }

    void limitAndSkipPage()
    {
        ActivationQuery query;
        query.name = action;
        query.limit = 2;
        query.skip = 1;
        const auto page = wait(platform->listActivations(query));
        VERIFY_OK(page);
        QCOMPARE(page->size(), 2);
        QCOMPARE(page->at(0).activationId, runs.at(3).activationId);
        QCOMPARE(page->at(1).activationId, runs.at(2).activationId);
    }

    void sinceAndUptoBoundTheStartInclusively()
    {
        ActivationQuery query;
        query.name = action;
        query.since = runs.at(1).start;
        query.upto = runs.at(3).start;
        const auto window = wait(platform->listActivations(query));
        VERIFY_OK(window);
        QStringList ids;
        for (const Activation &a : *window)
            ids.append(a.activationId);
        QVERIFY2(ids.contains(runs.at(1).activationId) && ids.contains(runs.at(2).activationId) &&
                     ids.contains(runs.at(3).activationId),
                 qPrintable(ids.join(u' ')));
        QVERIFY(!ids.contains(runs.at(0).activationId));
        QVERIFY(!ids.contains(runs.at(4).activationId));
    }

    void docsGivesFullRecords()
    {
        ActivationQuery query;
        query.name = action;
        query.limit = 1;
        query.docs = true;
        const auto listed = wait(platform->listActivations(query));
        VERIFY_OK(listed);
        QCOMPARE(listed->size(), 1);
        QVERIFY(listed->first().response);
        QCOMPARE(listed->first().response->result.toObject().value(QLatin1StringView("n")).toInt(), 4);
        QVERIFY(listed->first().logs.has_value());
    }

    void countCountsTheFilteredActivations()
    {
        ActivationQuery query;
        query.name = action;
        const auto counted = wait(platform->countActivations(query));
        VERIFY_OK(counted);
        QCOMPARE(counted.value(), 5);
        const auto all = wait(platform->countActivations(ActivationQuery{}));
        VERIFY_OK(all);
        QCOMPARE(all.value(), 6);
    }

    void oneRecordWithItsLogsAndResult()
    {
        const QString id = runs.at(2).activationId;
        const auto activation = wait(platform->getActivation(id));
        VERIFY_OK(activation);
        QCOMPARE(activation->activationId, id);
        QVERIFY(activation->end.has_value() && activation->duration.has_value());
        QVERIFY(activation->annotation(QStringLiteral("path")).isString());

        const auto logs = wait(platform->activationLogs(id));
        VERIFY_OK(logs);
        QVERIFY2(logs->join(u'\n').contains(QLatin1StringView("run 2")), qPrintable(logs->join(u'\n')));

        const auto result = wait(platform->activationResult(id));
        VERIFY_OK(result);
        QCOMPARE(result->statusValue(), ActivationStatus::Success);
        QCOMPARE(result->result.toObject().value(QLatin1StringView("n")).toInt(), 2);
    }

    void unknownActivationIsNotFound()
    {
        const QString id = QStringLiteral("0123456789abcdef0123456789abcdef");
        VERIFY_FAILS_WITH(wait(platform->getActivation(id)), PlatformError::Kind::NotFound);
        VERIFY_FAILS_WITH(wait(platform->activationLogs(id)), PlatformError::Kind::NotFound);
        VERIFY_FAILS_WITH(wait(platform->activationResult(id)), PlatformError::Kind::NotFound);
    }
};

FUNCDESK_INTEGRATION_SUITE(TestActivations)
#include "TestActivations.moc"
