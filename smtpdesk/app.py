"""The one entry point: ``smtpdesk`` (gui-script) and ``python -m smtpdesk``.

``smtpdesk check ...``, ``smtpdesk doctor ...`` and ``smtpdesk detect ...`` run headless,
``smtpdesk --self-test`` checks the installation without a display; anything else opens the window.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

CLI_COMMANDS = ("check", "doctor", "detect")


def main(argv: Sequence[str] | None = None) -> int:
    """Start smtpdesk with ``argv`` (without the program name; defaults to ``sys.argv[1:]``).

    The GUI reuses a running QApplication, so tests can start the real entry point in-process.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in args:
        from smtpdesk.selftest import run_self_test

        return run_self_test(args)
    if args and args[0] in CLI_COMMANDS:
        from smtpdesk.cli.main import run_cli

        return run_cli(args)
    from smtpdesk.ui.application import run_gui

    return run_gui(args)
