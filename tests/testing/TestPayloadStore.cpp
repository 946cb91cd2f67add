// Saved payloads per connection and function: persisted, written atomically, imported and
// exported; a malformed import is an error that changes nothing. The list model passes
// QAbstractItemModelTester through every change.

#include "models/testing/PayloadListModel.h"
#include "models/testing/PayloadStore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;

namespace {

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

} // namespace

class TestPayloadStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir;
    QString base() const { return dir->path() + QStringLiteral("/payloads"); }

private Q_SLOTS:
    void init() { dir = std::make_unique<QTemporaryDir>(); }

    void payloadsArePersistedPerConnectionAndFunction()
    {
        const PayloadStore store(base());
        const QList<SavedPayload> saved{{QStringLiteral("hello"), QStringLiteral("{\"name\": \"World\"}")},
                                        {QStringLiteral("half typed"), QStringLiteral("{\"name\": ")}};
        QVERIFY(store.save(QStringLiteral("Local"), QStringLiteral("greet"), saved).ok());
        QCOMPARE(store.load(QStringLiteral("Local"), QStringLiteral("greet")).value(), saved); // text kept verbatim
        QVERIFY(store.load(QStringLiteral("Local"), QStringLiteral("other")).value().isEmpty());
        QVERIFY(store.load(QStringLiteral("Remote"), QStringLiteral("greet")).value().isEmpty());
        QVERIFY(store.fileFor(QStringLiteral("Local"), QStringLiteral("greet")).startsWith(base()));
    }

    void namesWithSlashesStayInsideTheirFolder()
    {
        const PayloadStore store(base());
        const QString path = store.fileFor(QStringLiteral("my server/2"), QStringLiteral("pkg/../action"));
        QCOMPARE(path, base() + QStringLiteral("/my%20server%2F2/pkg%2F%2E%2E%2Faction.json"));
        QVERIFY(store
                    .save(QStringLiteral("my server/2"), QStringLiteral("pkg/../action"),
                          {{QStringLiteral("a"), QStringLiteral("{}")}})
                    .ok());
        QVERIFY(QFile::exists(path));
        QCOMPARE(store.fileFor(QStringLiteral(".."), QStringLiteral(".")), base() + QStringLiteral("/%2E%2E/%2E.json"));
    }

    void corruptStoreFileIsAnError()
    {
        const PayloadStore store(base());
        QVERIFY(store.save(QStringLiteral("Local"), QStringLiteral("f"), {}).ok());
        writeFile(store.fileFor(QStringLiteral("Local"), QStringLiteral("f")), "{not json");
        const auto loaded = store.load(QStringLiteral("Local"), QStringLiteral("f"));
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().message.contains(QLatin1StringView("is not a payload file")),
                 qPrintable(loaded.error().message));
    }

    void modelEditsAreWrittenThrough()
    {
        PayloadListModel model{PayloadStore(base())};
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.setFunction(QStringLiteral("Local"), QStringLiteral("greet")).ok());
        QCOMPARE(model.add(QString(), QStringLiteral("{}")), 0);
        QCOMPARE(model.add(QString(), QStringLiteral("{\"a\": 1}")), 1);
        QCOMPARE(model.data(model.index(0)).toString(), QStringLiteral("Payload 1"));
        QCOMPARE(model.data(model.index(1)).toString(), QStringLiteral("Payload 2"));
        QCOMPARE(model.add(QStringLiteral("Payload 1"), QStringLiteral("{}")), 2);
        QCOMPARE(model.payload(2).name, QStringLiteral("Payload 1 (2)")); // names stay unique

        QVERIFY(model.setData(model.index(0), QStringLiteral("  empty  ")));
        QCOMPARE(model.payload(0).name, QStringLiteral("empty"));
        QSignalSpy refused(&model, &PayloadListModel::renameRefused);
        QVERIFY(!model.setData(model.index(1), QStringLiteral("empty")));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().first().toString(), QStringLiteral("There is already a payload named \u201c"
                                                                    "empty\u201d."));
        QVERIFY(!model.rename(1, QStringLiteral("empty"))); // taken
        QVERIFY(!model.rename(1, QStringLiteral("   ")));   // blank
        QVERIFY(model.updateText(1, QStringLiteral("{\"a\": 2")));
        QCOMPARE(model.data(model.index(1), PayloadListModel::ValidRole).toBool(), false);
        QVERIFY(model.data(model.index(1), Qt::ToolTipRole).toString().startsWith(QLatin1StringView("Line 1")));
        QVERIFY(model.remove(2));
        QVERIFY(!model.remove(7));

        PayloadListModel reopened{PayloadStore(base())};
        QAbstractItemModelTester reopenedTester(&reopened, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(reopened.setFunction(QStringLiteral("Local"), QStringLiteral("greet")).ok());
        QCOMPARE(reopened.rowCount(), 2);
        QCOMPARE(reopened.payload(0), (SavedPayload{QStringLiteral("empty"), QStringLiteral("{}")}));
        QCOMPARE(reopened.payload(1), (SavedPayload{QStringLiteral("Payload 2"), QStringLiteral("{\"a\": 2")}));
        QVERIFY(reopened.setFunction(QStringLiteral("Local"), QStringLiteral("another")).ok());
        QCOMPARE(reopened.rowCount(), 0);
    }

    void exportThenImportRoundTrips()
    {
        PayloadListModel model{PayloadStore(base())};
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.setFunction(QStringLiteral("Local"), QStringLiteral("a")).ok());
        model.add(QStringLiteral("hello"), QStringLiteral("{\"name\": \"World\", \"n\": 1}"));
        model.add(QStringLiteral("draft"), QStringLiteral("{\"unfinished\": "));
        const QString file = dir->path() + QStringLiteral("/export.json");
        QVERIFY(model.exportTo(file).ok());

        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QJsonArray items = QJsonDocument::fromJson(written.readAll()).array();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0)
                     .toObject()
                     .value(QLatin1StringView("payload"))
                     .toObject()
                     .value(QLatin1StringView("name"))
                     .toString(),
                 QStringLiteral("World")); // a portable file: payloads as JSON objects
        QCOMPARE(items.at(1).toObject().value(QLatin1StringView("payload")).toString(),
                 QStringLiteral("{\"unfinished\": "));

        PayloadListModel other{PayloadStore(base())};
        QAbstractItemModelTester otherTester(&other, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(other.setFunction(QStringLiteral("Remote"), QStringLiteral("b")).ok());
        other.add(QStringLiteral("hello"), QStringLiteral("{}"));
        QSignalSpy inserted(&other, &QAbstractItemModel::rowsInserted);
        const Result<int> imported = other.importFrom(file);
        QVERIFY(imported.ok());
        QCOMPARE(imported.value(), 2);
        QCOMPARE(inserted.size(), 1); // one insertion for the whole file
        QCOMPARE(other.payload(1).name, QStringLiteral("hello (2)"));
        QCOMPARE(other.payload(1).text, QStringLiteral("{\n  \"n\": 1,\n  \"name\": \"World\"\n}"));
        QCOMPARE(other.payload(2).text, QStringLiteral("{\"unfinished\": "));
    }

    void malformedImportIsAClearErrorAndChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("[{\"name\": \"a\", ") << QStringLiteral("invalid JSON");
        QTest::newRow("not an array") << QByteArray("{\"name\": \"a\"}") << QStringLiteral("expected an array");
        QTest::newRow("entry not an object")
            << QByteArray("[{\"name\": \"a\", \"payload\": {}}, 3]") << QStringLiteral("entry 2 is not an object");
        QTest::newRow("no name") << QByteArray("[{\"payload\": {}}]") << QStringLiteral("entry 1 has no \"name\"");
        QTest::newRow("payload not an object")
            << QByteArray("[{\"name\": \"a\", \"payload\": {}}, {\"name\": \"b\", \"payload\": [1]}]")
            << QStringLiteral("entry 2 (\"b\") has no \"payload\" object");
    }

    void malformedImportIsAClearErrorAndChangesNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        PayloadListModel model{PayloadStore(base())};
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.setFunction(QStringLiteral("Local"), QStringLiteral("f")).ok());
        model.add(QStringLiteral("kept"), QStringLiteral("{}"));
        const QString file = dir->path() + QStringLiteral("/bad.json");
        writeFile(file, content);
        const QString before = QString::fromUtf8([&] {
            QFile stored(PayloadStore(base()).fileFor(QStringLiteral("Local"), QStringLiteral("f")));
            return stored.open(QIODevice::ReadOnly) ? stored.readAll() : QByteArray();
        }());
        const Result<int> imported = model.importFrom(file);
        QVERIFY(!imported.ok());
        QVERIFY2(imported.error().message.contains(expected), qPrintable(imported.error().message));
        QVERIFY(imported.error().message.contains(QLatin1StringView("bad.json")));
        QCOMPARE(model.rowCount(), 1);
        QFile stored(PayloadStore(base()).fileFor(QStringLiteral("Local"), QStringLiteral("f")));
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(stored.readAll()), before);
        QVERIFY(!model.importFrom(dir->path() + QStringLiteral("/missing.json")).ok());
    }

    void aFailedWriteKeepsTheListAndSaysSo()
    {
        writeFile(dir->path() + QStringLiteral("/blocker"), "a file where the folder should be");
        PayloadListModel model{PayloadStore(dir->path() + QStringLiteral("/blocker"))};
        QVERIFY(model.setFunction(QStringLiteral("Local"), QStringLiteral("f")).ok());
        QSignalSpy failed(&model, &PayloadListModel::saveFailed);
        model.add(QStringLiteral("typed"), QStringLiteral("{\"keep\": true}"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.payload(0).text, QStringLiteral("{\"keep\": true}"));
    }
};

QTEST_GUILESS_MAIN(TestPayloadStore)
#include "TestPayloadStore.moc"
