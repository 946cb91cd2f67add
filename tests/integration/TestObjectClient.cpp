// OpenWhiskPlatform's object calls against a real funcdeskd: it learns from the controller root
// that the server stores objects, uploads from a file and downloads into one with progress in
// KiB, reads the object's headers, lists and deletes, refuses bad names before sending, and a
// cancelled upload leaves no object on the server.

#include "IntegrationFixture.h"

#include "TestSuites.h"
#include "support/TestFiles.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFutureWatcher>

using namespace funcdesk;
using funcdesk::test::writeRepeated;

class TestObjectClient : public IntegrationSuite
{
    Q_OBJECT

    QTemporaryDir files;

private Q_SLOTS:
    void theClientKnowsFuncdeskdStoresObjects()
    {
        QVERIFY(!platform->storesObjects()); // not before it asked
        VERIFY_OK(wait(platform->info()));
        QVERIFY(platform->storesObjects());
    }

    void anObjectGoesUpAndComesBackThroughFiles()
    {
        VERIFY_OK(wait(platform->createBucket(QStringLiteral("client"))));
        VERIFY_FAILS_WITH(wait(platform->createBucket(QStringLiteral("client"))), PlatformError::Kind::Conflict);
        const QByteArray piece(64 * 1024, 'q');
        const QString source = writeRepeated(files.filePath(QStringLiteral("up.bin")), piece, 64); // 4 MiB
        QFuture<Result<ObjectInfo>> put = platform->putObject(QStringLiteral("client"), QStringLiteral("dir/up bin"),
                                                              source, QStringLiteral("application/x-test"));
        QFutureWatcher<Result<ObjectInfo>> watcher;
        int progressSeen = 0;
        connect(&watcher, &QFutureWatcherBase::progressValueChanged, this,
                [&](int value) { progressSeen = std::max(progressSeen, value); });
        watcher.setFuture(put);
        const Result<ObjectInfo> stored = wait(put);
        VERIFY_OK(stored);
        QCOMPARE(stored->size, 4 * 1024 * 1024);
        QCOMPARE(put.progressMaximum(), 4 * 1024);
        QTRY_COMPARE(progressSeen, 4 * 1024);
        QFile sourceFile(source);
        QVERIFY(sourceFile.open(QIODevice::ReadOnly));
        const QString md5 =
            QString::fromLatin1(QCryptographicHash::hash(sourceFile.readAll(), QCryptographicHash::Md5).toHex());
        QCOMPARE(stored->etag, md5);

        const Result<ObjectInfo> head =
            wait(platform->headObject(QStringLiteral("client"), QStringLiteral("dir/up bin")));
        VERIFY_OK(head);
        QCOMPARE(head->etag, md5);
        QCOMPARE(head->size, 4 * 1024 * 1024);
        QCOMPARE(head->contentType, QStringLiteral("application/x-test"));
        QVERIFY(head->modified > 0);

        const QString target = files.filePath(QStringLiteral("down.bin"));
        QFuture<Result<ObjectInfo>> get =
            platform->getObject(QStringLiteral("client"), QStringLiteral("dir/up bin"), target);
        VERIFY_OK(wait(get));
        QCOMPARE(get.progressValue(), 4 * 1024);
        QFile copy(target);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(copy.readAll(), QCryptographicHash::Md5).toHex()), md5);

        ObjectQuery query;
        query.delimiter = QStringLiteral("/");
        const auto folded = wait(platform->listObjects(QStringLiteral("client"), query));
        VERIFY_OK(folded);
        QCOMPARE(folded->prefixes, QStringList{QStringLiteral("dir/")});
        query = ObjectQuery();
        query.prefix = QStringLiteral("dir/");
        const auto listed = wait(platform->listObjects(QStringLiteral("client"), query));
        VERIFY_OK(listed);
        QCOMPARE(listed->objects.size(), 1);
        QCOMPARE(listed->objects.first().key, QStringLiteral("dir/up bin"));

        const auto buckets = wait(platform->listBuckets());
        VERIFY_OK(buckets);
        QVERIFY(std::any_of(buckets->cbegin(), buckets->cend(),
                            [](const Bucket &bucket) { return bucket.name == QLatin1StringView("client"); }));
        VERIFY_FAILS_WITH(wait(platform->deleteBucket(QStringLiteral("client"))), PlatformError::Kind::Conflict);
        VERIFY_OK(wait(platform->deleteObject(QStringLiteral("client"), QStringLiteral("dir/up bin"))));
        VERIFY_FAILS_WITH(wait(platform->headObject(QStringLiteral("client"), QStringLiteral("dir/up bin"))),
                          PlatformError::Kind::NotFound);
        // A missing object downloads nothing: the target file is not created.
        const QString absent = files.filePath(QStringLiteral("absent.bin"));
        VERIFY_FAILS_WITH(wait(platform->getObject(QStringLiteral("client"), QStringLiteral("dir/up bin"), absent)),
                          PlatformError::Kind::NotFound);
        QVERIFY(!QFile::exists(absent));
        VERIFY_OK(wait(platform->deleteBucket(QStringLiteral("client"))));
    }

    void badNamesAreRefusedBeforeAnythingIsSent()
    {
        const QString source = writeRepeated(files.filePath(QStringLiteral("s.txt")), "s", 1);
        VERIFY_FAILS_WITH(wait(platform->createBucket(QStringLiteral("Bad_Name"))), PlatformError::Kind::Invalid);
        VERIFY_FAILS_WITH(wait(platform->putObject(QStringLiteral("client"), QStringLiteral("../x"), source)),
                          PlatformError::Kind::Invalid);
        VERIFY_FAILS_WITH(wait(platform->putObject(QStringLiteral("client"), QStringLiteral("x"),
                                                   files.filePath(QStringLiteral("none")))),
                          PlatformError::Kind::Invalid);
    }

    void aCancelledUploadLeavesNoObject()
    {
        VERIFY_OK(wait(platform->createBucket(QStringLiteral("cancelled"))));
        const QString source = writeRepeated(files.filePath(QStringLiteral("big.bin")), QByteArray(1024 * 1024, 'c'),
                                             96); // 96 MiB, under the server's 100 MB
        QFuture<Result<ObjectInfo>> put =
            platform->putObject(QStringLiteral("cancelled"), QStringLiteral("big.bin"), source);
        // Cancelled as soon as the first bytes are out.
        QFutureWatcher<Result<ObjectInfo>> watcher;
        connect(&watcher, &QFutureWatcherBase::progressValueChanged, this, [&put](int value) {
            if (value > 0)
                put.cancel();
        });
        watcher.setFuture(put);
        QTRY_VERIFY_WITH_TIMEOUT(put.isFinished(), 30000);
        QVERIFY(put.isCanceled());
        // The server saw the connection go and dropped the upload.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QDirIterator it(fixture.server().dataDir() + QStringLiteral("/buckets/guest/cancelled"),
                                QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
                return !it.hasNext();
            }(),
            10000);
        VERIFY_FAILS_WITH(wait(platform->headObject(QStringLiteral("cancelled"), QStringLiteral("big.bin"))),
                          PlatformError::Kind::NotFound);
    }
};

FUNCDESK_INTEGRATION_SUITE(TestObjectClient)
#include "TestObjectClient.moc"
