"""argparse that speaks Polish (or English) and never calls ``sys.exit`` by itself.

Usage errors become ``UsageError`` and ``--help`` becomes ``HelpShown``, so the command decides
the exit status and the tests can run it in-process.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import NoReturn

from smtpdesk.cli.argparse_texts import speaking
from smtpdesk.core.i18n import LANGUAGES, Lang
from smtpdesk.language import chosen_language


class UsageError(Exception):
    """The command line cannot be used as given; the message is already in the user's language."""


class HelpShown(Exception):
    """``--help`` was printed; the command ends with exit status 0."""


def parse_language(value: str) -> Lang | None:
    """The language a ``--lang`` value names (any case, spaces around allowed); None if none."""
    wanted = value.strip().lower()
    return next((lang for lang in LANGUAGES if lang == wanted), None)


def language_option(argv: Sequence[str]) -> Lang | None:
    """The language a ``--lang`` option in ``argv`` names; None without one."""
    for index, arg in enumerate(argv):
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        lang = parse_language(value) if value is not None else None
        if lang is not None:
            return lang
    return None


def prescan_language(argv: Sequence[str], default: Lang | None = None) -> Lang:
    """The ``--lang`` value, read before parsing so even parse errors come in that language;
    without one ``default``, else the language chosen on this computer or the system's."""
    return language_option(argv) or default or chosen_language()


def quote_unrecognized(extra: Sequence[str]) -> str:
    """Unknown arguments as an error message may repeat them: option names only, since a bare
    value next to an unknown option may be a password typed by mistake."""
    return " ".join(arg.partition("=")[0] if arg.startswith("-") else "…" for arg in extra)


def usage_error_text(usage: str, prog: str, message: str, lang: Lang) -> str:
    """What a command prints on stderr for a usage error: its usage, the error, where to read more."""
    prefix = "błąd" if lang == "pl" else "error"
    hint = f"więcej: {prog} --help" if lang == "pl" else f"more: {prog} --help"
    return f"{usage}\n\n{prog}: {prefix}: {message}\n{hint}\n"


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=100)


class CliParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` with a hand-written usage block and translated errors."""

    def __init__(self, *, prog: str, usage_block: str, lang: Lang, description: str, epilog: str) -> None:
        self.lang = lang
        with speaking(lang):  # the section headings are named when the parser is built
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

    def parse(self, args: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
        """``parse_known_args`` with argparse's own messages in the parser's language."""
        with speaking(self.lang):
            return self.parse_known_args(args)

    def format_usage(self) -> str:
        return self.usage_block + "\n"

    def format_help(self) -> str:
        with speaking(self.lang):
            return self.usage_block + "\n\n" + super().format_help()

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        # Reached only after ``--help`` was printed: every error goes through ``error`` above.
        if status:
            raise UsageError(message or "")
        raise HelpShown
