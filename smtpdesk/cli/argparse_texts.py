"""argparse's own words ("usage:", "options", "show this help message and exit", its errors) in
the user's language.

argparse looks its texts up through the module-level ``_`` and ``ngettext`` each time it needs one
(when a parser is built, when help is formatted, when an error is raised), so ``speaking(lang)``
swaps those two for the time a parser is built and used. English keeps argparse's own wording,
except where it would repeat a value typed by mistake (it may be a password).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from smtpdesk.core.i18n import Lang

# "%.0s" takes the value argparse passes and prints none of it.
_ENGLISH: dict[str, str] = {
    "ignored explicit argument %r": "takes no value%.0s",
    "argument %(argument_name)s: %(message)s": "option %(argument_name)s %(message)s",
    "expected one argument": "needs a value",
    "expected at most one argument": "takes at most one value",
    "expected at least one argument": "needs at least one value",
    "expected %s argument": "needs %s value",
    "expected %s arguments": "needs %s values",
    "invalid choice: %(value)r (choose from %(choices)s)": "has an unknown value %(value)r "
    "(allowed: %(choices)s)",
    "invalid %(type)s value: %(value)r": "has an invalid value %(value)r",
    "not allowed with argument %s": "cannot be combined with %s",
    "ambiguous option: %(option)s could match %(matches)s": "ambiguous option %(option)s "
    "(could be: %(matches)s)",
}

# Errors about one option read "opcja --port wymaga wartości": the option, then what is wrong.
_POLISH: dict[str, str] = {
    "usage: ": "użycie: ",
    "positional arguments": "argumenty",
    "options": "opcje",
    "show this help message and exit": "pokaż tę pomoc i zakończ",
    "show program's version number and exit": "pokaż wersję programu i zakończ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: błąd: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "opcja %(argument_name)s %(message)s",
    "expected one argument": "wymaga wartości",
    "expected at most one argument": "przyjmuje najwyżej jedną wartość",
    "expected at least one argument": "wymaga co najmniej jednej wartości",
    "expected %s argument": "wymaga %s wartości",
    "expected %s arguments": "wymaga %s wartości",
    "ignored explicit argument %r": "nie przyjmuje wartości%.0s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ma nieznaną wartość %(value)r "
    "(dozwolone: %(choices)s)",
    "invalid %(type)s value: %(value)r": "ma nieprawidłową wartość %(value)r",
    "not allowed with argument %s": "nie łączy się z opcją %s",
    "ambiguous option: %(option)s could match %(matches)s": "niejednoznaczna opcja %(option)s "
    "(pasuje do: %(matches)s)",
    "unrecognized arguments: %s": "nieznane argumenty: %s",
    "the following arguments are required: %s": "brak wymaganych argumentów: %s",
    "one of the arguments %s is required": "wymagana jest jedna z opcji: %s",
    "unexpected option string: %s": "nieoczekiwana opcja: %s",
}

_TABLES: dict[Lang, dict[str, str]] = {"pl": _POLISH, "en": _ENGLISH}


def argparse_text(message: str, lang: Lang) -> str:
    """``message`` (one of argparse's own texts) in ``lang``; unknown ones stay as they are."""
    return _TABLES[lang].get(message, message)


@contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """argparse's own texts in ``lang`` while the block runs (nested blocks restore each other)."""
    table = _TABLES[lang]
    module = vars(argparse)
    previous: dict[str, object] = {name: module[name] for name in ("_", "ngettext") if name in module}

    def gettext(message: str) -> str:
        return table.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    replacements: dict[str, object] = {"_": gettext, "ngettext": ngettext}
    module.update(replacements)
    try:
        yield
    finally:
        module.update(previous)
