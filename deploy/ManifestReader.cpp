#include "deploy/ManifestReader.h"

#include "deploy/ManifestYaml.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

// The translation context of the manifest reader's messages.
struct ReaderText
{
    Q_DECLARE_TR_FUNCTIONS(ManifestReader)
};

namespace funcdesk {

namespace {

using manifest::Context;
using manifest::Invalid;

std::string key(const char *name)
{
    return std::string(name);
}

// The runtime family wskdeploy infers from a function file's extension.
QString familyForExtension(const QString &extension)
{
    static const QHash<QString, QString> families{
        {QStringLiteral("js"), QStringLiteral("nodejs")}, {QStringLiteral("mjs"), QStringLiteral("nodejs")},
        {QStringLiteral("py"), QStringLiteral("python")}, {QStringLiteral("php"), QStringLiteral("php")},
        {QStringLiteral("rb"), QStringLiteral("ruby")},   {QStringLiteral("go"), QStringLiteral("go")},
        {QStringLiteral("java"), QStringLiteral("java")}, {QStringLiteral("swift"), QStringLiteral("swift")},
        {QStringLiteral("rs"), QStringLiteral("rust")},   {QStringLiteral("cs"), QStringLiteral("dotnet")}};
    return families.value(extension);
}

class Reader
{
public:
    Reader(Context &context, QString folder) : m_context(context), m_folder(std::move(folder)) {}

    Manifest read(const YAML::Node &root, const QString &file);

private:
    void readPackages(const YAML::Node &packages);
    void readPackage(const QString &name, const YAML::Node &keyNode, const YAML::Node &node);
    void readBindings(const YAML::Node &node);
    void readAction(const QString &package, const YAML::Node &keyNode, const YAML::Node &node);
    void readExec(PlannedAction &planned, const YAML::Node &node);
    void readWeb(KeyValueList &annotations, const YAML::Node &node, const QString &what);
    void readSequence(const QString &package, const YAML::Node &keyNode, const YAML::Node &node);
    void readTrigger(const YAML::Node &keyNode, const YAML::Node &node);
    void readRule(const QString &package, const YAML::Node &keyNode, const YAML::Node &node);
    // "a" in package "p" → "p/a"; "q/a" and "/ns/…" stay as written.
    QString qualified(const QString &package, const QString &name, const YAML::Node &where) const;
    // A name this manifest deploys (an action, a sequence) or reaches through one of its bindings.
    bool declares(const QString &name) const;
    void resolve();
    void counted(const YAML::Node &where);
    // Records `name` in `names` (and counts it); `twice` ("… '%1' … (first at %2)") when it is there.
    ManifestLocation declare(QHash<QString, ManifestLocation> &names, const QString &name, const YAML::Node &keyNode,
                             const QString &twice);
    // "package/name" (or "name" in the default package) from a mapping key.
    QString memberName(const QString &package, const YAML::Node &keyNode, const QString &what) const;

