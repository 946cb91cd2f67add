// DraftStore: undeployed editor text kept per connection and function, written after a pause
// (or at flush) with QSaveFile, read back by a later instance, removed on discard.

#include "models/code/DraftStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;

namespace {

const QString kConnection = QStringLiteral("local");
const QString kFunction = QStringLiteral("hello");

Draft draft(const QString &code, const QString &version = QStringLiteral("0.0.1"))
{
    return Draft{code, QStringLiteral("nodejs:20"), version, {}};
}

} // namespace

class TestDraftStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void draftIsWrittenAfterThePauseAndReadBackByANewStore()
    {
        QTemporaryDir dir;
        const QDateTime before = QDateTime::currentDateTime().addSecs(-1);
        {
            DraftStore store(dir.path());
            store.setDebounceInterval(50);
            store.save(kConnection, kFunction, draft(QStringLiteral("let a = 1;")));
            QVERIFY(!QFile::exists(store.filePath(kConnection, kFunction))); // not on every keystroke
            QTRY_VERIFY(QFile::exists(store.filePath(kConnection, kFunction)));
        }
        DraftStore reopened(dir.path());
        const std::optional<Draft> found = reopened.draftFor(kConnection, kFunction);
        QVERIFY(found);
        QCOMPARE(found->code, QStringLiteral("let a = 1;"));
        QCOMPARE(found->kind, QStringLiteral("nodejs:20"));
        QCOMPARE(found->baseVersion, QStringLiteral("0.0.1"));
        QVERIFY(found->savedAt >= before);
        QVERIFY(found->savedAt <= QDateTime::currentDateTime());
    }

    void typingRestartsThePause()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        store.setDebounceInterval(300);
        for (int i = 0; i < 5; ++i) {
            store.save(kConnection, kFunction, draft(QString::number(i)));
            QTest::qWait(100);
        }
        QVERIFY(!QFile::exists(store.filePath(kConnection, kFunction)));
        QTRY_VERIFY(QFile::exists(store.filePath(kConnection, kFunction)));
        store.flush();
        QCOMPARE(DraftStore(dir.path()).draftFor(kConnection, kFunction)->code, QStringLiteral("4"));
    }

    void flushWritesAtOnce()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        store.setDebounceInterval(60000);
        store.save(kConnection, kFunction, draft(QStringLiteral("x")));
        store.flush();
        QVERIFY(QFile::exists(store.filePath(kConnection, kFunction)));
    }

    void destroyingTheStoreWritesWhatIsPending()
    {
        QTemporaryDir dir;
        {
            DraftStore store(dir.path());
            store.setDebounceInterval(60000);
            store.save(kConnection, kFunction, draft(QStringLiteral("pending")));
        }
        QCOMPARE(DraftStore(dir.path()).draftFor(kConnection, kFunction)->code, QStringLiteral("pending"));
    }

    void pendingDraftIsAnsweredBeforeItIsWritten()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        store.setDebounceInterval(60000);
        store.save(kConnection, kFunction, draft(QStringLiteral("soon")));
        QCOMPARE(store.draftFor(kConnection, kFunction)->code, QStringLiteral("soon"));
        QVERIFY(!store.draftFor(kConnection, QStringLiteral("other")));
    }

    void discardRemovesTheFileAndAPendingSave()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        store.save(kConnection, kFunction, draft(QStringLiteral("v1")));
        store.flush();
        QVERIFY(QFile::exists(store.filePath(kConnection, kFunction)));
        store.save(kConnection, kFunction, draft(QStringLiteral("v2"))); // pending
        store.discard(kConnection, kFunction);
        QVERIFY(!store.draftFor(kConnection, kFunction));
        store.flush();
        QVERIFY(!QFile::exists(store.filePath(kConnection, kFunction)));
        QVERIFY(!DraftStore(dir.path()).draftFor(kConnection, kFunction));
    }

    void fileIsCompleteJsonAndNoTemporaryFileRemains()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        store.setDebounceInterval(0);
        for (int i = 0; i < 50; ++i) {
            store.save(kConnection, kFunction, draft(QStringLiteral("line\n").repeated(i + 1)));
            QCoreApplication::processEvents();
        }
        store.flush();
        const QFileInfo info(store.filePath(kConnection, kFunction));
        QCOMPARE(info.dir().entryList(QDir::Files | QDir::Hidden), QStringList{info.fileName()});
        QFile file(info.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(object.value(QStringLiteral("code")).toString(), QStringLiteral("line\n").repeated(50));
        QCOMPARE(object.value(QStringLiteral("kind")).toString(), QStringLiteral("nodejs:20"));
        QCOMPARE(object.value(QStringLiteral("baseVersion")).toString(), QStringLiteral("0.0.1"));
        QCOMPARE(object.value(QStringLiteral("function")).toString(), kFunction);
        QVERIFY(QDateTime::fromString(object.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs).isValid());
    }

    void failedWriteIsReportedAndTheOldDraftStays()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        QSignalSpy failures(&store, &DraftStore::writeFailed);
        const QString path = store.filePath(kConnection, kFunction);
        // A folder where the file should go: QSaveFile cannot replace it.
        QVERIFY(QDir().mkpath(path));
        store.save(kConnection, kFunction, draft(QStringLiteral("lost?")));
        store.flush();
        QTRY_COMPARE(failures.size(), 1);
        QVERIFY(failures.first().first().toString().contains(QDir::toNativeSeparators(path)));
        QVERIFY(QFileInfo(path).isDir());
    }

    void connectionsAndFunctionsHaveTheirOwnDrafts()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        store.save(QStringLiteral("local"), kFunction, draft(QStringLiteral("local code")));
        store.save(QStringLiteral("prod"), kFunction, draft(QStringLiteral("prod code")));
        store.save(QStringLiteral("local"), QStringLiteral("other"), draft(QStringLiteral("other code")));
        store.flush();
        DraftStore reopened(dir.path());
        QCOMPARE(reopened.draftFor(QStringLiteral("local"), kFunction)->code, QStringLiteral("local code"));
        QCOMPARE(reopened.draftFor(QStringLiteral("prod"), kFunction)->code, QStringLiteral("prod code"));
        QCOMPARE(reopened.draftFor(QStringLiteral("local"), QStringLiteral("other"))->code,
                 QStringLiteral("other code"));
    }

    void namesAreEscapedIntoOneFolderPerConnection()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        const QString connection = QStringLiteral("https://ow.example.com:443/api");
        const QStringList names = {QStringLiteral("pkg/action"), QStringLiteral(".."), QStringLiteral("a.b"),
                                   QStringLiteral("a%2Eb"), QStringLiteral("名前 with space")};
        QSet<QString> paths;
        for (const QString &name : names) {
            const QFileInfo info(store.filePath(connection, name));
            QCOMPARE(info.dir().dirName().contains(QLatin1Char('/')), false);
            QCOMPARE(QDir(dir.path()).relativeFilePath(info.absolutePath()).count(QLatin1Char('/')), 0);
            QVERIFY(!info.fileName().startsWith(QLatin1Char('.')));
            paths.insert(info.filePath());
            store.save(connection, name, draft(name));
        }
        QCOMPARE(paths.size(), names.size());
        store.flush();
        DraftStore reopened(dir.path());
        for (const QString &name : names)
            QCOMPARE(reopened.draftFor(connection, name)->code, name);
    }

    void longNamesAreHashed()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        const QString name = QStringLiteral("x").repeated(256);
        QVERIFY(QFileInfo(store.filePath(kConnection, name)).fileName().size() < 100);
        store.save(kConnection, name, draft(QStringLiteral("long")));
        store.flush();
        QCOMPARE(DraftStore(dir.path()).draftFor(kConnection, name)->code, QStringLiteral("long"));
        QVERIFY(!DraftStore(dir.path()).draftFor(kConnection, QStringLiteral("x").repeated(255)));
    }

    void defaultFolderIsInTheAppDataLocation()
    {
        QStandardPaths::setTestModeEnabled(true);
        DraftStore store;
        QCOMPARE(store.directory(),
                 QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/drafts"));
    }
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "TestDraftStore.moc"
