"""Enter means a dialog's main action, and nothing else.

QDialog makes any push button that has the focus its default while it does ("auto-default"), and
when no default was registered it picks the first auto-default button it finds — which is how a
"Usuń hasło" placed above "Zapisz" once answered Enter. The rule everywhere: the main action is the
dialog's one default button; every other button is pressed with Space (or a click), never Enter, so
a destructive button never answers Enter however the focus got to it.

``keep_default_button(dialog, main)`` is what every dialog calls: it registers ``main`` and settles
the buttons again each time the dialog is shown, so buttons that features or results add later
(test buttons, one-click fixes, a doctor's "Napraw") follow the rule too; Tab then also goes
through a button box in the order the platform shows its buttons. ``main`` may be a function
when the main action depends on what the dialog shows. A question in a message box gets the same
rule from ``settle_message_box``: its safe answer is the default, the others take Enter only by
being the default.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MethodType
from weakref import WeakMethod

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QMessageBox, QPushButton

from smtpdesk.ui.widgets.tab_order import buttons_in_shown_order

MainButton = QPushButton | Callable[[], QPushButton | None] | None
KEEPER_NAME = "smtpdesk_default_keeper"


def never_default(button: QAbstractButton) -> None:
    if isinstance(button, QPushButton):  # a message box's buttons are push buttons
        button.setAutoDefault(False)
        button.setDefault(False)


def settle_default_button(dialog: QDialog, main: QPushButton | None) -> None:
    """``main`` answers Enter in ``dialog`` (None: Enter does nothing); no other button ever does.

    Buttons of windows opened from ``dialog`` (a message box, a file chooser) keep their own.
    """
    for button in dialog.findChildren(QPushButton):
        if button is not main and button.window() is dialog:
            never_default(button)
    if main is not None:
        main.setAutoDefault(True)
        main.setDefault(True)


def settle_message_box(box: QMessageBox, main: QAbstractButton | None) -> None:
    """A question's safe (or main) answer ``main`` is its default; no other answer takes Enter."""
    for button in box.buttons():
        if button is not main:
            never_default(button)
    if isinstance(main, QPushButton):
        box.setDefaultButton(main)


class _DefaultKeeper(QObject):
    """A child of the dialog; it holds the dialog's method weakly (no cycle through the dialog)."""

    def __init__(self, dialog: QDialog, main: MainButton) -> None:
        super().__init__(dialog)
        self.setObjectName(KEEPER_NAME)
        self.set_main(main)
        dialog.installEventFilter(self)

    def set_main(self, main: MainButton) -> None:
        if isinstance(main, MethodType):
            method = WeakMethod(main)
            self._main: Callable[[], QPushButton | None] = lambda: (method() or _none)()
        elif main is None or isinstance(main, QPushButton):
            button = main
            self._main = lambda: button
        else:
            self._main = main

    def settle(self) -> None:
        dialog = self.parent()
        if isinstance(dialog, QDialog):
            settle_default_button(dialog, self._main())

    def shown(self) -> None:
        dialog = self.parent()
        if isinstance(dialog, QDialog):
            for box in dialog.findChildren(QDialogButtonBox):
                if box.window() is dialog:
                    buttons_in_shown_order(box)
        self.settle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The dialog's own show event comes after its children were shown (a QDialogButtonBox picks
        # a default of its own then), and before QDialog looks for a default to register.
        if event.type() == QEvent.Type.Show and watched is self.parent():
            self.shown()
        return False


def _none() -> None:
    return None


def keep_default_button(dialog: QDialog, main: MainButton) -> None:
    """``main`` answers Enter in ``dialog`` now and whenever it is shown; call again (or
    ``resettle_default_button``) after adding buttons to a dialog already on screen."""
    keeper = dialog.findChild(_DefaultKeeper, KEEPER_NAME)
    if keeper is None:
        keeper = _DefaultKeeper(dialog, main)
    else:
        keeper.set_main(main)
    keeper.settle()


def resettle_default_button(dialog: QDialog) -> None:
    """Applies the rule again, e.g. after new buttons appeared in a dialog on screen."""
    keeper = dialog.findChild(_DefaultKeeper, KEEPER_NAME)
    if keeper is not None:
        keeper.settle()
