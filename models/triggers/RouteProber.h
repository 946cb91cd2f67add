#pragma once

#include <QObject>
#include <QPointer>

namespace funcdesk {

class HttpProbe;

// "Send test request" for an HTTP trigger: sends a method, headers ("Name: value" per line) and
// a body to a URL (platforms/openwhisk's HttpProbe does the HTTP) and reports the answer as
// text for the editor: status line, headers, body, time. One request at a time.
class RouteProber : public QObject
{
    Q_OBJECT

public:
    explicit RouteProber(QObject *parent = nullptr);
    ~RouteProber() override;

    bool isBusy() const { return m_busy; }
    void send(const QString &method, const QString &url, const QString &headersText, const QString &body);

Q_SIGNALS:
    void busyChanged(bool busy);
    // `status` "200 OK"; `headers` one "Name: value" per line; `body` as text (pretty JSON when
    // it is JSON); `elapsedMs` to the last byte.
    void answered(int statusCode, const QString &status, const QString &headers, const QString &body, qint64 elapsedMs);
    void failed(const QString &message);

private:
    HttpProbe *m_probe;
    bool m_busy = false;
};

} // namespace funcdesk
