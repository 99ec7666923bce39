"""Tab order set in one place, in the order the controls are read on screen."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QWidget


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab goes through ``widgets`` in this order (Qt skips the hidden and disabled ones)."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def _previous_anchor(widget: QWidget, skip: Sequence[QWidget]) -> QWidget | None:
    """The closest widget before ``widget`` in the focus chain that Qt can order after (one that
    takes focus in some way: ``setTabOrder`` ignores the others)."""
    previous = widget.previousInFocusChain()
    while previous is not None and previous is not widget:
        if previous not in skip and previous.focusPolicy() != Qt.FocusPolicy.NoFocus:
            return previous
        previous = previous.previousInFocusChain()
    return None


def place_before(widgets: Sequence[QWidget], successor: QWidget) -> None:
    """Tab reaches ``widgets`` right before ``successor`` (controls made after the ones below them)."""
    anchor = _previous_anchor(successor, widgets)
    if anchor is not None and widgets:
        chain_tab_order([anchor, *widgets, successor])


def shown_buttons(box: QDialogButtonBox) -> list[QAbstractButton]:
    """The buttons of ``box`` from left to right, as the platform's button order places them."""
    layout = box.layout()
    if layout is None:
        return []
    shown = [item.widget() for item in (layout.itemAt(i) for i in range(layout.count())) if item is not None]
    return [widget for widget in shown if isinstance(widget, QAbstractButton)]


def buttons_in_shown_order(box: QDialogButtonBox) -> None:
    """Tab goes through the buttons of ``box`` as the platform's button order places them (a
    "Reset" button on the left, say), instead of the order they were added in."""
    buttons = shown_buttons(box)
    if len(buttons) < 2:
        return
    # Where the focus chain enters the buttons now: the new order starts right there.
    entries = [button for button in buttons if button.previousInFocusChain() not in buttons]
    anchor = _previous_anchor(entries[0], buttons) if entries else None
    if anchor is not None:
        chain_tab_order([anchor, *buttons])
