// Runs every integration suite against real funcdeskd servers; `integration -suite NAME [QTest
// options]` runs one. The exchanges file is emptied first, then filled by every suite.

#include "ExchangeRecorder.h"
#include "TestSuites.h"

#include <QCoreApplication>
#include <QTest>

#include <vector>

namespace {
std::vector<std::pair<QByteArray, IntegrationSuites::Factory>> &suites()
{
    static std::vector<std::pair<QByteArray, IntegrationSuites::Factory>> all;
    return all;
}
} // namespace

bool IntegrationSuites::add(const char *name, Factory factory)
{
    suites().emplace_back(QByteArray(name), std::move(factory));
    return true;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Loopback traffic must not go through a proxy from the environment.
    for (const char *name : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        qunsetenv(name);

    QStringList arguments = QCoreApplication::arguments();
    QByteArray only;
    const qsizetype suiteFlag = arguments.indexOf(QStringLiteral("-suite"));
    if (suiteFlag >= 0 && suiteFlag + 1 < arguments.size()) {
        only = arguments.at(suiteFlag + 1).toUtf8();
        arguments.remove(suiteFlag, 2);
    }
    if (only.isEmpty())
        ExchangeRecorder::reset();

    int failures = 0;
    for (const auto &[name, factory] : suites()) {
        if (!only.isEmpty() && name != only)
            continue;
        const std::unique_ptr<QObject> suite = factory();
        failures += QTest::qExec(suite.get(), arguments);
    }
    return failures == 0 ? 0 : 1;
}