    Context &m_context;
    QString m_folder;
    Manifest m_manifest;
    QList<PlannedPackage> m_bindings;
    QList<PlannedAction> m_sequences;
    QHash<QString, YAML::Node> m_sequenceNodes; // name → its `actions` node, for messages
    QHash<QString, YAML::Node> m_ruleNodes;
    QHash<QString, ManifestLocation> m_packageNames, m_actionNames, m_triggerNames, m_ruleNames;
    int m_entities = 0;
};

Manifest Reader::read(const YAML::Node &root, const QString &file)
{
    m_manifest.file = file;
    if (!root.IsDefined() || root.IsNull())
        m_context.fail(root, ReaderText::tr("the manifest is empty: it needs 'packages'"));
    if (!root.IsMap())
        m_context.fail(root, ReaderText::tr("the manifest must be a mapping with 'packages' (or 'project')"));
    m_context.checkKeys(root, ReaderText::tr("the manifest"), {QStringLiteral("packages"), QStringLiteral("project")},
                        {}, {QStringLiteral("package"), QStringLiteral("includes")});
    if (root[key("project")]) {
        const YAML::Node project = m_context.mapping(root[key("project")], QStringLiteral("project"));
        m_context.checkKeys(project, QStringLiteral("project"),
                            {QStringLiteral("name"), QStringLiteral("version"), QStringLiteral("packages"),
                             QStringLiteral("description")},
                            {QStringLiteral("namespace"), QStringLiteral("credential"), QStringLiteral("apiHost"),
                             QStringLiteral("apigwAccessToken"), QStringLiteral("config")},
                            {QStringLiteral("inputs")});
        readPackages(project[key("packages")]);
    }
    if (root[key("packages")])
        readPackages(root[key("packages")]);
    if (m_manifest.entityCount() + m_bindings.size() + m_sequences.size() == 0)
        m_context.fail(root, ReaderText::tr("the manifest deploys nothing: no package holds an entity"));
    resolve();
    m_manifest.packages.append(m_bindings);
    m_manifest.warnings = m_context.takeWarnings();
    return m_manifest;
}

void Reader::counted(const YAML::Node &where)
{
    if (++m_entities > m_context.options().maxEntities)
        m_context.fail(where,
                       ReaderText::tr("more than %1 entities in one manifest").arg(m_context.options().maxEntities));
}

ManifestLocation Reader::declare(QHash<QString, ManifestLocation> &names, const QString &name,
                                 const YAML::Node &keyNode, const QString &twice)
{
    if (names.contains(name))
        m_context.fail(keyNode, twice.arg(name, names.value(name).toString()));
    counted(keyNode);
    const ManifestLocation where = m_context.at(keyNode);
    names.insert(name, where);
    return where;
}

QString Reader::memberName(const QString &package, const YAML::Node &keyNode, const QString &what) const
{
    const QString name = m_context.entityName(keyNode, what);
    return package.isEmpty() ? name : package + QLatin1Char('/') + name;
}

void Reader::readPackages(const YAML::Node &packages)
{
    const YAML::Node map = m_context.mapping(packages, QStringLiteral("packages"));
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString name = m_context.entityName(it->first, ReaderText::tr("the package"));
        readPackage(name, it->first, it->second);
    }
}

void Reader::readPackage(const QString &name, const YAML::Node &keyNode, const YAML::Node &node)
{
    const bool isDefault = name.compare(QLatin1StringView("default"), Qt::CaseInsensitive) == 0;
    const QString what = ReaderText::tr("package '%1'").arg(name);
    const YAML::Node map = m_context.mapping(node, what);
    m_context.checkKeys(map, what,
                        {QStringLiteral("public"), QStringLiteral("inputs"), QStringLiteral("annotations"),
                         QStringLiteral("dependencies"), QStringLiteral("actions"), QStringLiteral("sequences"),
                         QStringLiteral("triggers"), QStringLiteral("rules"), QStringLiteral("version"),
                         QStringLiteral("license"), QStringLiteral("description")},
                        {QStringLiteral("repositories"), QStringLiteral("namespace"), QStringLiteral("credential"),
                         QStringLiteral("apiHost"), QStringLiteral("apigwAccessToken")},
                        {QStringLiteral("apis"), QStringLiteral("feeds"), QStringLiteral("compositions")});
    if (!isDefault) {
        PlannedPackage planned{
            name, Package(),
            declare(m_packageNames, name, keyNode, ReaderText::tr("the package '%1' is declared twice (first at %2)"))};
        planned.package.publish =
            map[key("public")] ? m_context.boolean(map[key("public")], QStringLiteral("public")) : false;
        planned.package.parameters = m_context.inputs(map[key("inputs")]);
        planned.package.annotations = m_context.annotations(map[key("annotations")]);
        m_manifest.packages.append(planned);
    } else {
        for (const char *field : {"public", "inputs", "annotations"})
            if (map[key(field)])
                m_context.warn(map[key(field)], ReaderText::tr("the default package is no package: its '%1' is ignored")
                                                    .arg(QLatin1StringView(field)));
    }
    const QString prefix = isDefault ? QString() : name;
    readBindings(map[key("dependencies")]);
    const YAML::Node actions = m_context.mapping(map[key("actions")], QStringLiteral("actions"));
    for (auto it = actions.begin(); it != actions.end(); ++it)
        readAction(prefix, it->first, it->second);
    const YAML::Node sequences = m_context.mapping(map[key("sequences")], QStringLiteral("sequences"));
    for (auto it = sequences.begin(); it != sequences.end(); ++it)
        readSequence(prefix, it->first, it->second);
    const YAML::Node triggers = m_context.mapping(map[key("triggers")], QStringLiteral("triggers"));
    for (auto it = triggers.begin(); it != triggers.end(); ++it)
        readTrigger(it->first, it->second);
    const YAML::Node rules = m_context.mapping(map[key("rules")], QStringLiteral("rules"));
    for (auto it = rules.begin(); it != rules.end(); ++it)
        readRule(prefix, it->first, it->second);
}

// `dependencies`: `name: {location: /namespace/package, inputs, annotations}` binds a package.
void Reader::readBindings(const YAML::Node &node)
{
    const YAML::Node map = m_context.mapping(node, QStringLiteral("dependencies"));
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString name = m_context.entityName(it->first, ReaderText::tr("the binding"));
        const QString what = ReaderText::tr("binding '%1'").arg(name);
        const YAML::Node entry = m_context.mapping(it->second, what);
        m_context.checkKeys(entry, what,
                            {QStringLiteral("location"), QStringLiteral("inputs"), QStringLiteral("annotations"),
                             QStringLiteral("version")});
        const YAML::Node locationNode = entry[key("location")];
        if (!locationNode)
            m_context.fail(it->first,
                           ReaderText::tr("%1 needs a location, the package it binds (/namespace/package)").arg(what));
        const QString location = m_context.text(locationNode, QStringLiteral("location"));
        const QStringList parts = location.split(QLatin1Char('/'));
        if (parts.size() != 3 || !parts.at(0).isEmpty() || parts.at(1).isEmpty() || parts.at(2).isEmpty())
            m_context.fail(locationNode, ReaderText::tr("%1: funcdeskd deploy binds packages only, named "
                                                        "/namespace/package; '%2' is not one")
                                             .arg(what, location));
        PlannedPackage planned{name, Package(),
                               declare(m_packageNames, name, it->first,
                                       ReaderText::tr("the package '%1' is declared twice (first at %2)"))};
        planned.package.binding =
            QJsonObject{{QStringLiteral("namespace"), parts.at(1)}, {QStringLiteral("name"), parts.at(2)}};
        planned.package.parameters = m_context.inputs(entry[key("inputs")]);
        planned.package.annotations = m_context.annotations(entry[key("annotations")]);
        m_bindings.append(planned);
    }
}

