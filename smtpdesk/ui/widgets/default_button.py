"""Enter means a dialog's main action, and nothing else.

QDialog makes any push button that has the focus its default while it does ("auto-default"), and
when no default was registered it picks the first auto-default button it finds — which is how a
"Usuń hasło" placed above "Zapisz" once answered Enter. ``settle_default_button`` registers the main
action and takes auto-default away from every other button, including buttons features add later
(call it again when the dialog is shown). ``never_default`` is for destructive buttons wherever
they are placed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton


def never_default(button: QPushButton) -> None:
    button.setAutoDefault(False)
    button.setDefault(False)


def settle_default_button(dialog: QDialog, main: QPushButton | None) -> None:
    """``main`` answers Enter in ``dialog`` (None: Enter does nothing); no other button ever does."""
    for button in dialog.findChildren(QPushButton):
        if button is not main:
            never_default(button)
    if main is not None:
        main.setAutoDefault(True)
        main.setDefault(True)
