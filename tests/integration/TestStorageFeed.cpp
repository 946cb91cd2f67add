// The feed /whisk.system/storage/changes on a real funcdeskd: a trigger registered on a bucket
// fires its rule's action with {bucket, key, size, etag, event, time} when matching objects are
// stored or deleted (filtered by prefix, suffix and events), the lifecycle events as the alarms
// feed takes them, its errors, and registrations that outlive a restart but not their trigger.

#include "IntegrationFixture.h"
#include "RawHttp.h"

#include "TestSuites.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace funcdesk;

namespace {
const QString kFeed = QStringLiteral("storage/changes");
const QString kBucket = QStringLiteral("feed-data");
} // namespace

class TestStorageFeed : public IntegrationSuite
{
    Q_OBJECT

    std::unique_ptr<OpenWhiskPlatform> system; // the guest's key addressing whisk.system

    QString objectPath(const QString &key)
    {
        return QStringLiteral("/api/v1/namespaces/_/buckets/%1/objects/%2").arg(kBucket, key);
    }
    int put(const QString &key, const QByteArray &content)
    {
        return rawRequest(fixture.server().port(), "Basic " + fixture.server().guestKey().toUtf8().toBase64(), "PUT",
                          objectPath(key), content)
            .status;
    }
    int remove(const QString &key)
    {
        return rawRequest(fixture.server().port(), "Basic " + fixture.server().guestKey().toUtf8().toBase64(), "DELETE",
                          objectPath(key))
            .status;
    }

    // One blocking call of the feed: its result ({"error": ...} when it refused).
    QJsonObject feed(const QString &lifecycle, const QString &trigger, QJsonObject params = {},
                     const QString &authKey = {})
    {
        params.insert(QStringLiteral("lifecycleEvent"), lifecycle);
        params.insert(QStringLiteral("triggerName"), QStringLiteral("/_/") + trigger);
        params.insert(QStringLiteral("authKey"), authKey.isEmpty() ? fixture.server().guestKey() : authKey);
        const auto ran = wait(system->invokeAction(kFeed, params, InvokeOptions{}));
        if (ran.ok() && ran->activation && ran->activation->response)
            return ran->activation->response->result.toObject();
        return {{QStringLiteral("error"), ran.ok() ? QStringLiteral("no activation") : describe(ran)}};
    }

    // A trigger with the feed and a rule to an action that answers its parameters.
    QString wire(const char *prefix, const QJsonObject &params, QString *trigger = nullptr)
    {
        const QString name = uniqueName(prefix);
        const QString action = name + QStringLiteral("-act");
        [&] {
            VERIFY_OK(wait(platform->putTrigger(name, emptyTrigger(), PutOptions{})));
            VERIFY_OK(wait(platform->putAction(action, nodeAction(QStringLiteral("function main(p) { return p; }")),
                                               PutOptions{})));
            VERIFY_OK(wait(platform->putRule(name + QStringLiteral("-rule"), ruleLinking(name, action), PutOptions{})));
            const QJsonObject created = feed(QStringLiteral("CREATE"), name, params);
            QVERIFY2(!created.contains(QStringLiteral("error")), QJsonDocument(created).toJson().constData());
        }();
        if (trigger)
            *trigger = name;
        return action;
    }

    // The results of `action`'s activations once there are `expected` (or `timeoutMs` passed),
    // then a second later (any extra fire would have arrived by then), oldest first.
    QList<QJsonObject> results(const QString &action, int expected, int timeoutMs = 30000)
    {
        QList<QJsonObject> found;
        auto poll = [&] {
            ActivationQuery query;
            query.name = action;
            query.docs = true;
            const auto listed = wait(platform->listActivations(query));
            found.clear();
            if (listed.ok()) {
                for (const Activation &activation : listed.value()) {
                    if (activation.response)
                        found.prepend(activation.response->result.toObject());
                }
            }
            return found.size() >= expected;
        };
        [[maybe_unused]] const bool reached = QTest::qWaitFor(poll, timeoutMs); // counted below
        QTest::qWait(1000);
        poll();
        return found;
    }

    static QStringList keysOf(const QList<QJsonObject> &events)
    {
        QStringList keys;
        for (const QJsonObject &event : events)
            keys.append(event.value(QLatin1StringView("event")).toString() + QLatin1Char(':') +
                        event.value(QLatin1StringView("key")).toString());
        keys.sort();
        return keys;
    }

private Q_SLOTS:
    void initTestCase()
    {
        connectToServer();
        system = fixture.connect(fixture.server().guestKey(), QStringLiteral("whisk.system"));
        const HttpAnswer created =
            rawRequest(fixture.server().port(), "Basic " + fixture.server().guestKey().toUtf8().toBase64(), "PUT",
                       QStringLiteral("/api/v1/namespaces/_/buckets/") + kBucket);
        QVERIFY2(created.status == 200, created.body.constData());
    }
    void cleanupTestCase() { system.reset(); }

