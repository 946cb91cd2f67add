#!/usr/bin/env python3
"""Fails when a user-visible string has no finished Simplified Chinese translation.

    check_translations.py TS_FILE [--lupdate LUPDATE [-I INCLUDE_DIR] SOURCE_DIR...]

With --lupdate it first refreshes a temporary copy of TS_FILE from the sources, so a new tr()
string that nobody added to the .ts file is caught too. To add translations for real:
`cmake --build build --target update_translations`, then edit translations/funcdesk_zh_CN.ts.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

args = sys.argv[1:]
ts_file = args.pop(0)
with tempfile.TemporaryDirectory() as scratch:
    if args and args[0] == "--lupdate":
        lupdate, sources = args[1], args[2:]
        copy = os.path.join(scratch, os.path.basename(ts_file))
        shutil.copy(ts_file, copy)
        subprocess.run([lupdate, "-silent", "-no-obsolete", "-locations", "none", "-extensions", "cpp,h", *sources, "-ts", copy],
                       check=True)
        ts_file = copy
    missing = []
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") \
                or not ((translation.text or "").strip()
                        or any((form.text or "").strip() for form in translation.iter("numerusform"))):
            missing.append(message.findtext("source"))
for source in missing:
    print("untranslated:", source.replace("\n", "\\n"))
print(f"{len(missing)} untranslated message(s)")
sys.exit(1 if missing else 0)
