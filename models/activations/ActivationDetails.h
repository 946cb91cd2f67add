#pragma once

#include "core/Activation.h"

#include <QStringList>

#include <utility>

namespace funcdesk {

// One activation as a details pane shows it: plain, translated strings (the widget never sees
// JSON). Fields the record does not carry are empty strings.
struct ActivationDetails
{
    QString activationId;
    QString function; // "action" or "package/action"
    QString version;
    QString status; // translated, with why the platform ended it ("developer error: timed out after 3,000 ms")
    bool succeeded = false;
    QString errorMessage; // the result's "error" when the activation failed
    QString result;       // pretty-printed JSON; empty when the record has none
    QStringList logs;
    QList<std::pair<QString, QString>> annotations; // key → value as text, in record order
    QString started;                                // local time, to the millisecond
    QString duration;
    QString initTime; // cold starts only
    QString waitTime;
    QString startType; // "cold (init 120 ms)" / "warm"
    QString memory;    // peak of limit
    QString cpuTime;
    QString storage; // "/tmp 1.5 MB of 512 MB", when the record says how much /tmp was used
    QString sandbox; // "isolated (bubblewrap)" / "not isolated", when the record says
    bool unisolated = false;
    QString cause; // the trigger activation that caused it, if any

    static ActivationDetails of(const Activation &activation);
    // A JSON value as indented text; scalars as their JSON literal.
    static QString prettyJson(const QJsonValue &value);
};

} // namespace funcdesk
