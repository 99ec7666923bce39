"""Tab order set in one place, in the order the controls are read on screen."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QWidget


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab goes through ``widgets`` in this order (Qt skips the hidden and disabled ones)."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def buttons_in_shown_order(box: QDialogButtonBox) -> None:
    """Tab goes through the buttons of ``box`` as the platform's button order places them (a
    "Reset" button on the left, say), instead of the order they were added in."""
    layout = box.layout()
    if layout is None:
        return
    shown = [item.widget() for item in (layout.itemAt(i) for i in range(layout.count())) if item is not None]
    buttons = [widget for widget in shown if isinstance(widget, QAbstractButton)]
    if len(buttons) < 2:
        return
    # Where the focus chain enters the buttons now: the new order starts right there.
    anchor = next(
        (
            previous
            for previous in (button.previousInFocusChain() for button in buttons)
            if previous is not None and previous not in buttons
        ),
        None,
    )
    if anchor is not None:
        chain_tab_order([anchor, *buttons])
