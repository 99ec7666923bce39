"""Read-only text to hand on (a crash report, the program's folders, a command) and the
"Kopiuj" / "Zamknij" row under it — built the same way in every dialog that has them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QPushButton


def fixed_text_view(text: str) -> QPlainTextEdit:
    """Monospaced, read-only, not wrapped: lines keep their shape when copied."""
    view = QPlainTextEdit(text)
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return view


class CopyCloseButtons(QDialogButtonBox):
    """ "Kopiuj" puts ``text()`` on the clipboard and says so; "Zamknij" (Enter, Escape) closes."""

    def __init__(self, dialog: QDialog, text: Callable[[], str]) -> None:
        super().__init__()
        self._text = text
        self.copy_button: QPushButton = self.addButton(
            QCoreApplication.translate("CopyCloseButtons", "&Kopiuj"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button: QPushButton = self.addButton(
            QCoreApplication.translate("CopyCloseButtons", "Zamknij"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.copy_button.clicked.connect(self.copy)
        self.rejected.connect(dialog.reject)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self._text())
        self.copy_button.setText(QCoreApplication.translate("CopyCloseButtons", "Skopiowano"))
