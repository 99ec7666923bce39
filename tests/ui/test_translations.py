"""The English catalogue (resources/i18n/smtpdesk_en.ts) is complete and matches the code: a string
added, changed or removed in the code without running ``scripts/i18n`` and translating fails here.
The compiled catalogue is what the program loads in English."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from smtpdesk.ui.translations import install_translators, remove_translators, translation_file
from tests.fixtures.languages import CATALOGUE, REPO, RUN_TIMEOUT_S, tool

PACKAGE = REPO / "smtpdesk"
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def entries(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message of a .ts file."""
    root = ET.parse(path).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory) -> Path:
    """The catalogue as ``scripts/i18n`` would make it from today's code, obsolete entries kept."""
    copy = tmp_path_factory.mktemp("i18n") / CATALOGUE.name
    shutil.copyfile(CATALOGUE, copy)
    subprocess.run(
        [
            str(tool("lupdate")),
            "-silent",
            "-extensions",
            "py",
            "smtpdesk",
            "-source-language",
            "pl",
            "-target-language",
            "en",
            "-locations",
            "none",
            "-ts",
            str(copy),
        ],
        cwd=REPO,
        check=True,
        timeout=RUN_TIMEOUT_S,
    )
    return copy


def test_every_string_of_the_code_is_in_the_catalogue_and_translated(refreshed):
    unfinished = [(c, s) for c, s, t in entries(refreshed) if t.get("type") == "unfinished"]
    assert unfinished == [], "run scripts/i18n and translate:\n" + "\n".join(map(repr, unfinished))


def test_the_catalogue_has_nothing_the_code_no_longer_has(refreshed):
    stale = [(c, s) for c, s, t in entries(refreshed) if t.get("type") in ("obsolete", "vanished")]
    assert stale == [], "run scripts/i18n to drop:\n" + "\n".join(map(repr, stale))


def test_the_catalogue_is_what_lupdate_makes_of_the_code(refreshed):
    committed = {(c, s, t.text) for c, s, t in entries(CATALOGUE)}
    assert {(c, s, t.text) for c, s, t in entries(refreshed)} == committed
    assert len(committed) > 500


def test_every_translation_keeps_the_placeholders_and_the_mnemonic():
    wrong = []
    for context, source, translation in entries(CATALOGUE):
        text = translation.text or ""
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append((context, source, text, "placeholders"))
        if ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
            wrong.append((context, source, text, "mnemonic"))
        if source.count("%") != text.count("%"):
            wrong.append((context, source, text, "% arguments"))
        if not text.strip() and source.strip():
            wrong.append((context, source, text, "empty"))
    assert wrong == []


def _arguments_read(func: ast.expr) -> int | None:
    """How many leading string arguments lupdate reads from a call of ``func``; None: not a
    translation call. ``self.tr(text)``; ``QCoreApplication.translate(context, text)`` and its
    local alias ``translate``."""
    if isinstance(func, ast.Attribute) and func.attr == "tr":
        return 1
    if isinstance(func, ast.Attribute) and func.attr == "translate":
        return 2 if ast.unparse(func.value) in ("QCoreApplication", "QApplication") else None
    if isinstance(func, ast.Name) and func.id == "translate":
        return 2
    return None


def test_every_translated_string_is_written_where_lupdate_reads_it():
    """Literal strings, outside f-strings, and ``tr`` on ``self`` (lupdate names the context after
    the class the call is written in): a string built at run time, inside an f-string's braces or
    translated through another object never reaches the catalogue under the right name."""
    hidden = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstring = {id(n) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr) for n in ast.walk(f)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            read = _arguments_read(node.func)
            if read is None:
                continue
            literal = len(node.args) >= read and all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:read]
            )
            func = node.func
            on_self = (
                not (isinstance(func, ast.Attribute) and func.attr == "tr")
                or ast.unparse(func.value) == "self"
            )
            if not literal or not on_self or id(node) in in_fstring:
                hidden.append(f"{path.relative_to(REPO)}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert hidden == []


def test_the_compiled_catalogue_is_where_the_program_looks_and_translates(qapp, english_catalogue):
    assert Path(translation_file("en")) == english_catalogue
    assert english_catalogue.is_relative_to(PACKAGE / "resources" / "i18n")
    translators = install_translators(qapp, "en")
    try:
        assert QCoreApplication.translate("SettingsWindow", "Ustawienia firmy") == "Company settings"
        assert QCoreApplication.translate("DemoCliDialog", "Przykład") == "Example"
    finally:
        remove_translators(qapp, translators)
    assert QCoreApplication.translate("SettingsWindow", "Ustawienia firmy") == "Ustawienia firmy"