void Reader::readAction(const QString &package, const YAML::Node &keyNode, const YAML::Node &node)
{
    const QString name = memberName(package, keyNode, ReaderText::tr("the action"));
    const QString what = ReaderText::tr("action '%1'").arg(name);
    const ManifestLocation where =
        declare(m_actionNames, name, keyNode, ReaderText::tr("the action '%1' is declared twice (first at %2)"));
    const YAML::Node map = m_context.mapping(node, what);
    m_context.checkKeys(map, what,
                        {QStringLiteral("function"), QStringLiteral("location"), QStringLiteral("code"),
                         QStringLiteral("runtime"), QStringLiteral("kind"), QStringLiteral("main"),
                         QStringLiteral("inputs"), QStringLiteral("limits"), QStringLiteral("web"),
                         QStringLiteral("web-export"), QStringLiteral("raw-http"), QStringLiteral("final"),
                         QStringLiteral("annotations"), QStringLiteral("version"), QStringLiteral("description"),
                         QStringLiteral("outputs")},
                        {QStringLiteral("namespace"), QStringLiteral("credential"), QStringLiteral("exposedUrl"),
                         QStringLiteral("feed")},
                        {QStringLiteral("docker"), QStringLiteral("native"), QStringLiteral("conductor"),
                         QStringLiteral("include"), QStringLiteral("exclude")});
    PlannedAction planned;
    planned.name = name;
    planned.where = where;
    readExec(planned, map);
    if (map[key("main")])
        planned.action.exec->main = m_context.text(map[key("main")], QStringLiteral("main"));
    planned.action.parameters = m_context.inputs(map[key("inputs")]);
    KeyValueList annotations = m_context.annotations(map[key("annotations")]);
    readWeb(annotations, map, what);
    planned.action.annotations = annotations;
    if (map[key("limits")]) {
        planned.limitsWhere = m_context.at(map[key("limits")]);
        const ActionLimits limits = m_context.limits(map[key("limits")]);
        if (limits != ActionLimits())
            planned.action.limits = limits;
    }
    m_manifest.actions.append(planned);
}

