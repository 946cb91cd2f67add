#include "models/metrics/PriceListSettings.h"

#include "models/settings/ConsoleSettings.h"

#include <cmath>

namespace funcdesk {

namespace {

const QString &defaultListId()
{
    static const QString id = QStringLiteral("aws-lambda-x86");
    return id;
}

QString connectionKey(const QString &connectionId, QLatin1StringView name)
{
    return QStringLiteral("pricing/connections/") + QString::fromLatin1(connectionId.toUtf8().toPercentEncoding()) +
           QLatin1Char('/') + name;
}

Setting<QString> listSetting(const QString &connectionId)
{
    return Setting<QString>(connectionKey(connectionId, QLatin1StringView("priceList")), defaultListId());
}

Setting<double> budgetSetting(const QString &connectionId)
{
    return Setting<double>(connectionKey(connectionId, QLatin1StringView("budget")), 0.0);
}

// The Custom list's figures, one key each, with the shipped Custom list's figures as defaults.
struct CustomKeys
{
    Setting<QString> currency;
    Setting<double> pricePerRequest;
    Setting<double> pricePerGbSecond;
    Setting<double> pricePerVcpuSecond;
    Setting<double> pricePerDiskGbSecond;
    Setting<qint64> freeDiskMb;
    Setting<qint64> granularityMs;
    Setting<qint64> minimumMs;
    Setting<double> freeRequests;
    Setting<double> freeGbSeconds;
    Setting<double> freeVcpuSeconds;
};

const CustomKeys &customKeys()
{
    static const PriceList d = PriceList::byId(PriceList::customId());
    static const CustomKeys keys{
        {QStringLiteral("pricing/custom/currency"), d.currency},
        {QStringLiteral("pricing/custom/pricePerRequest"), d.pricePerRequest},
        {QStringLiteral("pricing/custom/pricePerGbSecond"), d.pricePerGbSecond},
        {QStringLiteral("pricing/custom/pricePerVcpuSecond"), d.pricePerVcpuSecond},
        {QStringLiteral("pricing/custom/pricePerDiskGbSecond"), d.pricePerDiskGbSecond},
        {QStringLiteral("pricing/custom/freeDiskMb"), d.freeDiskMb},
        {QStringLiteral("pricing/custom/granularityMs"), d.granularityMs},
        {QStringLiteral("pricing/custom/minimumMs"), d.minimumMs},
        {QStringLiteral("pricing/custom/freeRequests"), d.freeTier.requests},
        {QStringLiteral("pricing/custom/freeGbSeconds"), d.freeTier.gbSeconds},
        {QStringLiteral("pricing/custom/freeVcpuSeconds"), d.freeTier.vcpuSeconds},
    };
    return keys;
}

bool nonNegative(double value)
{
    return std::isfinite(value) && value >= 0.0;
}

} // namespace

QString PriceListSettings::chosenId(const QSettings &settings, const QString &connectionId)
{
    return listSetting(connectionId).get(settings);
}

PriceList PriceListSettings::chosen(const QSettings &settings, const QString &connectionId)
{
    const QString id = chosenId(settings, connectionId);
    if (id == PriceList::customId())
        return custom(settings);
    return PriceList::byId(id);
}

void PriceListSettings::choose(QSettings &settings, const QString &connectionId, const QString &priceListId)
{
    listSetting(connectionId).set(settings, priceListId);
}

PriceList PriceListSettings::custom(const QSettings &settings)
{
    const CustomKeys &keys = customKeys();
    const PriceList shipped = PriceList::byId(PriceList::customId());
    PriceList list = shipped;
    list.currency = keys.currency.get(settings);
    list.pricePerRequest = keys.pricePerRequest.get(settings);
    list.pricePerGbSecond = keys.pricePerGbSecond.get(settings);
    list.pricePerVcpuSecond = keys.pricePerVcpuSecond.get(settings);
    list.pricePerDiskGbSecond = keys.pricePerDiskGbSecond.get(settings);
    list.freeDiskMb = keys.freeDiskMb.get(settings);
    list.granularityMs = keys.granularityMs.get(settings);
    list.minimumMs = keys.minimumMs.get(settings);
    list.freeTier.requests = keys.freeRequests.get(settings);
    list.freeTier.gbSeconds = keys.freeGbSeconds.get(settings);
    list.freeTier.vcpuSeconds = keys.freeVcpuSeconds.get(settings);
    return validate(list).isEmpty() ? list : shipped;
}

QString PriceListSettings::setCustom(QSettings &settings, const PriceList &list)
{
    QString error = validate(list);
    if (!error.isEmpty())
        return error;
    const CustomKeys &keys = customKeys();
    keys.currency.set(settings, list.currency);
    keys.pricePerRequest.set(settings, list.pricePerRequest);
    keys.pricePerGbSecond.set(settings, list.pricePerGbSecond);
    keys.pricePerVcpuSecond.set(settings, list.pricePerVcpuSecond);
    keys.pricePerDiskGbSecond.set(settings, list.pricePerDiskGbSecond);
    keys.freeDiskMb.set(settings, list.freeDiskMb);
    keys.granularityMs.set(settings, list.granularityMs);
    keys.minimumMs.set(settings, list.minimumMs);
    keys.freeRequests.set(settings, list.freeTier.requests);
    keys.freeGbSeconds.set(settings, list.freeTier.gbSeconds);
    keys.freeVcpuSeconds.set(settings, list.freeTier.vcpuSeconds);
    return {};
}

double PriceListSettings::budget(const QSettings &settings, const QString &connectionId)
{
    const double amount = budgetSetting(connectionId).get(settings);
    return nonNegative(amount) ? amount : 0.0;
}

QString PriceListSettings::setBudget(QSettings &settings, const QString &connectionId, double amount)
{
    if (!nonNegative(amount))
        return tr("The monthly budget must be zero (no budget) or a positive amount.");
    budgetSetting(connectionId).set(settings, amount);
    return {};
}

QString PriceListSettings::validate(const PriceList &list)
{
    const std::pair<double, QString> amounts[] = {
        {list.pricePerRequest, tr("The price per request")},
        {list.pricePerGbSecond, tr("The price per GB-second")},
        {list.pricePerVcpuSecond, tr("The price per vCPU-second")},
        {list.pricePerDiskGbSecond, tr("The price per disk GB-second")},
        {static_cast<double>(list.freeDiskMb), tr("The free disk")},
        {list.freeTier.requests, tr("The free requests")},
        {list.freeTier.gbSeconds, tr("The free GB-seconds")},
        {list.freeTier.vcpuSeconds, tr("The free vCPU-seconds")},
    };
    for (const auto &[amount, what] : amounts) {
        if (!nonNegative(amount))
            return tr("%1 must be zero or more.").arg(what);
    }
    if (list.granularityMs < 1 || list.granularityMs > kMaxBillingStepMs)
        return tr("The billing granularity must be between 1 ms and %1 ms.").arg(kMaxBillingStepMs);
    if (list.minimumMs < 0 || list.minimumMs > kMaxBillingStepMs)
        return tr("The minimum billed duration must be between 0 ms and %1 ms.").arg(kMaxBillingStepMs);
    if (list.currency.trimmed().isEmpty())
        return tr("The currency must not be empty.");
    return {};
}

} // namespace funcdesk
