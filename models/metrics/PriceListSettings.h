#pragma once

#include "core/PriceList.h"

#include <QCoreApplication>
#include <QSettings>
#include <QString>

namespace funcdesk {

// The console's pricing choices in QSettings (no secrets): the price list chosen for each
// connection, the user's Custom list and the monthly budget for each connection. Keys:
// `pricing/connections/<id>/priceList`, `pricing/connections/<id>/budget`, `pricing/custom/*`
// (the connection id percent-encoded, so no id can reach another key).
class PriceListSettings
{
    Q_DECLARE_TR_FUNCTIONS(PriceListSettings)

public:
    // The chosen list (AWS Lambda x86 when none was chosen or the id is unknown); "custom" is
    // the saved Custom list.
    static PriceList chosen(const QSettings &settings, const QString &connectionId);
    static QString chosenId(const QSettings &settings, const QString &connectionId);
    static void choose(QSettings &settings, const QString &connectionId, const QString &priceListId);

    // The saved Custom list: AWS Lambda x86's figures until the user edits them, and again if
    // what is saved does not validate (a hand-edited file).
    static PriceList custom(const QSettings &settings);
    // Saves the Custom list's figures (not its id, name or provenance). Returns validate()'s
    // error and saves nothing when the list is invalid; "" when saved.
    static QString setCustom(QSettings &settings, const PriceList &list);

    // The monthly budget in the list's currency; 0 = none.
    static double budget(const QSettings &settings, const QString &connectionId);
    // Returns an error and saves nothing for a negative or non-finite amount; "" when saved.
    static QString setBudget(QSettings &settings, const QString &connectionId, double amount);

    // "" when `list` can price activations, else a translated message naming the first problem:
    // a negative or non-finite price, allowance or free disk, a granularity outside 1 ms to
    // 1 h, a minimum outside 0 to 1 h, or no currency.
    static QString validate(const PriceList &list);

    static constexpr qint64 kMaxBillingStepMs = 3'600'000; // 1 h: no list rounds coarser
};

} // namespace funcdesk