void Reader::readExec(PlannedAction &planned, const YAML::Node &map)
{
    YAML::Node runtimeNode = map[key("runtime")] ? map[key("runtime")] : map[key("kind")];
    QString kind;
    if (runtimeNode) {
        kind = m_context.runtimeKind(runtimeNode);
        if (kind == QLatin1StringView("language:default")) // wskdeploy's "infer it from the file"
            kind.clear();
        planned.runtimeWhere = m_context.at(runtimeNode);
    }
    Exec exec;
    const YAML::Node functionNode = map[key("function")] ? map[key("function")] : map[key("location")];
    const YAML::Node codeNode = map[key("code")];
    if (functionNode && codeNode)
        m_context.fail(codeNode,
                       ReaderText::tr("action '%1' has both a function and code: give one").arg(planned.name));
    if (codeNode) {
        if (kind.isEmpty())
            m_context.fail(codeNode,
                           ReaderText::tr("action '%1' gives its code inline: it needs a runtime").arg(planned.name));
        exec = Exec::withCode(kind, m_context.text(codeNode, QStringLiteral("code")));
        planned.action.exec = exec;
        return;
    }
    if (!functionNode)
        m_context.fail(planned.where, ReaderText::tr("action '%1' needs a function: the file of its code, relative "
                                                     "to the manifest")
                                          .arg(planned.name));
    const QString function = m_context.text(functionNode, QStringLiteral("function"));
    if (function.startsWith(QLatin1StringView("http://")) || function.startsWith(QLatin1StringView("https://")))
        m_context.fail(functionNode, ReaderText::tr("the function %1 is a URL: funcdeskd deploy reads local files "
                                                    "only")
                                         .arg(function));
    const QFileInfo file(QDir(m_folder).filePath(function));
    if (!file.exists())
        m_context.fail(functionNode, ReaderText::tr("the function file %1 does not exist").arg(file.filePath()));
    if (file.isDir())
        m_context.fail(functionNode, ReaderText::tr("the function %1 is a folder: funcdeskd deploy takes a file "
                                                    "(a .zip for several)")
                                         .arg(file.filePath()));
    if (!file.isFile())
        m_context.fail(functionNode, ReaderText::tr("the function %1 is not a regular file").arg(file.filePath()));
    if (file.size() > m_context.options().maxCodeBytes)
        m_context.fail(functionNode, ReaderText::tr("the function file %1 has %2 bytes, more than the %3 an action "
                                                    "may have")
                                         .arg(file.filePath())
                                         .arg(file.size())
                                         .arg(m_context.options().maxCodeBytes));
    QFile source(file.filePath());
    if (!source.open(QIODevice::ReadOnly))
        m_context.fail(functionNode, ReaderText::tr("cannot read %1: %2").arg(file.filePath(), source.errorString()));
    const QByteArray code = source.read(m_context.options().maxCodeBytes + 1);
    const QString extension = file.suffix().toLower();
    const bool zip = extension == QLatin1StringView("zip");
    const QString family = familyForExtension(extension);
    if (kind.isEmpty()) {
        if (zip || family.isEmpty())
            m_context.fail(functionNode, ReaderText::tr("cannot tell the runtime of %1 from its extension: set "
                                                        "'runtime' (e.g. nodejs:20)")
                                             .arg(function));
        kind = family + QStringLiteral(":default");
        planned.runtimeWhere = m_context.at(functionNode);
    } else if (!zip && !family.isEmpty() && kind.section(QLatin1Char(':'), 0, 0) != family) {
        m_context.warn(runtimeNode,
                       ReaderText::tr("the runtime %1 does not match the file %2; %1 is used").arg(kind, function));
    }
    exec = Exec::withCode(kind, zip ? QString::fromLatin1(code.toBase64()) : QString::fromUtf8(code));
    if (zip)
        exec.binary = true;
    planned.action.exec = exec;
}

