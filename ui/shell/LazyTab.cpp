#include "ui/shell/LazyTab.h"

#include <QSignalBlocker>
#include <QTabWidget>

namespace funcdesk {

LazyTab::LazyTab(QTabWidget *tabs, const QString &text, Factory factory)
    : QObject(tabs), m_tabs(tabs), m_factory(std::move(factory)), m_placeholder(new QWidget(tabs))
{
    m_placeholder->setObjectName(QStringLiteral("lazyTabPlaceholder"));
    m_tabs->addTab(m_placeholder, text);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_placeholder && m_tabs->widget(index) == m_placeholder)
            create();
    });
}

QWidget *LazyTab::create()
{
    if (m_page || !m_placeholder)
        return m_page;
    QWidget *page = m_factory();
    m_page = page;
    const int index = m_tabs->indexOf(m_placeholder);
    // The swap is not a change of tab for the rest of the window: no currentChanged.
    const QSignalBlocker quiet(m_tabs);
    const bool current = m_tabs->currentIndex() == index;
    m_tabs->insertTab(index, page, m_tabs->tabIcon(index), m_tabs->tabText(index));
    m_tabs->setTabToolTip(index, m_tabs->tabToolTip(index + 1));
    if (current)
        m_tabs->setCurrentIndex(index);
    m_tabs->removeTab(index + 1);
    m_placeholder->deleteLater();
    m_placeholder = nullptr;
    return m_page;
}

} // namespace funcdesk
