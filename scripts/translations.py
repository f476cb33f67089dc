#!/usr/bin/env python3
"""Herald's translation files (translations/herald_<lang>.ts): update, check, list what is left, fill, pseudo.

  translations.py update              lupdate every .ts from app/, ui/ and models/ (obsolete entries dropped)
  translations.py check               fail when a .ts lacks a source string, has unfinished or obsolete entries,
                                      a translation loses a placeholder (%1, %n) or an HTML tag, or lupdate
                                      cannot tell a tr() call's context (the ctest TranslationsComplete)
  translations.py todo LANG           print the unfinished entries of herald_LANG.ts as a dictionary to fill in
  translations.py fill LANG FILE...   write the translations of dictionary FILEs into herald_LANG.ts
  translations.py pseudo OUT.ts       every source string ~40 % longer, accented and bracketed (layout tests)

A dictionary is plain text: "< source" then one "> translation" line (two or more for %n plurals, in the
order of the language's plural forms), optionally preceded by "@ context" when the same source needs another
translation in one context. "\\n" stands for a line break, "\\\\" for a backslash; "#" starts a comment line.
English (herald_en.ts) holds only the plural forms of %n strings (lupdate -pluralonly).
"""
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "translations"
SOURCE_DIRS = ["app", "ui", "models"]
SOURCE_LANGUAGE = "en"
# Free functions get the context of their namespace; lupdate warns about those, and only those may stay.
NAMESPACE_CONTEXTS = {"herald", "herald::cli"}


def lupdate_binary():
    for candidate in (os.environ.get("QT_LUPDATE"), shutil.which("lupdate6"), "/usr/lib/qt6/bin/lupdate",
                      shutil.which("lupdate")):
        if candidate and Path(candidate).exists():
            return candidate
    sys.exit("lupdate not found: install qt6-l10n-tools or set QT_LUPDATE")


def ts_files(directory=TS_DIR):
    return sorted(Path(directory).glob("herald_*.ts"))


def language_of(path):
    return Path(path).stem.split("_", 1)[1]


def run_lupdate(ts_path, keep_obsolete=False):
    """Runs lupdate on one .ts; returns its warnings (lines naming a source file)."""
    options = ["-locations", "none", "-no-ui-lines"]
    if language_of(ts_path) == SOURCE_LANGUAGE:
        options.append("-pluralonly")
    if not keep_obsolete:
        options.append("-no-obsolete")
    result = subprocess.run([lupdate_binary(), "-silent", *options, *SOURCE_DIRS, "-ts", str(ts_path)],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"lupdate failed on {ts_path}:\n{result.stdout}{result.stderr}")
    return [line for line in result.stderr.splitlines() if line.strip()]


def context_warnings(warnings):
    """lupdate's warnings that mean a tr() call's context at run time may differ from the one in the .ts."""
    bad = []
    for line in warnings:
        m = re.search(r"Class '([\w:]+)' lacks Q_OBJECT macro", line)
        if m and m.group(1) in NAMESPACE_CONTEXTS:
            continue
        bad.append(line)
    return bad


# A file-local `QString tr(const char*) { return QCoreApplication::translate("CONTEXT", …); }` serves free
# functions; lupdate files their strings under the enclosing namespace, so CONTEXT must be that namespace.
LOCAL_TR = re.compile(r'QString\s+tr\s*\([^)]*\)\s*\{\s*return\s+QCoreApplication::translate\(\s*"([^"]+)"')
NAMED_NAMESPACE = re.compile(r"^namespace\s+([\w:]+)\s*\{", re.M)


def local_tr_problems():
    found = []
    for directory in SOURCE_DIRS:
        for path in sorted((ROOT / directory).rglob("*.cpp")):
            text = path.read_text(encoding="utf-8")
            for match in LOCAL_TR.finditer(text):
                namespaces = NAMED_NAMESPACE.findall(text[: match.start()])
                expected = namespaces[-1] if namespaces else ""
                if match.group(1) != expected:
                    line = text.count("\n", 0, match.start()) + 1
                    found.append(f"{path.relative_to(ROOT)}:{line}: tr() translates in context '{match.group(1)}' but "
                                 f"lupdate files its strings under '{expected}': use that context")
    return found


