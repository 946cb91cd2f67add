#include "deploy/ManifestYaml.h"

#include "core/EntityName.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

// The translation context of the manifest reader's messages.
struct ManifestText
{
    Q_DECLARE_TR_FUNCTIONS(ManifestReader)
};

namespace funcdesk::manifest {

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

bool isQuoted(const YAML::Node &node)
{
    // yaml-cpp tags a quoted scalar "!" and a plain one "?"; an explicit !!str is a string too.
    const std::string &tag = node.Tag();
    return tag == "!" || tag == "tag:yaml.org,2002:str";
}

const QStringList &parameterTypes()
{
    static const QStringList types{QStringLiteral("string"), QStringLiteral("integer"), QStringLiteral("float"),
                                   QStringLiteral("boolean"), QStringLiteral("json")};
    return types;
}

// wskdeploy's type names and their synonyms.
QString parameterType(const QString &name)
{
    static const QHash<QString, QString> synonyms{
        {QStringLiteral("int"), QStringLiteral("integer")},   {QStringLiteral("int8"), QStringLiteral("integer")},
        {QStringLiteral("int16"), QStringLiteral("integer")}, {QStringLiteral("int32"), QStringLiteral("integer")},
        {QStringLiteral("int64"), QStringLiteral("integer")}, {QStringLiteral("bool"), QStringLiteral("boolean")},
        {QStringLiteral("float32"), QStringLiteral("float")}, {QStringLiteral("float64"), QStringLiteral("float")},
        {QStringLiteral("map"), QStringLiteral("json")}};
    if (parameterTypes().contains(name))
        return name;
    return synonyms.value(name);
}

QJsonValue zeroValue(const QString &type)
{
    if (type == QLatin1StringView("integer"))
        return 0;
    if (type == QLatin1StringView("float"))
        return 0.0;
    if (type == QLatin1StringView("boolean"))
        return false;
    if (type == QLatin1StringView("json"))
        return QJsonObject();
    return QString();
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == QLatin1StringView("string"))
        return value.isString();
    if (type == QLatin1StringView("integer"))
        return value.isDouble() && value.toDouble() == std::floor(value.toDouble());
    if (type == QLatin1StringView("float"))
        return value.isDouble();
    if (type == QLatin1StringView("boolean"))
        return value.isBool();
    return value.isObject() || value.isArray();
}

} // namespace

Context::Context(QString file, const ManifestReader::Options &options) : m_file(std::move(file)), m_options(options)
{
}

ManifestLocation Context::at(const YAML::Node &node) const
{
    ManifestLocation where{m_file, 0, 0};
    if (node.IsDefined() && !node.Mark().is_null()) {
        where.line = node.Mark().line + 1;
        where.column = node.Mark().column + 1;
    }
    return where;
}

void Context::fail(const YAML::Node &node, const QString &message) const
{
    fail(at(node), message);
}

void Context::fail(const ManifestLocation &where, const QString &message) const
{
    throw Invalid{ManifestProblem{where, message}};
}

void Context::warn(const YAML::Node &node, const QString &message)
{
    m_warnings.append(ManifestProblem{at(node), message});
}

void Context::checkKeys(const YAML::Node &map, const QString &what, const QStringList &known,
                        const QStringList &ignored, const QStringList &unsupported)
{
    QSet<QString> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString key = keyText(it->first);
        if (seen.contains(key))
            fail(it->first, ManifestText::tr("'%1' is given twice in %2").arg(key, what));
        seen.insert(key);
        if (known.contains(key))
            continue;
        if (unsupported.contains(key))
            fail(it->first, ManifestText::tr("%1: '%2' is not supported by funcdeskd deploy").arg(what, key));
        if (ignored.contains(key))
            warn(it->first, ManifestText::tr("%1: '%2' has no effect here and is ignored").arg(what, key));
        else
            warn(it->first, ManifestText::tr("%1: unknown key '%2' is ignored (known: %3)")
                                .arg(what, key, known.join(QStringLiteral(", "))));
    }
}

