#!/usr/bin/python3
"""The man pages against the programs' --help: every subcommand and every long option of
`funcdesk --help`, `funcdeskd --help` and `funcdeskd COMMAND --help` is in the man page (in the
section of its command), and the man page names no option the program does not have. Run by
ctest (tests/packaging/CMakeLists.txt): check_manpages.py FUNCDESK FUNCDESKD MAN_DIR."""
import os
import re
import subprocess
import sys

OPTION = re.compile(r"(?m)^\s+(?:-[\w?], )?(--[a-z][\w-]*)")


def help_text(*command):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", LC_ALL="C.UTF-8",
               FUNCDESK_LANGUAGE="en")
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} exited with {done.returncode}: {done.stderr}")
    return done.stdout + done.stderr


def options_in_help(text):
    return set(OPTION.findall(text))


def commands_in_help(text):
    commands, inside = [], False
    for line in text.splitlines():
        if line.strip() == "Commands:":
            inside = True
        elif inside and not line.strip():
            break
        elif inside:
            match = re.match(r"^\s{2}([a-z][\w-]*)\s", line)
            if match:
                commands.append(match.group(1))
    return commands


def man_sections(path):
    """Section title → its text, with troff's \\- as -."""
    sections, title = {}, ""
    with open(path, encoding="utf-8") as page:
        for line in page:
            line = line.replace("\\-", "-")
            if line.startswith(".SH "):
                title = line[4:].strip().strip('"')
                sections[title] = ""
            else:
                sections[title] = sections.get(title, "") + line
    return sections


def options_in_man(text):
    # the options an entry describes: its .TP tag line (the line after .TP)
    lines = text.splitlines()
    tags = [lines[i + 1] for i, line in enumerate(lines[:-1]) if line.strip() == ".TP"]
    found = set()
    for tag in tags:
        found.update(re.findall(r"(--[a-z][\w-]*)", tag))
    return found


def compare(what, in_help, in_man, problems):
    for option in sorted(in_help - in_man):
        problems.append(f"{what}: {option} is in --help but not in the man page")
    for option in sorted(in_man - in_help):
        problems.append(f"{what}: the man page has {option}, which --help does not list")


def main():
    funcdesk, funcdeskd, man_dir = sys.argv[1:4]
    problems = []

    console = man_sections(os.path.join(man_dir, "funcdesk.1"))
    compare("funcdesk", options_in_help(help_text(funcdesk, "--help")), options_in_man(console.get("OPTIONS", "")),
            problems)

    server = man_sections(os.path.join(man_dir, "funcdeskd.1"))
    top = help_text(funcdeskd, "--help")
    commands = commands_in_help(top)
    if not commands:
        problems.append("funcdeskd --help lists no commands")
    compare("funcdeskd", options_in_help(top), options_in_man(server.get("GENERAL OPTIONS", "")), problems)
    man_commands = set(re.findall(r"(?m)^\.TP\n\.B ([a-z][\w-]*)$", server.get("COMMANDS", "")))
    for command in commands:
        if command not in man_commands:
            problems.append(f"funcdeskd {command}: the man page's COMMANDS section does not describe it")
        section = f"{command.upper()} OPTIONS"
        if section not in server:
            problems.append(f"funcdeskd {command}: the man page has no '{section}' section")
            continue
        compare(f"funcdeskd {command}", options_in_help(help_text(funcdeskd, command, "--help")) - {"--help", "--help-all"},
                options_in_man(server[section]), problems)
    for command in sorted(man_commands - set(commands)):
        problems.append(f"funcdeskd {command}: in the man page, but funcdeskd --help does not list it")

    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print(f"man pages match --help (funcdeskd commands: {', '.join(commands)})")


if __name__ == "__main__":
    main()
