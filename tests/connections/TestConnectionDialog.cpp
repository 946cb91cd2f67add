// The connection dialog and the toolbar switcher, driven with keys and clicks against a real
// `funcdeskd serve`: add a connection, see the inline checks, the certificate warning and the
// server's answer to "Test connection"; switch to it and see it go offline when the server stops.
// Renders both to PNG in the build folder for a look.

#include "support/FuncdeskdProcess.h"

#include "models/connections/ConnectionManager.h"
#include "models/connections/ConnectionStore.h"
#include "ui/connections/ConnectionDialog.h"
#include "ui/connections/ConnectionSwitcher.h"
#include "ui/connections/InlineMessage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

template <typename T> T *child(QWidget *parent, const char *name)
{
    auto *found = parent->findChild<T *>(QLatin1StringView(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

void saveShot(QWidget *widget, const QString &name)
{
    QDir().mkpath(QStringLiteral(SCREENSHOT_DIR));
    // Let pending layout requests run: a grab right after a change shows the old geometry.
    QTest::qWait(50);
    const QString path = QStringLiteral(SCREENSHOT_DIR "/") + name + QStringLiteral(".png");
    QVERIFY(widget->grab().save(path));
}

} // namespace

class TestConnectionDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_serverData;
    std::unique_ptr<FuncdeskdProcess> m_server;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConnectionStore> m_store;
    std::unique_ptr<ConnectionManager> m_manager;
    QString m_key;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<FuncdeskdProcess>(m_serverData.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->errorText()));
        m_key = m_server->guestKey();
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("funcdesk.ini")), QSettings::IniFormat);
        m_store = std::make_unique<ConnectionStore>(m_settings.get());
        m_manager = std::make_unique<ConnectionManager>(m_store.get());
    }

    void cleanupTestCase()
    {
        m_manager.reset();
        m_store.reset();
        m_server.reset();
    }

    void addAConnectionWithKeysAndClicks()
    {
        ConnectionDialog dialog(m_store.get(), m_manager.get());
        dialog.resize(760, 520);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        auto *ok = child<QPushButton>(&dialog, "okButton");
        auto *name = child<QLineEdit>(&dialog, "nameEdit");
        auto *host = child<QLineEdit>(&dialog, "apiHostEdit");
        auto *key = child<QLineEdit>(&dialog, "keyEdit");
        auto *ignore = child<QCheckBox>(&dialog, "ignoreCertificatesCheck");
        auto *warning = child<InlineMessage>(&dialog, "certificateWarning");
        auto *nameError = child<InlineMessage>(&dialog, "nameError");
        auto *hostError = child<InlineMessage>(&dialog, "apiHostError");
        auto *answer = child<InlineMessage>(&dialog, "testAnswer");
        QVERIFY(ok && name && host && key && ignore && warning && nameError && hostError && answer);

        // Local is shown first and cannot be edited or removed.
        QVERIFY(name->isReadOnly());
        QVERIFY(!child<QPushButton>(&dialog, "removeButton")->isEnabled());

        QTest::mouseClick(child<QPushButton>(&dialog, "addButton"), Qt::LeftButton);
        QVERIFY(name->hasFocus());
        QVERIFY(!name->isReadOnly());
        QVERIFY(!ok->isEnabled());
        QVERIFY(key->echoMode() == QLineEdit::Password);

        // Inline checks: a name typed and erased, a URL with a scheme the client cannot use.
        QTest::keyClicks(name, QStringLiteral("X"));
        QTest::keyClick(name, Qt::Key_Backspace);
        QVERIFY(nameError->isVisible());
        QCOMPARE(nameError->text(), QStringLiteral("Enter a name for the connection."));
        QTest::keyClicks(name, QStringLiteral("Test server"));
        QVERIFY(!nameError->isVisible());
        QTest::keyClicks(host, QStringLiteral("ftp://example.com"));
        QVERIFY(hostError->isVisible());
        QVERIFY(!ok->isEnabled());
        host->clear();
        QTest::keyClicks(host, m_server->apiHost());
        QVERIFY(!hostError->isVisible());
        QVERIFY(ok->isEnabled());

        // The certificate warning shows while the box is ticked.
        QVERIFY(!warning->isVisible());
        ignore->setFocus();
        QTest::keyClick(ignore, Qt::Key_Space);
        QVERIFY(ignore->isChecked());
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QStringLiteral("Certificate errors are ignored")));
        saveShot(&dialog, QStringLiteral("connection-dialog-warning"));
        QTest::keyClick(ignore, Qt::Key_Space);
        QVERIFY(!warning->isVisible());

        // Test connection without a key, with a wrong one, with the right one.
        auto *test = child<QPushButton>(&dialog, "testButton");
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY(answer->text().contains(QStringLiteral("no auth key")));
        QTest::keyClicks(key, QStringLiteral("nobody:nothing"));
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(answer->text().startsWith(QStringLiteral("The server refused the key")), 15000);
        QCOMPARE(answer->kind(), InlineMessage::Kind::Error);
        key->clear();
        QTest::keyClicks(key, m_key);
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(answer->text().startsWith(QStringLiteral("Connected: ")), 15000);
        QCOMPARE(answer->kind(), InlineMessage::Kind::Success);
        QVERIFY(answer->text().contains(QStringLiteral("namespace guest")));
        saveShot(&dialog, QStringLiteral("connection-dialog-tested"));

        // The list is locked while there are unsaved edits.
        QVERIFY(!child<QListView>(&dialog, "connectionList")->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const auto profiles = m_store->profiles();
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles.last().name, QStringLiteral("Test server"));
        QCOMPARE(profiles.last().apiHost, m_server->apiHost());
        QCOMPARE(m_store->cachedKey(profiles.last().id), m_key);
        // OK on a connection just added switches to it; the switcher's steps start from Local.
        QCOMPARE(m_manager->currentProfile().id, profiles.last().id);
        QVERIFY(m_manager->setCurrent(ConnectionProfile::localId()));
        QFile file(m_settings->fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("Test server"));
        QVERIFY(!bytes.contains(m_key.section(QLatin1Char(':'), 1).toUtf8()));
    }

    void editingNeverShowsTheStoredKey()
    {
        const QString id = m_store->profiles().last().id;
        ConnectionDialog dialog(m_store.get(), m_manager.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.showProfile(id);
        auto *key = child<QLineEdit>(&dialog, "keyEdit");
        auto *keep = child<QCheckBox>(&dialog, "keepKeyCheck");
        QVERIFY(keep->isVisible() && keep->isChecked());
        QVERIFY(key->text().isEmpty());
        QVERIFY(!key->isEnabled());
        // Keychain state is visible where the key is typed.
        auto *note = child<InlineMessage>(&dialog, "keychainNote");
        QTRY_VERIFY(m_store->keychainChecked());
        QCOMPARE(note->isVisible(), !m_store->keychainAvailable());
        if (!m_store->keychainAvailable())
            QCOMPARE(note->text(), m_store->keychainExplanation());

        // "Test connection" with the kept key uses the stored one.
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        auto *answer = child<InlineMessage>(&dialog, "testAnswer");
        QTRY_VERIFY_WITH_TIMEOUT(answer->text().startsWith(QStringLiteral("Connected: ")), 15000);

        // Renaming keeps the key; Apply saves and the list unlocks.
        auto *name = child<QLineEdit>(&dialog, "nameEdit");
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Renamed server"));
        auto *apply = child<QPushButton>(&dialog, "applyButton");
        QVERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(m_store->profile(id)->name, QStringLiteral("Renamed server"));
        QCOMPARE(m_store->cachedKey(id), m_key);
        QVERIFY(child<QListView>(&dialog, "connectionList")->isEnabled());
        QVERIFY(!apply->isEnabled());
        saveShot(&dialog, QStringLiteral("connection-dialog-edit"));

        // 1366×768 at 200 % scale leaves 683×384 points: the form scrolls, the buttons stay.
        dialog.resize(683, 384);
        saveShot(&dialog, QStringLiteral("connection-dialog-683x384"));
        QVERIFY(child<QPushButton>(&dialog, "okButton")->geometry().bottom() < dialog.height());
    }

    void switcherShowsTheCurrentConnectionAndItsState()
    {
        const QString id = m_store->profiles().last().id;
        // In a toolbar, as the main window has it.
        QMainWindow window;
        auto *switcher = new ConnectionSwitcher(m_store.get(), m_manager.get(), &window);
        window.addToolBar(QStringLiteral("Connection"))->addWidget(switcher);
        window.setCentralWidget(new QWidget(&window));
        window.resize(760, 60);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *combo = child<QComboBox>(switcher, "connectionCombo");
        auto *status = child<QLabel>(switcher, "connectionStatus");
        QCOMPARE(combo->currentText(), QStringLiteral("Local"));

        // Keyboard: focus the combo and pick the next connection.
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(m_manager->currentProfile().id, id);
        QCOMPARE(combo->currentText(), QStringLiteral("Renamed server"));
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Online"), 15000);
        saveShot(&window, QStringLiteral("connection-switcher-online"));

        m_server->stop();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Offline: ")), 15000);
        QVERIFY(status->toolTip().size() >= status->text().size() - 1);
        saveShot(&window, QStringLiteral("connection-switcher-offline"));

        // Removing the current connection from the dialog falls back to Local.
        QTimer::singleShot(0, this, [] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmRemoveButton")), Qt::LeftButton);
        });
        switcher->manageAction()->trigger();
        auto *dialog = window.findChild<ConnectionDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QTest::mouseClick(child<QPushButton>(dialog, "removeButton"), Qt::LeftButton);
        QCOMPARE(m_store->profiles().size(), 1);
        QCOMPARE(m_manager->currentProfile().id, QStringLiteral("local"));
        QCOMPARE(combo->currentText(), QStringLiteral("Local"));
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "TestConnectionDialog.moc"
