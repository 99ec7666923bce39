"""One input widget's value as a draft keeps it (see ``draft``): text, a number, a choice's index
or a check mark — and never what a password field holds."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from smtpdesk.ui.widgets.password_field import PasswordField

Value = str | int | bool | None


def is_input(widget: QWidget) -> bool:
    return isinstance(widget, (QLineEdit, QPlainTextEdit, QSpinBox, QComboBox)) or (
        isinstance(widget, QAbstractButton) and widget.isCheckable()
    )


def is_secret(widget: QWidget) -> bool:
    """A masked field, or anything inside a password field (its "Pokaż" toggle included)."""
    if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, PasswordField):
            return True
        parent = parent.parentWidget()
    return False


def field_value(widget: QWidget) -> Value:
    """What ``widget`` holds; ``None`` for a password field."""
    if is_secret(widget):
        return None
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    return None


def set_field_value(widget: QWidget, value: Value) -> None:
    """Puts ``value`` into ``widget``; a value of the wrong type and a password field are left alone."""
    if value is None or is_secret(widget):
        return
    if isinstance(widget, QSpinBox) and isinstance(value, int) and not isinstance(value, bool):
        widget.setValue(value)
    elif isinstance(widget, QComboBox) and isinstance(value, int) and not isinstance(value, bool):
        if 0 <= value < widget.count():
            widget.setCurrentIndex(value)
    elif isinstance(widget, QAbstractButton) and isinstance(value, bool):
        widget.setChecked(value)
    elif isinstance(widget, QPlainTextEdit) and isinstance(value, str):
        widget.setPlainText(value)
    elif isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)


# -- a dialog's fields by name -------------------------------------------------------------------


def field_values(fields: Mapping[str, QWidget]) -> dict[str, Value]:
    """The value of every named field that is not a password."""
    return {name: field_value(widget) for name, widget in fields.items() if not is_secret(widget)}


def set_field_values(
    fields: Mapping[str, QWidget], values: Mapping[str, Value], names: Iterable[str]
) -> None:
    """Puts the values of ``names`` back; a name the form no longer has is skipped."""
    for name in names:
        widget = fields.get(name)
        if widget is not None and name in values:
            set_field_value(widget, values[name])
