#pragma once

#include "core/PriceList.h"

#include <QDialog>

class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;

class QLineEdit;
class QSpinBox;

namespace funcdesk {

class ErrorLabel;

// Edits the Custom price list: prices per million requests, per GB-second, per vCPU-second and
// per disk GB-second, the billing granularity and minimum, and the monthly free tier. OK is
// refused (with the reason under the fields) while the list is not valid.
class CustomPricesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CustomPricesDialog(const PriceList &prices, QWidget *parent = nullptr);

    // The list as edited (id "custom").
    PriceList priceList() const;

    void accept() override;

private:
    PriceList m_base;
    QLineEdit *m_region;
    QLineEdit *m_currency;
    QDoubleSpinBox *m_perMillionRequests;
    QDoubleSpinBox *m_perGbSecond;
    QDoubleSpinBox *m_perVcpuSecond;
    QDoubleSpinBox *m_perDiskGbSecond;
    QSpinBox *m_granularity;
    QSpinBox *m_minimum;
    QDoubleSpinBox *m_freeRequests;
    QDoubleSpinBox *m_freeGbSeconds;
    ErrorLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace funcdesk
