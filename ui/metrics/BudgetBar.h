#pragma once

#include "core/PriceList.h"

#include <QWidget>

class QLabel;

namespace funcdesk {

// The month's cost against the budget: a bar for the cost to date, a lighter one reaching the
// projection at month end, a line at the budget, and the same figures as text.
class BudgetBar : public QWidget
{
    Q_OBJECT

public:
    explicit BudgetBar(QWidget *parent = nullptr);

    // budget 0 = none.
    void setMonth(const MonthCost &month, double budget, const QString &currency);
    QString text() const;
    bool isOverBudget() const { return m_budget > 0.0 && m_month.projected > m_budget; }

protected:
    void paintEvent(QPaintEvent *event) override;
    QSize sizeHint() const override;

private:
    MonthCost m_month;
    double m_budget = 0.0;
    QString m_currency = QStringLiteral("USD");
    QLabel *m_text;
};

} // namespace funcdesk
