// Stored activations: OpenWhisk's list semantics, lookups, and retention.

#include "executor/Executor.h"
#include "platforms/local/ActivationRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;

namespace {

Activation record(const QString &name, qint64 start, const QString &ns = QStringLiteral("guest"))
{
    Activation activation;
    activation.ns = ns;
    activation.name = name;
    activation.activationId = QStringLiteral("%1%2").arg(name).arg(start, 20, 10, QLatin1Char('0'));
    activation.start = start;
    activation.end = start + 5;
    activation.duration = 5;
    activation.response = ActivationResponse();
    activation.response->setStatus(ActivationStatus::Success);
    activation.response->result = QJsonObject{{QStringLiteral("n"), start}};
    return activation;
}

} // namespace

class TestActivationRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    std::unique_ptr<ActivationRepository> repository;

private Q_SLOTS:
    void init()
    {
        const QString path = dir.filePath(QStringLiteral("activations.db"));
        QFile::remove(path);
        auto db = Database::open(path);
        QVERIFY(db.ok());
        repository = std::make_unique<ActivationRepository>(db.value());
        QList<Activation> batch;
        for (qint64 start = 1000; start <= 10000; start += 1000)
            batch.append(record(start % 2000 ? QStringLiteral("odd") : QStringLiteral("even"), start));
        batch.append(record(QStringLiteral("odd"), 5500, QStringLiteral("other")));
        QVERIFY(repository->insert(batch).ok());
    }
    void cleanup() { repository.reset(); }

    void listIsNewestFirstWithSkipAndLimit()
    {
        const auto page = repository->list({QStringLiteral("guest"), {}, {}, {}, 2, 3});
        QVERIFY(page.ok());
        QCOMPARE(page->size(), 3);
        QCOMPARE(page->at(0).start, 8000);
        QCOMPARE(page->at(2).start, 6000);
    }

    void filtersByNameAndStartRange()
    {
        const auto evens = repository->list({QStringLiteral("guest"), QStringLiteral("even"), 3000, 8000, 0, 30});
        QVERIFY(evens.ok());
        QCOMPARE(evens->size(), 3); // 8000, 6000, 4000
        QCOMPARE(evens->first().start, 8000);
        QCOMPARE(evens->last().start, 4000);
        QCOMPARE(repository->count({QStringLiteral("guest"), QStringLiteral("odd"), {}, {}, 0, 30}).value(), 5);
    }

    void namespacesAreSeparate()
    {
        QCOMPARE(repository->count({QStringLiteral("other"), {}, {}, {}, 0, 30}).value(), 1);
        const Activation theirs = record(QStringLiteral("odd"), 5500, QStringLiteral("other"));
        QCOMPARE(repository->get(QStringLiteral("guest"), theirs.activationId).error().kind,
                 PlatformError::Kind::NotFound);
        QVERIFY(repository->get(QStringLiteral("other"), theirs.activationId).ok());
    }

    void anExecutorRecordRoundTripsUnchanged()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        Executor executor(config);
        InvocationRequest request;
        request.name = QStringLiteral("echo");
        request.exec.kind = QStringLiteral("nodejs:default");
        request.exec.code = QStringLiteral("function main(p) { console.log('hi'); return p; }");
        request.params = {{QStringLiteral("x"), 1}};
        const auto activation = executor.invoke(request);
        QVERIFY(activation.ok());
        QVERIFY(repository->insert({activation.value()}).ok());
        const auto stored = repository->get(QStringLiteral("guest"), activation->activationId);
        QVERIFY(stored.ok());
        QCOMPARE(stored.value(), activation.value());
    }

    void retentionDropsOldRecordsAndKeepsTheNewestByCount()
    {
        auto removed = repository->prune({4500, 1000000}, 10000); // older than start 5500 go
        QVERIFY(removed.ok());
        QCOMPARE(removed.value(), 5);
        removed = repository->prune({1000000, 3}, 10000); // then only the 3 newest stay
        QVERIFY(removed.ok());
        QCOMPARE(removed.value(), 3);
        const auto left = repository->list({QStringLiteral("guest"), {}, {}, {}, 0, 30});
        QCOMPARE(left->size(), 3);
        QCOMPARE(left->first().start, 10000);
    }
};

QTEST_GUILESS_MAIN(TestActivationRepository)
#include "TestActivationRepository.moc"
