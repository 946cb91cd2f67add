#pragma once

// Helpers shared by the executor suites: build requests, invoke, and read activation records.

#include "executor/Executor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace funcdesk::test {

inline InvocationRequest nodeAction(const QString &code, const QString &name = QStringLiteral("action"))
{
    InvocationRequest request;
    request.name = name;
    request.exec.kind = QStringLiteral("nodejs:default");
    request.exec.code = code;
    return request;
}

inline InvocationRequest pythonAction(const QString &code, const QString &name = QStringLiteral("action"))
{
    InvocationRequest request = nodeAction(code, name);
    request.exec.kind = QStringLiteral("python:3");
    return request;
}

// The runtimes that get stem cells: launchers (Go and native actions start their own executable).
// The runtimes whose stem cells start with an executor of the default configuration (Node.js,
// Python); the others' start after their first use.
inline int eagerStemCellRuntimes(const Executor &executor)
{
    const QStringList eager = ExecutorConfig().stemCellFamilies;
    const QList<Runtime> &runtimes = executor.catalog().runtimes();
    return int(std::count_if(runtimes.cbegin(), runtimes.cend(), [&eager](const Runtime &runtime) {
        return !runtime.actionloop && eager.contains(runtime.family);
    }));
}

inline QJsonObject resultOf(const Activation &activation)
{
    return activation.response ? activation.response->result.toObject() : QJsonObject();
}

inline QString errorOf(const Activation &activation)
{
    const QJsonValue error = resultOf(activation).value(QLatin1StringView("error"));
    return error.isString() ? error.toString() : QString();
}

inline QString statusOf(const Activation &activation)
{
    return activation.response ? activation.response->status : QString();
}

inline QString logsOf(const Activation &activation)
{
    return activation.logs ? activation.logs->join(QLatin1Char('\n')) : QString();
}

inline QString enforcementOf(const Activation &activation, const char *limit)
{
    return activation.annotation(QStringLiteral("enforcement")).toObject().value(QLatin1StringView(limit)).toString();
}

inline QString describe(const Activation &activation)
{
    return QString::fromUtf8(QJsonDocument(activation.toJson()).toJson(QJsonDocument::Compact)).left(2000);
}

} // namespace funcdesk::test

// Invokes and fails the test if the invocation could not even start.
#define INVOKE(executor, request, out)                                                                                 \
    const auto out##Result = (executor).invoke(request);                                                               \
    QVERIFY2(out##Result.ok(), qPrintable(out##Result.ok() ? QString() : out##Result.error().message));                \
    [[maybe_unused]] const Activation &out = out##Result.value()

#define EXPECT_STATUS(activation, expected)                                                                            \
    QVERIFY2(statusOf(activation) == QLatin1String(expected), qPrintable(describe(activation)))