// `web` (or the older `web-export`): true/yes, raw, false/no → OpenWhisk's web annotations.
void Reader::readWeb(KeyValueList &annotations, const YAML::Node &map, const QString &what)
{
    // (A missing key is a node that throws on anything but a test: copied, never assigned.)
    const YAML::Node web = map[key("web")] ? map[key("web")] : map[key("web-export")];
    if (map[key("web")] && map[key("web-export")])
        m_context.warn(map[key("web-export")], ReaderText::tr("%1 has both web and web-export; web is used").arg(what));
    if (web) {
        const QJsonValue mode = m_context.value(web);
        const QString text = mode.isBool() ? (mode.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                           : mode.toString().toLower();
        bool exported = false, raw = false;
        if (text == QLatin1StringView("true") || text == QLatin1StringView("yes"))
            exported = true;
        else if (text == QLatin1StringView("raw"))
            exported = raw = true;
        else if (text != QLatin1StringView("false") && text != QLatin1StringView("no"))
            m_context.fail(web, ReaderText::tr("web must be true, false, yes, no or raw"));
        annotations.set(QStringLiteral("web-export"), exported);
        annotations.set(QStringLiteral("raw-http"), raw);
        annotations.set(QStringLiteral("final"), exported);
    }
    for (const char *flag : {"raw-http", "final"})
        if (map[key(flag)])
            annotations.set(QLatin1StringView(flag), m_context.boolean(map[key(flag)], QLatin1StringView(flag)));
}

QString Reader::qualified(const QString &package, const QString &name, const YAML::Node &where) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        m_context.fail(where, ReaderText::tr("an empty action name"));
    if (trimmed.startsWith(QLatin1Char('/'))) {
        const QStringList parts = trimmed.mid(1).split(QLatin1Char('/'));
        if (parts.size() < 2 || parts.size() > 3 || parts.contains(QString()))
            m_context.fail(
                where, ReaderText::tr("'%1' is not a fully qualified name (/namespace/[package/]action)").arg(trimmed));
        return trimmed;
    }
    if (trimmed.count(QLatin1Char('/')) > 1 || trimmed.endsWith(QLatin1Char('/')))
        m_context.fail(where, ReaderText::tr("'%1' is not an action name ([package/]action)").arg(trimmed));
    if (package.isEmpty() || trimmed.contains(QLatin1Char('/')))
        return trimmed;
    return package + QLatin1Char('/') + trimmed;
}

void Reader::readSequence(const QString &package, const YAML::Node &keyNode, const YAML::Node &node)
{
    const QString name = memberName(package, keyNode, ReaderText::tr("the sequence"));
    const QString what = ReaderText::tr("sequence '%1'").arg(name);
    const ManifestLocation where =
        declare(m_actionNames, name, keyNode, ReaderText::tr("the action '%1' is declared twice (first at %2)"));
    const YAML::Node map = m_context.mapping(node, what);
    m_context.checkKeys(map, what,
                        {QStringLiteral("actions"), QStringLiteral("web"), QStringLiteral("web-export"),
                         QStringLiteral("annotations"), QStringLiteral("description")});
    const YAML::Node actions = map[key("actions")];
    if (!actions || actions.IsNull())
        m_context.fail(keyNode, ReaderText::tr("%1 needs actions: a, b, c").arg(what));
    PlannedAction planned;
    planned.name = name;
    planned.isSequence = true;
    planned.where = where;
    QStringList components;
    if (actions.IsSequence()) {
        for (const YAML::Node &item : actions)
            components.append(qualified(package, m_context.text(item, ReaderText::tr("a component")), item));
    } else {
        for (const QString &part : m_context.text(actions, QStringLiteral("actions")).split(QLatin1Char(',')))
            components.append(qualified(package, part, actions));
    }
    constexpr int kMaxComponents = 50; // OpenWhisk's actionSequenceLimit
    if (components.size() > kMaxComponents)
        m_context.fail(actions, ReaderText::tr("%1 has %2 components; a sequence has at most %3")
                                    .arg(what)
                                    .arg(components.size())
                                    .arg(kMaxComponents));
    planned.components = components;
    planned.action.exec = Exec();
    planned.action.exec->kind = QStringLiteral("sequence");
    KeyValueList annotations = m_context.annotations(map[key("annotations")]);
    readWeb(annotations, map, what);
    planned.action.annotations = annotations;
    m_sequenceNodes.insert(name, actions);
    m_sequences.append(planned);
}

