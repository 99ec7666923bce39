"""„Niezapisane zmiany”: the question asked before a form with changes closes (never blocking)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from smtpdesk.ui.widgets.default_button import settle_message_box


class Choice(str, Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class UnsavedChangesBox(QMessageBox):
    """Zapisz / Odrzuć / Anuluj; ``on_choice`` gets the answer once the box closes."""

    def __init__(self, parent: QWidget, on_choice: Callable[[Choice], None]) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Niezapisane zmiany"))
        self.setText(self.tr("Wprowadzone zmiany nie zostały zapisane."))
        self.setInformativeText(self.tr("Zapisać je przed zamknięciem?"))
        self.save_button = self.addButton(self.tr("&Zapisz"), QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = self.addButton(self.tr("&Odrzuć"), QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.addButton(self.tr("Anuluj"), QMessageBox.ButtonRole.RejectRole)
        settle_message_box(self, self.save_button)
        self.setEscapeButton(self.cancel_button)
        self._on_choice = on_choice
        self.finished.connect(self._answered)

    def _answered(self) -> None:
        clicked = self.clickedButton()
        if clicked is self.save_button:
            choice = Choice.SAVE
        elif clicked is self.discard_button:
            choice = Choice.DISCARD
        else:
            choice = Choice.CANCEL
        self._on_choice(choice)


def ask_unsaved_changes(parent: QWidget, on_choice: Callable[[Choice], None]) -> UnsavedChangesBox:
    box = UnsavedChangesBox(parent, on_choice)
    box.open()
    return box


class Editable(Protocol):
    def save(self) -> bool: ...

    def reload(self) -> None: ...


def settle(form: Editable, choice: Choice) -> bool:
    """Acts on the answer before a feature that reads the stored settings: saves or drops the
    edits. True when the feature may go on (saved, or dropped); False on cancel or a failed save
    (its bad fields are marked)."""
    if choice is Choice.SAVE:
        return form.save()
    if choice is Choice.DISCARD:
        form.reload()
        return True
    return False
