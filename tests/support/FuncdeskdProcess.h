#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <csignal>

namespace funcdesk::test {

// A real `funcdeskd serve` (the one this build made) on a data folder: started and waited for,
// stopped with a signal or killed with SIGKILL, paused with SIGSTOP, and started again on the
// same folder and port to check what survives and that clients recover by themselves. Its log
// (stderr) is kept, in the server's own format (the environment's Qt message pattern and
// logging rules are not passed on).
class FuncdeskdProcess
{
public:
    explicit FuncdeskdProcess(QString dataDir);
    ~FuncdeskdProcess();

    // Starts `funcdeskd serve --port PORT --data-dir DIR EXTRA…` and waits for its
    // "funcdeskd listening on http://HOST:PORT" line. `port` 0 lets the server choose. False
    // (with errorText()) when it did not come up.
    bool start(quint16 port = 0, const QStringList &extraArguments = {});
    // Variables added to the server's environment from the next start on (e.g. FUNCDESK_BWRAP).
    void setEnvironment(const QProcessEnvironment &extra) { m_extraEnvironment = extra; }
    // The exit status of a server that has exited by itself (a refused start); -1 otherwise.
    int exitCode() const;
    // Sends `signal` and waits for the exit (SIGKILL after 15 s); the exit code, or -1 when it
    // was not running, crashed or hung.
    int stop(int signal = SIGTERM);
    // kill -9: no shutdown, no flush; what it acknowledged must be on disk already.
    void killHard();
    // SIGSTOP / SIGCONT: a server that accepts connections (the kernel does) but answers
    // nothing until resumed — a real slow platform.
    void pause();
    void resume();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    QString apiHost() const { return m_apiHost; } // "http://127.0.0.1:PORT"
    QString url(const QString &path) const { return m_apiHost + path; }
    quint16 port() const { return m_port; }
    qint64 processId() const { return m_process.processId(); }
    // The guest key the server wrote to DATA_DIR/auth on first start ("uuid:key").
    QString guestKey() const;
    QString dataDir() const { return m_dataDir; }
    QString errorText() const { return m_error; }
    // Everything the server wrote to stderr so far (kept, so reading it twice loses nothing).
    QByteArray stderrText();

    static QString binary();

private:
    QString m_dataDir;
    QProcess m_process;
    QString m_apiHost;
    quint16 m_port = 0;
    QString m_error;
    QByteArray m_stderr;
    QProcessEnvironment m_extraEnvironment;
    bool m_paused = false;
};

} // namespace funcdesk::test
