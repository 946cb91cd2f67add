#pragma once

// Driving the Connections dialog as a user does, for the GUI tests.

#include "WidgetDriving.h"

#include "ui/connections/ConnectionDialog.h"
#include "ui/shell/MainWindow.h"

#include <QAction>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

namespace funcdesk::test {

// The connection dialog, opened as the user does: Connection ▸ Manage Connections….
inline ConnectionDialog *openConnectionDialog(MainWindow &window)
{
    auto *manage = window.findChild<QAction *>(QStringLiteral("manageConnectionsAction"));
    if (!manage)
        return nullptr;
    manage->trigger();
    auto *dialog = window.findChild<ConnectionDialog *>();
    if (!dialog || !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

// Add, then a new connection typed into the form (a server where nothing listens); returns OK.
inline QPushButton *typeNewConnection(ConnectionDialog *dialog, const QString &name)
{
    QTest::mouseClick(child<QPushButton>(dialog, "addButton"), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(dialog, "nameEdit"), name);
    QTest::keyClicks(child<QLineEdit>(dialog, "apiHostEdit"), QStringLiteral("http://127.0.0.1:9"));
    QTest::keyClicks(child<QLineEdit>(dialog, "keyEdit"), QStringLiteral("uuid:key"));
    return child<QPushButton>(dialog, "okButton");
}

} // namespace funcdesk::test
