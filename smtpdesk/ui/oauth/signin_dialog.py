"""„Zaloguj przez Microsoft / Google”: the provider's page opens in the system browser while this
window waits for it to come back (a loopback redirect); the address can be copied if no browser
opened. Closing the window stops waiting."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.oauth.endpoints import Endpoints
from smtpdesk.core.oauth.signin import SignInResult, sign_in
from smtpdesk.core.smtp.cancel import CancelToken
from smtpdesk.ui.oauth.background import BackgroundCall
from smtpdesk.ui.widgets.default_button import keep_default_button
from smtpdesk.ui.widgets.form_rows import hint_label

BrowserOpener = Callable[[str], object]


def system_browser(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


class SignInDialog(QDialog):
    """``finished_sign_in`` carries a ``SignInResult`` or the exception that ended the sign-in."""

    finished_sign_in = Signal(object)

    def __init__(
        self,
        endpoints: Endpoints,
        login_hint: str,
        parent: QWidget | None = None,
        *,
        open_browser: BrowserOpener = system_browser,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        provider = endpoints.provider
        self.setWindowTitle(self.tr("Logowanie przez {provider}").format(provider=provider))
        self.setMinimumWidth(520)
        self.endpoints = endpoints
        self.login_hint = login_hint
        self.open_browser = open_browser
        self.url = ""
        self.call: BackgroundCall | None = None

        self.message = QLabel(
            self.tr(
                "W przeglądarce otwiera się strona logowania {provider}. Zaloguj się kontem {account} "
                "i zezwól na wysyłanie poczty. To okno zamknie się samo, gdy logowanie się skończy."
            ).format(provider=provider, account=login_hint or self.tr("tej skrzynki"))
        )
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(10)
        self.waiting = QLabel(self.tr("Czekam na przeglądarkę…"))
        self.no_browser = hint_label(
            self.tr(
                "Przeglądarka się nie otworzyła? Skopiuj adres i wklej go do przeglądarki na tym komputerze."
            )
        )
        self.copy_button = QPushButton(self.tr("Kopiuj adres strony logowania"))
        self.copy_button.clicked.connect(self._copy)
        self.reopen_button = QPushButton(self.tr("Otwórz ponownie"))
        self.reopen_button.clicked.connect(self._reopen)
        self.browser_errors = hint_label(
            self.tr(
                "Przeglądarka pokazuje błąd zamiast logowania? AADSTS700016 lub „invalid_client”: "
                "identyfikator "
                "aplikacji jest niepoprawny. AADSTS50011 lub „redirect_uri_mismatch”: w rejestracji brakuje "
                "adresu http://localhost. AADSTS90002: nie ma takiej dzierżawy. Popraw to w Narzędzia → "
                "Logowanie Microsoft i Google i zaloguj się ponownie."
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.reopen_button)
        row.addStretch(1)
        buttons = QDialogButtonBox()
        self.cancel_button: QPushButton = buttons.addButton(
            self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.waiting)
        layout.addWidget(self.busy)
        layout.addWidget(self.no_browser)
        layout.addLayout(row)
        layout.addWidget(self.browser_errors)
        layout.addStretch(1)
        layout.addWidget(buttons)
        # Waiting for the browser has no action for Enter; Escape and "Anuluj" stop waiting.
        keep_default_button(self, None)

    def start(self) -> None:
        endpoints, hint, opener = self.endpoints, self.login_hint, self.open_browser

        def run(cancel: CancelToken, report: Callable[[object], None]) -> SignInResult:
            return sign_in(endpoints, opener, login_hint=hint, cancel=cancel, on_url=report)

        self.call = BackgroundCall(run, "smtpdesk-sign-in", progress=self._url_known, finished=self._finished)
        # Closing the window that owns this dialog destroys it without done(): stop waiting then too.
        self.destroyed.connect(self.call.token.cancel)
        self.call.start()

    @property
    def running(self) -> bool:
        return self.call is not None and not self.call.ended

    def _url_known(self, url: object) -> None:
        self.url = str(url)

    def _copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None and self.url:
            clipboard.setText(self.url)
            self.waiting.setText(self.tr("Adres skopiowany — wklej go do przeglądarki. Czekam…"))

    def _reopen(self) -> None:
        if self.url:
            self.open_browser(self.url)

    def _finished(self, outcome: object) -> None:
        self.finished_sign_in.emit(outcome)
        self.accept()

    def done(self, result: int) -> None:
        if self.call is not None and not self.call.ended:
            self.call.cancel()
        super().done(result)