    void aCsvUploadFiresTheRuleOnceWithTheObjectsEvent()
    {
        const QString action = wire("csv", {{QStringLiteral("bucket"), kBucket},
                                            {QStringLiteral("suffix"), QStringLiteral(".csv")},
                                            {QStringLiteral("events"), QStringLiteral("put")}});
        const QByteArray content = "id,amount\n1,10\n";
        QCOMPARE(put(QStringLiteral("sales/a.csv"), content), 200);
        QCOMPARE(put(QStringLiteral("sales/a.txt"), "not a table"), 200);
        QCOMPARE(remove(QStringLiteral("sales/a.csv")), 204); // a delete: not among its events
        QCOMPARE(put(QStringLiteral("sales/z.csv"), "id\n"), 200);

        const QList<QJsonObject> events = results(action, 2);
        QCOMPARE(keysOf(events), (QStringList{QStringLiteral("put:sales/a.csv"), QStringLiteral("put:sales/z.csv")}));
        const QJsonObject first =
            events.first().value(QLatin1StringView("key")).toString() == QLatin1StringView("sales/a.csv")
                ? events.first()
                : events.last();
        QCOMPARE(first.value(QLatin1StringView("bucket")).toString(), kBucket);
        QCOMPARE(first.value(QLatin1StringView("size")).toInteger(), content.size());
        QCOMPARE(first.value(QLatin1StringView("etag")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex()));
        QVERIFY(first.value(QLatin1StringView("time")).toInteger() > 1700000000000);
    }

    void deleteEventsAreFilteredByPrefix()
    {
        const QString action = wire("deletes", {{QStringLiteral("bucket"), kBucket},
                                                {QStringLiteral("prefix"), QStringLiteral("in/")},
                                                {QStringLiteral("events"), QJsonArray{QStringLiteral("delete")}}});
        QCOMPARE(put(QStringLiteral("in/x"), "x"), 200);
        QCOMPARE(put(QStringLiteral("out/y"), "y"), 200);
        QCOMPARE(remove(QStringLiteral("out/y")), 204);
        QCOMPARE(remove(QStringLiteral("in/x")), 204);
        QCOMPARE(put(QStringLiteral("in/w"), "w"), 200);
        QCOMPARE(remove(QStringLiteral("in/w")), 204);
        const QList<QJsonObject> events = results(action, 2);
        QCOMPARE(keysOf(events), (QStringList{QStringLiteral("delete:in/w"), QStringLiteral("delete:in/x")}));
        QCOMPARE(events.first().value(QLatin1StringView("size")).toInteger(), 1);
    }

    void readAnswersConfigAndStatusAndPauseStopsFires()
    {
        QString trigger;
        const QString action =
            wire("paused", {{QStringLiteral("bucket"), kBucket}, {QStringLiteral("prefix"), QStringLiteral("p/")}},
                 &trigger);
        QJsonObject read = feed(QStringLiteral("READ"), trigger);
        const QJsonObject config = read.value(QLatin1StringView("config")).toObject();
        QCOMPARE(config.value(QLatin1StringView("name")).toString(), trigger);
        QCOMPARE(config.value(QLatin1StringView("namespace")).toString(), QStringLiteral("guest"));
        QCOMPARE(config.value(QLatin1StringView("bucket")).toString(), kBucket);
        QCOMPARE(config.value(QLatin1StringView("prefix")).toString(), QStringLiteral("p/"));
        QCOMPARE(config.value(QLatin1StringView("events")).toArray(),
                 (QJsonArray{QStringLiteral("put"), QStringLiteral("delete")}));
        QVERIFY(!config.contains(QLatin1StringView("authKey")));
        QJsonObject status = read.value(QLatin1StringView("status")).toObject();
        QCOMPARE(status.value(QLatin1StringView("active")).toBool(false), true);
        QVERIFY(status.value(QLatin1StringView("dateChangedISO")).toString().endsWith(QLatin1Char('Z')));

        QCOMPARE(feed(QStringLiteral("PAUSE"), trigger).value(QLatin1StringView("status")).toString(),
                 QStringLiteral("success"));
        status = feed(QStringLiteral("READ"), trigger).value(QLatin1StringView("status")).toObject();
        QCOMPARE(status.value(QLatin1StringView("active")).toBool(true), false);
        QVERIFY(status.contains(QLatin1StringView("reason")));
        QCOMPARE(put(QStringLiteral("p/while-paused"), "1"), 200);
        QCOMPARE(feed(QStringLiteral("UNPAUSE"), trigger).value(QLatin1StringView("status")).toString(),
                 QStringLiteral("success"));
        QCOMPARE(put(QStringLiteral("p/after"), "2"), 200);
        QCOMPARE(keysOf(results(action, 1)), QStringList{QStringLiteral("put:p/after")});
    }

