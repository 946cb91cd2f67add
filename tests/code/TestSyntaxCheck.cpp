// SyntaxCheck with the real interpreters: good code passes, a syntax error comes back with its
// line and the interpreter's message, and a missing or hanging interpreter means "not checked".

#include "models/code/SyntaxCheck.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;

class TestSyntaxCheck : public QObject
{
    Q_OBJECT

private:
    // Runs one check and returns what it found (a failed QVERIFY leaves `out` as NotChecked).
    static void run(SyntaxCheck &check, const QString &kind, const QString &code, SyntaxProblem &out)
    {
        QSignalSpy finished(&check, &SyntaxCheck::finished);
        check.check(kind, code);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.size(), 1);
        out = finished.first().first().value<SyntaxProblem>();
    }

    static SyntaxProblem checked(const QString &kind, const QString &code,
                                 const SyntaxCheck::Interpreters &interpreters = SyntaxCheck::discover())
    {
        SyntaxCheck check;
        check.setInterpreters(interpreters);
        SyntaxProblem result;
        run(check, kind, code, result);
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const SyntaxCheck::Interpreters found = SyntaxCheck::discover();
        QVERIFY2(!found.node.isEmpty(), "node is needed on PATH");
        QVERIFY2(!found.python.isEmpty(), "python3 is needed on PATH");
    }

    void kindsMapToTheirChecker()
    {
        QCOMPARE(SyntaxCheck::familyOf(QStringLiteral("nodejs:20")), QStringLiteral("nodejs"));
        QCOMPARE(SyntaxCheck::familyOf(QStringLiteral("nodejs:default")), QStringLiteral("nodejs"));
        QCOMPARE(SyntaxCheck::familyOf(QStringLiteral("python:3.11")), QStringLiteral("python"));
        QVERIFY(!SyntaxCheck::familyOf(QStringLiteral("blackbox")));
        QVERIFY(!SyntaxCheck::familyOf(QStringLiteral("sequence")));
        QVERIFY(!SyntaxCheck::familyOf(QStringLiteral("nodejsx:1")));
    }

    void goodNodeCodePasses()
    {
        // CommonJS as the launcher runs it: require and a top-level return are fine.
        const SyntaxProblem result =
            checked(QStringLiteral("nodejs:default"), QStringLiteral("const os = require('os');\n"
                                                                     "function main(params) {\n"
                                                                     "  return { host: os.hostname() };\n"
                                                                     "}\n"));
        QCOMPARE(result.status, SyntaxProblem::Status::Ok);
        QVERIFY(result.message.isEmpty());
    }

    void nodeSyntaxErrorGivesItsLineAndMessage()
    {
        const SyntaxProblem result = checked(QStringLiteral("nodejs:20"), QStringLiteral("function main(params) {\n"
                                                                                         "  const a = 1;\n"
                                                                                         "  return { a: a ;\n"
                                                                                         "}\n"));
        QCOMPARE(result.status, SyntaxProblem::Status::Error);
        QCOMPARE(result.line, 3);
        QCOMPARE(result.column, 17);
        QCOMPARE(result.message, QStringLiteral("Unexpected token ';'"));
    }

    void goodPythonCodePasses()
    {
        const SyntaxProblem result =
            checked(QStringLiteral("python:default"), QStringLiteral("def main(args):\n    return {'ok': True}\n"));
        QCOMPARE(result.status, SyntaxProblem::Status::Ok);
    }

    void pythonSyntaxErrorGivesItsLineAndMessage()
    {
        const SyntaxProblem result = checked(QStringLiteral("python:3"), QStringLiteral("def main(args):\n"
                                                                                        "    x = 1\n"
                                                                                        "    return x +\n"));
        QCOMPARE(result.status, SyntaxProblem::Status::Error);
        QCOMPARE(result.line, 3);
        QCOMPARE(result.message, QStringLiteral("invalid syntax"));
    }

    void aMissingInterpreterMeansNotChecked()
    {
        const SyntaxCheck::Interpreters missing{QStringLiteral("/nonexistent/node"),
                                                QStringLiteral("/nonexistent/python3")};
        SyntaxProblem node = checked(QStringLiteral("nodejs:20"), QStringLiteral("function ("), missing);
        QCOMPARE(node.status, SyntaxProblem::Status::NotChecked);
        QVERIFY2(node.message.contains(QStringLiteral("could not be started")), qPrintable(node.message));

        SyntaxProblem none = checked(QStringLiteral("python:3"), QStringLiteral("def ("), {QString(), QString()});
        QCOMPARE(none.status, SyntaxProblem::Status::NotChecked);
        QCOMPARE(none.message, QStringLiteral("Python (python3) was not found"));
    }

    void aKindWithoutCheckerIsNotChecked()
    {
        const SyntaxProblem result = checked(QStringLiteral("blackbox"), QStringLiteral("anything ("));
        QCOMPARE(result.status, SyntaxProblem::Status::NotChecked);
        QVERIFY(result.message.contains(QStringLiteral("blackbox")));
    }

    void aHangingCheckerIsStoppedAtTheTimeout()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("slow-node"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\nexec sleep 60\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        SyntaxCheck check;
        check.setInterpreters({script, QString()});
        check.setTimeout(300);
        SyntaxProblem result;
        run(check, QStringLiteral("nodejs:20"), QStringLiteral("1"), result);
        QCOMPARE(result.status, SyntaxProblem::Status::NotChecked);
        QVERIFY2(result.message.contains(QStringLiteral("longer than")), qPrintable(result.message));
        QVERIFY(!check.isRunning());
    }

    void aNewCheckReplacesTheOneInFlight()
    {
        SyntaxCheck check;
        QSignalSpy finished(&check, &SyntaxCheck::finished);
        check.check(QStringLiteral("nodejs:20"), QStringLiteral("function ("));
        check.check(QStringLiteral("nodejs:20"), QStringLiteral("const x = 1;\n"));
        QVERIFY(finished.wait(20000));
        // The first check's answer (an error) was dropped: the first one to arrive is the second's.
        QCOMPARE(finished.first().first().value<SyntaxProblem>().status, SyntaxProblem::Status::Ok);
    }
};

QTEST_GUILESS_MAIN(TestSyntaxCheck)
#include "TestSyntaxCheck.moc"
