"""What "Wykryj ustawienia" and "Zaloguj przez Microsoft / Google" do for one SMTP section.

``attach_account_tools(section, store, secrets, address_for)`` shows the detect button, offers
detection when the server field is left empty, fills the form only after the user confirmed what
was found, and runs the sign-in (browser, loopback redirect) whose failures are diagnosed like a
failed test. ``ENVIRONMENT`` says which browser opener and network to use: the system's, or the
demo's and the tests' loopback ones.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from smtpdesk.core.detect.detector import AddressError, domain_of
from smtpdesk.core.detect.net import Network
from smtpdesk.core.detect.results import Candidate, Detected
from smtpdesk.core.diagnosis.model import Fix, FixKind
from smtpdesk.core.i18n import language
from smtpdesk.core.model import GOOGLE_CLIENT_SECRET, AuthMethod, OAuthApps, OfficeSettings, SmtpAccount
from smtpdesk.core.oauth.endpoints import OAuthNotConfigured, endpoints_for
from smtpdesk.core.oauth.errors import OAuthError
from smtpdesk.core.oauth.failure import sign_in_result
from smtpdesk.core.oauth.signin import SignInResult
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.smtp.cancel import Cancelled
from smtpdesk.core.store import Store
from smtpdesk.ui.mailtest.diagnosis_dialog import DiagnosisDialog
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.oauth.apps_dialog import OAuthAppsDialog, current_apps
from smtpdesk.ui.oauth.detect_dialog import SECURITY_NAMES, DetectDialog
from smtpdesk.ui.oauth.signin_dialog import BrowserOpener, SignInDialog, system_browser
from smtpdesk.ui.widgets.host_display import display_host
from smtpdesk.ui.widgets.smtp_section import SmtpSection


@dataclass
class Environment:
    open_browser: BrowserOpener = system_browser
    network: Network | None = None  # None: the system's DNS and the usual ports
    detect_budget: float | None = None  # None: the detector's own (5 s)


ENVIRONMENT = Environment()


class AccountTools(QObject):
    """Owned by its section."""

    def __init__(
        self,
        section: SmtpSection,
        store: Store,
        secrets: SecretStore,
        address_for: Callable[[], str] | None = None,
        *,
        office_apps: bool = True,
    ) -> None:
        """``office_apps``: whoever uses the section may open the office's app registration (an
        administrator); otherwise a fix that needs it is left to the administrator."""
        super().__init__(section)
        self.setObjectName("smtpdesk_account_tools")
        self.section = section
        self.store = store
        self.secrets = secrets
        self.address_for = address_for
        self.office_apps = office_apps
        self.detect_dialog: DetectDialog | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self._sign_in_method: AuthMethod = AuthMethod.PASSWORD
        self.diagnosis_dialog: DiagnosisDialog | None = None
        self.apps_dialog: OAuthAppsDialog | None = None
        section.detect_button.show()
        section.detect_requested.connect(self.detect)
        section.sign_in_requested.connect(self.sign_in)
        section.oauth_fix_requested.connect(self.apply_fix)
        section.host_edit.editingFinished.connect(self._offer_detection)
        section.username_edit.textChanged.connect(lambda _text: section.detect_offer.hide())
        section.host_edit.textChanged.connect(self._host_typed)

    # -- detection ----------------------------------------------------------------------------

    def address(self) -> str:
        login = self.section.username_edit.text().strip()
        if "@" in login:
            return login
        return self.address_for().strip() if self.address_for is not None else ""

    @Slot()
    def detect(self) -> DetectDialog | None:
        address = self.address()
        try:
            domain_of(address)
        except AddressError as error:
            show_message(
                self.section.window(),
                QMessageBox.Icon.Information,
                self.tr("Wykryj ustawienia"),
                error.message.text(language())
                + "\n"
                + self.tr("Wpisz go w polu „Nazwa użytkownika” (lub w danych pracownika)."),
            )
            return None
        if self.detect_dialog is not None and self.detect_dialog.running:
            self.detect_dialog.raise_()
            return self.detect_dialog
        dialog = DetectDialog(
            address,
            self._current_text(),
            self.section.window(),
            network=ENVIRONMENT.network,
            budget=ENVIRONMENT.detect_budget,
        )
        dialog.accepted_settings.connect(self._use)
        dialog.destroyed.connect(self._detect_closed)
        self.detect_dialog = dialog
        self.section.detect_offer.hide()
        dialog.show()
        dialog.start()
        return dialog

    def _current_text(self) -> str:
        section = self.section
        host = section.host_edit.text().strip()
        if not host:
            return ""
        return self.tr(
            "Teraz w formularzu: {host}, port {port}. „Użyj tych ustawień” je zastąpi; hasło zostaje."
        ).format(host=host, port=section.port_edit.text().strip() or "—")

    def _use(self, found: Detected, candidate: Candidate) -> None:
        section = self.section
        if not found.needs_server_number:
            section.host_edit.setText(display_host(candidate.host))
        section.port_edit.setText(str(candidate.port))
        index = section.security_combo.findData(candidate.security.value)
        if index >= 0:
            section.security_combo.setCurrentIndex(index)
        login = candidate.login_for(self.address())
        if login and not section.username_edit.text().strip():
            section.username_edit.setText(login)
        section.offer_oauth(found.oauth)
        if found.needs_server_number:
            section.errors.show(
                section.host_edit,
                self.tr("Wpisz nazwę serwera z numerem z panelu dostawcy (wzór: {host}).").format(
                    host=candidate.host
                ),
            )
            section.host_edit.setFocus()
        section.errors.clear(section.port_edit)
        section.changed.emit()

    def _offer_detection(self) -> None:
        """Leaving the server field empty: offer to find the server for the address."""
        section = self.section
        if section.host_edit.text().strip():
            return
        address = self.address()
        try:
            domain = domain_of(address)
        except AddressError:
            return
        section.detect_offer.setText(
            self.tr('Nie znasz serwera? <a href="detect">Wykryj ustawienia dla {domain}</a>').format(
                domain=html.escape(domain)
            )
        )
        section.detect_offer.show()

    def _host_typed(self, text: str) -> None:
        if text.strip():
            self.section.detect_offer.hide()

    def _detect_closed(self) -> None:
        self.detect_dialog = None

    # -- sign-in ------------------------------------------------------------------------------

    @Slot(object)
    def sign_in(self, method: AuthMethod) -> SignInDialog | None:
        apps = current_apps(self.store)
        secret = self.secrets.get(GOOGLE_CLIENT_SECRET) or "" if method is AuthMethod.OAUTH_GOOGLE else ""
        try:
            endpoints = endpoints_for(method, apps, secret)
        except OAuthNotConfigured as error:
            self._show_failure(OAuthError("not_configured", error.message.en, stage="authorize"), method)
            return None
        if self.sign_in_dialog is not None and self.sign_in_dialog.running:
            self.sign_in_dialog.raise_()
            return self.sign_in_dialog
        hint = self.section.username_edit.text().strip()
        dialog = SignInDialog(
            endpoints,
            hint if "@" in hint else self.address(),
            self.section.window(),
            open_browser=ENVIRONMENT.open_browser,
        )
        self._sign_in_method = method
        dialog.finished_sign_in.connect(self._sign_in_finished)
        dialog.destroyed.connect(self._sign_in_closed)
        self.sign_in_dialog = dialog
        dialog.show()
        dialog.start()
        return dialog

    def _signed_in(self, method: AuthMethod, outcome: object) -> None:
        if isinstance(outcome, SignInResult):
            self.section.signed_in(method, outcome.refresh_token, outcome.account)
            return
        if isinstance(outcome, Cancelled):
            return
        error = outcome if isinstance(outcome, OAuthError) else OAuthError("network", str(outcome))
        self._show_failure(error, method)

    def _show_failure(self, error: OAuthError, method: AuthMethod) -> DiagnosisDialog:
        account = self._form_account()
        result = sign_in_result(error, account, method, language())
        dialog = DiagnosisDialog(self.section.window())
        provider = "Google" if method is AuthMethod.OAUTH_GOOGLE else "Microsoft"
        dialog.setWindowTitle(self.tr("Logowanie przez {provider}").format(provider=provider))
        if not self.office_apps:
            dialog.view.fix_allowed = _not_office_settings
            dialog.view.fix_advice = self.tr(
                "Tę zmianę wprowadza administrator biura: {fixes}. Poproś go o nią — kliknij „Kopiuj "
                "raport” i wyślij mu raport."
            )
        dialog.view.show_result(result, account_label=account.username or account.host, fixes_enabled=True)
        dialog.view.fix_requested.connect(self._fix_from_diagnosis)
        dialog.adjustSize()
        self.diagnosis_dialog = dialog
        dialog.show()
        return dialog

    def _fix_from_diagnosis(self, fix: object) -> None:
        if self.diagnosis_dialog is not None:
            self.diagnosis_dialog.close()
        if isinstance(fix, Fix):
            self.apply_fix(fix)

    def _form_account(self) -> SmtpAccount:
        section = self.section
        try:
            port = int(section.port_edit.text().strip() or 587)
        except ValueError:
            port = 587
        return SmtpAccount(
            host=section.host_edit.text().strip(), port=port, username=section.username_edit.text().strip()
        )

    def _sign_in_closed(self) -> None:
        self.sign_in_dialog = None

    # -- fixes from a diagnosis ---------------------------------------------------------------

    @Slot(object)
    def apply_fix(self, fix: Fix) -> None:
        method = AuthMethod(str(fix.params.get("method", AuthMethod.OAUTH_MICROSOFT.value)))
        if fix.kind is FixKind.SIGN_IN:
            self.sign_in(method)
        elif fix.kind is FixKind.OAUTH_SETTINGS and self.office_apps:
            self.open_apps_settings()
        elif fix.kind is FixKind.OAUTH_SETTINGS:
            show_message(
                self.section.window(),
                QMessageBox.Icon.Information,
                self.tr("Logowanie Microsoft i Google"),
                self.tr("Aplikację biura do logowania ustawia administrator biura. Poproś go o to."),
            )

    def open_apps_settings(self) -> OAuthAppsDialog:
        if self.apps_dialog is not None:
            self.apps_dialog.raise_()
            return self.apps_dialog
        dialog = OAuthAppsDialog(self.store, self.secrets, self.section.window())
        dialog.saved.connect(self._apps_saved)
        dialog.destroyed.connect(self._apps_closed)
        self.apps_dialog = dialog
        dialog.show()
        return dialog

    def _apps_closed(self) -> None:
        self.apps_dialog = None

    # Bound slots, not lambdas: a closure over this object connected to a dialog's signal has
    # crashed on teardown.
    @Slot(object)
    def _apps_saved(self, apps: object) -> None:
        remember_apps(self.section.window(), apps)

    @Slot(object)
    def _sign_in_finished(self, outcome: object) -> None:
        self._signed_in(self._sign_in_method, outcome)


def _not_office_settings(fix: Fix) -> bool:
    return fix.kind is not FixKind.OAUTH_SETTINGS


def remember_apps(window: QWidget | None, apps: object) -> None:
    """The settings window keeps its own copy of the settings it saves; give it the new
    registration so its next "Zapisz" does not put the old one back."""
    widget = window
    while widget is not None:
        settings = getattr(widget, "settings", None)
        if isinstance(settings, OfficeSettings) and isinstance(apps, OAuthApps):
            widget.settings = replace(settings, oauth=apps)  # type: ignore[attr-defined]
            return
        widget = widget.parentWidget()


def attach_account_tools(
    section: SmtpSection,
    store: Store,
    secrets: SecretStore,
    address_for: Callable[[], str] | None = None,
    *,
    office_apps: bool = True,
) -> AccountTools:
    return AccountTools(section, store, secrets, address_for, office_apps=office_apps)


def tools_of(section: SmtpSection) -> AccountTools | None:
    return section.findChild(AccountTools)


__all__ = [
    "ENVIRONMENT",
    "SECURITY_NAMES",
    "AccountTools",
    "Environment",
    "attach_account_tools",
    "remember_apps",
    "tools_of",
]
