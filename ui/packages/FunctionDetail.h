#pragma once

#include "core/Platform.h"

#include <QPointer>
#include <QStackedWidget>

namespace funcdesk {

class PackagePanel;

// The right-hand side of the main window: the function's tabs, or, while a package's row is the
// current one in the list, that package's panel (built the first time one is).
class FunctionDetail : public QStackedWidget
{
    Q_OBJECT

public:
    FunctionDetail(QWidget *functionTabs, QWidget *parent = nullptr);

    // The panel of package `name` on `platform`; "" brings the function's tabs back.
    void showPackage(Platform *platform, const QString &name);
    PackagePanel *packagePanel() const { return m_panel; }

Q_SIGNALS:
    void packageApplied(const funcdesk::Package &package);
    void statusMessage(const QString &message);

private:
    QWidget *m_tabs;
    PackagePanel *m_panel = nullptr;
};

} // namespace funcdesk