YAML::Node Context::mapping(const YAML::Node &node, const QString &what) const
{
    if (!node.IsDefined() || node.IsNull())
        return YAML::Node(YAML::NodeType::Map);
    if (!node.IsMap())
        fail(node, ManifestText::tr("%1 must be a mapping of names to entries").arg(what));
    return node;
}

QString Context::keyText(const YAML::Node &key) const
{
    if (!key.IsScalar())
        fail(key, ManifestText::tr("a key must be a plain name, not a mapping or a list"));
    return fromStd(key.Scalar());
}

QString Context::entityName(const YAML::Node &key, const QString &what) const
{
    const QString name = substitute(keyText(key), key);
    if (auto invalid = checkEntityName(name))
        fail(key, ManifestText::tr("%1 name '%2' is not valid: %3").arg(what, name, invalid->message));
    return name;
}

QString Context::text(const YAML::Node &node, const QString &what) const
{
    if (!node.IsDefined() || node.IsNull())
        fail(node, ManifestText::tr("%1 needs a value").arg(what));
    if (!node.IsScalar())
        fail(node, ManifestText::tr("%1 must be a single value, not a mapping or a list").arg(what));
    return substitute(fromStd(node.Scalar()), node);
}

bool Context::boolean(const YAML::Node &node, const QString &what) const
{
    const QJsonValue parsed = node.IsScalar() ? value(node) : QJsonValue();
    if (!parsed.isBool())
        fail(node, ManifestText::tr("%1 must be true or false").arg(what));
    return parsed.toBool();
}

QJsonValue Context::value(const YAML::Node &node, int depth) const
{
    if (depth > m_options.maxValueDepth)
        fail(node, ManifestText::tr("a value nests deeper than %1 levels").arg(m_options.maxValueDepth));
    if (!node.IsDefined() || node.IsNull())
        return QJsonValue::Null;
    if (node.IsSequence()) {
        QJsonArray array;
        for (const YAML::Node &item : node)
            array.append(value(item, depth + 1));
        return array;
    }
    if (node.IsMap()) {
        QJsonObject object;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = keyText(it->first);
            if (object.contains(key))
                fail(it->first, ManifestText::tr("'%1' is given twice").arg(key));
            object.insert(key, value(it->second, depth + 1));
        }
        return object;
    }
    const QString raw = fromStd(node.Scalar());
    if (isQuoted(node))
        return substitute(raw, node);
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression real(QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    static const QStringList nulls{QStringLiteral("~"), QStringLiteral("null"), QStringLiteral("Null"),
                                   QStringLiteral("NULL")};
    static const QStringList yes{QStringLiteral("true"), QStringLiteral("True"), QStringLiteral("TRUE"),
                                 QStringLiteral("yes"),  QStringLiteral("Yes"),  QStringLiteral("YES"),
                                 QStringLiteral("on"),   QStringLiteral("On"),   QStringLiteral("ON")};
    static const QStringList no{QStringLiteral("false"), QStringLiteral("False"), QStringLiteral("FALSE"),
                                QStringLiteral("no"),    QStringLiteral("No"),    QStringLiteral("NO"),
                                QStringLiteral("off"),   QStringLiteral("Off"),   QStringLiteral("OFF")};
    if (raw.isEmpty() || nulls.contains(raw))
        return QJsonValue::Null;
    if (yes.contains(raw))
        return true;
    if (no.contains(raw))
        return false;
    if (integer.match(raw).hasMatch()) {
        bool ok = false;
        const qint64 number = raw.toLongLong(&ok);
        if (ok)
            return number;
    }
    if (real.match(raw).hasMatch()) {
        bool ok = false;
        const double number = raw.toDouble(&ok);
        if (ok && std::isfinite(number))
            return number;
    }
    return substitute(raw, node);
}

