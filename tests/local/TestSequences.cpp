// Sequences on the local platform (issue 19), as OpenWhisk has them: checked on PUT with its
// texts, run component after component (output → input), stopped by the first error, and
// recorded with the sequence's own activation (logs = the components' ids, topmost, kind,
// limits, waitTime; components caused by it).

#include "platforms/local/SystemCatalog.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"

#include <QJsonDocument>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kNs = QStringLiteral("guest");
// Appends its letter to `trail` and counts in `n`.
QString step(const QString &letter)
{
    return QStringLiteral("function main(p) { return {n: (p.n || 0) + 1, trail: (p.trail || '') + '%1'}; }")
        .arg(letter);
}

Action sequenceOf(const QStringList &components)
{
    Action action;
    action.exec = Exec();
    action.exec->kind = QStringLiteral("sequence");
    action.exec->components = components;
    return action;
}

} // namespace

class TestSequences : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFixture> local;
    LocalEngine *engine = nullptr;

    PlatformError refused(const QString &name, const QStringList &components, bool overwrite = false)
    {
        return failure(engine->putAction(kNs, name, sequenceOf(components), PutOptions{overwrite, {}}));
    }
    Activation recorded(const QString &activationId)
    {
        engine->flush();
        return take(engine->getActivation(kNs, activationId));
    }

