"""Dispatch ``smtpdesk <command> ...`` to the headless command that handles it.

``smtpdesk-cli`` (the console launcher) runs only these commands: without one it prints the list
of commands and never loads Qt, so it works on a server without a display.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from smtpdesk import APP_NAME, __version__
from smtpdesk.cli.parsing import prescan_language
from smtpdesk.core.i18n import Lang, Msg

USAGE_EXIT = 2
CLI_COMMANDS = ("check", "doctor", "detect")
HELP_OPTIONS = ("-h", "--help")

_UNKNOWN_COMMAND = Msg(
    pl="smtpdesk: nieznane polecenie {command!r}; dostępne: check, doctor, detect",
    en="smtpdesk: unknown command {command!r}; available: check, doctor, detect",
)

_HELP = Msg(
    pl=(
        "użycie: smtpdesk-cli <polecenie> [opcje]\n"
        "\n"
        "Poczta wychodząca biura z wiersza poleceń — bez okna.\n"
        "\n"
        "polecenia:\n"
        "  check     wysyła wiadomość testową albo sprawdza logowanie na serwerze SMTP\n"
        "            (konto podane w opcjach albo zapisane: --employee E-MAIL, --company)\n"
        "  doctor    sprawdza zapisane ustawienia poczty według zasad i typowych błędów\n"
        "  detect    wykrywa ustawienia serwera poczty wychodzącej dla adresu e-mail\n"
        "\n"
        "opcje:\n"
        "  -h, --help    ta pomoc; „smtpdesk-cli <polecenie> --help” opisuje polecenie\n"
        "  --version     wersja programu\n"
        "  --lang pl|en  język komunikatów (domyślnie wybrany w oknie albo język systemu)\n"
        "\n"
        "Okno ustawień uruchamia polecenie „smtpdesk” (bez „-cli”).\n"
    ),
    en=(
        "usage: smtpdesk-cli <command> [options]\n"
        "\n"
        "The office's outgoing mail from the command line — no window.\n"
        "\n"
        "commands:\n"
        "  check     sends a test message or checks the login on an SMTP server\n"
        "            (an account given as options or a saved one: --employee EMAIL, --company)\n"
        "  doctor    checks the saved mail settings against the rules and common mistakes\n"
        "  detect    detects the outgoing mail server settings for an e-mail address\n"
        "\n"
        "options:\n"
        "  -h, --help    this help; “smtpdesk-cli <command> --help” describes a command\n"
        "  --version     the program's version\n"
        "  --lang pl|en  language of the messages (default: the one chosen in the window, or the\n"
        "                system's)\n"
        "\n"
        "The settings window is started by “smtpdesk” (without “-cli”).\n"
    ),
)


def cli_help(lang: Lang) -> str:
    return _HELP.text(lang)


def run_cli(args: list[str]) -> int:
    """Run the command named by ``args[0]`` with the rest as its options; returns the exit status."""
    command, rest = (args[0], list(args[1:])) if args else ("", [])
    if command == "check":
        from smtpdesk.cli.check import run_check_cli

        return run_check_cli(rest)
    if command == "doctor":
        # Imported only when asked for: the doctor pulls in more of the application.
        from smtpdesk.cli.doctor import run_doctor_cli

        return run_doctor_cli(rest)
    if command == "detect":
        from smtpdesk.cli.detect import run_detect_cli

        return run_detect_cli(rest)
    print(_UNKNOWN_COMMAND.text(prescan_language(rest), command=command), file=sys.stderr)
    return USAGE_EXIT


def main(argv: Sequence[str] | None = None) -> int:
    """``smtpdesk-cli``: a command, or the list of commands when none is given."""
    args = list(sys.argv[1:] if argv is None else argv)
    lang = prescan_language(args)
    leading, rest = _split_leading_language(args)
    if rest and rest[0] in CLI_COMMANDS:
        return run_cli([rest[0], *leading, *rest[1:]])
    if rest == ["--version"]:
        print(f"{APP_NAME} {__version__}")
        return 0
    if all(arg in HELP_OPTIONS for arg in rest):
        print(cli_help(lang), end="")
        return 0
    print(cli_help(lang), end="", file=sys.stderr)
    print(_UNKNOWN_COMMAND.text(lang, command=rest[0]), file=sys.stderr)
    return USAGE_EXIT


def _split_leading_language(args: list[str]) -> tuple[list[str], list[str]]:
    """``--lang en check ...``: the language options before the command, and the rest."""
    leading: list[str] = []
    rest = list(args)
    while rest and rest[0].startswith("--lang"):
        take = 2 if rest[0] == "--lang" and len(rest) > 1 else 1
        leading, rest = leading + rest[:take], rest[take:]
    return leading, rest
