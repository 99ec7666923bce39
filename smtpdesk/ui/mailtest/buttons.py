"""The "Wyślij wiadomość testową" and "Sprawdź logowanie" buttons under an SMTP form.

They test what is in the form right now, saved or not: the typed password, or the stored one when
the field is empty. The last stored result of the account is shown next to them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from smtpdesk.core.diagnosis.model import Fix, FixKind
from smtpdesk.core.model import ContactMode, OAuthApps
from smtpdesk.core.oauth.tokens import TokenSource
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.smtp.request import Timeouts
from smtpdesk.core.store import Store, StoreError
from smtpdesk.core.validation import FieldError
from smtpdesk.ui.employee_dialog import EmployeeDialog
from smtpdesk.ui.mailtest.dialog import MailTestDialog
from smtpdesk.ui.mailtest.last_result import LastResultLabel
from smtpdesk.ui.mailtest.plan import UNSAVED_ACCOUNT, MailTestPlan
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.widgets.smtp_section import SmtpSection

TextSource = Callable[[], str]


class MailTestButtons(QObject):
    """Owned by the section it serves; ``dialog`` is the last test window it opened."""

    def __init__(
        self,
        section: SmtpSection,
        store: Store,
        secrets: SecretStore,
        *,
        sender_for: TextSource | None = None,
        label_for: TextSource | None = None,
        timeouts: Timeouts | None = None,
        account_source: str = "",
    ) -> None:
        super().__init__(section)
        self.account_source = account_source
        self.section = section
        self.store = store
        self.secrets = secrets
        self.sender_for = sender_for
        self.label_for = label_for
        self.timeouts = timeouts
        self.dialog: MailTestDialog | None = None
        self._sender_override = ""

        self.send_button = QPushButton(self.tr("Wyślij wiadomość testową"))
        self.send_button.setToolTip(
            self.tr("Wysyła wiadomość przez ustawienia z formularza — także te jeszcze niezapisane")
        )
        self.login_button = QPushButton(self.tr("Sprawdź logowanie"))
        self.login_button.setToolTip(self.tr("Łączy się i loguje na serwerze, nic nie wysyłając"))
        self.last_result = LastResultLabel(store, lambda: self.section.account_key or UNSAVED_ACCOUNT)
        self.send_button.clicked.connect(self._send_clicked)
        self.login_button.clicked.connect(self._login_clicked)
        layout = section.actions_layout
        layout.addWidget(self.send_button)
        layout.addWidget(self.login_button)
        layout.addWidget(self.last_result, 1)
        # Tab reaches them right after the form's last field, where they are on screen (they are
        # added once the window exists, which would otherwise put them last in its tab order).
        QWidget.setTabOrder(section.plaintext_check, self.send_button)
        QWidget.setTabOrder(self.send_button, self.login_button)
        section.changed.connect(self._form_changed)

    # -- what the buttons do ------------------------------------------------------------------

    def test(self, *, login_only: bool) -> MailTestDialog | None:
        """Opens the test window for the form as it is; None when the form needs fixing first."""
        self._sender_override = ""
        plan = self.plan(login_only=login_only)
        if plan is None:
            return None
        if self.dialog is not None and self.dialog.isVisible() and not self.dialog.running:
            self.dialog.close()
        dialog = MailTestDialog(plan, self.store, self.section.window(), fix_handler=self._fix)
        self.dialog = dialog
        dialog.destroyed.connect(self._dialog_gone)
        dialog.show()
        dialog.start()
        return dialog

    @Slot()
    def _send_clicked(self) -> None:
        self.test(login_only=False)

    @Slot()
    def _login_clicked(self) -> None:
        self.test(login_only=True)

    def plan(self, *, login_only: bool) -> MailTestPlan | None:
        try:
            account = self.section.account()
        except FieldError:
            return None  # the message is already next to the field
        if account is None:
            self._tell(self.tr("Najpierw wpisz serwer poczty wychodzącej, port, nazwę użytkownika i hasło."))
            return None
        sender = self._sender_override or self._sender(account.username)
        token_provider = None
        if account.uses_oauth:
            section = self.section
            token_provider = TokenSource(self._oauth_apps(), self.secrets).pending(
                account.auth_method, section.refresh_token, section.keep_refresh_token
            )
        password = None if token_provider is not None else (self.section.password() or None)
        key = self.section.account_key
        return MailTestPlan(
            account=account,
            password=password,
            password_state=self.secrets.state(key).value
            if password is None and key and not token_provider
            else "",
            sender=sender,
            account_key=self.section.account_key or UNSAVED_ACCOUNT,
            account_label=self._label(),
            login_only=login_only,
            timeouts=self._timeouts(),
            account_source=self.account_source,
            contact_mode=self._contact_mode(),
            token_provider=token_provider,
        )

    def _oauth_apps(self) -> OAuthApps:
        try:
            return self.store.load_settings().oauth
        except StoreError:
            return OAuthApps()

    def _fix(self, fix: Fix) -> MailTestPlan | None:
        """Applies ``fix`` to the form it came from, then gives the plan to test again."""
        login_only = self.dialog.plan.login_only if self.dialog is not None else False
        self.section.apply_fix(fix)
        if fix.kind is FixKind.SET_SENDER:
            self._sender_override = str(fix.params.get("sender", ""))
        return self.plan(login_only=login_only)

    # -- helpers ------------------------------------------------------------------------------

    def _timeouts(self) -> Timeouts | None:
        """Given ones, else those the settings window was set up with (e.g. short ones in tests)."""
        if self.timeouts is not None:
            return self.timeouts
        from smtpdesk.ui.mailtest.install import window_mail_tests

        testing = window_mail_tests(self.section)
        return testing.timeouts if testing is not None else None

    def _contact_mode(self) -> ContactMode | None:
        try:
            return self.store.load_settings().contact_mode
        except StoreError:
            return None

    def _sender(self, username: str) -> str:
        sender = self.sender_for().strip() if self.sender_for is not None else ""
        if sender:
            return sender
        return username if "@" in username else ""

    def _label(self) -> str:
        label = self.label_for().strip() if self.label_for is not None else ""
        return label or self.section.title()

    def _form_changed(self) -> None:
        self.last_result.follow_key()

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _tell(self, text: str) -> None:
        show_message(self.section.window(), QMessageBox.Icon.Information, self.tr("Brak ustawień"), text)


# ``attach_mail_test_buttons(section, store, secrets, ...)``: the constructor puts the buttons and the last
# result into ``section.actions_layout``.
attach_mail_test_buttons = MailTestButtons


def attach_employee_mail_test_buttons(dialog: EmployeeDialog) -> MailTestButtons:
    """The test buttons of the employee dialog: sent as the employee's e-mail, named after them."""

    def name() -> str:
        return " ".join(f"{dialog.first_name_edit.text()} {dialog.last_name_edit.text()}".split())

    return attach_mail_test_buttons(
        dialog.smtp_section,
        dialog.store,
        dialog.secrets,
        sender_for=dialog.email_edit.text,
        label_for=name,
        account_source="employee",
    )


def buttons_of(widget: QWidget) -> MailTestButtons | None:
    """The buttons attached to a section (for owners that did not keep the returned object)."""
    return widget.findChild(MailTestButtons)


# Loading the mail tests gives every employee dialog its test buttons (the dialog itself does not
# know about the tests: the settings window's modules never import this package).
EmployeeDialog.add_extension(attach_employee_mail_test_buttons)
