#!/usr/bin/python3
"""funcdesk's command line, on the real program (offscreen, private HOME): --version and --help
need no display, --help lists --connection, --data-dir and --lang, --lang zh_CN applies to the
help itself, an unknown option ends the console with status 1, an unknown --connection with the
known names, --connection Local --data-dir DIR starts the console on DIR and loads its views
module, and the program itself does not link the libraries kept out of its start
(docs/architecture.md "The views module").
Usage: check_command_line.py FUNCDESK VERSION"""
import os
import shutil
import subprocess
import sys
import tempfile

funcdesk, version = sys.argv[1:3]
problems = []


def expect(condition, problem):
    if not condition:
        problems.append(problem)


work = tempfile.mkdtemp(prefix="funcdesk-command-line-")
try:
    env = dict(os.environ, HOME=work, XDG_CONFIG_HOME=f"{work}/config", XDG_DATA_HOME=f"{work}/data",
               LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("FUNCDESK_LANGUAGE", None)
    env.pop("FUNCDESK_DATA_DIR", None)
    no_display = dict(env)
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        no_display.pop(variable, None)

    def run(*arguments, environment=env, timeout=60):
        return subprocess.run([funcdesk, *arguments], capture_output=True, text=True, env=environment,
                              timeout=timeout)

    # Loaded after the first window (libfuncdesk_views.so) or by funcdeskd only (TLS): never at start.
    dynamic = subprocess.run(["readelf", "-d", funcdesk], capture_output=True, text=True, check=True).stdout
    for library in ("libQt6Charts", "libqscintilla2", "libQt6PrintSupport", "libQt6OpenGL", "libssl", "libcrypto"):
        expect(f"[{library}" not in dynamic, f"funcdesk links {library} (NEEDED): it would load at every start")

    shown = run("--version", environment=no_display)
    expect(shown.returncode == 0 and shown.stdout.strip() == f"funcdesk {version}",
           f"--version without a display: {shown.returncode} {shown.stdout!r} {shown.stderr!r}")
    shown = run("--help", environment=no_display)
    expect(shown.returncode == 0, f"--help without a display: {shown.returncode} {shown.stderr!r}")
    for option in ("--connection <NAME>", "--data-dir <DIR>", "--lang <LANGUAGE>", "--version", "--help"):
        expect(option in shown.stdout, f"--help does not list {option}:\n{shown.stdout}")
    chinese = run("--lang", "zh_CN", "--help", environment=no_display)
    expect(chinese.returncode == 0 and any("\u4e00" <= c <= "\u9fff" for c in chinese.stdout),
           f"--lang zh_CN --help shows no Chinese:\n{chinese.stdout}")

    offscreen = dict(env, QT_QPA_PLATFORM="offscreen")
    data_dir = os.path.join(work, "console-data")
    # An unknown option ends the console at once (exit(), no destructors: the font thread of
    # main.cpp must not be running then), with status 1 and the option named.
    for _ in range(3):
        bogus = run("--bogus", environment=offscreen)
        expect(bogus.returncode == 1 and "bogus" in bogus.stderr, f"--bogus: {bogus.returncode} {bogus.stderr!r}")
    refused = run("--connection", "Nowhere", "--data-dir", data_dir, environment=offscreen)
    expect(refused.returncode == 1 and "There is no connection named Nowhere" in refused.stderr
           and "Local" in refused.stderr, f"--connection Nowhere: {refused.returncode} {refused.stderr!r}")

    started = run("--connection", "local", "--data-dir", data_dir,
                  environment=dict(offscreen, FUNCDESK_STARTUP_PROBE="1"), timeout=120)
    expect(started.returncode == 0 and "ok=1 views=1" in started.stdout,
           f"--connection local --data-dir: {started.returncode} {started.stdout!r} {started.stderr!r}")
    expect(os.path.isdir(os.path.join(data_dir)) and os.listdir(data_dir),
           f"--data-dir {data_dir}: the console kept nothing there")
finally:
    shutil.rmtree(work, ignore_errors=True)

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