void Reader::readTrigger(const YAML::Node &keyNode, const YAML::Node &node)
{
    const QString name = m_context.entityName(keyNode, ReaderText::tr("the trigger"));
    const QString what = ReaderText::tr("trigger '%1'").arg(name);
    const ManifestLocation where =
        declare(m_triggerNames, name, keyNode, ReaderText::tr("the trigger '%1' is declared twice (first at %2)"));
    const YAML::Node map = m_context.mapping(node, what);
    m_context.checkKeys(map, what,
                        {QStringLiteral("feed"), QStringLiteral("source"), QStringLiteral("inputs"),
                         QStringLiteral("annotations"), QStringLiteral("description")},
                        {QStringLiteral("namespace"), QStringLiteral("credential")}, {QStringLiteral("events")});
    PlannedTrigger planned;
    planned.name = name;
    planned.where = where;
    const YAML::Node feedNode = map[key("feed")] ? map[key("feed")] : map[key("source")];
    const KeyValueList inputs = m_context.inputs(map[key("inputs")]);
    planned.trigger.annotations = m_context.annotations(map[key("annotations")]);
    if (feedNode) {
        QString feed = m_context.text(feedNode, QStringLiteral("feed"));
        if (!feed.startsWith(QLatin1Char('/')) && feed.count(QLatin1Char('/')) == 2)
            feed.prepend(QLatin1Char('/'));
        const QStringList parts = feed.mid(1).split(QLatin1Char('/'));
        if (!feed.startsWith(QLatin1Char('/')) || parts.size() != 3 || parts.contains(QString()))
            m_context.fail(feedNode, ReaderText::tr("the feed '%1' must be named in full: "
                                                    "/namespace/package/feed, e.g. /whisk.system/alarms/alarm")
                                         .arg(feed));
        planned.feed = feed;
        planned.feedParams = inputs.toObject();
        planned.trigger.annotations->set(QStringLiteral("feed"), feed);
    } else {
        planned.trigger.parameters = inputs;
    }
    m_manifest.triggers.append(planned);
}

void Reader::readRule(const QString &package, const YAML::Node &keyNode, const YAML::Node &node)
{
    const QString name = m_context.entityName(keyNode, ReaderText::tr("the rule"));
    const QString what = ReaderText::tr("rule '%1'").arg(name);
    const ManifestLocation where =
        declare(m_ruleNames, name, keyNode, ReaderText::tr("the rule '%1' is declared twice (first at %2)"));
    const YAML::Node map = m_context.mapping(node, what);
    m_context.checkKeys(map, what,
                        {QStringLiteral("trigger"), QStringLiteral("action"), QStringLiteral("rule"),
                         QStringLiteral("annotations"), QStringLiteral("description")});
    PlannedRule planned;
    planned.name = name;
    planned.where = where;
    if (!map[key("trigger")])
        m_context.fail(keyNode, ReaderText::tr("%1 needs a trigger").arg(what));
    if (!map[key("action")])
        m_context.fail(keyNode, ReaderText::tr("%1 needs an action").arg(what));
    planned.trigger = m_context.text(map[key("trigger")], QStringLiteral("trigger")).trimmed();
    planned.action =
        qualified(package, m_context.text(map[key("action")], QStringLiteral("action")), map[key("action")]);
    if (map[key("rule")] && m_context.value(map[key("rule")]) != QJsonValue(true))
        m_context.warn(map[key("rule")],
                       ReaderText::tr("%1: only 'rule: true' is supported; it fires always").arg(what));
    planned.annotations = m_context.annotations(map[key("annotations")]);
    m_ruleNodes.insert(name, map);
    m_manifest.rules.append(planned);
}