# --- reading and writing entries -------------------------------------------------------------------------

class Entry:
    def __init__(self, context, message):
        self.context = context
        self.message = message
        self.source = message.findtext("source") or ""
        self.comment = message.findtext("comment") or ""
        self.numerus = message.get("numerus") == "yes"
        self.translation = message.find("translation")

    @property
    def key(self):
        return (self.context, self.source, self.comment)

    @property
    def state(self):
        return self.translation.get("type", "") if self.translation is not None else "unfinished"

    def forms(self):
        if self.translation is None:
            return []
        if self.numerus:
            return [form.text or "" for form in self.translation.findall("numerusform")]
        return [self.translation.text or ""]

    def set_forms(self, forms):
        translation = self.translation
        for child in list(translation):
            translation.remove(child)
        if self.numerus:
            translation.text = "\n" + " " * 12
            for i, text in enumerate(forms):
                form = ET.SubElement(translation, "numerusform")
                form.text = text
                form.tail = "\n" + " " * (12 if i + 1 < len(forms) else 8)
        else:
            translation.text = forms[0]
        translation.attrib.pop("type", None)


def read_ts(path):
    tree = ET.parse(path)
    entries = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        entries.extend(Entry(name, message) for message in context.iter("message"))
    return tree, entries


def write_ts(tree, path):
    """Writes the tree, then lets lupdate lay it out as `update` would (so diffs show content only)."""
    text = ET.tostring(tree.getroot(), encoding="unicode")
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n")
    run_lupdate(path, keep_obsolete=True)


# --- checks -----------------------------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"%L?(?:\d{1,2}|n)")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text)))


def tags(text):
    return sorted(m.group(0).split()[0].rstrip(">").lower() for m in TAG.finditer(text))


def problems_of(entry, language):
    if entry.state in ("obsolete", "vanished"):
        return ["obsolete (its source string is gone)"]
    if language == SOURCE_LANGUAGE and not entry.numerus:
        return []
    forms = entry.forms()
    if entry.state == "unfinished" or not forms or any(not form.strip() for form in forms):
        return ["unfinished"]
    found = []
    for form in forms:
        if placeholders(form) != placeholders(entry.source):
            found.append(f"placeholders {placeholders(form)} instead of {placeholders(entry.source)}: {form!r}")
        if tags(form) != tags(entry.source):
            found.append(f"HTML tags {tags(form)} instead of {tags(entry.source)}: {form!r}")
    return found


def check():
    failures = local_tr_problems()
    with tempfile.TemporaryDirectory() as scratch:
        warnings_reported = False
        for original in ts_files():
            language = language_of(original)
            _, before = read_ts(original)
            copy = Path(scratch) / original.name
            shutil.copy(original, copy)
            warnings = run_lupdate(copy, keep_obsolete=True)
            if not warnings_reported:
                for line in context_warnings(warnings):
                    failures.append(f"lupdate: {line} (give the class Q_OBJECT or Q_DECLARE_TR_FUNCTIONS(its::Name))")
                warnings_reported = True
            _, after = read_ts(copy)
            known = {entry.key for entry in before}
            for entry in after:
                if entry.key not in known:
                    failures.append(f"{original.name}: source string missing: [{entry.context}] {entry.source!r}")
                    continue
                for problem in problems_of(entry, language):
                    failures.append(f"{original.name}: [{entry.context}] {entry.source!r}: {problem}")
    for failure in failures:
        print(failure)
    if failures:
        print(f"\n{len(failures)} problem(s). `scripts/translations.py update` adds missing strings; "
              "`scripts/translations.py todo LANG` lists what is left to translate.")
        return 1
    counts = ", ".join(f"{language_of(p)} {sum(1 for e in read_ts(p)[1] if e.state == '')}" for p in ts_files())
    print(f"All translations complete ({counts} finished entries).")
    return 0


# --- dictionaries -----------------------------------------------------------------------------------------

