"""Form rows built the same way everywhere: a label that is the field's buddy, the field, an
optional grey hint under it and the field's error message."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from smtpdesk.ui.widgets.field_error import FieldErrors

HINT_STYLE = "color: palette(placeholder-text);"


def heading_label(text: str, scale: float = 1.4) -> QLabel:
    """A bold title line, ``scale`` times the normal font size."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def new_form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def add_row(
    form: QFormLayout,
    text: str,
    field: QWidget,
    errors: FieldErrors,
    *,
    hint: QLabel | None = None,
    buddy: QWidget | None = None,
) -> QLabel:
    """Adds ``text`` + ``field`` to ``form``; ``buddy`` (default ``field``) gets focus from the label."""
    label = QLabel(text)
    label.setBuddy(buddy or field)
    form.addRow(label, errors.wrap(field, hint))
    return label