QString Context::substitute(const QString &text, const YAML::Node &where) const
{
    if (!text.contains(QLatin1Char('$')))
        return text;
    QString out;
    out.reserve(text.size());
    const auto isNameStart = [](QChar c) { return c == QLatin1Char('_') || (c.isLetter() && c.unicode() < 128); };
    const auto isNamePart = [&](QChar c) { return isNameStart(c) || (c.isDigit() && c.unicode() < 128); };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('$') || i + 1 >= text.size()) {
            out.append(c);
            continue;
        }
        if (text.mid(i, 3) == QLatin1StringView("$${")) { // wskdeploy's escape: a literal ${
            out.append(QLatin1StringView("${"));
            i += 2;
            continue;
        }
        QString name;
        qsizetype end = i;
        if (text.at(i + 1) == QLatin1Char('{')) {
            const qsizetype close = text.indexOf(QLatin1Char('}'), i + 2);
            if (close < 0)
                fail(where, ManifestText::tr("'${' without a closing '}' in '%1'").arg(text));
            name = text.mid(i + 2, close - i - 2);
            if (name.isEmpty() || !isNameStart(name.front()) || !std::all_of(name.begin(), name.end(), isNamePart))
                fail(where, ManifestText::tr("'%1' is not an environment variable's name").arg(name));
            end = close;
        } else if (isNameStart(text.at(i + 1))) {
            end = i + 1;
            while (end + 1 < text.size() && isNamePart(text.at(end + 1)))
                ++end;
            name = text.mid(i + 1, end - i);
        } else {
            out.append(c);
            continue;
        }
        const std::optional<QString> found =
            m_options.environment ? m_options.environment(name)
                                  : (qEnvironmentVariableIsSet(name.toLocal8Bit().constData())
                                         ? std::optional<QString>(qEnvironmentVariable(name.toLocal8Bit().constData()))
                                         : std::nullopt);
        if (!found)
            fail(where, ManifestText::tr("the environment variable %1 is not set").arg(name));
        out.append(*found);
        i = end;
    }
    return out;
}

KeyValueList Context::inputs(const YAML::Node &node) const
{
    KeyValueList list;
    const YAML::Node map = mapping(node, QStringLiteral("inputs"));
    static const QStringList multiLineKeys{
        QStringLiteral("type"),     QStringLiteral("value"),  QStringLiteral("default"), QStringLiteral("description"),
        QStringLiteral("required"), QStringLiteral("status"), QStringLiteral("schema")};
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString key = keyText(it->first);
        if (list.contains(key))
            fail(it->first, ManifestText::tr("the input '%1' is given twice").arg(key));
        const YAML::Node given = it->second;
        bool multiLine = given.IsMap() && given.size() > 0;
        for (auto field = given.begin(); multiLine && field != given.end(); ++field)
            multiLine = field->first.IsScalar() && multiLineKeys.contains(fromStd(field->first.Scalar()));
        if (!multiLine) {
            // `name: string` declares a string and gives it the type's zero value (wskdeploy).
            if (given.IsScalar() && !isQuoted(given)) {
                const QString type = parameterType(fromStd(given.Scalar()));
                if (!type.isEmpty()) {
                    list.set(key, zeroValue(type));
                    continue;
                }
            }
            list.set(key, value(given));
            continue;
        }
        QString type;
        if (given[std::string("type")]) {
            const YAML::Node typeNode = given[std::string("type")];
            type = parameterType(text(typeNode, QStringLiteral("type")));
            if (type.isEmpty())
                fail(typeNode, ManifestText::tr("the input '%1' has the unknown type '%2' (known: %3)")
                                   .arg(key, fromStd(typeNode.Scalar()), parameterTypes().join(QStringLiteral(", "))));
        }
        const YAML::Node givenValue = given[std::string("value")];
        const YAML::Node valueNode = givenValue && !givenValue.IsNull() ? givenValue : given[std::string("default")];
        QJsonValue resolved;
        if (valueNode && !valueNode.IsNull()) {
            resolved = value(valueNode);
            if (type == QLatin1StringView("json") && resolved.isString()) {
                const QJsonDocument document = QJsonDocument::fromJson(resolved.toString().toUtf8());
                if (document.isObject())
                    resolved = document.object();
                else if (document.isArray())
                    resolved = document.array();
            }
            if (!type.isEmpty() && !hasType(resolved, type))
                fail(valueNode, ManifestText::tr("the input '%1' is declared %2 but its value is not").arg(key, type));
        } else {
            resolved = type.isEmpty() ? QJsonValue(QString()) : zeroValue(type);
        }
        list.set(key, resolved);
    }
    return list;
}

