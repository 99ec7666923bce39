"""The temporary password an administrator just gave someone, shown once: it is stored only as a
hash, so after "Zamknij" nobody can see it again (another reset makes a new one)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from smtpdesk.core.model import Employee
from smtpdesk.ui.people.sign_in_dialog import heading_label
from smtpdesk.ui.widgets.default_button import keep_default_button
from smtpdesk.ui.widgets.form_rows import hint_label


class TemporaryPasswordDialog(QDialog):
    def __init__(self, person: Employee, temporary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Hasło tymczasowe"))
        self.setMinimumWidth(500)
        heading = heading_label(self.tr("Hasło tymczasowe: {name}").format(name=person.full_name))
        text = QLabel(
            self.tr(
                "Przekaż to hasło osobie {name} ({email}). Przy najbliższym logowaniu program poprosi "
                "ją o ustawienie własnego hasła."
            ).format(name=person.full_name, email=person.email)
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        self.password_edit = QLineEdit(temporary)
        self.password_edit.setReadOnly(True)
        self.password_edit.setAccessibleName(self.tr("Hasło tymczasowe"))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.password_edit.setFont(font)
        self.copy_button = QPushButton(self.tr("&Kopiuj"))
        self.copy_button.clicked.connect(self.copy)
        note = hint_label(
            self.tr("Hasło nie jest nigdzie zapisane — po zamknięciu tego okna nie da się go już zobaczyć.")
        )
        self.status = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Zamknij"))
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(self.password_edit)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        # Enter copies: closing is for good (the password cannot be shown again).
        keep_default_button(self, self.copy_button)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.password_edit.text())
        self.status.setText(self.tr("Skopiowano do schowka."))
