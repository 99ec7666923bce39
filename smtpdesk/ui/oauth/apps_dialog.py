"""Narzędzia → „Logowanie Microsoft i Google”: the office's own app registrations, entered once by
the administrator. The Google client secret goes to the keychain; the rest to the settings file."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.model import GOOGLE_CLIENT_SECRET, MICROSOFT_DEFAULT_TENANT, OAuthApps
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store, StoreError
from smtpdesk.ui.draft_fields import Value, field_values
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.widgets.default_button import keep_default_button
from smtpdesk.ui.widgets.field_error import FieldErrors
from smtpdesk.ui.widgets.form_rows import add_row, hint_label, new_form

_ALLOWED = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._")


class OAuthAppsDialog(QDialog):
    saved = Signal(object)  # the OAuthApps stored

    def __init__(self, store: Store, secrets: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Logowanie Microsoft i Google"))
        self.setMinimumWidth(600)
        self.store = store
        self.secrets = secrets
        self.errors = FieldErrors()
        apps = store.load_settings().oauth
        self._apps = apps

        intro = QLabel(
            self.tr(
                "Żeby pracownicy mogli kliknąć „Zaloguj przez Microsoft” lub „Zaloguj przez Google”, biuro "
                "rejestruje raz własną aplikację u dostawcy i wpisuje tu jej identyfikator. Jak to zrobić, "
                "opisuje plik README programu (Microsoft Entra, Google Cloud)."
            )
        )
        intro.setWordWrap(True)

        self.ms_client = QLineEdit(apps.microsoft_client_id)
        self.ms_client.setPlaceholderText("00000000-0000-0000-0000-000000000000")
        self.ms_tenant = QLineEdit(apps.microsoft_tenant)
        self.ms_tenant.setPlaceholderText(MICROSOFT_DEFAULT_TENANT)
        microsoft = QGroupBox(self.tr("Microsoft 365 / Outlook.com (Microsoft Entra)"))
        form = new_form()
        add_row(form, self.tr("Identyfikator aplikacji (klienta):"), self.ms_client, self.errors)
        add_row(
            form,
            self.tr("Dzierżawa:"),
            self.ms_tenant,
            self.errors,
            hint=hint_label(
                self.tr(
                    "„organizations” — dowolne konto firmowe; „common” — także Outlook.com; albo domena "
                    "lub identyfikator organizacji (np. firma.onmicrosoft.com)."
                )
            ),
        )
        microsoft.setLayout(form)

        self.google_client = QLineEdit(apps.google_client_id)
        self.google_client.setPlaceholderText("123456789012-abc.apps.googleusercontent.com")
        self.google_secret = QLineEdit()
        self.google_secret.setEchoMode(QLineEdit.EchoMode.Password)
        has_secret = bool(secrets.get(GOOGLE_CLIENT_SECRET))
        self.google_secret.setPlaceholderText(
            self.tr("zapisany w pęku kluczy — wpisz, aby zmienić") if has_secret else "GOCSPX-…"
        )
        google = QGroupBox(self.tr("Google Workspace / Gmail (Google Cloud)"))
        form = new_form()
        add_row(form, self.tr("Identyfikator klienta:"), self.google_client, self.errors)
        add_row(
            form,
            self.tr("Klucz klienta:"),
            self.google_secret,
            self.errors,
            hint=hint_label(
                self.tr("Google wydaje go także aplikacjom komputerowym; trafia do pęku kluczy.")
            ),
        )
        google.setLayout(form)

        buttons = QDialogButtonBox()
        self.save_button: QPushButton = buttons.addButton(
            self.tr("Zapisz"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel: QPushButton = buttons.addButton(self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(microsoft)
        layout.addWidget(google)
        layout.addStretch(1)
        layout.addWidget(buttons)
        keep_default_button(self, self.save_button)
        self.loaded_values: dict[str, Value] = field_values(self.draft_fields())

    def draft_fields(self) -> dict[str, QWidget]:
        """The fields a draft keeps when the program is ended from outside; never the client key."""
        return {
            "microsoft_client_id": self.ms_client,
            "microsoft_tenant": self.ms_tenant,
            "google_client_id": self.google_client,
        }

    def _identifier(self, edit: QLineEdit) -> str | None:
        text = edit.text().strip()
        if text and not set(text) <= _ALLOWED:
            self.errors.show(edit, self.tr("Wklej sam identyfikator: litery, cyfry, kropki i myślniki."))
            return None
        return text

    def save(self) -> bool:
        self.errors.clear()
        values = [self._identifier(e) for e in (self.ms_client, self.ms_tenant, self.google_client)]
        if any(v is None for v in values):
            return False
        ms_client, tenant, google_client = (v or "" for v in values)
        secret = self.google_secret.text().strip()
        try:
            settings = self.store.load_settings()
            apps = replace(
                settings.oauth,
                microsoft_client_id=ms_client,
                microsoft_tenant=tenant or MICROSOFT_DEFAULT_TENANT,
                google_client_id=google_client,
            )
            self.store.save_settings(replace(settings, oauth=apps), base=settings)
        except StoreError as error:
            show_message(self, QMessageBox.Icon.Critical, self.tr("Nie zapisano"), error.message.text())
            return False
        if secret:
            self.secrets.set(GOOGLE_CLIENT_SECRET, secret)
        self.saved.emit(apps)
        self.accept()
        return True


def current_apps(store: Store) -> OAuthApps:
    try:
        return store.load_settings().oauth
    except StoreError:
        return OAuthApps()
