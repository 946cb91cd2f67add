#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace funcdesk {

// OpenWhisk's `exec`: {kind, code, main, binary} (plus image / components for blackbox and
// sequences, kept as they are).
struct Exec
{
    QString kind;
    std::optional<QString> code;
    std::optional<QString> main;
    std::optional<bool> binary;
    std::optional<QString> image;
    std::optional<QStringList> components;
    QJsonObject extra;

    static Result<Exec> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;

    // Inline source code of a kind, the common case.
    static Exec withCode(QString kind, QString code)
    {
        Exec exec;
        exec.kind = std::move(kind);
        exec.code = std::move(code);
        return exec;
    }

    QString mainOrDefault() const { return main.value_or(QStringLiteral("main")); }
    // OpenWhisk decides `binary` itself: base64-looking code is a zip (entity/Exec.scala).
    static bool looksLikeBase64(const QString &code);

    friend bool operator==(const Exec &, const Exec &) = default;
};

} // namespace funcdesk
