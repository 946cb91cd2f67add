#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QTabWidget;
class QWidget;

namespace funcdesk {

// A tab whose page is built the first time it is needed, so that the first window does not wait
// for views nobody has opened yet. Until then a bare placeholder holds the tab's place; create()
// (called when the tab becomes current, or by whoever needs the page) builds the page with the
// factory and puts it in the placeholder's place, with the same text, tool tip and current state.
// The tab widget owns this object: it goes with the tabs (MainWindow::rebuild).
class LazyTab : public QObject
{
    Q_OBJECT

public:
    using Factory = std::function<QWidget *()>;

    // Adds the placeholder tab at the end of `tabs`. Connect to the tabs' currentChanged after
    // this: the page is then already in place when the other slots run.
    LazyTab(QTabWidget *tabs, const QString &text, Factory factory);

    // Builds the page now when it is not built yet; returns it.
    QWidget *create();
    // The page, or nullptr while the tab has not been built.
    QWidget *page() const { return m_page; }

private:
    QTabWidget *m_tabs;
    Factory m_factory;
    QPointer<QWidget> m_placeholder;
    QPointer<QWidget> m_page;
};

} // namespace funcdesk
