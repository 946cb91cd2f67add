// The bucket browser in the whole console on a real local platform: files dropped on it are
// uploaded into the open folder and listed, Download saves the selected object to the file
// chosen in the save dialog, Delete asks and removes it, and New bucket creates one.

#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "models/objects/ObjectBrowserModel.h"
#include "ui/objects/BucketBrowser.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUrl>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

QString writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Drops `files` on `target` as a file manager does.
void dropFiles(QWidget *target, const QStringList &files)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &file : files)
        urls.append(QUrl::fromLocalFile(file));
    mime.setUrls(urls);
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        qFatal("the drop was refused");
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
}

int rowOf(ObjectBrowserModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, ObjectBrowserModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

} // namespace

class TestBucketBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dropUploadThenDownloadAndDelete()
    {
        test::Console console;
        QVERIFY(console.start());
        take(console.local->createBucket(QStringLiteral("photos")));
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        BucketBrowser *browser = window.bucketBrowser();
        window.viewTabs()->setCurrentWidget(browser);
        ObjectBrowserModel *model = browser->model();
        QTRY_COMPARE(model->bucket(), QStringLiteral("photos"));

        const QByteArray content(200 * 1024, 'p');
        dropFiles(browser, {writeFile(console.dir.filePath(QStringLiteral("cat.jpg")), content)});
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(model, QStringLiteral("cat.jpg")) >= 0, 20000);
        QCOMPARE(take(console.local->headObject(QStringLiteral("photos"), QStringLiteral("cat.jpg"))).size,
                 content.size());

        QTableView *table = browser->table();
        table->selectRow(rowOf(model, QStringLiteral("cat.jpg")));
        const QString target = console.dir.filePath(QStringLiteral("saved.jpg"));
        whenDialogOpens([target](QWidget *dialog) {
            auto *files = qobject_cast<QFileDialog *>(dialog);
            if (!files)
                qFatal("expected the save dialog");
            // Typed as a user would: the full path into the file name field, then Enter.
            auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            if (!name)
                qFatal("the save dialog has no file name field");
            name->setText(target);
            QTest::keyClick(name, Qt::Key_Return);
        });
        QTest::mouseClick(child<QPushButton>(&window, "downloadObject"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(target) && QFileInfo(target).size() == content.size(), 20000);

        table->selectRow(rowOf(model, QStringLiteral("cat.jpg")));
        whenDialogOpens([](QWidget *dialog) {
            QTest::mouseClick(qobject_cast<QMessageBox *>(dialog)->button(QMessageBox::Yes), Qt::LeftButton);
        });
        QTest::mouseClick(child<QPushButton>(&window, "deleteObject"), Qt::LeftButton);
        QTRY_COMPARE(rowOf(model, QStringLiteral("cat.jpg")), -1);
        QCOMPARE(wait(console.local->headObject(QStringLiteral("photos"), QStringLiteral("cat.jpg"))).error().kind,
                 PlatformError::Kind::NotFound);
    }

    // The "on every upload of a .csv into a bucket", from the console: files dropped on the
    // browser are stored, and the storage trigger runs its function for the .csv only.
    void aCsvDroppedOnTheBrowserRunsTheFunctionOfItsTrigger()
    {
        test::Console console;
        QVERIFY(console.start());
        Platform &platform = *console.local;
        Action ingest;
        ingest.exec = Exec::withCode(QStringLiteral("nodejs:default"),
                                     QStringLiteral("function main(p) { return {got: p.key, event: p.event}; }"));
        take(platform.putAction(QStringLiteral("ingest"), ingest, {}));
        take(platform.createBucket(QStringLiteral("data")));
        take(platform.createFeedTrigger(
            QStringLiteral("csv-uploads"), {}, QStringLiteral("/whisk.system/storage/changes"),
            {{QStringLiteral("bucket"), QStringLiteral("data")}, {QStringLiteral("suffix"), QStringLiteral(".csv")}}));
        auto rule = Rule::fromJson({{QStringLiteral("trigger"), QStringLiteral("/_/csv-uploads")},
                                    {QStringLiteral("action"), QStringLiteral("/_/ingest")}});
        QVERIFY(rule);
        take(platform.putRule(QStringLiteral("csv-ingest"), rule.value(), {}));

        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        BucketBrowser *browser = window.bucketBrowser();
        window.viewTabs()->setCurrentWidget(browser);
        ObjectBrowserModel *model = browser->model();
        QTRY_COMPARE(model->bucket(), QStringLiteral("data"));
        dropFiles(browser, {writeFile(console.dir.filePath(QStringLiteral("orders.csv")), "id,item\n1,paper\n"),
                            writeFile(console.dir.filePath(QStringLiteral("notes.txt")), "not a csv\n")});
        QTRY_VERIFY_WITH_TIMEOUT(
            rowOf(model, QStringLiteral("orders.csv")) >= 0 && rowOf(model, QStringLiteral("notes.txt")) >= 0, 20000);

        ActivationQuery query;
        query.name = QStringLiteral("ingest");
        query.docs = true;
        QList<Activation> runs;
        QTRY_VERIFY_WITH_TIMEOUT((runs = take(platform.listActivations(query))).size() >= 1, 30000);
        QTest::qWait(1000); // a fire for notes.txt would have arrived by now
        runs = take(platform.listActivations(query));
        QCOMPARE(runs.size(), 1);
        const QJsonObject result = runs.first().response.value().result.toObject();
        QCOMPARE(result.value(QStringLiteral("got")).toString(), QStringLiteral("orders.csv"));
        QCOMPARE(result.value(QStringLiteral("event")).toString(), QStringLiteral("put"));
    }

    void newBucketIsCreatedAndChosen()
    {
        test::Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        window.viewTabs()->setCurrentWidget(window.bucketBrowser());
        whenDialogOpens([](QWidget *dialog) {
            auto *input = qobject_cast<QInputDialog *>(dialog);
            if (!input)
                qFatal("expected the name dialog");
            input->setTextValue(QStringLiteral("invoices"));
            input->accept();
        });
        QTest::mouseClick(child<QPushButton>(&window, "newBucket"), Qt::LeftButton);
        QTRY_COMPARE(child<QComboBox>(&window, "bucketList")->currentText(), QStringLiteral("invoices"));
        QCOMPARE(take(console.local->listBuckets()).size(), 1);
    }
};

QTEST_MAIN(TestBucketBrowser)
#include "TestBucketBrowser.moc"
