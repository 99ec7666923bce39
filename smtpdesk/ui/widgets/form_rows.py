"""Form rows built the same way everywhere: a label that is the field's buddy, the field, an
optional grey hint under it and the field's error message.

A screen reader names a field after its buddy label only when both have the same parent, which a
field wrapped with its hint and error message does not; ``buddy_label`` therefore also gives the
field the label's words as its accessible name.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QWidget

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


def shown_text(text: str) -> str:
    """A label's text as read out: without the mnemonic marker and the closing colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":").strip()


def focus_target(widget: QWidget) -> QWidget:
    """The widget that takes the focus for ``widget`` (a composite field's inner editor)."""
    proxy = widget.focusProxy()
    while proxy is not None:
        widget, proxy = proxy, proxy.focusProxy()
    return widget


def name_after_label(field: QWidget, text: str) -> None:
    """``field`` is announced with the words of its label ``text``, unless it names itself (a
    button with a text of its own, a field named on purpose)."""
    target = focus_target(field)
    if target.accessibleName():
        return
    if isinstance(target, QAbstractButton) and target.text():
        return
    target.setAccessibleName(shown_text(text))


def buddy_label(text: str, field: QWidget) -> QLabel:
    """The label of ``field``: its mnemonic focuses the field, and the field is named after it."""
    label = QLabel(text)
    label.setBuddy(field)
    name_after_label(field, text)
    return label


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
    label = buddy_label(text, buddy or field)
    form.addRow(label, errors.wrap(field, hint))
    return label
