#!/usr/bin/env python3
"""The English translation: every message, for translators, with the plural forms of every
tr("... %n thing(s) ...") filled in.

Qt picks "1 note" or "2 notes" from a translation's numerus forms, so even English needs a
translation for its plurals (built into the app by CMake). This runs lupdate over the sources
and writes each plural message's singular and plural form ("(s)" dropped, or made "s"):

  scripts/plural-translations.py write   regenerate i18n/fieldnotes_en.ts
  scripts/plural-translations.py check   fail if a plural in the sources is missing from it
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TS_FILE = os.path.join(ROOT, "i18n", "fieldnotes_en.ts")
SOURCES = ["qml", "app", "sync", "core"]
LUPDATE = os.environ.get("LUPDATE", "/usr/lib/qt6/bin/lupdate")


def scan(target, plurals_only=True):
    subprocess.run([LUPDATE, "-silent", *(["-pluralonly"] if plurals_only else []), "-no-obsolete", "-locations", "none",
                    "-extensions", "cpp,h,qml", "-source-language", "en", "-target-language", "en",
                    *[os.path.join(ROOT, folder) for folder in SOURCES], "-ts", target], check=True)


def forms(source):
    singular = re.sub(r"\((?:e?s)\)", "", source)
    plural = re.sub(r"\((e?s)\)", r"\1", source)
    return singular, plural


def fill(path):
    tree = ET.parse(path)
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        translation.text = None
        for form in forms(message.findtext("source")):
            ET.SubElement(translation, "numerusform").text = form
    tree.write(path, encoding="utf-8", xml_declaration=True)


def messages(path):
    return {(context.findtext("name"), message.findtext("source"))
            for context in ET.parse(path).iter("context") for message in context.iter("message")
            if message.get("numerus") == "yes"}


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "check"
    if mode == "write":
        if os.path.exists(TS_FILE):
            os.remove(TS_FILE) # regenerated whole: no stale entries kept
        scan(TS_FILE, plurals_only=False) # every message, for translators; English fills only its plurals
        fill(TS_FILE)
        print(f"{len(messages(TS_FILE))} plural messages in {os.path.relpath(TS_FILE, ROOT)}")
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        scanned = os.path.join(scratch, "scan.ts")
        scan(scanned)
        missing = messages(scanned) - messages(TS_FILE)
    unfilled = [message.findtext("source") for message in ET.parse(TS_FILE).iter("message")
                if message.get("numerus") == "yes" and len(message.findall("translation/numerusform")) != 2]
    for context, source in sorted(missing):
        print(f"missing plural: {context}: {source}")
    for source in unfilled:
        print(f"plural without two forms: {source}")
    if missing or unfilled:
        print("run scripts/plural-translations.py write")
        return 1
    print(f"{len(messages(TS_FILE))} plural messages, each with a singular and a plural form")
    return 0


if __name__ == "__main__":
    sys.exit(main())
