#!/usr/bin/python3
"""Builds the two .deb packages from the build tree and checks them the way a user would meet
them, without installing anything into this system: lintian, desktop-file-validate, appstreamcli
and systemd-analyze on the packaged files; then both packages unpacked with dpkg-deb -x into a
temporary root, where the installed tree must hold every file the programs load at run time,
the programs must run (funcdeskd --version, funcdeskd invoke of an example, funcdesk --version
offscreen) and must use the installed files, not the build or source folder.
Usage: check_packages.py BUILD_DIR SOURCE_DIR VERSION"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

build_dir, source_dir, version = sys.argv[1:4]
problems = []
started = time.monotonic()


def step(what):
    print(f"[{time.monotonic() - started:6.1f} s] {what}", flush=True)


def run(command, env=None, check=True, timeout=600):
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout)
    if check and done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


def expect(condition, problem):
    if not condition:
        problems.append(problem)
        print("PROBLEM:", problem, flush=True)


work = tempfile.mkdtemp(prefix="funcdesk-packaging-")
try:
    # Private HOME, XDG folders and TMPDIR: the programs write nowhere else.
    home = os.path.join(work, "home")
    os.makedirs(os.path.join(home, "tmp"))
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=f"{home}/.config", XDG_DATA_HOME=f"{home}/.local/share",
               XDG_CACHE_HOME=f"{home}/.cache", TMPDIR=f"{home}/tmp", QT_QPA_PLATFORM="offscreen",
               LANG="C.UTF-8", LC_ALL="C.UTF-8", FUNCDESK_LANGUAGE="en")

    step("cpack -G DEB")
    out = os.path.join(work, "out")
    run(["cpack", "-G", "DEB", "--config", os.path.join(build_dir, "CPackConfig.cmake"), "-B", out])
    debs = {}
    for path in glob.glob(os.path.join(out, "*.deb")):
        debs[os.path.basename(path).split("_")[0]] = path
    if sorted(debs) != ["funcdesk", "funcdeskd"]:
        sys.exit(f"expected the packages funcdesk and funcdeskd, cpack made {sorted(debs)}")
    deb_version = f"{version}-1"

    step("control fields")
    fields = {}
    for name, path in debs.items():
        control = run(["dpkg-deb", "-f", path]).stdout
        fields[name] = {m.group(1): m.group(2) for m in re.finditer(r"(?m)^([\w-]+): (.*)$", control)}
        expect(fields[name].get("Version") == deb_version,
               f"{name}: Version is {fields[name].get('Version')}, the project's is {deb_version}")
    server_depends = fields["funcdeskd"].get("Depends", "")
    for needed in ("nodejs", "python3", "libqt6core6", "libc6", "bubblewrap"):
        expect(re.search(rf"(^|, ){re.escape(needed)}\b", server_depends), f"funcdeskd: Depends lacks {needed}")
    for wanted in ("php-cli", "ruby", "golang-go"):
        expect(wanted in fields["funcdeskd"].get("Recommends", ""), f"funcdeskd: Recommends lacks {wanted}")
    console_depends = fields["funcdesk"].get("Depends", "")
    expect(f"funcdeskd (= {deb_version})" in console_depends, "funcdesk: does not depend on its funcdeskd")
    expect("libqt6widgets6" in console_depends, "funcdesk: dpkg-shlibdeps did not add libqt6widgets6")

    step("lintian")
    readme = open(os.path.join(source_dir, "packaging", "README.md"), encoding="utf-8").read()
    lint = run(["lintian", "--allow-root", "--display-info", *debs.values()], check=False, timeout=900)
    print(lint.stdout, end="")
    for line in lint.stdout.splitlines():
        match = re.match(r"^([EWI]): (\S+?)(?: \w+)?: (\S+)", line)
        if not match:
            continue
        severity, _, tag = match.groups()
        expect(severity != "E", f"lintian error: {line}")
        if severity == "W":
            expect(f"`{tag}`" in readme, f"lintian warning {tag} is not explained in packaging/README.md")

    step("dpkg-deb -x into a temporary root")
    root = os.path.join(work, "root")
    for path in debs.values():
        run(["dpkg-deb", "-x", path, root])
    usr = os.path.join(root, "usr")
    share = os.path.join(usr, "share", "funcdesk")

    step("the installed tree")
    views_module = run(["cmake", "-LA", "-N", build_dir], check=False).stdout  # CMAKE_INSTALL_LIBDIR (advanced)
    libdir = next((line.split("=", 1)[1] for line in views_module.splitlines()
                   if line.startswith("CMAKE_INSTALL_LIBDIR:")), "lib")
    views_module = f"{libdir}/funcdesk/modules/libfuncdesk_views.so"
    wanted = ["bin/funcdesk", "bin/funcdeskd", views_module,
              "share/applications/io.github.funcdesk.Funcdesk.desktop",
              "share/metainfo/io.github.funcdesk.Funcdesk.metainfo.xml",
              "share/icons/hicolor/scalable/apps/io.github.funcdesk.Funcdesk.svg",
              "share/man/man1/funcdesk.1.gz", "share/man/man1/funcdeskd.1.gz",
              "lib/systemd/system/funcdeskd.service", "lib/systemd/user/funcdeskd.service"]
    wanted += [f"share/icons/hicolor/{s}x{s}/apps/io.github.funcdesk.Funcdesk.png"
               for s in (16, 22, 24, 32, 48, 64, 128, 256, 512)]
    wanted += [f"share/doc/{p}/{f}" for p in debs for f in ("copyright", "changelog.Debian.gz")]
    # Every file the programs load at run time: the launchers, templates, system catalog and
    # examples as the source tree has them, and a .qm for every translation.
    for folder in ("runtimes", "templates", "catalog", "examples"):
        for directory, _, files in os.walk(os.path.join(source_dir, "resources", folder)):
            for file in files:
                relative = os.path.relpath(os.path.join(directory, file), os.path.join(source_dir, "resources"))
                wanted.append(f"share/funcdesk/{relative}")
    for ts in glob.glob(os.path.join(source_dir, "translations", "*.ts")):
        wanted.append(f"share/funcdesk/translations/{os.path.basename(ts)[:-3]}.qm")
    for relative in wanted:
        expect(os.path.isfile(os.path.join(usr, relative)), f"the packages do not install /usr/{relative}")

    step("desktop-file-validate, appstreamcli, systemd-analyze")
    desktop = os.path.join(usr, "share/applications/io.github.funcdesk.Funcdesk.desktop")
    checked = run(["desktop-file-validate", desktop], check=False)
    expect(checked.returncode == 0 and not checked.stdout.strip(), f"desktop-file-validate: {checked.stdout}")
    metainfo = os.path.join(usr, "share/metainfo/io.github.funcdesk.Funcdesk.metainfo.xml")
    checked = run(["appstreamcli", "validate", "--no-net", metainfo], check=False)
    expect(checked.returncode == 0, f"appstreamcli validate: {checked.stdout}{checked.stderr}")
    # systemd-analyze verify wants ExecStart's program to exist: the unpacked one stands in.
    for kind in ("system", "user"):
        unit = os.path.join(usr, f"lib/systemd/{kind}/funcdeskd.service")
        text = open(unit, encoding="utf-8").read()
        expect("ExecStart=/usr/bin/funcdeskd " in text, f"the {kind} unit does not start /usr/bin/funcdeskd")
        copy_dir = os.path.join(work, "units", kind)
        os.makedirs(copy_dir)
        with open(os.path.join(copy_dir, "funcdeskd.service"), "w", encoding="utf-8") as copy:
            copy.write(text.replace("/usr/bin/funcdeskd", os.path.join(usr, "bin/funcdeskd")))
        scope = ["--user"] if kind == "user" else []
        runtime_dir = os.path.join(work, "run", kind)
        os.makedirs(runtime_dir, mode=0o700)
        # Documentation=man:funcdeskd(1) is looked up in the unpacked man pages.
        checked = run(["systemd-analyze", "verify", *scope, os.path.join(copy_dir, "funcdeskd.service")],
                      env=dict(env, SYSTEMD_LOG_LEVEL="notice", XDG_RUNTIME_DIR=runtime_dir,
                               MANPATH=os.path.join(usr, "share", "man")), check=False)
        relevant = [line for line in (checked.stdout + checked.stderr).splitlines()
                    if "funcdeskd.service" in line]
        expect(checked.returncode == 0 and not relevant,
               f"systemd-analyze verify ({kind} unit): {checked.stdout}{checked.stderr}")

    step("the unpacked programs")
    funcdeskd = os.path.join(usr, "bin", "funcdeskd")
    funcdesk = os.path.join(usr, "bin", "funcdesk")
    for program in (funcdeskd, funcdesk):
        data = open(program, "rb").read()
        for folder in {os.path.realpath(build_dir), os.path.realpath(source_dir)}:
            expect(folder.encode() not in data, f"{os.path.basename(program)} names the folder {folder}")
    shown = run([funcdeskd, "--version"], env=env, check=False)
    expect(shown.returncode == 0 and shown.stdout.strip() == f"funcdeskd {version}",
           f"funcdeskd --version: {shown.returncode} {shown.stdout!r} {shown.stderr!r}")
    shown = run([funcdesk, "--version"], env=env, check=False)
    expect(shown.returncode == 0 and shown.stdout.strip() == f"funcdesk {version}",
           f"funcdesk --version: {shown.returncode} {shown.stdout!r} {shown.stderr!r}")
    # The console's charts and code editor come from the installed module (LIBDIR/funcdesk/modules),
    # found relative to the program; without it the console still starts and says so in their place.
    probe = dict(env, FUNCDESK_STARTUP_PROBE="1")
    console_data = os.path.join(work, "console-data")
    console = run([funcdesk, "--data-dir", console_data], env=probe, check=False, timeout=120)
    expect(console.returncode == 0 and "ok=1 views=1" in console.stdout,
           f"the unpacked funcdesk did not load {views_module}: {console.stdout!r} {console.stderr!r}")
    module = os.path.join(usr, views_module)
    os.rename(module, module + ".away")
    console = run([funcdesk, "--data-dir", console_data], env=probe, check=False, timeout=120)
    expect(console.returncode == 0 and "ok=1 views=0" in console.stdout,
           f"funcdesk without {views_module}: {console.returncode} {console.stdout!r} {console.stderr!r}")
    os.rename(module + ".away", module)
    hello = os.path.join(share, "examples", "hello.js")
    invoked = run([funcdeskd, "invoke", hello, "--param", "name=Ada"], env=env, check=False, timeout=120)
    expect(invoked.returncode == 0 and "Hello, Ada!" in invoked.stdout,
           f"funcdeskd invoke {hello}: {invoked.returncode} {invoked.stdout} {invoked.stderr}")

    step("the unpacked programs read the installed files")
    # A launcher that fails at once, in place of the installed one: the run must fail, which it
    # would not if funcdeskd took the launcher compiled into it.
    launcher = os.path.join(share, "runtimes", "nodejs", "launcher.js")
    shutil.copy(launcher, launcher + ".good")
    with open(launcher, "w", encoding="utf-8") as broken:
        broken.write("process.exit(3);\n")
    invoked = run([funcdeskd, "invoke", hello], env=env, check=False, timeout=120)
    expect(invoked.returncode != 0, "funcdeskd ran hello.js without the installed launcher it should use")
    shutil.move(launcher + ".good", launcher)
finally:
    shutil.rmtree(work, ignore_errors=True)

step("done")
if problems:
    print(f"{len(problems)} problem(s):")
    for problem in problems:
        print(" -", problem)
    sys.exit(1)
