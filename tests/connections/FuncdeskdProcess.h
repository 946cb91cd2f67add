#pragma once

#include <QProcess>
#include <QString>

// A real `funcdeskd serve` for the connection tests: started on a data folder, stopped with
// SIGTERM, started again on the same port and folder to see the console recover by itself.
class FuncdeskdProcess
{
public:
    explicit FuncdeskdProcess(QString dataDir);
    ~FuncdeskdProcess();

    // Waits (with the event loop turning) for "funcdeskd listening on http://HOST:PORT".
    // `port` 0 lets the server choose. False, with errorText(), when it did not come up.
    bool start(quint16 port = 0);
    void stop();
    // SIGSTOP / SIGCONT: a server that accepts connections (the kernel does) but answers
    // nothing until resumed — a real slow platform.
    void pause();
    void resume();

    QString apiHost() const { return m_apiHost; }
    quint16 port() const { return m_port; }
    // "uuid:key" from DATA_DIR/auth.
    QString guestKey() const;
    QString errorText() const { return m_error; }

private:
    QString m_dataDir;
    QProcess m_process;
    QString m_apiHost;
    quint16 m_port = 0;
    QString m_error;
    bool m_paused = false;
};