def escape(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def unescape(text):
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def read_dictionary(paths):
    """{(context or None, source): [forms]}; an "@ context" line applies to the next entry only."""
    entries = {}
    for path in paths:
        context, key = None, None
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            marker, text = line[:1], unescape(line[2:])
            if marker == "@":
                context = text
            elif marker == "<":
                key, context = (context, text), None
                entries[key] = []
            elif marker == ">" and key is not None:
                entries[key].append(text)
            else:
                sys.exit(f"{path}:{number}: expected '@ context', '< source' or '> translation'")
    return entries


def todo(language, out=sys.stdout):
    path = TS_DIR / f"herald_{language}.ts"
    _, entries = read_ts(path)
    left = [entry for entry in entries if problems_of(entry, language)]
    for entry in left:
        out.write(f"@ {entry.context}\n" if entry.comment else "")
        out.write(f"< {escape(entry.source)}\n")
        for form in (entry.forms() if entry.state != "unfinished" else []) or [""] * (2 if entry.numerus else 1):
            out.write(f"> {escape(form)}\n")
        out.write("\n")
    print(f"{len(left)} entr{'y' if len(left) == 1 else 'ies'} left in {path.name}", file=sys.stderr)


def fill(language, dictionary_paths):
    path = TS_DIR / f"herald_{language}.ts"
    dictionary = read_dictionary(dictionary_paths)
    tree, entries = read_ts(path)
    filled, wrong = 0, []
    for entry in entries:
        forms = dictionary.get((entry.context, entry.source)) or dictionary.get((None, entry.source))
        if not forms or not any(form.strip() for form in forms):
            continue
        if entry.numerus != (len(forms) > 1) and not (entry.numerus and len(forms) == 1):
            wrong.append(f"[{entry.context}] {entry.source!r}: {'plural' if entry.numerus else 'one'} form(s) "
                         f"expected, dictionary has {len(forms)}")
            continue
        if entry.translation is None:
            entry.translation = ET.SubElement(entry.message, "translation")
        entry.set_forms(forms)
        filled += 1
        for problem in problems_of(entry, language):
            wrong.append(f"[{entry.context}] {entry.source!r}: {problem}")
    write_ts(tree, path)
    for line in wrong:
        print(line, file=sys.stderr)
    print(f"{path.name}: {filled} entries filled", file=sys.stderr)
    return 1 if wrong else 0


# --- pseudo-translation -----------------------------------------------------------------------------------

ACCENTED = str.maketrans("aeiouyAEIOUYcnCN", "àéîõüÿÂÉÎÕÜŸçñÇÑ")
FILLER = " lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor"


def pseudo_text(text):
    """Accents letters outside placeholders, tags, entities and &-mnemonics, and pads ~40 %."""
    parts = re.split(r"(%L?\d{1,2}|%L?n|<[^>]*>|&\w+;|&.)", text)
    lengthened = "".join(part if i % 2 else part.translate(ACCENTED) for i, part in enumerate(parts))
    visible = len(re.sub(r"<[^>]*>", "", text))
    padding = FILLER[: max(2, (visible * 2) // 5)].rstrip() if visible else ""
    if "\n" in text or not visible:
        return lengthened + (("~" + padding) if visible else "")
    return f"[{lengthened}~{padding}]"


def pseudo(out_path):
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de_DE">\n</TS>\n',
                        encoding="utf-8")
    run_lupdate(out_path)
    tree, entries = read_ts(out_path)
    for entry in entries:
        # German has two plural forms, like English.
        entry.set_forms([pseudo_text(entry.source)] * (2 if entry.numerus else 1))
    text = ET.tostring(tree.getroot(), encoding="unicode")
    out_path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n", encoding="utf-8")
    print(f"{out_path}: {len(entries)} pseudo-translated entries", file=sys.stderr)
    return 0


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0 if len(argv) >= 2 else 2
    command, args = argv[1], argv[2:]
    if command == "update":
        warnings = []
        for path in ts_files():
            warnings = run_lupdate(path)
        for line in context_warnings(warnings):
            print(line, file=sys.stderr)
        return 0
    if command == "check":
        return check()
    if command == "todo" and len(args) == 1:
        todo(args[0])
        return 0
    if command == "fill" and len(args) >= 2:
        return fill(args[0], args[1:])
    if command == "pseudo" and len(args) == 1:
        return pseudo(args[0])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
