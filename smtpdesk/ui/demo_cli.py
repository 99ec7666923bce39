"""„Wiersz poleceń…” in demo mode: how ``smtpdesk check`` reaches the embedded demo server.

The demo server listens on a port chosen at start and trusts only its own CA, whose file lives in
the demo's temporary folder; its mailboxes have made-up passwords. This window lists all of it
with a command ready to paste, so the command line can be tried on the same server as the window.
"""

from __future__ import annotations

import shlex

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.demo.accounts import ANNA_MAILBOX, MAILBOXES
from smtpdesk.demo.server import DemoServer
from smtpdesk.ui.widgets.copy_buttons import CopyCloseButtons, fixed_text_view
from smtpdesk.ui.widgets.default_button import keep_default_button

PASSWORD_VARIABLE = "SMTPDESK_HASLO"


def demo_command(server: DemoServer, login: str = ANNA_MAILBOX.login) -> str:
    """A complete ``smtpdesk-cli check`` for ``login`` on the running demo server."""
    mailbox = next(m for m in MAILBOXES if m.login == login)
    options = [
        "smtpdesk-cli",
        "check",
        "--host",
        server.host,
        "--port",
        str(server.port),
        "--security",
        "starttls",
        "--ca-file",
        str(server.ca_file),
        "--user",
        mailbox.login,
        "--password-env",
        PASSWORD_VARIABLE,
        "--to",
        mailbox.login,
    ]
    return f"{PASSWORD_VARIABLE}={shlex.quote(mailbox.password)} " + " ".join(shlex.quote(o) for o in options)


def _shown_over_lines(command: str) -> str:
    """The command broken before each option with shell line continuations (pastes as one)."""
    return command.replace(" --", " \\\n      --")


def demo_cli_text(server: DemoServer) -> str:
    """What the window shows (and "Kopiuj" copies)."""
    translate = QCoreApplication.translate
    # Outside the f-string, where lupdate finds them.
    server_label = translate("DemoCliDialog", "Serwer")
    ca_label = translate("DemoCliDialog", "Certyfikat CA")
    accounts_label = translate("DemoCliDialog", "Konta i hasła demo")
    example_label = translate("DemoCliDialog", "Przykład")
    width = max(len(m.login) for m in MAILBOXES)
    accounts = "\n".join(f"  {m.login:<{width}}  {m.password}" for m in MAILBOXES)
    return (
        f"{server_label}: {server.host}:{server.port} (STARTTLS)\n"
        f"{ca_label}: {server.ca_file}\n\n"
        f"{accounts_label}:\n{accounts}\n\n"
        f"{example_label}:\n  {_shown_over_lines(demo_command(server))}\n"
    )


class DemoCliDialog(QDialog):
    def __init__(self, server: DemoServer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Demo z wiersza poleceń"))
        intro = QLabel(
            self.tr(
                "Serwer demo działa, dopóki to okno programu jest otwarte. Polecenie „smtpdesk-cli check” "
                "łączy się z nim tak jak okno — podaj mu port, plik certyfikatu CA i hasło konta:"
            )
        )
        intro.setWordWrap(True)
        self.text = fixed_text_view(demo_cli_text(server))
        self.text.setAccessibleName(self.tr("Serwer demo, konta i przykładowe polecenie"))
        buttons = CopyCloseButtons(self, self.text.toPlainText)
        self.copy_button, self.close_button = buttons.copy_button, buttons.close_button
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)  # the whole text, without scrolling
        keep_default_button(self, self.close_button)
