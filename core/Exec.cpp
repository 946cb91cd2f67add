#include "core/Exec.h"

#include "core/JsonFields.h"

#include <QRegularExpression>

namespace funcdesk {

namespace {
const QLatin1StringView kKind("kind");
const QLatin1StringView kCode("code");
const QLatin1StringView kMain("main");
const QLatin1StringView kBinary("binary");
const QLatin1StringView kImage("image");
const QLatin1StringView kComponents("components");
} // namespace

Result<Exec> Exec::fromJson(const QJsonObject &object)
{
    JsonFields fields(object);
    Exec exec;
    exec.kind = fields.string(kKind).value_or(QString());
    exec.code = fields.string(kCode);
    exec.main = fields.string(kMain);
    exec.binary = fields.boolean(kBinary);
    exec.image = fields.string(kImage);
    if (const auto components = fields.array(kComponents)) {
        QStringList names;
        for (const QJsonValue &v : *components) {
            if (!v.isString())
                return JsonFields::malformed(QStringLiteral("'components' must be an array of strings."));
            names.append(v.toString());
        }
        exec.components = names;
    }
    if (fields.error())
        return *fields.error();
    if (exec.kind.isEmpty())
        return JsonFields::malformed(QStringLiteral("'exec' must have a 'kind'."));
    exec.extra = fields.rest();
    return exec;
}

QJsonObject Exec::toJson() const
{
    QJsonObject object = extra;
    object.insert(kKind, kind);
    insertIfSet(object, kCode, code);
    insertIfSet(object, kMain, main);
    insertIfSet(object, kBinary, binary);
    insertIfSet(object, kImage, image);
    if (components)
        object.insert(kComponents, QJsonArray::fromStringList(*components));
    return object;
}

bool Exec::looksLikeBase64(const QString &code)
{
    static const QRegularExpression base64(QStringLiteral("^[A-Za-z0-9+/]*={0,2}$"));
    const QString trimmed = code.trimmed();
    return !trimmed.isEmpty() && trimmed.size() % 4 == 0 && base64.match(trimmed).hasMatch();
}

} // namespace funcdesk
