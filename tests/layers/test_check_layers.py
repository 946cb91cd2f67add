#!/usr/bin/env python3
"""check_layers.py on small fake trees: passes a clean one, and names file and line of each
kind of violation in a broken one (so layers_includes cannot pass because it checks nothing)."""
import os
import subprocess
import sys
import tempfile

CHECKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_layers.py")


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as file:
        file.write(text)


def run(root):
    qt = os.path.join(root, "qt")
    done = subprocess.run([sys.executable, CHECKER, root, "--qt-include", qt], capture_output=True, text=True)
    return done.returncode, done.stdout


def clean_tree(root):
    for module, header in (("QtCore", "QString"), ("QtSql", "QSqlQuery"), ("QtNetwork", "QNetworkReply"),
                           ("QtWidgets", "QWidget"), ("QtCore", "QJsonObject")):
        write(root, f"qt/{module}/{header}", "")
    write(root, "core/Action.h", '#include <QString>\n#include <vector>\n')
    write(root, "core/Action.cpp", '#include "core/Action.h"\n')
    write(root, "platforms/local/Database.h", '#include "core/Action.h"\n#include <QSqlQuery>\n')
    write(root, "models/FunctionList.h", '#include "core/Action.h"\n')
    write(root, "ui/Panel.h", '#include "models/FunctionList.h"\n#include <QWidget>\n')
    write(root, "ui/Panel.cpp", '#include "ui/Panel.h"\n#include "Panel.h"\n#include "Panel.moc"\n')
    write(root, "app/funcdesk/main.cpp", '#include "platforms/local/Database.h"\n#include "ui/Panel.h"\n')


def expect(condition, message, failures):
    if not condition:
        failures.append(message)


def main():
    failures = []
    with tempfile.TemporaryDirectory() as root:
        clean_tree(root)
        code, out = run(root)
        expect(code == 0, f"a clean tree fails:\n{out}", failures)

        write(root, "core/Action.cpp", '#include "core/Action.h"\n\n#include "models/FunctionList.h"\n')
        write(root, "ui/Panel.cpp", '#include "ui/Panel.h"\n#include <QSqlQuery>\n#include "platforms/local/Database.h"\n'
              '#  include <QtNetwork/QNetworkReply>\n#include <QJsonObject>\n')
        write(root, "platforms/openwhisk/Client.cpp", '#include "platforms/local/Database.h"\n')
        write(root, "server/Api.cpp", '#include "../tests/Fixture.h"\n')
        write(root, "tests/Fixture.h", "")
        code, out = run(root)
        expect(code == 1, f"a broken tree passes (exit {code})", failures)
        for needle in ("core/Action.cpp:3: core includes models/FunctionList.h (layer models",
                       "ui/Panel.cpp:2: ui includes QSqlQuery (Qt module QtSql",
                       "ui/Panel.cpp:3: ui includes platforms/local/Database.h (layer platforms/local",
                       "ui/Panel.cpp:4: ui includes QtNetwork/QNetworkReply (Qt module QtNetwork",
                       "ui/Panel.cpp:5: ui includes QJsonObject (QJsonObject is JSON",
                       "platforms/openwhisk/Client.cpp:1: platforms/openwhisk includes platforms/local/Database.h",
                       "server/Api.cpp:1: server includes ../tests/Fixture.h (a file outside the layers)",
                       "7 layer violation(s)"):
            expect(needle in out, f"missing from the report: {needle}\n{out}", failures)
    for failure in failures:
        print("FAIL:", failure)
    print("ok" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
