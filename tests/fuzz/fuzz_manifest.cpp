// libFuzzer target: the manifest reader (deploy/ManifestReader: wskdeploy's manifest.yaml through
// yaml-cpp into a typed plan). The input is the manifest's text; its function files are two small
// real files in a private folder (a.js, b.py), the environment a fixed map.
#include "deploy/ManifestReader.h"

#include "core/EntityName.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace {

using namespace funcdesk;

// Made once: the folder the manifest "lives" in, with the files a manifest may name.
const QString &projectFolder()
{
    static QTemporaryDir dir;
    static const bool written = [] {
        for (const auto &[name, text] : {std::pair{"a.js", "function main(p) { return p; }\n"},
                                         std::pair{"b.py", "def main(args):\n    return args\n"}}) {
            QFile file(dir.filePath(QLatin1StringView(name)));
            if (!file.open(QIODevice::WriteOnly) || file.write(text) < 0)
                return false;
        }
        return QDir(dir.path()).mkdir(QStringLiteral("folder"));
    }();
    FUZZ_CHECK(written, "the fuzz project folder is written");
    static const QString path = dir.path();
    return path;
}

ManifestReader::Options options()
{
    ManifestReader::Options options;
    options.environment = [](const QString &name) -> std::optional<QString> {
        if (name == QLatin1StringView("PKG"))
            return QStringLiteral("pkg");
        if (name == QLatin1StringView("EMPTY"))
            return QString();
        return std::nullopt;
    };
    options.maxEntities = 500;
    return options;
}

bool qualifiedOrRelative(const QString &name)
{
    const QStringList parts =
        name.startsWith(QLatin1Char('/')) ? name.mid(1).split(QLatin1Char('/')) : name.split(QLatin1Char('/'));
    return !parts.isEmpty() && parts.size() <= 3 && !parts.contains(QString());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const ManifestReader::Options fixed = options();
    const QString path = projectFolder() + QStringLiteral("/manifest.yaml");
    const auto manifest = ManifestReader::readText(fuzz::bytesOf(data, size), path, fixed);
    if (!manifest) {
        FUZZ_CHECK(manifest.error().kind == PlatformError::Kind::Invalid, "a refused manifest is Invalid");
        FUZZ_CHECK(manifest.error().message.startsWith(path), "an error names the manifest");
        return 0;
    }
    FUZZ_CHECK(manifest->entityCount() > 0 && manifest->entityCount() <= fixed.maxEntities,
               "a manifest deploys something, within the bound");
    for (const PlannedPackage &package : manifest->packages)
        FUZZ_CHECK(!checkEntityName(package.name), "package names are valid");
    for (const PlannedAction &action : manifest->actions) {
        FUZZ_CHECK(action.action.exec.has_value(), "every action has an exec");
        FUZZ_CHECK(qualifiedOrRelative(action.name), "action names are [package/]name");
        if (action.isSequence) {
            FUZZ_CHECK(!action.components.isEmpty() && action.components.size() <= 50, "sequences are bounded");
            for (const QString &component : action.components)
                FUZZ_CHECK(qualifiedOrRelative(component), "components are resolved names");
        } else {
            FUZZ_CHECK(action.action.exec->kind.contains(QLatin1Char(':')), "a kind is family:version");
            FUZZ_CHECK(action.action.exec->code.has_value(), "an action has its code");
        }
    }
    for (const PlannedTrigger &trigger : manifest->triggers)
        FUZZ_CHECK(trigger.feed.isEmpty() || trigger.feed.startsWith(QLatin1Char('/')), "feeds are fully qualified");
    for (const PlannedRule &rule : manifest->rules)
        FUZZ_CHECK(qualifiedOrRelative(rule.action), "a rule's action is resolved");
    for (const ManifestProblem &warning : manifest->warnings)
        FUZZ_CHECK(!warning.message.isEmpty(), "a warning says why");
    return 0;
}
