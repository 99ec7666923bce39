"""The office key in the window: shown once to the administrator who created the office database,
and typed on every other desktop (checked while it is typed)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.i18n import language
from smtpdesk.core.store.office_key import CODE_LENGTH, CODE_SHAPE, OfficeKey, OfficeKeyError
from smtpdesk.core.store.office_secrets import OfficeSecretStore
from smtpdesk.ui.widgets.default_button import keep_default_button
from smtpdesk.ui.widgets.field_error import FieldErrors
from smtpdesk.ui.widgets.form_rows import buddy_label


def _code_font(widget: QWidget) -> QFont:
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(widget.font().pointSizeF() * 1.3)
    return font


class ShowOfficeKeyDialog(QDialog):
    """„Kod klucza biura” — shown once, right after the office database was created."""

    def __init__(self, key: OfficeKey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Kod klucza biura"))
        self.code = key.code()
        intro = QLabel(
            self.tr(
                "Hasła do kont pocztowych są zapisane w bazie biura zaszyfrowane tym kluczem. "
                "Wpisz ten kod na każdym komputerze, który dołącza do bazy biura "
                "(Narzędzia › Baza danych biura… › Dołącz do istniejącej bazy)."
            )
        )
        intro.setWordWrap(True)
        self.code_label = QLabel(self.code)
        self.code_label.setFont(_code_font(self))
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setAccessibleName(self.tr("Kod klucza biura"))
        self.code_label.setStyleSheet("padding: 10px; border: 1px solid #9aa7b5; border-radius: 4px;")
        warning = QLabel(
            self.tr(
                "Ten kod jest pokazywany tylko teraz. Zapisz go w bezpiecznym miejscu (np. w sejfie "
                "biura albo menedżerze haseł). Kto ma ten kod i dostęp do bazy, może odczytać hasła; "
                "bez kodu nikt ich nie odczyta — także Ty, jeśli go zgubisz."
            )
        )
        warning.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("&Kopiuj kod"))
        self.copy_button.clicked.connect(self._copy)
        self.confirm = QCheckBox(self.tr("&Zapisałem(-am) ten kod w bezpiecznym miejscu"))
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton(self.tr("Zamknij"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setEnabled(False)
        self.confirm.toggled.connect(self.close_button.setEnabled)
        self.close_button.clicked.connect(self.accept)

        row = QHBoxLayout()
        row.addWidget(self.code_label, 1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(warning)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
        keep_default_button(self, self.close_button)
        self.setMinimumWidth(620)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code)
        self.copy_button.setText(self.tr("Skopiowano"))

    def reject(self) -> None:
        # Escape and the close button must not lose the code before it was written down.
        if self.confirm.isChecked():
            super().reject()


class EnterOfficeKeyDialog(QDialog):
    """„Wpisz kod klucza biura” — on a desktop that uses the office database without the key."""

    unlocked = Signal()

    def __init__(self, secrets: OfficeSecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Klucz biura"))
        self.secrets = secrets
        self.errors = FieldErrors()
        intro = QLabel(
            self.tr(
                "Ten komputer korzysta z bazy biura, ale nie ma jeszcze klucza biura, więc nie może "
                "odczytać ani zapisać haseł do kont pocztowych. Wpisz kod klucza, który administrator "
                "otrzymał przy zakładaniu bazy biura."
            )
        )
        intro.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setFont(_code_font(self))
        self.code_edit.setPlaceholderText(CODE_SHAPE)
        self.code_edit.setMaxLength(CODE_LENGTH + 16)
        label = buddy_label(self.tr("&Kod klucza biura:"), self.code_edit)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            self.tr("&Zapisz klucz"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.later_button = self.buttons.addButton(self.tr("Później"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setEnabled(False)
        self.ok_button.clicked.connect(self._unlock)
        self.later_button.clicked.connect(self.reject)
        self.code_edit.textChanged.connect(self._typed)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.errors.wrap(self.code_edit))
        layout.addWidget(self.buttons)
        keep_default_button(self, self.ok_button)
        self.setMinimumWidth(600)

    def _typed(self, text: str) -> None:
        compact = "".join(ch for ch in text if ch.isalnum())
        if len(compact) < CODE_LENGTH:
            self.errors.clear(self.code_edit)
            self.ok_button.setEnabled(False)
            return
        try:
            OfficeKey.from_code(text)
        except OfficeKeyError as error:
            self.errors.show(self.code_edit, error.message.text(language()))
            self.ok_button.setEnabled(False)
            return
        self.errors.clear(self.code_edit)
        self.ok_button.setEnabled(True)

    def _unlock(self) -> None:
        try:
            self.secrets.unlock(self.code_edit.text())
        except OfficeKeyError as error:
            self.errors.show(self.code_edit, error.message.text(language()))
            self.code_edit.setFocus()
            return
        self.accept()
        self.unlocked.emit()
