"""What the settings window shows in demo mode: a banner saying so and the demo inbox."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from smtpdesk.core import i18n
from smtpdesk.demo.accounts import PEOPLE
from smtpdesk.ui.demo_inbox import DemoInbox
from smtpdesk.ui.first_run import FirstRunDialog

if TYPE_CHECKING:
    from smtpdesk.demo.session import DemoSession
    from smtpdesk.ui.people.my_mail_window import MyMailWindow
    from smtpdesk.ui.settings_window import SettingsWindow

__all__ = ["DemoBanner", "FirstRunDialog", "attach_demo"]

# Amber strip with dark text: noticeable without looking like an error (contrast > 7:1).
_BANNER_STYLE = (
    "#demoBanner { background: #fff4ce; border: 1px solid #e0c060; border-radius: 4px; }"
    "#demoBanner QLabel { color: #3d3000; }"
)


class DemoBanner(QFrame):
    """A strip above the tabs: this is a demo, nothing leaves the computer; opens the demo inbox."""

    inbox_requested = Signal()
    cli_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet(_BANNER_STYLE)

        self.message = QLabel(
            self.tr(
                "Tryb demonstracyjny — przykładowe biuro i wbudowany serwer poczty na tym komputerze. "
                "Nic nie jest wysyłane do internetu; zmiany znikną po zamknięciu."
            )
        )
        self.message.setWordWrap(True)
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)

        lang = i18n.language()
        people = " · ".join(f"{p.first_name} {p.last_name}: {p.hint.text(lang)}" for p in PEOPLE)
        self.hints = QLabel(
            self.tr("Wypróbuj wiadomość testową u pracowników — {people}").format(people=people)
        )
        self.hints.setWordWrap(True)
        self.hints.setTextFormat(Qt.TextFormat.PlainText)

        self.inbox_button = QPushButton(self.tr("Skrzynka demo"))
        self.inbox_button.setToolTip(self.tr("Pokaż wiadomości odebrane przez wbudowany serwer demo"))
        self.inbox_button.clicked.connect(self.inbox_requested)
        self.cli_button = QPushButton(self.tr("Wiersz poleceń…"))
        self.cli_button.setToolTip(
            self.tr("Port, certyfikat CA i hasła serwera demo dla polecenia „smtpdesk-cli check”")
        )
        self.cli_button.clicked.connect(self.cli_requested)

        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.message)
        texts.addWidget(self.hints)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(texts, 1)
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.inbox_button)
        buttons.addWidget(self.cli_button)
        layout.addLayout(buttons)


class _DemoInboxOpener(QObject):
    """Creates the inbox on first use and brings it to the front afterwards."""

    def __init__(self, window: SettingsWindow | MyMailWindow, session: DemoSession) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._inbox: DemoInbox | None = None

    def open_cli_help(self) -> None:
        from smtpdesk.ui.demo_cli import DemoCliDialog

        dialog = DemoCliDialog(self._session.server, self._window)
        dialog.show()

    def open_inbox(self) -> None:
        if self._inbox is None:
            self._inbox = DemoInbox(self._session.server, self._window)
        self._inbox.show()
        self._inbox.raise_()
        self._inbox.activateWindow()


def attach_demo(window: SettingsWindow | MyMailWindow, session: DemoSession) -> None:
    """Add the demo banner and the "Skrzynka demo" action (menu "Narzędzia") to ``window``."""
    opener = _DemoInboxOpener(window, session)
    banner = DemoBanner()
    banner.inbox_requested.connect(opener.open_inbox)
    banner.cli_requested.connect(opener.open_cli_help)
    window.add_banner(banner)

    _use_demo_sign_in(window, session)

    action = QAction(QCoreApplication.translate("DemoBanner", "Skrzynka demo"), window)
    action.setObjectName("demoInboxAction")
    action.triggered.connect(opener.open_inbox)
    window.tools_menu.addAction(action)


def _use_demo_sign_in(window: SettingsWindow | MyMailWindow, session: DemoSession) -> None:
    """ "Zaloguj przez Microsoft" opens the demo's sign-in page (its HTTP address) in the browser."""
    from smtpdesk.ui.oauth import section_tools
    from smtpdesk.ui.oauth.signin_dialog import system_browser

    sign_in = session.oauth
    if sign_in is None:
        return
    section_tools.ENVIRONMENT.open_browser = lambda url: system_browser(sign_in.browser_url(url))

    def restore() -> None:
        section_tools.ENVIRONMENT.open_browser = system_browser

    window.destroyed.connect(restore)
