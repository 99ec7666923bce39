"""The office's first account: the administrator's name, e-mail and application password.

Shown on the first start ("Skonfiguruj swoje biuro") and when an office has settings but nobody
can sign in yet (settings saved by an earlier version). ``created`` carries the new administrator.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from smtpdesk.core.people.accounts import People, PeopleError
from smtpdesk.core.store import StoreError
from smtpdesk.core.validation import FieldError, normalise_email
from smtpdesk.ui.people.password_form import NewPasswordForm
from smtpdesk.ui.people.sign_in_dialog import heading_label, message_label
from smtpdesk.ui.widgets.default_button import keep_default_button
from smtpdesk.ui.widgets.field_error import FieldErrors
from smtpdesk.ui.widgets.form_rows import add_row, hint_label, new_form


class CreateAdminDialog(QDialog):
    created = Signal(object)  # the administrator (Employee)

    def __init__(
        self, people: People, *, first_start: bool, giodo: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.people = people
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Konto administratora — smtpdesk"))
        self.setMinimumWidth(560)
        heading = heading_label(self.tr("Utwórz konto administratora"))
        intro = QLabel(
            self.tr(
                "Najpierw konto osoby, która konfiguruje pocztę biura (zwykle kierownik biura). "
                "Program będzie o nie pytał przy każdym uruchomieniu. Hasła dla agentów ustawisz "
                "potem w zakładce „Pracownicy”."
            )
            if first_start
            else self.tr(
                "Ustawienia biura są już zapisane, ale nikt nie ma jeszcze hasła do programu. "
                "Utwórz konto administratora — jeśli podasz adres e-mail kogoś z listy pracowników, "
                "ta osoba zostanie administratorem."
            )
        )
        intro.setWordWrap(True)

        self.first_name_edit = QLineEdit()
        self.last_name_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(self.tr("np. kierownik@twojebiuro.pl"))
        for edit in (self.first_name_edit, self.last_name_edit):
            edit.setMaxLength(100)
        form = new_form()
        add_row(form, self.tr("&Imię:"), self.first_name_edit, self.errors)
        add_row(form, self.tr("&Nazwisko:"), self.last_name_edit, self.errors)
        add_row(
            form,
            self.tr("&E-mail:"),
            self.email_edit,
            self.errors,
            hint=hint_label(self.tr("Tym adresem będziesz się logować.")),
        )
        self.password = NewPasswordForm(
            form, self.errors, giodo=giodo, identity=self._identity, label=self.tr("&Hasło do programu:")
        )
        self.message = message_label()

        self.buttons = QDialogButtonBox()
        self.create_button: QPushButton = self.buttons.addButton(
            self.tr("&Utwórz konto i zaloguj"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole
        )
        keep_default_button(self, self.create_button)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for edit in (self.first_name_edit, self.last_name_edit, self.email_edit):
            edit.textChanged.connect(self.password.refresh)
            edit.textEdited.connect(self._field_edited)
        self.first_name_edit.setFocus()

    def _field_edited(self) -> None:
        field = self.sender()
        if isinstance(field, QLineEdit):
            self.errors.clear(field)

    def _identity(self) -> tuple[str, str, str]:
        return self.first_name_edit.text(), self.last_name_edit.text(), self.email_edit.text()

    def check(self) -> bool:
        ok = True
        for edit, text in (
            (self.first_name_edit, self.tr("Podaj imię.")),
            (self.last_name_edit, self.tr("Podaj nazwisko.")),
        ):
            if not edit.text().strip():
                self.errors.show(edit, text)
                ok = False
        try:
            normalise_email(self.email_edit.text(), required=True)
        except FieldError as error:
            self.errors.show(self.email_edit, error.message.text())
            ok = False
        else:
            self.errors.clear(self.email_edit)
        return self.password.check() and ok

    def submit(self) -> None:
        if not self.check():
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            admin = self.people.create_administrator(
                self.first_name_edit.text(),
                self.last_name_edit.text(),
                self.email_edit.text(),
                self.password.password(),
                giodo=self.password.giodo,
            )
        except PeopleError as error:
            self.message.setText(error.message.text())
            self.message.show()
            return
        except StoreError as error:
            self.message.setText(self.tr("Nie udało się zapisać konta: {reason}").format(reason=error))
            self.message.show()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.created.emit(admin)
        self.accept()
