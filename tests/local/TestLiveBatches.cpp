// LocalPlatform's live activations in batches: the first after a quiet spell goes out at once,
// what arrives meanwhile goes out as one list about kLiveBatchMs later, each activation once,
// oldest first, only the platform's own namespace. The engine's activationRecorded is emitted
// here directly (as the engine does, on its thread) so that the timing of a real executor does
// not decide how many batches there are.

#include "support/LocalFixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {
Activation recorded(const QString &ns, int n)
{
    Activation activation;
    activation.ns = ns;
    activation.name = QStringLiteral("f");
    activation.activationId = QStringLiteral("%1").arg(n, 32, 16, QLatin1Char('0'));
    activation.start = 1'700'000'000'000 + n;
    return activation;
}

QStringList idsOf(const QSignalSpy &spy)
{
    QStringList ids;
    for (const QList<QVariant> &emission : spy)
        for (const Activation &activation : emission.first().value<QList<Activation>>())
            ids.append(activation.activationId);
    return ids;
}
} // namespace

class TestLiveBatches : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFixture> local;

private Q_SLOTS:
    void init() { local = std::make_unique<LocalFixture>(); }
    void cleanup() { local.reset(); }

    void aBurstArrivesAsTheFirstAtOnceThenOneBatchInOrder()
    {
        local->platform->setLiveActivations(true);
        QSignalSpy arrived(local->platform.get(), &Platform::activationsArrived);
        QStringList expected;
        for (int n = 0; n < 500; ++n) {
            Q_EMIT local->engine->activationRecorded(recorded(QStringLiteral("guest"), n));
            Q_EMIT local->engine->activationRecorded(recorded(QStringLiteral("other"), 1000 + n));
            expected.append(recorded(QStringLiteral("guest"), n).activationId);
        }
        QCOMPARE(arrived.size(), 1); // the first, at once
        QCOMPARE(arrived.first().first().value<QList<Activation>>().size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 2, 5000);
        QCOMPARE(arrived.at(1).first().value<QList<Activation>>().size(), 499);
        QCOMPARE(idsOf(arrived), expected); // each once, oldest first, no other namespace
        QTest::qWait(3 * LocalPlatform::kLiveBatchMs);
        QCOMPARE(arrived.size(), 2); // nothing more while quiet
    }

    void theFirstArrivalAfterAQuietSpellGoesOutAtOnce()
    {
        local->platform->setLiveActivations(true);
        QSignalSpy arrived(local->platform.get(), &Platform::activationsArrived);
        Q_EMIT local->engine->activationRecorded(recorded(QStringLiteral("guest"), 1));
        QCOMPARE(arrived.size(), 1);
        QTest::qWait(3 * LocalPlatform::kLiveBatchMs); // the batch timer runs out with nothing
        Q_EMIT local->engine->activationRecorded(recorded(QStringLiteral("guest"), 2));
        QCOMPARE(arrived.size(), 2);
        QCOMPARE(idsOf(arrived), QStringList({recorded({}, 1).activationId, recorded({}, 2).activationId}));
    }

    void nothingArrivesWhileLiveIsOff()
    {
        QSignalSpy arrived(local->platform.get(), &Platform::activationsArrived);
        Q_EMIT local->engine->activationRecorded(recorded(QStringLiteral("guest"), 1));
        QTest::qWait(2 * LocalPlatform::kLiveBatchMs);
        QCOMPARE(arrived.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLiveBatches)
#include "TestLiveBatches.moc"
