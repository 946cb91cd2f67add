#!/usr/bin/python3
"""The packaging metadata in the source tree, without building packages: the desktop entry
passes desktop-file-validate and has its English and Simplified Chinese texts, the AppStream
metainfo passes appstreamcli validate --no-net, its screenshots are pictures of the screenshot
suite (docs/screenshots), and the newest release of the metainfo and of packaging/debian/changelog
is the project's version. Usage: check_metadata.py SOURCE_DIR VERSION"""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

source_dir, version = sys.argv[1:3]
problems = []


def expect(condition, problem):
    if not condition:
        problems.append(problem)


desktop = os.path.join(source_dir, "resources/desktop/io.github.funcdesk.Funcdesk.desktop")
done = subprocess.run(["desktop-file-validate", desktop], capture_output=True, text=True)
expect(done.returncode == 0 and not done.stdout.strip(), f"desktop-file-validate: {done.stdout}{done.stderr}")
entry = open(desktop, encoding="utf-8").read()
for key in ("Name", "GenericName", "Comment", "Keywords"):
    expect(re.search(rf"(?m)^{key}=\S", entry), f"the desktop entry has no {key}")
    expect(re.search(rf"(?m)^{key}\[zh_CN\]=\S", entry), f"the desktop entry has no {key}[zh_CN]")
expect(re.search(r"(?m)^Categories=Development;$", entry), "the desktop entry's Categories is not Development;")

metainfo = os.path.join(source_dir, "resources/desktop/io.github.funcdesk.Funcdesk.metainfo.xml")
done = subprocess.run(["appstreamcli", "validate", "--no-net", metainfo], capture_output=True, text=True)
expect(done.returncode == 0, f"appstreamcli validate: {done.stdout}{done.stderr}")
component = ElementTree.parse(metainfo).getroot()
images = [image.text for image in component.iter("image")]
expect(images, "the metainfo shows no screenshots")
for url in images:
    picture = url.split("/main/", 1)[-1]
    expect(picture.startswith("docs/screenshots/") and os.path.isfile(os.path.join(source_dir, picture)),
           f"the metainfo's screenshot {url} is not a picture of docs/screenshots")
releases = [release.get("version") for release in component.iter("release")]
expect(releases and releases[0] == version, f"the metainfo's newest release is {releases[:1]}, the project's {version}")
for part in ("content_rating", "translation", "description", "launchable"):
    expect(component.find(part) is not None, f"the metainfo has no <{part}>")

changelog = open(os.path.join(source_dir, "packaging/debian/changelog"), encoding="utf-8").readline()
match = re.match(r"^funcdesk \(([^)-]+)-\d+\)", changelog)
expect(match and match.group(1) == version,
       f"packaging/debian/changelog's newest entry is {match.group(1) if match else changelog!r}, "
       f"the project's version {version}")

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
