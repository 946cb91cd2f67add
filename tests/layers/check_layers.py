#!/usr/bin/env python3
"""Fails when a layer includes a header it must not see.

    check_layers.py SOURCE_ROOT [--qt-include QT_INCLUDE_DIR]

Reads every #include line of every .h and .cpp file in the layer folders below and prints one
line per violation, "file:line: <layer> includes <header> (<reason>)", then exits 1. Two rules:

- Funcdesk headers: a layer includes only the layers in its ALLOWED_LAYERS entry (its own
  included). Headers are named from the source root ("core/Action.h"); a quoted name without a
  folder is looked up next to the including file.
- Qt modules: a layer includes only the Qt modules in its ALLOWED_QT entry. <QtSql/QSqlQuery>
  names its module; for <QSqlQuery> the module is the folder of QT_INCLUDE_DIR holding that file
  (without --qt-include only the first form is checked). Non-Qt headers are not checked.

The build enforces part of this too (ui/ gets no QtSql or QtNetwork include folder, see
tests/layers/CMakeLists.txt); this check also covers Funcdesk's own headers, which all live
under one include root, and <QtSql/...>-style names, which the shared Qt root would resolve.
"""
import os
import re
import sys

# The layers, bottom up (docs/architecture.md, DESIGN.md): core < executor < platforms/local,
# platforms/openwhisk < server, models < ui < app. Each entry: what a file in that folder may
# include besides its own folder.
ALLOWED_LAYERS = {
    "core": set(),
    "executor": {"core"},
    "platforms/local": {"core", "executor"},
    "platforms/openwhisk": {"core"},
    "server": {"core", "executor", "platforms/local"},
    # the manifest reader and deployer: over core's Platform interface, any connection.
    "deploy": {"core"},
    # models builds remote platforms for connection profiles (connections/) and runs code
    # offline on the built-in executor (testing/TestRunner); the local platform reaches it
    # only through core's Platform interface, handed in by the app. It deploys manifest.yaml
    # projects for the console (deploy/, models/deploy/ProjectDeployment).
    "models": {"core", "executor", "platforms/openwhisk", "deploy"},
    "translations": {"core"},
    "ui": {"core", "models"},
    "app/funcdeskd": {"core", "executor", "platforms/local", "platforms/openwhisk", "server", "translations",
                      "deploy"},
    "app/funcdesk": {"core", "executor", "platforms/local", "platforms/openwhisk", "server", "models",
                     "translations", "ui"},
}

# The Qt modules each layer may include. core is QtCore only; ui never sees SQL or HTTP.
ALLOWED_QT = {
    "core": {"QtCore"},
    "executor": {"QtCore", "QtConcurrent"},
    "platforms/local": {"QtCore", "QtConcurrent", "QtSql"},
    "platforms/openwhisk": {"QtCore", "QtNetwork"},
    "server": {"QtCore", "QtConcurrent", "QtNetwork"},
    "deploy": {"QtCore"},
    "models": {"QtCore", "QtConcurrent", "QtGui"},
    "translations": {"QtCore"},
    "ui": {"QtCore", "QtConcurrent", "QtGui", "QtWidgets", "QtCharts"},
    "app/funcdeskd": {"QtCore", "QtConcurrent", "QtNetwork"},
    "app/funcdesk": {"QtCore", "QtConcurrent", "QtGui", "QtWidgets", "QtNetwork", "QtCharts"},
}

# Headers a layer may not include although their module is allowed: ui/ never touches JSON
# (QJsonDocument and friends are QtCore); models hand widgets text, numbers and core types.
FORBIDDEN_HEADERS = {
    "ui": ("QJson", "QtCore/QJson"),
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCE_SUFFIXES = (".h", ".cpp")


def layer_of(path):
    """The layer a path relative to the source root belongs to, or None."""
    for layer in sorted(ALLOWED_LAYERS, key=len, reverse=True):
        if path == layer or path.startswith(layer + "/"):
            return layer
    return None


def qt_module(header, qt_include):
    """The Qt module a <...> header belongs to, or None when it is not a Qt header."""
    if "/" in header:
        module = header.split("/", 1)[0]
        return module if re.fullmatch(r"Qt[A-Z][A-Za-z]*", module) else None
    if not re.fullmatch(r"Q[A-Za-z]+", header) or not qt_include:
        return None
    if re.fullmatch(r"Qt[A-Z][A-Za-z]*", header) and os.path.isdir(os.path.join(qt_include, header)):
        return header  # a module's all-in-one header, <QtConcurrent>
    for module in qt_modules(qt_include):
        if os.path.isfile(os.path.join(qt_include, module, header)):
            return module
    return None


_modules = {}


def qt_modules(qt_include):
    if qt_include not in _modules:
        _modules[qt_include] = sorted(name for name in os.listdir(qt_include)
                                      if name.startswith("Qt") and os.path.isdir(os.path.join(qt_include, name)))
    return _modules[qt_include]


def violations(root, qt_include=None):
    """Yields "file:line: message" for every include a layer must not have."""
    for layer in sorted(ALLOWED_LAYERS):
        top = os.path.join(root, layer)
        for folder, subfolders, files in os.walk(top):
            subfolders.sort()
            for name in sorted(files):
                if not name.endswith(SOURCE_SUFFIXES):
                    continue
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, root).replace(os.sep, "/")
                if layer_of(relative) != layer:
                    continue  # a file of a nested layer (none today) is checked under its own
                with open(path, encoding="utf-8") as source:
                    for number, line in enumerate(source, 1):
                        match = INCLUDE.match(line)
                        if match:
                            problem = check(root, relative, layer, match.group(1), match.group(2), qt_include)
                            if problem:
                                yield f"{relative}:{number}: {layer} includes {match.group(2)} ({problem})"


def check(root, relative, layer, kind, header, qt_include):
    """Why this include is not allowed, or None."""
    if kind == "<":
        if header.startswith(FORBIDDEN_HEADERS.get(layer, ())):
            return f"{header} is JSON; {layer} never touches JSON (models/ hands it values)"
        module = qt_module(header, qt_include)
        if module and module not in ALLOWED_QT[layer]:
            return f"Qt module {module}; {layer} may use {', '.join(sorted(ALLOWED_QT[layer]))}"
        target = header if layer_of(header) else None
    else:
        beside = os.path.normpath(os.path.join(os.path.dirname(relative), header)).replace(os.sep, "/")
        if "/" not in header or header.startswith("."):
            target = beside if os.path.isfile(os.path.join(root, beside)) else None
        else:
            target = header
        if target is None:
            return None  # a system or generated header (http_parser.h, *.moc)
    included = layer_of(target) if target else None
    if included is None or included == layer:
        if target and included is None and os.path.isfile(os.path.join(root, target)):
            return "a file outside the layers"
        return None
    if included not in ALLOWED_LAYERS[layer]:
        allowed = ", ".join(sorted(ALLOWED_LAYERS[layer])) or "nothing else"
        return f"layer {included}; {layer} may include {allowed}"
    return None


def main(argv):
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    root, qt_include = argv[0], None
    if argv[1:3] and argv[1] == "--qt-include":
        qt_include = argv[2]
    found = list(violations(root, qt_include))
    for line in found:
        print(line)
    print(f"{len(found)} layer violation(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
