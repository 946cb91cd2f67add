#pragma once

#include "deploy/Manifest.h"

#include "core/Result.h"

#include <functional>
#include <optional>

namespace funcdesk {

// Reads the subset of wskdeploy's manifest.yaml that funcdeskd deploys (docs/deploy.md): packages
// with their inputs, annotations, `public` flag and bindings (`dependencies`), and in them
// actions, sequences, triggers and rules. Every name is checked, every reference resolved, every
// function file read, before anything is deployed. The first invalid entry stops the reading
// with an Invalid error "FILE:LINE:COLUMN: what is wrong"; keys that mean nothing to the
// deployment are warnings (Manifest::warnings).
class ManifestReader
{
public:
    // An environment variable's value, nullopt when unset (`${VAR}` and `$VAR` in strings).
    using Environment = std::function<std::optional<QString>(const QString &name)>;

    struct Options
    {
        Environment environment; // unset: the process's environment
        // OpenWhisk's code size limit (48 MB): a larger function file is refused unread.
        qint64 maxCodeBytes = 48LL * 1024 * 1024;
        qint64 maxManifestBytes = 4LL * 1024 * 1024; // the manifest file itself
        int maxEntities = 10000;                     // packages + actions + triggers + rules
        int maxValueDepth = 64;                      // nesting of an input's value
    };

    // Reads `path` (function files are relative to its folder).
    static Result<Manifest> readFile(const QString &path, const Options &options);
    static Result<Manifest> readFile(const QString &path) { return readFile(path, Options()); }
    // Reads `yaml` as if it were the file `path` (which need not exist; its folder is where the
    // function files are looked for).
    static Result<Manifest> readText(const QByteArray &yaml, const QString &path, const Options &options);
};

} // namespace funcdesk
