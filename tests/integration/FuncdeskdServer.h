#pragma once

#include <QProcess>
#include <QString>

// A real `funcdeskd serve` for the integration tests: started on a data folder, stopped with
// SIGTERM, started again on the same folder (and port) to check what survives.
class FuncdeskdServer
{
public:
    explicit FuncdeskdServer(QString dataDir);
    ~FuncdeskdServer();

    // Starts the server and waits for its "funcdeskd listening on http://HOST:PORT" line.
    // `port` 0 lets the server choose. False (with errorText()) when it did not come up.
    bool start(quint16 port = 0, const QStringList &extraArguments = {});
    void stop();
    // kill -9: no shutdown, no flush; what it acknowledged must be on disk already.
    void killHard();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    QString apiHost() const { return m_apiHost; } // "http://127.0.0.1:PORT"
    quint16 port() const { return m_port; }
    // The guest key the server wrote to DATA_DIR/auth on first start ("uuid:key").
    QString guestAuth() const;
    QString dataDir() const { return m_dataDir; }
    QString errorText() const { return m_error; }

    static QString binary();

private:
    QString m_dataDir;
    QProcess m_process;
    QString m_apiHost;
    quint16 m_port = 0;
    QString m_error;
};
