#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QProcess;
class QTemporaryFile;
class QTimer;

namespace funcdesk {

// What a syntax check found.
struct SyntaxProblem
{
    enum class Status { Ok, Error, NotChecked };
    Status status = Status::NotChecked;
    int line = 0;    // 1-based line of the error; 0 when the interpreter named none
    int column = 0;  // 1-based column when known, else 0
    QString message; // the interpreter's message (Error), or why nothing was checked (NotChecked)
};

// Checks code for syntax errors before a deploy, with the local runtimes and off the GUI thread:
// `node --check` on a temporary .cjs file for nodejs kinds (the local launcher runs code as
// CommonJS), Python's compile() for python kinds. One check at a time; a new one cancels the
// previous. Bounded by timeout() (5 s unless set); a missing interpreter, a crash or the
// timeout give NotChecked with the reason, never Error.
class SyntaxCheck : public QObject
{
    Q_OBJECT

public:
    struct Interpreters
    {
        QString node;   // absolute path, or empty: nodejs kinds are not checked
        QString python; // absolute path, or empty: python kinds are not checked
    };
    // node (or nodejs) and python3 from PATH: the interpreters the local executor runs.
    static Interpreters discover();
    // The checker family of a kind ("nodejs" | "python"), none for kinds without a checker.
    static std::optional<QString> familyOf(const QString &kind);

    explicit SyntaxCheck(QObject *parent = nullptr); // with discover()'s interpreters
    ~SyntaxCheck() override;

    void setInterpreters(const Interpreters &interpreters) { m_interpreters = interpreters; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }

    // Starts checking `code` of `kind`; finished() follows, also for kinds without a checker
    // (then asynchronously, with NotChecked).
    void check(const QString &kind, const QString &code);
    void cancel(); // no finished() for the check in flight
    bool isRunning() const;

Q_SIGNALS:
    void finished(const funcdesk::SyntaxProblem &result);

private:
    void startProcess(const QString &program, const QStringList &arguments, const QByteArray &input);
    void processDone();
    void finish(const SyntaxProblem &result);

    Interpreters m_interpreters;
    int m_timeoutMs = 5000;
    quint64 m_generation = 0; // bumped by cancel(): a pending answer of an earlier check is dropped
    QString m_family;
    QPointer<QProcess> m_process;
    QTemporaryFile *m_file = nullptr;
    QTimer *m_timer;
};

// Reads the first error out of `node --check`'s stderr ("FILE:LINE" then the source line, the
// caret and "SyntaxError: message"), or out of the Python checker's "LINE:COLUMN:message".
SyntaxProblem parseNodeCheckOutput(const QString &output);
SyntaxProblem parsePythonCheckOutput(const QString &output);

} // namespace funcdesk

Q_DECLARE_METATYPE(funcdesk::SyntaxProblem)
