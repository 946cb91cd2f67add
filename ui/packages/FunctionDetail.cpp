#include "ui/packages/FunctionDetail.h"

#include "ui/packages/PackagePanel.h"

namespace funcdesk {

FunctionDetail::FunctionDetail(QWidget *functionTabs, QWidget *parent) : QStackedWidget(parent), m_tabs(functionTabs)
{
    setObjectName(QStringLiteral("functionDetail"));
    addWidget(m_tabs);
}

void FunctionDetail::showPackage(Platform *platform, const QString &name)
{
    if (name.isEmpty()) {
        setCurrentWidget(m_tabs);
        return;
    }
    if (!m_panel) {
        m_panel = new PackagePanel(this);
        addWidget(m_panel);
        connect(m_panel, &PackagePanel::applied, this, &FunctionDetail::packageApplied);
        connect(m_panel, &PackagePanel::statusMessage, this, &FunctionDetail::statusMessage);
    }
    m_panel->setContext(platform, name);
    setCurrentWidget(m_panel);
}

} // namespace funcdesk
