#pragma once

#include <QByteArray>
#include <QString>

namespace funcdesk::prometheus {

// Prometheus' text exposition format 0.0.4
// (https://prometheus.io/docs/instrumenting/exposition_formats/), the pieces /metrics writes.

// The Content-Type of a scrape answer.
inline constexpr char kContentType[] = "text/plain; version=0.0.4; charset=utf-8";

// "# HELP name help\n# TYPE name type\n"; `help` is escaped (\\ and \n).
void appendFamilyHeader(QByteArray &out, const char *name, const char *help, const char *type);
// `name="value"` with the value escaped as the format asks: \\, \" and \n.
void appendLabel(QByteArray &out, const char *name, const QString &value);
// A duration of whole milliseconds in seconds, exactly: 1254 -> "1.254" (negative counts as 0).
void appendMillisAsSeconds(QByteArray &out, qint64 millis);

} // namespace funcdesk::prometheus
