"""„Ustawienia wysyłania poczty (SMTP)”: the four fields of the reference page plus the advanced
connection-security choice, shared by the company settings and the employee dialog.

Other features hang their buttons into ``actions_layout`` and read the form through ``account()``
and ``password()``; a diagnosis changes the form through ``apply_fix()``. An account can log in
with a password or, for Microsoft 365 / Outlook.com and Google, with an OAuth2 sign-in: the "Logowanie"
row then shows who signed in, and the refresh token waits here until the owner saves (like a typed
password). The sign-in itself and "Wykryj ustawienia" are ``ui.oauth.section_tools``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.detect.providers import oauth_for_host
from smtpdesk.core.model import AuthMethod, Security, SmtpAccount, oauth_token_key
from smtpdesk.core.secrets import SecretState, SecretStore
from smtpdesk.core.validation import (
    MSG_HOST_EMPTY,
    MSG_HOST_PORT_CONFLICT,
    FieldError,
    build_account,
    default_port,
    normalise_host,
    parse_port,
)
from smtpdesk.ui.pages.base import Problem
from smtpdesk.ui.widgets.field_error import FieldErrors
from smtpdesk.ui.widgets.form_rows import add_row, buddy_label, hint_label, new_form
from smtpdesk.ui.widgets.host_display import display_host
from smtpdesk.ui.widgets.password_field import PasswordField
from smtpdesk.ui.widgets.tab_order import chain_tab_order

if TYPE_CHECKING:
    from smtpdesk.core.diagnosis.model import Fix


class SmtpSection(QGroupBox):
    """One sending account's form. ``account_key`` is its keychain entry (None until saved)."""

    changed = Signal()
    # A diagnosis suggested sending as another address; the owner of the sender field applies it.
    sender_change_requested = Signal(str)
    # "Zaloguj przez …" was clicked (AuthMethod) or a diagnosis asked for a sign-in / the app
    # registration (Fix); ``ui.oauth.section_tools`` carries them out.
    sign_in_requested = Signal(object)
    oauth_fix_requested = Signal(object)
    detect_requested = Signal()

    def __init__(self, secrets: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Ustawienia wysyłania poczty (SMTP)"))
        self.secrets = secrets
        self.account_key: str | None = None
        self.errors = FieldErrors()
        self._loading = False
        # Kept from the loaded account: not edited here, but part of it.
        self._pinned_fingerprint = ""
        self._pinned_host = ""
        self._ca_file = ""
        self._auth_method = AuthMethod.PASSWORD
        self._pending_token: str | None = None  # a new sign-in, saved with the form
        self._signed_in_as = ""
        self._offered_oauth: AuthMethod | None = None  # detection said the provider signs in so

        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText(self.tr("np. smtp.twojadomena.pl"))
        self.host_note = hint_label("")
        self.host_note.hide()
        self.port_edit = QLineEdit()
        self.port_edit.setPlaceholderText("587")
        self.port_edit.setMaxLength(12)
        self.port_edit.setMaximumWidth(self.port_edit.fontMetrics().horizontalAdvance("0") * 12 + 16)
        self.port_hint = hint_label(
            self.tr(
                "Zalecana wartość to 587 (może też być 25) lub 465 dla serwerów takich jak smtp.gmail.com"
            )
        )
        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText(self.tr("login konta pocztowego, zwykle adres e-mail"))
        self.password_field = PasswordField()
        self.security_combo = QComboBox()
        for text, security in (
            (self.tr("Automatycznie (465 → SSL/TLS, inaczej STARTTLS)"), Security.AUTO),
            ("STARTTLS", Security.STARTTLS),
            ("SSL/TLS", Security.SSL),
            (self.tr("Brak"), Security.NONE),
        ):
            self.security_combo.addItem(text, security.value)
        self.plaintext_check = QCheckBox(self.tr("Zezwalam (hasło pójdzie otwartym tekstem)"))
        self.plaintext_check.setToolTip(
            self.tr(
                "Bez szyfrowania każdy w sieci między tym komputerem a serwerem może odczytać hasło. "
                "Zaznacz tylko dla serwera w sieci biura, który nie obsługuje szyfrowania."
            )
        )

        self.auth_status = QLabel()
        self.auth_status.setWordWrap(True)
        self.auth_status.setObjectName("auth_status")
        self.microsoft_button = QPushButton(self.tr("Zaloguj przez Microsoft"))
        self.microsoft_button.setObjectName("sign_in_microsoft")
        self.google_button = QPushButton(self.tr("Zaloguj przez Google"))
        self.google_button.setObjectName("sign_in_google")
        self.password_button = QPushButton(self.tr("Loguj hasłem"))
        self.password_button.setToolTip(self.tr("Wraca do logowania nazwą użytkownika i hasłem"))
        auth_box = QWidget()
        auth_layout = QVBoxLayout(auth_box)
        auth_layout.setContentsMargins(0, 0, 0, 0)
        auth_layout.addWidget(self.auth_status)
        auth_buttons = QHBoxLayout()
        for button in (self.microsoft_button, self.google_button, self.password_button):
            auth_buttons.addWidget(button)
        auth_buttons.addStretch(1)
        auth_layout.addLayout(auth_buttons)

        # "Wykryj ustawienia": hidden until a feature handles ``detect_requested``.
        self.detect_button = QPushButton(self.tr("Wykryj ustawienia"))
        self.detect_button.setObjectName("detect_settings")
        self.detect_button.setToolTip(
            self.tr(
                "Sprawdza, jakiego serwera używa dostawca poczty tego adresu e-mail; "
                "nic nie zmienia bez pytania"
            )
        )
        self.detect_button.hide()
        self.detect_offer = QLabel()
        self.detect_offer.setObjectName("detect_offer")
        self.detect_offer.setWordWrap(True)
        self.detect_offer.setTextFormat(Qt.TextFormat.RichText)
        self.detect_offer.hide()
        self.detect_offer.linkActivated.connect(lambda _link: self.detect_requested.emit())
        self.detect_button.clicked.connect(self.detect_requested)

        self.form = new_form()
        host_line = QHBoxLayout()
        host_line.setContentsMargins(0, 0, 0, 0)
        host_line.addWidget(self.host_edit, 1)
        host_line.addWidget(self.detect_button)
        host_box = QWidget()
        host_layout = QVBoxLayout(host_box)
        host_layout.setContentsMargins(0, 0, 0, 0)
        host_layout.setSpacing(2)
        host_layout.addLayout(host_line)
        host_layout.addWidget(self.host_note)
        host_layout.addWidget(self.detect_offer)
        host_layout.addWidget(self.errors.add(self.host_edit, host_box))
        host_label = buddy_label(self.tr("Serwer poczty wychodzącej:"), self.host_edit)
        self.form.addRow(host_label, host_box)
        add_row(
            self.form,
            self.tr("Port serwera poczty wychodzącej:"),
            self.port_edit,
            self.errors,
            hint=self.port_hint,
        )
        add_row(self.form, self.tr("Nazwa użytkownika:"), self.username_edit, self.errors)
        self._password_row = self.form.rowCount()
        add_row(self.form, self.tr("Hasło:"), self.password_field, self.errors)
        self._auth_row = self.form.rowCount()
        add_row(self.form, self.tr("Logowanie:"), auth_box, self.errors, buddy=self.microsoft_button)
        add_row(self.form, self.tr("Zabezpieczenie połączenia:"), self.security_combo, self.errors)
        self._plaintext_row = self.form.rowCount()
        add_row(self.form, self.tr("Logowanie bez szyfrowania:"), self.plaintext_check, self.errors)

        self.actions_layout = QHBoxLayout()
        self.actions_layout.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(self.actions_layout)

        self.host_edit.editingFinished.connect(self._normalise_host_field)
        self.port_edit.editingFinished.connect(self._check_port_field)
        self.host_edit.textChanged.connect(self._show_idna_note)
        for edit in (self.host_edit, self.port_edit, self.username_edit):
            edit.textChanged.connect(self._edited)
            edit.textEdited.connect(lambda _text, field=edit: self.errors.clear(field))
        self.password_field.changed.connect(self._edited)
        self.security_combo.currentIndexChanged.connect(self._security_changed)
        self.plaintext_check.toggled.connect(self._edited)
        self.host_edit.textChanged.connect(self._show_auth)
        self.microsoft_button.clicked.connect(lambda: self.sign_in_requested.emit(AuthMethod.OAUTH_MICROSOFT))
        self.google_button.clicked.connect(lambda: self.sign_in_requested.emit(AuthMethod.OAUTH_GOOGLE))
        self.password_button.clicked.connect(self.use_password)
        # Tab follows the rows as they are read; buttons added under the form come after the last.
        # The password field goes as one: its text, "Pokaż" and "Usuń hasło" keep their order.
        chain_tab_order(
            [
                self.host_edit,
                self.detect_button,
                self.port_edit,
                self.username_edit,
                self.password_field,
                self.microsoft_button,
                self.google_button,
                self.password_button,
                self.security_combo,
                self.plaintext_check,
            ]
        )
        self._security_changed()
        self._show_auth()

    # -- contract -------------------------------------------------------------------------------

    def load(self, account: SmtpAccount | None, account_key: str | None) -> None:
        """Shows ``account`` (None: no own account) and the state of the password under ``account_key``."""
        self._loading = True
        try:
            self.account_key = account_key
            self.errors.clear()
            self.host_note.hide()
            account_or_empty = account or SmtpAccount()
            self.host_edit.setText(display_host(account_or_empty.host))
            self.port_edit.setText(str(account.port) if account is not None and account.configured else "")
            self.username_edit.setText(account_or_empty.username)
            self._set_security(account_or_empty.security)
            self.plaintext_check.setChecked(account_or_empty.allow_plaintext_auth)
            self._pinned_fingerprint = account_or_empty.pinned_fingerprint
            self._pinned_host = account_or_empty.host
            self._ca_file = account_or_empty.ca_file
            if _keychain_being_checked(self.secrets):
                # The keychain is decided off the GUI thread at start (refresh_password_state).
                self.password_field.set_checking()
            else:
                stored = self.secrets.state(account_key) if account_key else None
                self.password_field.set_stored(
                    stored, keychain_available=self.secrets.available, office=self.secrets.in_office_database
                )
            self._auth_method = account_or_empty.auth_method
            self._pending_token = None
            self._signed_in_as = ""
            self._offered_oauth = None
            self._show_idna_note()
            self._show_auth()
        finally:
            self._loading = False

    def refresh_password_state(self) -> None:
        """Shows the password's state once the keychain is known; typed text stays."""
        key = self.account_key
        stored = self.secrets.state(key) if key else None
        self.password_field.update_stored(
            stored, keychain_available=self.secrets.available, office=self.secrets.in_office_database
        )

    def account(self) -> SmtpAccount | None:
        """The account in the form (None when all fields are empty).

        Raises ``FieldError`` after showing its message next to the field it is about.
        """
        self.errors.clear()
        try:
            account = build_account(
                self.host_edit.text(),
                self.port_edit.text(),
                self.username_edit.text(),
                self.security(),
                allow_plaintext_auth=self.plaintext_check.isChecked() and self.security() is Security.NONE,
                pinned_fingerprint="",
                ca_file=self._ca_file,
            )
            if account is None and self.password_field.text():
                # A password alone is no account: say which field is missing rather than drop it.
                raise FieldError("host", MSG_HOST_EMPTY)
        except FieldError as error:
            self._show_errors(error)
            raise
        if account is not None and account.host == self._pinned_host and self._pinned_fingerprint:
            # A trusted certificate belongs to the server it was accepted for.
            account = account.with_changes(pinned_fingerprint=self._pinned_fingerprint)
        if account is not None and self._auth_method.oauth:
            account = account.with_changes(auth_method=self._auth_method)
        return account

    def password(self) -> str:
        """The password to use now: the newly typed one, else the stored one ("" when none)."""
        if self._auth_method.oauth:
            return ""
        typed = self.password_field.text()
        if typed or self.password_field.clear_requested or not self.account_key:
            return typed
        return self.secrets.get(self.account_key) or ""

    def apply_fix(self, fix: Fix) -> None:
        """Changes the form as a diagnosis suggests; the owner saves it as usual."""
        # Loaded with the first diagnosis, not with the form.
        from smtpdesk.core.diagnosis.model import FixKind

        params = fix.params
        if fix.kind in (FixKind.SET_SECURITY, FixKind.SET_PORT):
            if "security" in params:
                self._set_security(Security(str(params["security"])))
            if "port" in params:
                self.port_edit.setText(str(int(params["port"])))
        elif fix.kind is FixKind.SET_HOST:
            self.host_edit.setText(display_host(str(params["host"])))
            self._show_idna_note()
        elif fix.kind is FixKind.PIN_CERTIFICATE:
            self._pinned_fingerprint = str(params["sha256"]).replace(":", "").lower()
            self._pinned_host = str(params.get("host") or self._current_host())
        elif fix.kind is FixKind.SET_USERNAME:
            self.username_edit.setText(str(params["username"]))
        elif fix.kind is FixKind.SET_SENDER:
            self.sender_change_requested.emit(str(params["sender"]))
        elif fix.kind is FixKind.CLEAR_CREDENTIALS:
            self.username_edit.clear()
            self.password_field.request_clear()
        elif fix.kind in (FixKind.SIGN_IN, FixKind.OAUTH_SETTINGS):
            self.oauth_fix_requested.emit(fix)
            return  # the form changes only once the sign-in is done
        self.errors.clear()
        self.changed.emit()

    def save_password(self, secrets: SecretStore, key: str) -> SecretState:
        """Writes the password under ``key`` once, when the owner saves; an empty field keeps it."""
        typed = self.password_field.text()
        no_account = not (self.host_edit.text().strip() or self.username_edit.text().strip())
        if self.password_field.clear_requested or no_account:
            secrets.delete(key)
            state = SecretState.MISSING
        elif typed:
            state = secrets.set(key, typed)
        elif key == self.account_key and self.password_field.has_stored:
            state = SecretState.STORED if secrets.available else SecretState.SESSION_ONLY
        else:
            state = secrets.state(key)
        self.account_key = key
        self.password_field.set_stored(
            state, keychain_available=secrets.available, office=secrets.in_office_database
        )
        token_key = oauth_token_key(key)
        keychain = secrets.local_keychain()  # a sign-in never goes into a database
        if self._auth_method.oauth and not no_account:
            if self._pending_token is not None:
                keychain.set(token_key, self._pending_token)
                self._pending_token = None
        else:
            keychain.delete(token_key)  # a sign-in the account no longer uses is not kept
        self._show_auth()
        return state

    # -- helpers for owners ---------------------------------------------------------------------

    def security(self) -> Security:
        return Security(self.security_combo.currentData())

    def check(self) -> list[Problem]:
        """The problems of this form, already shown next to their fields."""
        try:
            self.account()
        except FieldError:
            return [Problem(field, message) for field, message in self.errors.messages().items()]
        return []

    def field_widget(self, field: str) -> QWidget:
        """The widget of a ``FieldError.field`` id."""
        return {
            "port": self.port_edit,
            "username": self.username_edit,
            "password": self.password_field,
            "security": self.security_combo,
            "allow_plaintext_auth": self.plaintext_check,
        }.get(field, self.host_edit)

    def state(self) -> object:
        return (
            self.host_edit.text(),
            self.port_edit.text(),
            self.username_edit.text(),
            self.security(),
            self.plaintext_check.isChecked(),
            self.password_field.state(),
            self._pinned_fingerprint,
            self._auth_method,
            self._pending_token is not None,
        )

    # -- OAuth2 sign-in ---------------------------------------------------------------------------

    @property
    def auth_method(self) -> AuthMethod:
        return self._auth_method

    def signed_in(self, method: AuthMethod, refresh_token: str, account: str) -> None:
        """A sign-in finished: the account logs in this way from now on (once the owner saves)."""
        self._auth_method = method
        self._pending_token = refresh_token
        self._signed_in_as = account
        if account and self.username_edit.text().strip().lower() != account.lower():
            # XOAUTH2 names the mailbox: it must be the account that signed in.
            self.username_edit.setText(account)
        self._show_auth()
        self.changed.emit()

    def use_password(self) -> None:
        if self._auth_method is AuthMethod.PASSWORD:
            return
        self._auth_method = AuthMethod.PASSWORD
        self._pending_token = None
        self._signed_in_as = ""
        self._show_auth()
        self.changed.emit()

    def offer_oauth(self, method: AuthMethod | None) -> None:
        """Detection found a provider that signs in with ``method``: show its button."""
        self._offered_oauth = method
        self._show_auth()

    def refresh_token(self) -> str | None:
        """The sign-in to use now: a new one from this form, else the saved one."""
        if self._pending_token is not None:
            return self._pending_token
        if not self.account_key:
            return None
        return self.secrets.local_keychain().get(oauth_token_key(self.account_key))

    def keep_refresh_token(self, token: str) -> None:
        """The provider rotated the token during a test: keep the new one where the old one was."""
        if self._pending_token is not None or not self.account_key:
            self._pending_token = token
        else:
            self.secrets.local_keychain().set(oauth_token_key(self.account_key), token)

    def has_sign_in(self) -> bool:
        if self._pending_token is not None:
            return True
        key = self.account_key
        return key is not None and self.secrets.local_keychain().state(oauth_token_key(key)) in (
            SecretState.STORED,
            SecretState.SESSION_ONLY,
        )

    def _show_auth(self) -> None:
        method = self._auth_method
        offered = self._offered_oauth or oauth_for_host(self._current_host())
        show_row = method.oauth or offered is not None
        self.form.setRowVisible(self._auth_row, show_row)
        self.form.setRowVisible(self._password_row, not method.oauth)
        provider = "Google" if method is AuthMethod.OAUTH_GOOGLE else "Microsoft"
        if method.oauth:
            if self._pending_token is not None:
                who = self._signed_in_as or self.username_edit.text().strip()
                text = self.tr("Zalogowano przez {provider} jako {account} — zapisz ustawienia.").format(
                    provider=provider, account=who
                )
            elif self.has_sign_in():
                text = self.tr("Logowanie przez {provider} (OAuth2) zapisane w pęku kluczy systemu.").format(
                    provider=provider
                )
            else:
                text = self.tr("Konto loguje się przez {provider}, ale nie ma zapisanego logowania.").format(
                    provider=provider
                )
        else:
            text = self.tr(
                "Ten dostawca pozwala zalogować się bez hasła do programu — przez przeglądarkę (OAuth2)."
            )
        self.auth_status.setText(text)
        self.microsoft_button.setVisible(
            method is AuthMethod.OAUTH_MICROSOFT
            or (not method.oauth and offered is AuthMethod.OAUTH_MICROSOFT)
        )
        self.google_button.setVisible(
            method is AuthMethod.OAUTH_GOOGLE or (not method.oauth and offered is AuthMethod.OAUTH_GOOGLE)
        )
        if method.oauth:
            self.microsoft_button.setText(self.tr("Zaloguj ponownie przez Microsoft"))
            self.google_button.setText(self.tr("Zaloguj ponownie przez Google"))
        else:
            self.microsoft_button.setText(self.tr("Zaloguj przez Microsoft"))
            self.google_button.setText(self.tr("Zaloguj przez Google"))
        self.password_button.setVisible(method.oauth)

    # -- internals ------------------------------------------------------------------------------

    def _show_errors(self, first: FieldError) -> None:
        """Shows ``first`` and what is wrong with the other fields, each checked on its own,
        so one "Zapisz" reveals every mistake of the section."""
        errors = [first]
        others: list[tuple[QLineEdit, str, Callable[[str], object]]] = [
            (self.host_edit, "host", normalise_host),
            (self.port_edit, "port", parse_port),
        ]
        for edit, field, check in others:
            if field != first.field and edit.text().strip():
                try:
                    check(edit.text())
                except FieldError as other:
                    errors.append(other)
        for each in errors:
            self.errors.show(self.field_widget(each.field), each.message.text())

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    def _set_security(self, security: Security) -> None:
        self.security_combo.setCurrentIndex(max(0, self.security_combo.findData(security.value)))

    def _security_changed(self) -> None:
        # The consent is per account and only means something without encryption.
        self.form.setRowVisible(self._plaintext_row, self.security() is Security.NONE)
        # An empty port field means the usual port of the chosen security.
        self.port_edit.setPlaceholderText(str(default_port(self.security())))
        self._edited()

    def _current_host(self) -> str:
        try:
            return normalise_host(self.host_edit.text())[0]
        except FieldError:
            return ""

    def _normalise_host_field(self) -> None:
        """Cleans what people paste: a scheme, spaces around, a ``:port`` (moved to the port field)."""
        text = self.host_edit.text()
        self.host_note.hide()
        if not text.strip():
            self.errors.clear(self.host_edit)
            return
        try:
            host, port = normalise_host(text)
        except FieldError as error:
            self.errors.show(self.host_edit, error.message.text())
            return
        self.errors.clear(self.host_edit)
        port_text = self.port_edit.text().strip()
        if port is not None and port_text and port_text != str(port):
            self.errors.show(self.host_edit, MSG_HOST_PORT_CONFLICT.text(pasted=port, port=port_text))
            return
        if port is not None:
            self.port_edit.setText(str(port))
            self.errors.clear(self.port_edit)
        shown = display_host(host)
        if shown != text:
            self.host_edit.setText(shown)
        self._show_idna_note()

    def _show_idna_note(self) -> None:
        host = self._current_host()
        if host and display_host(host) != host:
            self.host_note.setText(
                self.tr("Nazwa z polskimi znakami — serwer zostanie zapisany jako {ascii}").format(ascii=host)
            )
            self.host_note.show()
        else:
            self.host_note.hide()

    def _check_port_field(self) -> None:
        text = self.port_edit.text()
        if not text.strip():
            self.errors.clear(self.port_edit)
            return
        try:
            parse_port(text)
        except FieldError as error:
            self.errors.show(self.port_edit, error.message.text())
        else:
            self.errors.clear(self.port_edit)


def _keychain_being_checked(secrets: SecretStore) -> bool:
    from smtpdesk.ui.keychain_check import being_checked

    return being_checked(secrets)
