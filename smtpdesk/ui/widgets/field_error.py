"""Red messages shown directly under the field they are about.

A form owns one ``FieldErrors``; ``wrap(field)`` gives the widget to put into the form row (the
field with its hidden message label below it), ``show(field, text)`` and ``clear()`` drive it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

ERROR_COLOUR = "#b3261e"  # dark red: readable on light backgrounds (contrast > 4.5:1)
_INVALID_STYLE = f"border: 1px solid {ERROR_COLOUR}; border-radius: 2px; padding: 1px;"


class FieldErrorLabel(QLabel):
    """A message about one field; invisible while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FieldErrors:
    """The error labels of one form, keyed by the field they describe."""

    def __init__(self) -> None:
        self._labels: dict[QWidget, FieldErrorLabel] = {}

    def wrap(self, field: QWidget, below: QWidget | None = None) -> QWidget:
        """A container holding ``field``, optionally a hint ``below`` it, then its error label."""
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        if below is not None:
            layout.addWidget(below)
        layout.addWidget(self.add(field, container))
        return container

    def add(self, field: QWidget, parent: QWidget | None = None) -> FieldErrorLabel:
        """The error label of ``field`` (created on first use), for forms that place it themselves."""
        label = self._labels.get(field)
        if label is None:
            label = FieldErrorLabel(parent)
            self._labels[field] = label
        return label

    def show(self, field: QWidget, text: str) -> bool:
        """Shows ``text`` under ``field``; False when this form has no such field."""
        label = self._labels.get(field)
        if label is None:
            return False
        label.show_message(text)
        # Screen readers announce the description together with the field.
        field.setAccessibleDescription(text)
        if isinstance(field, QLineEdit | QPlainTextEdit):
            field.setStyleSheet(_INVALID_STYLE if text else "")
        return True

    def clear(self, field: QWidget | None = None) -> None:
        for each in [field] if field is not None else list(self._labels):
            if each in self._labels:
                self.show(each, "")

    def message(self, field: QWidget) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None else ""

    def messages(self) -> dict[QWidget, str]:
        """Every message currently shown, by field."""
        return {field: label.text() for field, label in self._labels.items() if label.text()}