    void updateChangesTheFilter()
    {
        QString trigger;
        const QString action = wire("updated", {{QStringLiteral("bucket"), kBucket}}, &trigger);
        const QJsonObject updated =
            feed(QStringLiteral("UPDATE"), trigger, {{QStringLiteral("suffix"), QStringLiteral(".json")}});
        QCOMPARE(updated.value(QLatin1StringView("status")).toString(), QStringLiteral("success"));
        QCOMPARE(put(QStringLiteral("u/a.txt"), "1"), 200);
        QCOMPARE(put(QStringLiteral("u/b.json"), "{}"), 200);
        QCOMPARE(keysOf(results(action, 1)), QStringList{QStringLiteral("put:u/b.json")});
    }

    void wrongParametersAreRefusedWithAMessage()
    {
        const QString trigger = uniqueName("refused");
        VERIFY_OK(wait(platform->putTrigger(trigger, emptyTrigger(), PutOptions{})));
        auto refused = [&](const QJsonObject &params, const QString &authKey, const char *expected) {
            const QJsonObject answer = feed(QStringLiteral("CREATE"), trigger, params, authKey);
            const QString error = answer.value(QLatin1StringView("error")).toString();
            QVERIFY2(error.contains(QLatin1StringView(expected)), QJsonDocument(answer).toJson().constData());
        };
        refused({}, {}, "bucket parameter");
        refused({{QStringLiteral("bucket"), QStringLiteral("no-such-bucket")}}, {}, "does not exist");
        refused({{QStringLiteral("bucket"), kBucket}, {QStringLiteral("events"), QStringLiteral("upload")}}, {},
                "events parameter");
        refused({{QStringLiteral("bucket"), kBucket}, {QStringLiteral("prefix"), 3}}, {}, "prefix parameter");
        const QString uuid = fixture.server().guestKey().section(QLatin1Char(':'), 0, 0);
        refused({{QStringLiteral("bucket"), kBucket}}, uuid + QStringLiteral(":wrong"), "authentication");
        // Nothing was registered by any of them.
        QVERIFY(feed(QStringLiteral("READ"), trigger).contains(QLatin1StringView("error")));
        // A trigger that does not exist gets no feed.
        const QJsonObject missing =
            feed(QStringLiteral("CREATE"), uniqueName("missing"), {{QStringLiteral("bucket"), kBucket}});
        QVERIFY(missing.value(QLatin1StringView("error")).toString().contains(QLatin1StringView("does not exist")));
    }

    void aDeletedTriggersRegistrationIsGone()
    {
        QString trigger;
        const QString action = wire("gone", {{QStringLiteral("bucket"), kBucket}}, &trigger);
        VERIFY_OK(wait(platform->deleteTrigger(trigger))); // without telling the feed
        VERIFY_OK(wait(platform->putTrigger(trigger, emptyTrigger(), PutOptions{})));
        QVERIFY(feed(QStringLiteral("READ"), trigger)
                    .value(QLatin1StringView("error"))
                    .toString()
                    .contains(QLatin1StringView("no storage feed")));
        QCOMPARE(put(QStringLiteral("gone/a"), "1"), 200); // the new trigger of that name does not fire
        QVERIFY(results(action, 1, 3000).isEmpty());
    }

    void aRegistrationOutlivesARestartButNotItsDelete()
    {
        QString trigger;
        const QString action = wire(
            "kept", {{QStringLiteral("bucket"), kBucket}, {QStringLiteral("prefix"), QStringLiteral("k/")}}, &trigger);
        QVERIFY2(fixture.restart(), qPrintable(fixture.errorText()));
        QCOMPARE(feed(QStringLiteral("READ"), trigger)
                     .value(QLatin1StringView("config"))
                     .toObject()
                     .value(QLatin1StringView("prefix"))
                     .toString(),
                 QStringLiteral("k/"));
        QCOMPARE(put(QStringLiteral("k/one"), "1"), 200);
        QCOMPARE(keysOf(results(action, 1)), QStringList{QStringLiteral("put:k/one")});

        QCOMPARE(feed(QStringLiteral("DELETE"), trigger).value(QLatin1StringView("status")).toString(),
                 QStringLiteral("success"));
        QCOMPARE(put(QStringLiteral("k/two"), "2"), 200);
        QCOMPARE(keysOf(results(action, 2, 3000)), QStringList{QStringLiteral("put:k/one")});
    }
};

FUNCDESK_INTEGRATION_SUITE(TestStorageFeed)
#include "TestStorageFeed.moc"
