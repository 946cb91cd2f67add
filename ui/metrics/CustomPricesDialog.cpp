#include "ui/metrics/CustomPricesDialog.h"

#include "models/metrics/PriceListSettings.h"
#include "ui/shell/ErrorLabel.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace funcdesk {

namespace {
QDoubleSpinBox *priceField(QWidget *parent, const char *name, double value, int decimals)
{
    auto *field = new QDoubleSpinBox(parent);
    field->setObjectName(QLatin1StringView(name));
    field->setDecimals(decimals);
    field->setRange(0.0, 1e12);
    field->setValue(value);
    return field;
}

QSpinBox *msField(QWidget *parent, const char *name, qint64 value)
{
    auto *field = new QSpinBox(parent);
    field->setObjectName(QLatin1StringView(name));
    field->setRange(0, int(PriceListSettings::kMaxBillingStepMs));
    field->setSuffix(QStringLiteral(" ms"));
    field->setValue(int(value));
    return field;
}
} // namespace

CustomPricesDialog::CustomPricesDialog(const PriceList &prices, QWidget *parent) : QDialog(parent), m_base(prices)
{
    setObjectName(QStringLiteral("customPricesDialog"));
    setWindowTitle(tr("Custom prices"));
    m_region = new QLineEdit(prices.region, this);
    m_region->setObjectName(QStringLiteral("customRegion"));
    m_currency = new QLineEdit(prices.currency, this);
    m_currency->setObjectName(QStringLiteral("customCurrency"));
    m_perMillionRequests = priceField(this, "perMillionRequests", prices.pricePerRequest * 1e6, 4);
    m_perGbSecond = priceField(this, "perGbSecond", prices.pricePerGbSecond, 10);
    m_perVcpuSecond = priceField(this, "perVcpuSecond", prices.pricePerVcpuSecond, 10);
    m_perDiskGbSecond = priceField(this, "perDiskGbSecond", prices.pricePerDiskGbSecond, 10);
    m_granularity = msField(this, "granularity", prices.granularityMs);
    m_minimum = msField(this, "minimum", prices.minimumMs);
    m_freeRequests = priceField(this, "freeRequests", prices.freeTier.requests, 0);
    m_freeGbSeconds = priceField(this, "freeGbSeconds", prices.freeTier.gbSeconds, 0);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("customPricesError"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout;
    form->addRow(tr("Region:"), m_region);
    form->addRow(tr("Currency:"), m_currency);
    form->addRow(tr("Per million requests:"), m_perMillionRequests);
    form->addRow(tr("Per GB-second:"), m_perGbSecond);
    form->addRow(tr("Per vCPU-second:"), m_perVcpuSecond);
    form->addRow(tr("Per disk GB-second:"), m_perDiskGbSecond);
    form->addRow(tr("Billing granularity:"), m_granularity);
    form->addRow(tr("Minimum billed:"), m_minimum);
    form->addRow(tr("Free requests a month:"), m_freeRequests);
    form->addRow(tr("Free GB-seconds a month:"), m_freeGbSeconds);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    m_error->hide();
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CustomPricesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

PriceList CustomPricesDialog::priceList() const
{
    PriceList prices = m_base;
    prices.id = PriceList::customId();
    prices.region = m_region->text().trimmed();
    prices.currency = m_currency->text().trimmed();
    prices.pricePerRequest = m_perMillionRequests->value() / 1e6;
    prices.pricePerGbSecond = m_perGbSecond->value();
    prices.pricePerVcpuSecond = m_perVcpuSecond->value();
    prices.pricePerDiskGbSecond = m_perDiskGbSecond->value();
    prices.granularityMs = m_granularity->value();
    prices.minimumMs = m_minimum->value();
    prices.freeTier.requests = m_freeRequests->value();
    prices.freeTier.gbSeconds = m_freeGbSeconds->value();
    return prices;
}

void CustomPricesDialog::accept()
{
    const QString problem = PriceListSettings::validate(priceList());
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->setError(true);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace funcdesk
