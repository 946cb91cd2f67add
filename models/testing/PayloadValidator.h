#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace funcdesk {

// The verdict on a payload's text: ok with the parsed parameters, or a message that says where
// and what ("Line 3, column 7: missing comma").
struct PayloadCheck
{
    bool ok = false;
    QString message; // empty when ok
    int line = 0;    // 1-based position of the problem; 0 when it has none (not an object)
    int column = 0;
    QJsonObject params;
};

// Validates a test payload as the user types. A payload is a JSON object (OpenWhisk passes an
// action its parameters as one); empty text means no parameters. The checker is its own small
// JSON scanner rather than QJsonDocument's, whose errors name the wrong thing ("unterminated
// object" for a missing comma) at an offset past the mistake, and which accepts "\q".
class PayloadValidator
{
    Q_DECLARE_TR_FUNCTIONS(PayloadValidator)

public:
    static PayloadCheck check(const QString &text);
};

} // namespace funcdesk
