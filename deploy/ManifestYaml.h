#pragma once

// The manifest reader's YAML helpers (ManifestReader.cpp's, not an API): where a node is, typed
// values from scalars, environment variables, and the grammar shared by every entity (inputs,
// annotations, limits, runtime names).

#include "deploy/ManifestReader.h"

#include <yaml-cpp/yaml.h>

namespace funcdesk::manifest {

// The first invalid entry: thrown inside the reader, caught by ManifestReader.
struct Invalid
{
    ManifestProblem problem;
};

class Context
{
public:
    Context(QString file, const ManifestReader::Options &options);

    ManifestLocation at(const YAML::Node &node) const;
    [[noreturn]] void fail(const YAML::Node &node, const QString &message) const;
    [[noreturn]] void fail(const ManifestLocation &where, const QString &message) const;
    void warn(const YAML::Node &node, const QString &message);

    // Every key of `map` is one of `known` (handled), `ignored` (wskdeploy keys without effect
    // here: a warning) or `unsupported` (wskdeploy features funcdeskd does not deploy: an error);
    // any other key is a warning. A key given twice is an error.
    void checkKeys(const YAML::Node &map, const QString &what, const QStringList &known,
                   const QStringList &ignored = {}, const QStringList &unsupported = {});
    // A mapping (or nothing: an empty one), else an error naming `what`.
    YAML::Node mapping(const YAML::Node &node, const QString &what) const;

    QString keyText(const YAML::Node &key) const;
    // An entity name from a mapping key: variables substituted, OpenWhisk's name rule checked.
    QString entityName(const YAML::Node &key, const QString &what) const;
    // A scalar as text (variables substituted); an error for a mapping or a list.
    QString text(const YAML::Node &node, const QString &what) const;
    bool boolean(const YAML::Node &node, const QString &what) const;
    // Any YAML value as JSON: plain scalars typed as YAML 1.1 does (null, booleans including
    // yes/no/on/off, integers, floats), quoted ones strings, variables substituted in strings.
    QJsonValue value(const YAML::Node &node, int depth = 0) const;
    QString substitute(const QString &text, const YAML::Node &where) const;

    // `inputs`: single-line (`name: value`, or a type name for that type's zero value) and
    // multi-line (`name: {type, value, default, description}`) parameters.
    KeyValueList inputs(const YAML::Node &node) const;
    KeyValueList annotations(const YAML::Node &node) const;
    // `limits`: timeout (ms), memorySize and logSize (MB), concurrentActivations.
    ActionLimits limits(const YAML::Node &node);
    // A wskdeploy runtime name as a kind: "nodejs" → "nodejs:default", "python@3" → "python:3".
    QString runtimeKind(const YAML::Node &node) const;

    const ManifestReader::Options &options() const { return m_options; }
    QList<ManifestProblem> takeWarnings() { return std::move(m_warnings); }

private:
    QString m_file;
    ManifestReader::Options m_options;
    QList<ManifestProblem> m_warnings;
};

} // namespace funcdesk::manifest
