#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;

namespace funcdesk {

class ComponentCatalog;
class Platform;
class SequenceComponentModel;

// Edits a sequence's components: a searchable list of the actions it can use (the namespace's
// and /whisk.system/utils'), the chosen components in order — added with Add, a double click,
// Enter (the selected action, else the search's first match) or a drag; reordered by drag,
// Alt+Up / Alt+Down or the buttons; removed with Remove or Delete — and the data flow from the
// input through each step (with its runtime) to the result. Used by New function ▸ Sequence and,
// for an opened sequence, in the Code tab.
class SequenceEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SequenceEditor(QWidget *parent = nullptr);

    // Reads what the platform offers (again); the namespace names are shown relative to.
    void setPlatform(Platform *platform);
    void setComponents(const QStringList &components);
    // Fully qualified, in order.
    QStringList components() const;
    // Why the components cannot be stored as they are ("" when they can).
    QString problem() const;
    QString dataFlowText() const;
    SequenceComponentModel *model() const { return m_model; }

Q_SIGNALS:
    // The user changed the components or their order.
    void componentsEdited();

private:
    void addChosen();
    void moveCurrent(int delta);
    void removeCurrent();
    void updateState();
    bool eventFilter(QObject *watched, QEvent *event) override;

    ComponentCatalog *m_catalog;
    QSortFilterProxyModel *m_filtered;
    SequenceComponentModel *m_model;
    QLineEdit *m_search;
    QListView *m_available;
    QListView *m_components;
    QPushButton *m_add;
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_remove;
    QLabel *m_catalogNote;
    QLabel *m_flow;
};

} // namespace funcdesk
