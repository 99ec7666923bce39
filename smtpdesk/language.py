"""Which language smtpdesk speaks, in the window and on the command line.

``--lang pl|en`` decides for one run; otherwise the choice made in the window's "Język / Language"
menu, kept per computer in ``language.json`` in the config folder (next to the window sizes);
otherwise the system's: Polish on a Polish system, English on any other. Qt-free, so the command
line reads the same choice without loading Qt.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from smtpdesk import paths
from smtpdesk.core.i18n import LANGUAGES, Lang

log = logging.getLogger(__name__)

FILE_NAME = "language.json"
# Where POSIX programs read the language of their messages, most specific first. LANGUAGE (a
# list such as "pl:en") is what desktops set for the user's language, and Qt reads it first too.
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_WINDOWS_POLISH = 0x15  # primary language id of Polish in a Windows LANGID


def language_of_locale(name: str) -> Lang:
    """Polish for a Polish locale name ("pl_PL.UTF-8", "pl-PL", "Polish_Poland"), else English."""
    name = name.strip().lower()
    return "pl" if name == "pl" or name.startswith(("pl_", "pl-", "pl.", "pl@", "polish")) else "en"


def system_language(environ: Mapping[str, str] | None = None) -> Lang:
    """The language of the user's system, read from the environment (Windows: its UI language)."""
    environ = os.environ if environ is None else environ
    for variable in _LOCALE_VARIABLES:
        value = environ.get(variable, "").split(":")[0].strip()
        if value:
            return language_of_locale(value)
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        langid = ctypes.windll.kernel32.GetUserDefaultUILanguage()
        return "pl" if langid & 0x3FF == _WINDOWS_POLISH else "en"
    return "en"


def language_of_ui_languages(languages: Iterable[str]) -> Lang:
    """The language for a list such as Qt's ``QLocale.system().uiLanguages()`` (first one wins)."""
    first = next(iter(languages), "")
    return language_of_locale(first) if first else "en"


def _file() -> Path:
    return paths.config_dir() / FILE_NAME


def saved_language() -> Lang | None:
    """The language chosen in the window on this computer; None: follow the system."""
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("language") if isinstance(data, dict) else None
    return next((lang for lang in LANGUAGES if lang == value), None)


def save_language(lang: Lang | None) -> bool:
    """Keeps ``lang`` for the next starts on this computer (None: follow the system again);
    False when the config folder cannot be written."""
    path = _file()
    try:
        if lang is None:
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            path.write_text(json.dumps({"language": lang}), encoding="utf-8")
    except OSError as error:
        log.info("language choice not saved: %s", error)
        return False
    return True


def chosen_language(option: Lang | None = None, system: Lang | None = None) -> Lang:
    """``--lang`` if given, else the saved choice, else ``system`` (default: from the environment)."""
    return option or saved_language() or system or system_language()
