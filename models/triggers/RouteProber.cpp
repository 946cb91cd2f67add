#include "models/triggers/RouteProber.h"

#include "core/FutureCallback.h"
#include "platforms/openwhisk/HttpProbe.h"

#include <QJsonDocument>
#include <QUrl>

namespace funcdesk {

RouteProber::RouteProber(QObject *parent) : QObject(parent), m_probe(new HttpProbe(this))
{
}

RouteProber::~RouteProber() = default;

void RouteProber::send(const QString &method, const QString &url, const QString &headersText, const QString &body)
{
    if (m_busy)
        return;
    HttpProbe::Request request;
    request.method = method.trimmed().toUpper().toLatin1();
    request.url = QUrl(url.trimmed(), QUrl::StrictMode);
    request.body = body.toUtf8();
    const QStringList lines = headersText.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            if (!line.trimmed().isEmpty())
                return Q_EMIT failed(tr("A header line needs the form 'Name: value': %1").arg(line.trimmed()));
            continue;
        }
        request.headers.append({line.left(colon).trimmed().toLatin1(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    m_busy = true;
    Q_EMIT busyChanged(true);
    onResult(m_probe->send(request), this, [this](const Result<HttpProbe::Answer> &answer) {
        m_busy = false;
        Q_EMIT busyChanged(false);
        if (!answer)
            return Q_EMIT failed(answer.error().message);
        QStringList headers;
        for (const auto &[name, value] : answer->headers)
            headers.append(QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value));
        QString text = QString::fromUtf8(answer->body);
        const QJsonDocument json = QJsonDocument::fromJson(answer->body);
        if (!json.isNull())
            text = QString::fromUtf8(json.toJson(QJsonDocument::Indented));
        if (answer->truncated)
            text += tr("\n[only the first %1 bytes are shown]").arg(HttpProbe::kMaxBodyBytes);
        Q_EMIT answered(answer->status,
                        QStringLiteral("%1 %2").arg(answer->status).arg(QString::fromLatin1(answer->reason)),
                        headers.join(QLatin1Char('\n')), text, answer->elapsedMs);
    });
}

} // namespace funcdesk
