// LocalPlatform's object calls on a real engine in a temporary folder: buckets, an upload from a
// file and a download to one with progress in KiB, head, listing, delete, and a cancelled upload
// that leaves neither object nor temporary file.

#include "platforms/local/LocalEngine.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"
#include "support/TestFiles.h"

#include <QDirIterator>
#include <QFile>
#include <QFutureWatcher>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

QStringList filesBelow(const QString &folder)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        found.append(it.next().mid(folder.size() + 1));
    found.sort();
    return found;
}
} // namespace

class TestLocalObjects : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anUploadAndADownloadGoThroughFilesWithProgress()
    {
        LocalFixture local;
        Platform &platform = *local.platform;
        QVERIFY(platform.storesObjects());
        QVERIFY(wait(platform.createBucket(QStringLiteral("files"))).ok());
        QCOMPARE(failure(platform.createBucket(QStringLiteral("files"))).kind, PlatformError::Kind::Conflict);

        const QByteArray piece(64 * 1024, 'x');
        const QString source = writeRepeated(local.dir.filePath(QStringLiteral("source.bin")), piece, 48); // 3 MiB
        QFuture<Result<ObjectInfo>> put =
            platform.putObject(QStringLiteral("files"), QStringLiteral("in/data.bin"), source, QStringLiteral("x/y"));
        QFutureWatcher<Result<ObjectInfo>> watcher;
        int progressSeen = 0;
        connect(&watcher, &QFutureWatcherBase::progressValueChanged, this,
                [&](int value) { progressSeen = std::max(progressSeen, value); });
        watcher.setFuture(put);
        const Result<ObjectInfo> stored = wait(put);
        QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));
        QCOMPARE(stored->size, 3 * 1024 * 1024);
        QCOMPARE(stored->contentType, QStringLiteral("x/y"));
        QCOMPARE(put.progressMaximum(), 3 * 1024);
        QCOMPARE(put.progressValue(), 3 * 1024);
        QTRY_COMPARE(progressSeen, 3 * 1024);

        const Result<ObjectInfo> head =
            wait(platform.headObject(QStringLiteral("files"), QStringLiteral("in/data.bin")));
        QVERIFY(head.ok());
        QCOMPARE(head->etag, stored->etag);

        const QString target = local.dir.filePath(QStringLiteral("copy.bin"));
        QFuture<Result<ObjectInfo>> get =
            platform.getObject(QStringLiteral("files"), QStringLiteral("in/data.bin"), target);
        QVERIFY(wait(get).ok());
        QCOMPARE(get.progressValue(), 3 * 1024);
        QFile copy(target);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.size(), 3 * 1024 * 1024);
        QCOMPARE(copy.read(piece.size()), piece);

        ObjectQuery query;
        query.delimiter = QStringLiteral("/");
        const Result<ObjectListing> listing = wait(platform.listObjects(QStringLiteral("files"), query));
        QVERIFY(listing.ok());
        QCOMPARE(listing->prefixes, QStringList{QStringLiteral("in/")});
        QCOMPARE(failure(platform.deleteBucket(QStringLiteral("files"))).kind, PlatformError::Kind::Conflict);
        QVERIFY(wait(platform.deleteObject(QStringLiteral("files"), QStringLiteral("in/data.bin"))).ok());
        QCOMPARE(failure(platform.headObject(QStringLiteral("files"), QStringLiteral("in/data.bin"))).kind,
                 PlatformError::Kind::NotFound);
        QVERIFY(wait(platform.deleteBucket(QStringLiteral("files"))).ok());
        QVERIFY(wait(platform.listBuckets()).value().isEmpty());
    }

    void badKeysAndMissingFilesAreRefused()
    {
        LocalFixture local;
        Platform &platform = *local.platform;
        QVERIFY(wait(platform.createBucket(QStringLiteral("files"))).ok());
        const QString source = writeRepeated(local.dir.filePath(QStringLiteral("s.txt")), "s", 1);
        QCOMPARE(failure(platform.putObject(QStringLiteral("files"), QStringLiteral("../escape"), source)).kind,
                 PlatformError::Kind::Invalid);
        QCOMPARE(failure(platform.putObject(QStringLiteral("files"), QStringLiteral("k"),
                                            local.dir.filePath(QStringLiteral("absent"))))
                     .kind,
                 PlatformError::Kind::Invalid);
        QCOMPARE(failure(platform.putObject(QStringLiteral("nope"), QStringLiteral("k"), source)).kind,
                 PlatformError::Kind::NotFound);
        QCOMPARE(failure(platform.getObject(QStringLiteral("files"), QStringLiteral("absent"),
                                            local.dir.filePath(QStringLiteral("t"))))
                     .kind,
                 PlatformError::Kind::NotFound);
        QVERIFY(!QFile::exists(local.dir.filePath(QStringLiteral("t"))));
    }

    void aCancelledUploadLeavesNoObjectAndNoFile()
    {
        LocalFixture local;
        Platform &platform = *local.platform;
        QVERIFY(wait(platform.createBucket(QStringLiteral("files"))).ok());
        const QString source =
            writeRepeated(local.dir.filePath(QStringLiteral("big.bin")), QByteArray(1024 * 1024, 'b'),
                          96); // under the 100 MB default
        QFuture<Result<ObjectInfo>> put =
            platform.putObject(QStringLiteral("files"), QStringLiteral("big.bin"), source);
        // Cancelled once the first chunks are written, so the upload is under way.
        QFutureWatcher<Result<ObjectInfo>> watcher;
        connect(&watcher, &QFutureWatcherBase::progressValueChanged, this, [&put](int value) {
            if (value > 0)
                put.cancel();
        });
        watcher.setFuture(put);
        QTRY_VERIFY_WITH_TIMEOUT(put.isFinished(), 30000);
        QVERIFY(put.isCanceled());
        QCOMPARE(failure(platform.headObject(QStringLiteral("files"), QStringLiteral("big.bin"))).kind,
                 PlatformError::Kind::NotFound);
        const QString bucketFolder = local.engine->config().dataDir + QStringLiteral("/buckets/guest/files");
        QTRY_COMPARE(filesBelow(bucketFolder), QStringList());
    }
};

QTEST_MAIN(TestLocalObjects)
#include "TestLocalObjects.moc"
