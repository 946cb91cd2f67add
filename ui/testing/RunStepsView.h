#pragma once

#include "models/testing/RunStep.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace funcdesk {

// A sequence's run, step by step: each component in the chain with its status, duration and
// result (the whole result in the row's tooltip); the step that stopped the chain is marked,
// those after it say "not run"; above them the summary ("2 of 3 steps ran; …, total = sum").
class RunStepsView : public QWidget
{
    Q_OBJECT

public:
    explicit RunStepsView(QWidget *parent = nullptr);

    void showSteps(const QList<RunStep> &steps, const QString &summary);
    void clear();

private:
    QLabel *m_summary;
    QTreeWidget *m_tree;
};

} // namespace funcdesk