private Q_SLOTS:
    void init()
    {
        local = std::make_unique<LocalFixture>();
        engine = local->engine.get();
    }
    void cleanup() { local.reset(); }

    void aSequenceIsCheckedOnPutWithOpenWhisksTexts()
    {
        local->put(QStringLiteral("a"), step(QStringLiteral("a")));
        QCOMPARE(refused(QStringLiteral("s"), {}).message, QStringLiteral("No component specified for the sequence."));
        QStringList many;
        for (int i = 0; i < 51; ++i)
            many.append(QStringLiteral("/_/a"));
        QCOMPARE(refused(QStringLiteral("s"), many).message, QStringLiteral("Too many actions in the sequence."));
        const PlatformError missing = refused(QStringLiteral("s"), {QStringLiteral("/_/a"), QStringLiteral("/_/nope")});
        QCOMPARE(missing.kind, PlatformError::Kind::Invalid);
        QCOMPARE(missing.message, QStringLiteral("Sequence component does not exist."));
        QCOMPARE(refused(QStringLiteral("s"), {QStringLiteral("/other/p/a")}).kind, PlatformError::Kind::Auth);

        // Stored fully qualified, "_" resolved; the kind annotation and `_actions` as OpenWhisk.
        const Action stored =
            local->put(QStringLiteral("s"), sequenceOf({QStringLiteral("/_/a"), QStringLiteral("a")}));
        QCOMPARE(*stored.exec->components, (QStringList{QStringLiteral("/guest/a"), QStringLiteral("/guest/a")}));
        QVERIFY(!stored.exec->code);
        QCOMPARE(stored.annotations->value(QStringLiteral("exec")).toString(), QStringLiteral("sequence"));
        QCOMPARE(stored.parameters->value(QStringLiteral("_actions")).toArray().size(), 2);
        QCOMPARE(take(engine->getAction(kNs, QStringLiteral("s"))).exec->kind, QStringLiteral("sequence"));

        // Fifty atomic actions at most, nested sequences inlined.
        QStringList thirty;
        for (int i = 0; i < 30; ++i)
            thirty.append(QStringLiteral("/guest/a"));
        local->put(QStringLiteral("thirty"), sequenceOf(thirty));
        QCOMPARE(refused(QStringLiteral("sixty"), {QStringLiteral("/guest/thirty"), QStringLiteral("/guest/thirty")})
                     .message,
                 QStringLiteral("Too many actions in the sequence."));
    }

    void aSequenceMayNotReferToItselfEvenThroughAnother()
    {
        local->put(QStringLiteral("a"), step(QStringLiteral("a")));
        local->put(QStringLiteral("s1"), sequenceOf({QStringLiteral("/guest/a")}));
        local->put(QStringLiteral("s2"), sequenceOf({QStringLiteral("/guest/s1")}));
        const QString cyclic = QStringLiteral("Sequence may not refer to itself.");
        QCOMPARE(refused(QStringLiteral("s1"), {QStringLiteral("/guest/s2")}, true).message, cyclic);
        QCOMPARE(refused(QStringLiteral("s3"), {QStringLiteral("/guest/s3")}).message, cyclic);
        // An atomic action updated into a sequence of itself.
        QCOMPARE(refused(QStringLiteral("a"), {QStringLiteral("/guest/s1")}, true).message, cyclic);
        QCOMPARE(take(engine->getAction(kNs, QStringLiteral("s1"))).exec->components->first(),
                 QStringLiteral("/guest/a")); // the refused update changed nothing
    }

    void componentsRunInOrderAndTheSequenceRecordsThem()
    {
        local->put(QStringLiteral("a"), step(QStringLiteral("a")));
        take(engine->putPackage(kNs, QStringLiteral("p"), Package(), {}));
        local->put(QStringLiteral("p/b"), step(QStringLiteral("b")));
        local->put(QStringLiteral("s"),
                   sequenceOf({QStringLiteral("/guest/a"), QStringLiteral("/guest/p/b"), QStringLiteral("/guest/a")}));

        const Activation sequence = local->invoke(QStringLiteral("s"), {{QStringLiteral("n"), 10}});
        QVERIFY2(sequence.succeeded(), QJsonDocument(sequence.toJson()).toJson().constData());
        QCOMPARE(sequence.response->result.toObject(),
                 (QJsonObject{{QStringLiteral("n"), 13}, {QStringLiteral("trail"), QStringLiteral("aba")}}));
        QCOMPARE(sequence.logs->size(), 3);
        QCOMPARE(sequence.annotation(QStringLiteral("topmost")), QJsonValue(true));
        QCOMPARE(sequence.annotation(QStringLiteral("kind")).toString(), QStringLiteral("sequence"));
        QCOMPARE(sequence.annotation(QStringLiteral("path")).toString(), QStringLiteral("guest/s"));
        QVERIFY(sequence.annotation(QStringLiteral("waitTime")).isDouble());
        QCOMPARE(sequence.annotation(QStringLiteral("limits")).toObject().value(QLatin1StringView("memory")),
                 QJsonValue(256));
        QVERIFY(!sequence.cause);

        qint64 componentTime = 0;
        QStringList paths;
        for (const QString &id : *sequence.logs) {
            const Activation component = recorded(id);
            QCOMPARE(component.cause.value_or(QString()), sequence.activationId);
            QCOMPARE(component.annotation(QStringLiteral("causedBy")).toString(), QStringLiteral("sequence"));
            componentTime += component.duration.value_or(0);
            paths.append(component.annotation(QStringLiteral("path")).toString());
        }
        QCOMPARE(paths,
                 (QStringList{QStringLiteral("guest/a"), QStringLiteral("guest/p/b"), QStringLiteral("guest/a")}));
        QCOMPARE(sequence.duration.value_or(-1), componentTime);
        QCOMPARE(recorded(sequence.activationId).logs, sequence.logs);
    }

    void theFirstErrorStopsTheChainAndIsTheResult()
    {
        local->put(QStringLiteral("a"), step(QStringLiteral("a")));
        local->put(QStringLiteral("fails"), kFailsWithError);
        local->put(QStringLiteral("s"), sequenceOf({QStringLiteral("/guest/a"), QStringLiteral("/guest/fails"),
                                                    QStringLiteral("/guest/a")}));
        const Activation sequence = local->invoke(QStringLiteral("s"));
        QCOMPARE(sequence.response->statusValue(), ActivationStatus::ApplicationError);
        QCOMPARE(sequence.response->result.toObject(),
                 (QJsonObject{{QStringLiteral("error"), QStringLiteral("bad input")}}));
        QCOMPARE(sequence.logs->size(), 2);

        // A component deleted after the PUT: the sequence fails with OpenWhisk's text.
        take(engine->deleteAction(kNs, QStringLiteral("fails")));
        const Activation broken = local->invoke(QStringLiteral("s"));
        QCOMPARE(broken.response->result.toObject(),
                 (QJsonObject{{QStringLiteral("error"), QStringLiteral("Sequence component does not exist.")}}));
        QCOMPARE(broken.logs->size(), 1);
    }

    void aNestedSequenceIsCausedByTheOuterOne()
    {
        local->put(QStringLiteral("a"), step(QStringLiteral("a")));
        local->put(QStringLiteral("inner"), sequenceOf({QStringLiteral("/guest/a")}));
        local->put(QStringLiteral("outer"), sequenceOf({QStringLiteral("/guest/a"), QStringLiteral("/guest/inner")}));
        const Activation outer = local->invoke(QStringLiteral("outer"));
        QCOMPARE(outer.response->result.toObject().value(QLatin1StringView("trail")).toString(), QStringLiteral("aa"));
        QCOMPARE(outer.logs->size(), 2);
        const Activation inner = recorded(outer.logs->at(1));
        QCOMPARE(inner.annotation(QStringLiteral("topmost")), QJsonValue(false));
        QCOMPARE(inner.annotation(QStringLiteral("causedBy")).toString(), QStringLiteral("sequence"));
        QCOMPARE(inner.cause.value_or(QString()), outer.activationId);
        QCOMPARE(inner.logs->size(), 1);
        QCOMPARE(recorded(inner.logs->first()).cause.value_or(QString()), inner.activationId);
    }

    void aNonBlockingSequenceAndOneOfTheCatalogRun()
    {
        local->put(QStringLiteral("s"), sequenceOf({QStringLiteral("/whisk.system/utils/echo"),
                                                    QStringLiteral("/whisk.system/utils/echo")}));
        InvokeOptions nonBlocking;
        nonBlocking.blocking = false;
        const InvokeOutcome outcome = take(local->platform->invokeAction(
            QStringLiteral("s"), {{QStringLiteral("payload"), QStringLiteral("hi")}}, nonBlocking));
        QVERIFY(!outcome.activation);
        QTRY_VERIFY_WITH_TIMEOUT((engine->flush(), engine->getActivation(kNs, outcome.activationId).result().ok()),
                                 30000);
        const Activation done = recorded(outcome.activationId);
        QVERIFY(done.succeeded());
        QCOMPARE(done.response->result.toObject().value(QLatin1StringView("payload")).toString(), QStringLiteral("hi"));
    }
};

QTEST_GUILESS_MAIN(TestSequences)
#include "TestSequences.moc"
