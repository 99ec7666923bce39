"""argparse that speaks Polish (or English) and never calls ``sys.exit`` by itself.

Usage errors become ``UsageError`` and ``--help`` becomes ``HelpShown``, so the command decides
the exit status and the tests can run it in-process.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from typing import NoReturn

from smtpdesk.core.i18n import LANGUAGES, Lang, Msg


class UsageError(Exception):
    """The command line cannot be used as given; the message is already in the user's language."""


class HelpShown(Exception):
    """``--help`` was printed; the command ends with exit status 0."""


def parse_language(value: str) -> Lang | None:
    """The language a ``--lang`` value names (any case, spaces around allowed); None if none."""
    wanted = value.strip().lower()
    return next((lang for lang in LANGUAGES if lang == wanted), None)


def prescan_language(argv: Sequence[str], default: Lang = "pl") -> Lang:
    """The ``--lang`` value, read before parsing so even parse errors come in that language."""
    for index, arg in enumerate(argv):
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        lang = parse_language(value) if value is not None else None
        if lang is not None:
            return lang
    return default


def quote_unrecognized(extra: Sequence[str]) -> str:
    """Unknown arguments as an error message may repeat them: option names only, since a bare
    value next to an unknown option may be a password typed by mistake."""
    return " ".join(arg.partition("=")[0] if arg.startswith("-") else "…" for arg in extra)


def usage_error_text(usage: str, prog: str, message: str, lang: Lang) -> str:
    """What a command prints on stderr for a usage error: its usage, the error, where to read more."""
    prefix = "błąd" if lang == "pl" else "error"
    hint = f"więcej: {prog} --help" if lang == "pl" else f"more: {prog} --help"
    return f"{usage}\n\n{prog}: {prefix}: {message}\n{hint}\n"


# argparse's own messages (Python 3.10-3.13 wording) in the user's language. Unknown arguments are
# reported by the command itself, which never repeats a bare value (it may be a mistyped password).
_ARGPARSE_MESSAGES: tuple[tuple[re.Pattern[str], Msg], ...] = (
    (
        re.compile(r"^argument (?P<option>\S+?)(/\S+)?: expected one argument$"),
        Msg(pl="opcja {option} wymaga wartości", en="option {option} needs a value"),
    ),
    (
        re.compile(r"^argument (?P<option>\S+?)(/\S+)?: ignored explicit argument (?P<value>.*)$"),
        Msg(pl="opcja {option} nie przyjmuje wartości", en="option {option} takes no value"),
    ),
    (
        re.compile(r"^ambiguous option: (?P<option>\S+) could match (?P<matches>.*)$"),
        Msg(
            pl="niejednoznaczna opcja {option} (pasuje do: {matches})",
            en="ambiguous option {option} (could be: {matches})",
        ),
    ),
)


def translate_argparse_message(message: str, lang: Lang) -> str:
    for pattern, msg in _ARGPARSE_MESSAGES:
        match = pattern.match(message)
        if match:
            return msg.text(lang, **match.groupdict())
    return message


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=100)


class CliParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` with a hand-written usage block and translated errors."""

    def __init__(self, *, prog: str, usage_block: str, lang: Lang, description: str, epilog: str) -> None:
        super().__init__(
            prog=prog,
            usage=argparse.SUPPRESS,
            description=description,
            epilog=epilog,
            add_help=False,
            allow_abbrev=False,  # "--pass" must never silently mean "--password-env"
            formatter_class=_Formatter,
        )
        self.usage_block = usage_block
        self.lang = lang

    def format_usage(self) -> str:
        return self.usage_block + "\n"

    def format_help(self) -> str:
        return self.usage_block + "\n\n" + super().format_help()

    def error(self, message: str) -> NoReturn:
        raise UsageError(translate_argparse_message(message, self.lang))

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        # Reached only after ``--help`` was printed: every error goes through ``error`` above.
        if status:
            raise UsageError(message or "")
        raise HelpShown
