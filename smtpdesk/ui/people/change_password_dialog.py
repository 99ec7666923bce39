"""„Zmiana hasła”: a new application password, asked for by the person themselves ("Plik › Zmień
hasło…", with the current password) or required right after sign-in (a temporary password from
the administrator, or one older than the office allows) — then it says why, and nothing else
opens until it is done. ``changed`` tells that the new password is stored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from smtpdesk.core.model import Employee
from smtpdesk.core.people.accounts import PasswordRejected, People
from smtpdesk.core.store import StoreError
from smtpdesk.ui.people.password_form import NewPasswordForm, password_edit
from smtpdesk.ui.people.sign_in_dialog import heading_label, message_label
from smtpdesk.ui.widgets.default_button import keep_default_button
from smtpdesk.ui.widgets.field_error import FieldErrors
from smtpdesk.ui.widgets.form_rows import add_row, new_form

_REASON_STYLE = (
    "background: #ddf4ff; border: 1px solid #54aeff; border-radius: 4px; padding: 8px; color: #0a3069;"
)


class ChangePasswordDialog(QDialog):
    changed = Signal()

    def __init__(
        self,
        people: People,
        person: Employee,
        *,
        giodo: bool,
        reason: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``reason`` (the sentence why a change is required) makes it the required change: no
        current password is asked for, and "Wyloguj" replaces "Anuluj"."""
        super().__init__(parent)
        self.people = people
        self.person = person
        self.required = bool(reason)
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Zmiana hasła — smtpdesk"))
        self.setMinimumWidth(540)
        heading = heading_label(
            self.tr("Ustaw nowe hasło") if self.required else self.tr("Zmień hasło do programu")
        )
        who = QLabel(self.tr("{name} ({email})").format(name=person.full_name, email=person.email))
        who.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = QLabel(reason)
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setStyleSheet(_REASON_STYLE)
        self.reason.setVisible(self.required)

        form = new_form()
        self.current_edit = password_edit()
        if not self.required:
            add_row(form, self.tr("&Obecne hasło:"), self.current_edit, self.errors)
        self.password = NewPasswordForm(form, self.errors, giodo=giodo, identity=self._identity)
        self.message = message_label()

        self.buttons = QDialogButtonBox()
        self.change_button: QPushButton = self.buttons.addButton(
            self.tr("&Zmień hasło"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            self.tr("Wyloguj") if self.required else self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole
        )
        keep_default_button(self, self.change_button)  # Enter changes; "Wyloguj" never answers it
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(who)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        (self.password.new_edit if self.required else self.current_edit).setFocus()
        self.current_edit.textEdited.connect(self._current_edited)

    def _identity(self) -> tuple[str, str, str]:
        return self.person.first_name, self.person.last_name, self.person.email

    def _current_edited(self) -> None:
        self.errors.clear(self.current_edit)

    def submit(self) -> None:
        if not self.required and not self.current_edit.text():
            self.errors.show(self.current_edit, self.tr("Wpisz obecne hasło."))
            self.current_edit.setFocus()
            return
        if not self.password.check():
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.people.change_password(
                self.person,
                self.password.password(),
                current=None if self.required else self.current_edit.text(),
                giodo=self.password.giodo,
            )
        except PasswordRejected as rejected:
            if rejected.rules:
                self.password.show_rejection(rejected.rules, rejected.message.text())
            else:
                self.errors.show(self.current_edit, rejected.message.text())
                self.current_edit.clear()
                self.current_edit.setFocus()
            return
        except StoreError as error:
            self.message.setText(self.tr("Nie udało się zapisać hasła: {reason}").format(reason=error))
            self.message.show()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.changed.emit()
        self.accept()
