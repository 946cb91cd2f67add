#pragma once

#include "core/Platform.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace funcdesk {

class ErrorLabel;
class WiringGraph;
class WiringView;

// The wiring page: the wiring view with a search field (highlights every match, Enter goes to
// the next), zoom buttons, and a bar for the selected rule (enable or disable, delete).
class WiringPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WiringPanel(QWidget *parent = nullptr);

    void setPlatform(Platform *platform);
    WiringGraph *graph() const { return m_graph; }
    WiringView *view() const { return m_view; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void functionActivated(const QString &name);
    void triggerActivated(const QString &name);
    // The platform's rules changed from this panel.
    void rulesChanged();

private:
    void search(const QString &text);
    void nextMatch();
    void ruleSelected(const QString &rule);
    void toggleSelectedRule();
    void deleteSelectedRule();
    void showState();

    WiringGraph *m_graph;
    WiringView *m_view;
    QLineEdit *m_search;
    QLabel *m_matchCount;
    QWidget *m_ruleBar;
    QLabel *m_ruleLabel;
    QPushButton *m_toggleRule;
    QPushButton *m_deleteRule;
    ErrorLabel *m_status;
    QList<int> m_matches;
    int m_currentMatch = -1;
};

} // namespace funcdesk
