// The bucket browser's model over a real local platform: buckets, folders folded at '/', the
// breadcrumb, uploads with progress, a cancelled upload that leaves no object, downloads,
// deletes, sizes in the locale's units, and a connection without object storage.
// QAbstractItemModelTester watches the model in every test.

#include "models/objects/ObjectBrowserModel.h"
#include "models/objects/ObjectTransfer.h"
#include "platforms/openwhisk/OpenWhiskPlatform.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

// Under a loaded machine (ctest -j2 with sandboxed stem cells starting), the platform can take
// longer than QTRY's default 5 s to answer; a passing check still returns at once.
constexpr int kSettleMs = 20000;

class TestObjectBrowserModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFixture> local;
    std::unique_ptr<ObjectBrowserModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = local->dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    void putObject(const QString &key, const QByteArray &content)
    {
        take(local->platform->putObject(QStringLiteral("data"), key, writeFile(QStringLiteral("source"), content)));
    }
    QStringList names() const
    {
        QStringList out;
        for (int row = 0; row < model->rowCount(); ++row)
            out.append(model->index(row, ObjectBrowserModel::NameColumn).data().toString());
        return out;
    }
    void waitLoaded() { QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 20000); }

private Q_SLOTS:
    void init()
    {
        local = std::make_unique<LocalFixture>();
        model = std::make_unique<ObjectBrowserModel>();
        tester = std::make_unique<QAbstractItemModelTester>(model.get(),
                                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        tester.reset();
        model.reset();
        local.reset();
    }

    void listsBucketsAndOpensTheFirst()
    {
        take(local->platform->createBucket(QStringLiteral("data")));
        take(local->platform->createBucket(QStringLiteral("archive")));
        model->setPlatform(local->platform.get());
        QTRY_COMPARE_WITH_TIMEOUT(model->buckets(), (QStringList{QStringLiteral("archive"), QStringLiteral("data")}),
                                  kSettleMs);
        QCOMPARE(model->bucket(), QStringLiteral("archive"));
        QVERIFY(model->isAvailable());
        QCOMPARE(model->errorText(), QString());
    }

    void foldersFoldAtSlashAndTheBreadcrumbLeadsBack()
    {
        take(local->platform->createBucket(QStringLiteral("data")));
        putObject(QStringLiteral("logs/2026/a.txt"), "a");
        putObject(QStringLiteral("logs/b.txt"), "bb");
        putObject(QStringLiteral("top.txt"), "ccc");
        model->setPlatform(local->platform.get());
        QTRY_COMPARE_WITH_TIMEOUT(names(), (QStringList{QStringLiteral("logs/"), QStringLiteral("top.txt")}),
                                  kSettleMs);
        QVERIFY(model->index(0, 0).data(ObjectBrowserModel::IsFolderRole).toBool());
        QCOMPARE(model->index(0, ObjectBrowserModel::SizeColumn).data().toString(), QString());
        QCOMPARE(model->index(1, ObjectBrowserModel::SizeColumn).data().toString(), QLocale().formattedDataSize(3));

        QVERIFY(!model->enter(1)); // an object, not a folder
        QVERIFY(model->enter(0));
        waitLoaded();
        QCOMPARE(model->prefix(), QStringLiteral("logs/"));
        QCOMPARE(names(), (QStringList{QStringLiteral("2026/"), QStringLiteral("b.txt")}));
        QCOMPARE(model->index(1, 0).data(ObjectBrowserModel::KeyRole).toString(), QStringLiteral("logs/b.txt"));
        QVERIFY(model->enter(0));
        waitLoaded();
        QCOMPARE(model->breadcrumb(), (QStringList{QString(), QStringLiteral("logs/"), QStringLiteral("logs/2026/")}));
        QCOMPARE(names(), QStringList{QStringLiteral("a.txt")});

        model->up();
        waitLoaded();
        QCOMPARE(model->prefix(), QStringLiteral("logs/"));
        model->setPrefix({});
        waitLoaded();
        QCOMPARE(names(), (QStringList{QStringLiteral("logs/"), QStringLiteral("top.txt")}));
    }

    void uploadListsTheFileDownloadGivesItBackDeleteRemovesIt()
    {
        take(local->platform->createBucket(QStringLiteral("data")));
        model->setPlatform(local->platform.get());
        QTRY_COMPARE_WITH_TIMEOUT(model->bucket(), QStringLiteral("data"), kSettleMs);
        model->setPrefix(QStringLiteral("in/"));
        waitLoaded();

        const QByteArray content(300 * 1024, 'x');
        QSignalSpy finished(model->transfer(), &ObjectTransfer::jobFinished);
        QSignalSpy running(model->transfer(), &ObjectTransfer::runningChanged);
        model->upload({writeFile(QStringLiteral("report.csv"), content)});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QVERIFY2(finished[0][1].toBool(), qPrintable(finished[0][2].toString()));
        QCOMPARE(running.size(), 2); // on, then off
        QTRY_COMPARE_WITH_TIMEOUT(names(), QStringList{QStringLiteral("report.csv")}, kSettleMs);
        QCOMPARE(take(local->platform->headObject(QStringLiteral("data"), QStringLiteral("in/report.csv"))).size,
                 content.size());

        const QString target = local->dir.filePath(QStringLiteral("downloaded.csv"));
        model->download(QStringLiteral("in/report.csv"), target);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QVERIFY2(finished[1][1].toBool(), qPrintable(finished[1][2].toString()));
        QFile downloaded(target);
        QVERIFY(downloaded.open(QIODevice::ReadOnly));
        QCOMPARE(downloaded.readAll(), content);

        model->deleteObject(QStringLiteral("in/report.csv"));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, kSettleMs);
        QCOMPARE(
            wait(local->platform->headObject(QStringLiteral("data"), QStringLiteral("in/report.csv"))).error().kind,
            PlatformError::Kind::NotFound);
    }

    void aCancelledUploadLeavesNoObject()
    {
        take(local->platform->createBucket(QStringLiteral("data")));
        model->setPlatform(local->platform.get());
        QTRY_COMPARE_WITH_TIMEOUT(model->bucket(), QStringLiteral("data"), kSettleMs);
        const QString big = writeFile(QStringLiteral("big.bin"), QByteArray(64 * 1024 * 1024, 'z'));
        QSignalSpy finished(model->transfer(), &ObjectTransfer::jobFinished);
        model->upload({big, big});
        QVERIFY(model->transfer()->isRunning());
        model->transfer()->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QVERIFY(!finished[0][1].toBool());
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1); // the second one was dropped
        QVERIFY(!model->transfer()->isRunning());
        QCOMPARE(wait(local->platform->headObject(QStringLiteral("data"), QStringLiteral("big.bin"))).error().kind,
                 PlatformError::Kind::NotFound);
    }

    void bucketsAreCreatedAndOnlyAnEmptyOneDeleted()
    {
        model->setPlatform(local->platform.get());
        model->createBucket(QStringLiteral("fresh"));
        QTRY_COMPARE_WITH_TIMEOUT(model->buckets(), QStringList{QStringLiteral("fresh")}, kSettleMs);
        QCOMPARE(model->bucket(), QStringLiteral("fresh"));
        take(local->platform->putObject(QStringLiteral("fresh"), QStringLiteral("k"),
                                        writeFile(QStringLiteral("k"), "1")));
        model->deleteBucket(QStringLiteral("fresh"));
        QTRY_VERIFY_WITH_TIMEOUT(!model->errorText().isEmpty(), kSettleMs); // not empty: refused, and said why
        QCOMPARE(model->buckets(), QStringList{QStringLiteral("fresh")});
    }

    void aConnectionWithoutObjectStorageSaysSo()
    {
        OpenWhiskConfig config;
        config.apiHost = QStringLiteral("http://127.0.0.1:9");
        config.auth = QStringLiteral("u:k");
        config.ns = QStringLiteral("guest");
        OpenWhiskPlatform remote(config);
        model->setPlatform(&remote);
        QVERIFY(!model->isAvailable());
        QVERIFY(model->errorText().contains(QStringLiteral("does not store objects")));
        QCOMPARE(model->rowCount(), 0);
        model->upload({QStringLiteral("/etc/hostname")});
        QVERIFY(!model->transfer()->isRunning());
        model->setPlatform(nullptr);
    }
};

QTEST_GUILESS_MAIN(TestObjectBrowserModel)
#include "TestObjectBrowserModel.moc"
