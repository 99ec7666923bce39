""" "Plik › Zmień hasło…" and "Plik › Wyloguj" of every signed-in window, and the line in its status
bar that says who is signed in. Signing out with unsaved edits asks first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu

from smtpdesk.core.model import Role
from smtpdesk.ui.people.gate import PeopleGate
from smtpdesk.ui.widgets.unsaved_changes import Choice, ask_unsaved_changes

SIGN_OUT_SHORTCUT = QKeySequence("Ctrl+Shift+L")


class SessionActions(QObject):
    """Owned by ``window``. ``is_modified`` and ``save`` are the window's own."""

    def __init__(
        self,
        window: QMainWindow,
        menu: QMenu,
        before: QAction | None,
        gate: PeopleGate,
        *,
        is_modified: Callable[[], bool],
        save: Callable[[], bool],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.gate = gate
        self._is_modified = is_modified
        self._save = save
        self.change_password_action = QAction(self.tr("Zmień &hasło…"), window)
        self.change_password_action.setObjectName("change_password_action")
        self.change_password_action.triggered.connect(self.change_password)
        self.sign_out_action = QAction(self.tr("&Wyloguj / zmień użytkownika"), window)
        self.sign_out_action.setObjectName("sign_out_action")
        self.sign_out_action.setShortcut(SIGN_OUT_SHORTCUT)
        self.sign_out_action.triggered.connect(self.sign_out)
        if before is None:
            menu.addAction(self.change_password_action)
            menu.addAction(self.sign_out_action)
        else:
            menu.insertAction(before, self.change_password_action)
            menu.insertAction(before, self.sign_out_action)
            menu.insertSeparator(before)
        person = gate.person
        if person is not None:
            role = self.tr("administrator") if person.role is Role.ADMIN else self.tr("agent")
            self.who = QLabel(self.tr("Zalogowano: {name} ({role})").format(name=person.full_name, role=role))
            window.statusBar().addPermanentWidget(self.who)

    @Slot()
    def change_password(self) -> None:
        self.gate.change_password(self.window)

    @Slot()
    def sign_out(self) -> None:
        if self._is_modified():
            box = ask_unsaved_changes(self.window, self._settled)
            box.setInformativeText(self.tr("Zapisać je przed wylogowaniem?"))
            return
        self.gate.sign_out()

    def _settled(self, choice: Choice) -> None:
        if choice is Choice.SAVE and not self._save():
            return
        if choice is not Choice.CANCEL:
            self.gate.sign_out()
