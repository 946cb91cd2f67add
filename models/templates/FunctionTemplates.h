#pragma once

#include <QString>

namespace funcdesk {

// The starting code of a new function, per runtime family (resources/templates).
struct FunctionTemplates
{
    // "nodejs:20" → the Node.js template; "python:3.11" → the Python one; php, ruby and go too;
    // empty when none (blackbox: a native action is a zip, made outside the console).
    static QString codeFor(const QString &kind);
};

} // namespace funcdesk
