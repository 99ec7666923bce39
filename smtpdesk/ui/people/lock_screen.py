"""The program locked after inactivity: the windows are hidden until the signed-in person types
their password again, or someone signs out (their unsaved edits are then dropped)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from smtpdesk.core.model import Employee, OfficeSettings
from smtpdesk.core.people.accounts import People
from smtpdesk.core.store import StoreError
from smtpdesk.ui.people.password_form import password_edit
from smtpdesk.ui.people.sign_in_dialog import heading_label, message_label
from smtpdesk.ui.widgets.default_button import keep_default_button
from smtpdesk.ui.widgets.form_rows import hint_label, new_form


class LockScreen(QDialog):
    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(
        self,
        people: People,
        person: Employee,
        settings: OfficeSettings,
        *,
        minutes: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.people = people
        self.person = person
        self.settings = settings
        self.setWindowTitle(self.tr("Program zablokowany — smtpdesk"))
        self.setMinimumWidth(480)
        heading = heading_label(self.tr("Program zablokowany"))
        text = QLabel(
            self.tr(
                "Zalogowano: {name} ({email}). Po {minutes} min bezczynności program ukrył swoje okna. "
                "Wpisz hasło, aby wrócić do pracy."
            ).format(name=person.full_name, email=person.email, minutes=minutes)
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        self.password_edit = password_edit()
        form = new_form()
        label = QLabel(self.tr("&Hasło:"))
        label.setBuddy(self.password_edit)
        form.addRow(label, self.password_edit)
        self.message = message_label()
        note = hint_label(
            self.tr("„Wyloguj” pozwala zalogować się komuś innemu; niezapisane zmiany zostaną porzucone.")
        )
        self.buttons = QDialogButtonBox()
        self.unlock_button: QPushButton = self.buttons.addButton(
            self.tr("&Odblokuj"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_out_button: QPushButton = self.buttons.addButton(
            self.tr("&Wyloguj"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        keep_default_button(self, self.unlock_button)  # Enter unlocks; "Wyloguj" never answers it
        self.buttons.accepted.connect(self.submit)
        self.sign_out_button.clicked.connect(self._sign_out)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.password_edit.textEdited.connect(self.message.hide)
        self.password_edit.setFocus()

    def submit(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            answer = self.people.check(self.person, self.password_edit.text(), settings=self.settings)
        except StoreError as error:
            self.message.setText(self.tr("Nie udało się sprawdzić hasła: {reason}").format(reason=error))
            self.message.show()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.password_edit.clear()
        if not answer.ok:
            self.message.setText(answer.message.text() if answer.message else "")
            self.message.show()
            return
        self.unlocked.emit()
        self.accept()

    def _sign_out(self) -> None:
        self.sign_out_requested.emit()
        self.accept()

    def reject(self) -> None:
        """Escape and the window's close button leave the program locked."""
