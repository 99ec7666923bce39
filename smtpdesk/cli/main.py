"""Dispatch ``smtpdesk <command> ...`` to the headless command that handles it."""

from __future__ import annotations

import sys

from smtpdesk.core.i18n import Msg

USAGE_EXIT = 2

_UNKNOWN_COMMAND = Msg(
    pl="smtpdesk: nieznane polecenie {command!r}; dostępne: check, doctor, detect",
    en="smtpdesk: unknown command {command!r}; available: check, doctor, detect",
)


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
    print(_UNKNOWN_COMMAND.text(command=command), file=sys.stderr)
    return USAGE_EXIT