bool Reader::declares(const QString &name) const
{
    if (name.startsWith(QLatin1Char('/')) || m_actionNames.contains(name))
        return true;
    const QString package = name.section(QLatin1Char('/'), 0, 0);
    return name.contains(QLatin1Char('/')) &&
           std::any_of(m_bindings.begin(), m_bindings.end(), [&](const auto &b) { return b.name == package; });
}

void Reader::resolve()
{
    for (const PlannedAction &sequence : std::as_const(m_sequences))
        for (const QString &component : sequence.components)
            if (!declares(component))
                m_context.fail(m_sequenceNodes.value(sequence.name),
                               ReaderText::tr("sequence '%1' refers to '%2', which this manifest does not declare "
                                              "(name an action deployed otherwise in full: /namespace/package/action)")
                                   .arg(sequence.name, component));
    for (const PlannedRule &rule : std::as_const(m_manifest.rules)) {
        const YAML::Node map = m_ruleNodes.value(rule.name);
        if (!m_triggerNames.contains(rule.trigger))
            m_context.fail(map[key("trigger")], ReaderText::tr("rule '%1' refers to the trigger '%2', which this "
                                                               "manifest does not declare")
                                                    .arg(rule.name, rule.trigger));
        if (!declares(rule.action))
            m_context.fail(map[key("action")], ReaderText::tr("rule '%1' refers to the action '%2', which this "
                                                              "manifest does not declare")
                                                   .arg(rule.name, rule.action));
    }
    // Sequences after the sequences they contain; a cycle is an error.
    QList<PlannedAction> pending = m_sequences;
    QSet<QString> placed;
    while (!pending.isEmpty()) {
        const qsizetype before = pending.size();
        for (qsizetype i = 0; i < pending.size();) {
            const bool ready =
                std::all_of(pending[i].components.begin(), pending[i].components.end(), [&](const QString &component) {
                    return !m_sequenceNodes.contains(component) || placed.contains(component);
                });
            if (!ready) {
                ++i;
                continue;
            }
            placed.insert(pending[i].name);
            m_manifest.actions.append(pending.takeAt(i));
        }
        if (pending.size() == before)
            m_context.fail(
                m_sequenceNodes.value(pending.first().name),
                ReaderText::tr("sequence '%1' contains itself, through its components").arg(pending.first().name));
    }
}

} // namespace

Result<Manifest> ManifestReader::readText(const QByteArray &yaml, const QString &path, const Options &options)
{
    Context context(path, options);
    try {
        if (yaml.size() > options.maxManifestBytes)
            context.fail(ManifestLocation{path, 0, 0}, ReaderText::tr("the manifest has %1 bytes, more than %2")
                                                           .arg(yaml.size())
                                                           .arg(options.maxManifestBytes));
        const YAML::Node root = YAML::Load(yaml.toStdString());
        Reader reader(context, QFileInfo(path).absolutePath());
        return reader.read(root, path);
    } catch (const Invalid &invalid) {
        return PlatformError{PlatformError::Kind::Invalid, invalid.problem.toString()};
    } catch (const YAML::Exception &error) {
        const ManifestLocation where{path, error.mark.is_null() ? 0 : error.mark.line + 1,
                                     error.mark.is_null() ? 0 : error.mark.column + 1};
        return PlatformError{
            PlatformError::Kind::Invalid,
            ManifestProblem{where, ReaderText::tr("not valid YAML: %1").arg(QString::fromStdString(error.msg))}
                .toString()};
    }
}

Result<Manifest> ManifestReader::readFile(const QString &path, const Options &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return PlatformError{PlatformError::Kind::Invalid,
                             ReaderText::tr("cannot read the manifest %1: %2").arg(path, file.errorString())};
    return readText(file.read(options.maxManifestBytes + 1), path, options);
}

} // namespace funcdesk
