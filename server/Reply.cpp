#include "server/Reply.h"

#include "core/JsonWriter.h"
#include "server/ApiMessages.h"
#include "server/HttpConnection.h"
#include "server/HttpTransport.h"
#include "server/RequestLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace funcdesk {

namespace {

const QByteArray kJsonType = QByteArrayLiteral("application/json");

// The headers OpenWhisk's controller sends on API responses (docs/rest_api.md, CORS).
const QByteArray kCorsHeaders = QByteArrayLiteral(
    "Access-Control-Allow-Origin: *\r\n"
    "Access-Control-Allow-Methods: GET, DELETE, POST, PUT, HEAD\r\n"
    "Access-Control-Allow-Headers: Authorization, Origin, X-Requested-With, Content-Type, Accept, User-Agent\r\n");

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return status < 300 ? "OK" : status < 400 ? "Redirect" : status < 500 ? "Client Error" : "Server Error";
    }
}

// A random prefix per server run keeps request ids unique across restarts.
const QByteArray &idPrefix()
{
    static const QByteArray prefix =
        QByteArray::number(QRandomGenerator::system()->generate(), 16).rightJustified(8, '0');
    return prefix;
}

} // namespace

Reply::Reply(Context context) : m_context(std::move(context))
{
}

Reply::Reply(Reply &&other) noexcept
    : m_context(std::move(other.m_context)), m_headers(std::move(other.m_headers)), m_sent(other.m_sent)
{
    other.m_sent = true; // the moved-from shell must not answer
}

Reply::~Reply()
{
    if (!m_sent)
        sendError(500, messages::internalError());
}

void Reply::releaseConnection()
{
    if (m_context.connection)
        m_context.connection->nextTurn();
}

void Reply::continueElsewhere(std::function<void()> answer)
{
    if (m_context.transport && m_context.connection)
        m_context.transport->continueServing(m_context.connection, !m_context.close, std::move(answer));
    else
        answer();
}

void Reply::addHeader(QByteArray name, QByteArray value)
{
    m_headers += name;
    m_headers += ": ";
    m_headers += value;
    m_headers += "\r\n";
}

QByteArray Reply::requestId() const
{
    return idPrefix() + QByteArray::number(m_context.number, 16).rightJustified(24, '0');
}

void Reply::sendJson(int status, const QJsonValue &value)
{
    QByteArray json;
    appendJsonValue(json, value); // scalars too, which QJsonDocument cannot hold
    send(status, kJsonType, json);
}

void Reply::sendJsonBytes(int status, const QByteArray &json)
{
    send(status, kJsonType, json);
}

void Reply::sendError(int status, const QString &message)
{
    if (status == 401)
        addHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Basic realm=\"OpenWhisk secure realm\""));
    const QJsonObject body{{QLatin1StringView("error"), message},
                           {QLatin1StringView("code"), QString::fromLatin1(requestId())}};
    sendJson(status, body);
}

void Reply::sendError(const PlatformError &error)
{
    // An Auth error past sign-in is OpenWhisk's 403 (not entitled: a binding or a sequence
    // component in another namespace's unpublished package), not a 401.
    const bool forbidden = error.kind == PlatformError::Kind::Auth &&
                           error.message.startsWith(QLatin1StringView("The supplied authentication is not authorized"));
    sendError(forbidden ? 403 : error.httpStatus(), error.message);
}

void Reply::sendEmpty(int status)
{
    send(status, QByteArray(), QByteArray());
}

QByteArray Reply::statusAndHeaders(int status, const QByteArray &contentType, qint64 length, qsizetype reserve) const
{
    // A 204 or 304 has no body and, per RFC 9110, no Content-Length either.
    const bool bodiless = status == 204 || status == 304;
    QByteArray out;
    out.reserve(256 + m_headers.size() + (m_context.cors ? kCorsHeaders.size() : 0) + reserve);
    out += "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    out += reasonPhrase(status);
    out += "\r\n";
    if (!bodiless) {
        if (!contentType.isEmpty()) {
            out += "Content-Type: ";
            out += contentType;
            out += "\r\n";
        }
        out += "Content-Length: ";
        out += QByteArray::number(length);
        out += "\r\n";
    }
    if (m_context.cors)
        out += kCorsHeaders;
    out += m_headers;
    if (m_context.close)
        out += "Connection: close\r\n";
    else if (m_context.confirmKeepAlive)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    return out;
}

void Reply::send(int status, const QByteArray &contentType, const QByteArray &body)
{
    if (m_sent)
        return;
    m_sent = true;
    HttpConnection *connection = m_context.connection.get();
    if (connection && !connection->failed()) {
        QByteArray out = statusAndHeaders(status, contentType, body.size(), body.size());
        if (status != 204 && status != 304 && !m_context.head)
            out += body;
        connection->write(out); // the connection's thread ends it after a "Connection: close"
    }
    logLine(status);
}

void Reply::sendFile(int status, const QByteArray &contentType, int fd, qint64 offset, qint64 length)
{
    if (m_sent)
        return;
    m_sent = true;
    HttpConnection *connection = m_context.connection.get();
    if (connection && !connection->failed() && connection->write(statusAndHeaders(status, contentType, length, 0)) &&
        !m_context.head)
        connection->writeFile(fd, offset, length);
    logLine(status);
}

void Reply::logLine(int status)
{
    HttpConnection *connection = m_context.connection.get();
    if (m_context.log && RequestLog::enabled()) {
        // One line, built by hand: this runs for every request. Never the query, headers or body.
        const auto micros =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - m_context.start)
                .count();
        QByteArray line;
        line.reserve(96 + m_context.path.size());
        line += m_context.method;
        line += ' ';
        QByteArray path = m_context.path.toUtf8();
        for (char &c : path) { // a decoded %0A must not start a forged log line
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                c = '?';
        }
        line += path;
        line += ' ';
        line += QByteArray::number(status);
        line += ' ';
        line += QByteArray::number(double(micros) / 1000.0, 'f', 2);
        line += "ms";
        if (status >= 400) {
            line += " id=";
            line += requestId();
        }
        if (!connection || connection->failed())
            line += " (client gone)";
        m_context.log->append(line);
    }
}

} // namespace funcdesk