KeyValueList Context::annotations(const YAML::Node &node) const
{
    KeyValueList list;
    const YAML::Node map = mapping(node, QStringLiteral("annotations"));
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString key = keyText(it->first);
        if (list.contains(key))
            fail(it->first, ManifestText::tr("the annotation '%1' is given twice").arg(key));
        list.set(key, value(it->second));
    }
    return list;
}

ActionLimits Context::limits(const YAML::Node &node)
{
    ActionLimits limits;
    const YAML::Node map = mapping(node, QStringLiteral("limits"));
    // A number in the limit's unit, or a number with a unit: "512 MB", "1 GB", "30 s", "2 min".
    const auto amount = [this](const YAML::Node &given, const QString &key, bool isTime) -> qint64 {
        static const QRegularExpression pattern(QStringLiteral("^\\s*([0-9]+)\\s*([A-Za-z]*)\\s*$"));
        const auto match = given.IsScalar() ? pattern.match(fromStd(given.Scalar())) : QRegularExpressionMatch();
        bool ok = match.hasMatch();
        qint64 number = ok ? match.captured(1).toLongLong(&ok) : 0;
        const QString unit = match.captured(2).toLower();
        const QHash<QString, qint64> units = isTime ? QHash<QString, qint64>{{QString(), 1},
                                                                             {QStringLiteral("ms"), 1},
                                                                             {QStringLiteral("s"), 1000},
                                                                             {QStringLiteral("m"), 60000},
                                                                             {QStringLiteral("min"), 60000}}
                                                    : QHash<QString, qint64>{{QString(), 1},
                                                                             {QStringLiteral("mb"), 1},
                                                                             {QStringLiteral("m"), 1},
                                                                             {QStringLiteral("gb"), 1024},
                                                                             {QStringLiteral("g"), 1024}};
        if (!ok || !units.contains(unit) || number > (qint64(1) << 40))
            fail(given,
                 isTime ? ManifestText::tr("limits: %1 must be a number of milliseconds (or with ms, s, min)").arg(key)
                        : ManifestText::tr("limits: %1 must be a number of megabytes (or with MB, GB)").arg(key));
        return number * units.value(unit);
    };
    QSet<QString> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString key = keyText(it->first);
        if (seen.contains(key))
            fail(it->first, ManifestText::tr("the limit '%1' is given twice").arg(key));
        seen.insert(key);
        if (key == QLatin1StringView("timeout"))
            limits.timeoutMs = amount(it->second, key, true);
        else if (key == QLatin1StringView("memorySize"))
            limits.memoryMb = amount(it->second, key, false);
        else if (key == QLatin1StringView("logSize"))
            limits.logsMb = amount(it->second, key, false);
        else if (key == QLatin1StringView("concurrentActivations"))
            limits.concurrency = amount(it->second, key, false);
        else if (key == QLatin1StringView("userInvocationRate") || key == QLatin1StringView("codeSize") ||
                 key == QLatin1StringView("parameterSize"))
            warn(it->first, ManifestText::tr("limits: '%1' cannot be set per action and is ignored").arg(key));
        else
            warn(it->first,
                 ManifestText::tr("limits: unknown limit '%1' is ignored (known: timeout, memorySize, logSize, "
                                  "concurrentActivations)")
                     .arg(key));
    }
    return limits;
}

QString Context::runtimeKind(const YAML::Node &node) const
{
    const QString name = text(node, QStringLiteral("runtime")).trimmed().toLower();
    static const QRegularExpression pattern(QStringLiteral("^([a-z][a-z0-9]*)(?:[:@]([0-9a-z][0-9a-z.]*))?$"));
    const auto match = pattern.match(name);
    if (!match.hasMatch())
        fail(node, ManifestText::tr("'%1' is not a runtime name (e.g. nodejs, nodejs:20, python@3.11)").arg(name));
    const QString version = match.captured(2);
    return match.captured(1) + QLatin1Char(':') + (version.isEmpty() ? QStringLiteral("default") : version);
}

} // namespace funcdesk::manifest
