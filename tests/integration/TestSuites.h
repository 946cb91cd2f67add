#pragma once

#include <QObject>

#include <functional>
#include <memory>

// The integration suites share one executable (ctest `integration`, which sets up the fixture the
// contract check needs). Each suite file registers its QTest class here; main.cpp runs them all.
namespace IntegrationSuites {
using Factory = std::function<std::unique_ptr<QObject>()>;
bool add(const char *name, Factory factory);
} // namespace IntegrationSuites

#define FUNCDESK_INTEGRATION_SUITE(Class)                                                                              \
    namespace {                                                                                                        \
    [[maybe_unused]] const bool registered##Class =                                                                    \
        IntegrationSuites::add(#Class, [] { return std::unique_ptr<QObject>(new Class); });                            \
    }
