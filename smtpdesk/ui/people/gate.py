"""Who is at the desk: the way in (welcome and first administrator, sign-in, a required password
change), signing out, and locking after inactivity — for one settings database.

The program (``GuiSession``) opens a window for the person ``admitted`` carries and closes it on
``signed_out``; the gate shows its dialogs before any window goes, so the program never runs out
of windows while someone signs in. Nothing opens before the sign-in, and a required password change
comes before anything else.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import isValid

from smtpdesk.core.model import Employee, OfficeSettings
from smtpdesk.core.people.accounts import (
    IDLE_LOCKED,
    SIGNED_OUT,
    UNLOCKED,
    People,
    SignIn,
    actor_for,
)
from smtpdesk.core.people.clock import Clock, system_clock
from smtpdesk.core.store import Actor, Store, StoreError
from smtpdesk.ui.first_run import FirstRunDialog
from smtpdesk.ui.people.change_password_dialog import ChangePasswordDialog
from smtpdesk.ui.people.create_admin_dialog import CreateAdminDialog
from smtpdesk.ui.people.idle import CHECK_MS, IdleWatch
from smtpdesk.ui.people.lock_screen import LockScreen
from smtpdesk.ui.people.sign_in_dialog import DemoSignIn, SignInDialog


class PeopleGate(QObject):
    admitted = Signal(object)  # the Employee now signed in
    signed_out = Signal()  # their window goes; the sign-in is already on screen
    demo_requested = Signal()  # the welcome's "Wypróbuj wersję demo"
    gave_up = Signal()  # the way in was closed with nobody signed in

    def __init__(
        self,
        store: Store,
        *,
        clock: Clock = system_clock,
        demo: Sequence[DemoSignIn] = (),
        where: str = "",
        idle_check_ms: int = CHECK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.people = People(store, clock)
        self.demo = tuple(demo)
        self.where = where
        self.person: Employee | None = None
        self.window: QWidget | None = None  # the signed-in person's window
        self.dialog: QDialog | None = None  # the step of the way in on screen, if any
        self.change_dialog: ChangePasswordDialog | None = None  # a change asked for from the menu
        self.lock_screen: LockScreen | None = None
        self._hidden: list[QWidget] = []
        self._first_start = False
        self._changing: Employee | None = None  # who must set a new password before going on
        self.idle = IdleWatch(clock, check_ms=idle_check_ms, parent=self)
        self.idle.idle.connect(self.lock)

    def settings(self) -> OfficeSettings:
        return self.store.load_settings()

    @property
    def is_admin(self) -> bool:
        return self.person is not None and self.person.role.value == "admin"

    # -- the way in ---------------------------------------------------------------------------

    def start(self, *, first_start: bool = False) -> None:
        """The welcome on a computer with nothing saved, the first administrator when nobody can
        sign in yet, else the sign-in."""
        self._first_start = first_start
        if first_start:
            self._welcome()
        elif not self.people.has_any_password():
            self._create_admin()
        else:
            self.show_sign_in()

    def _show(self, dialog: QDialog) -> None:
        previous, self.dialog = self.dialog, dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if previous is not None and isValid(previous) and previous is not dialog:
            # Closing a dialog rejects it: the step it was must not answer now.
            with_signals_blocked(previous)
            previous.close()

    def _welcome(self) -> None:
        dialog = FirstRunDialog()
        dialog.setup_button.setDescription(
            QApplication.translate(
                "PeopleGate",
                "Utwórz konto administratora, potem wpisz dane firmy, pracowników i ustawienia poczty.",
            )
        )
        dialog.setup_chosen.connect(self._setup_chosen)
        dialog.demo_chosen.connect(self._demo_chosen)
        dialog.rejected.connect(self._closed)
        self._show(dialog)

    def _setup_chosen(self) -> None:
        self._create_admin()

    def _demo_chosen(self) -> None:
        self.dialog = None
        self.demo_requested.emit()

    def _create_admin(self) -> None:
        try:
            giodo = self.settings().giodo.giodo_password_format
        except StoreError:
            giodo = False
        dialog = CreateAdminDialog(self.people, first_start=self._first_start, giodo=giodo)
        dialog.created.connect(self._admin_created)
        dialog.rejected.connect(self._admin_declined)
        self._show(dialog)

    def _admin_created(self, admin: Employee) -> None:
        self.dialog = None
        self.admit(admin)

    def _admin_declined(self) -> None:
        if self._first_start:
            self._welcome()
        else:
            self._closed()

    def show_sign_in(self) -> SignInDialog:
        dialog = SignInDialog(self.people, self.settings, where=self.where, demo=self.demo)
        dialog.signed_in.connect(self._signed_in)
        dialog.rejected.connect(self._closed)
        self._show(dialog)
        return dialog

    def _signed_in(self, answer: SignIn) -> None:
        person = answer.person
        assert person is not None
        self.dialog = None
        if answer.change_required is not None:
            self._require_change(person, answer.change_message.text() if answer.change_message else "")
            return
        self.admit(person)

    def _require_change(self, person: Employee, reason: str) -> None:
        dialog = ChangePasswordDialog(
            self.people, person, giodo=self.settings().giodo.giodo_password_format, reason=reason
        )
        self._changing = person
        dialog.changed.connect(self._changed_after_sign_in)
        dialog.rejected.connect(self._change_refused)
        self._show(dialog)

    def _changed_after_sign_in(self) -> None:
        self.dialog = None
        if self._changing is not None:
            self.admit(self._changing)

    def _change_refused(self) -> None:
        if self._changing is not None:
            self._record(SIGNED_OUT, self._changing)
        self.show_sign_in()

    def _closed(self) -> None:
        self.dialog = None
        self.gave_up.emit()

    def admit(self, person: Employee) -> None:
        """``person`` is signed in on this desktop: every save names them."""
        self.person = person
        self.store.actor = actor_for(person)
        self.idle.start(self._idle_minutes())
        self.admitted.emit(person)

    # -- while signed in ----------------------------------------------------------------------

    def sign_out(self) -> None:
        """ "Wyloguj": the sign-in appears, then the window goes (its unsaved edits with it)."""
        person = self.person
        if person is None:
            return
        self._record(SIGNED_OUT, person)
        self.idle.stop()
        self._close_lock_screen()
        self.person = None
        self.store.actor = Actor.of_this_desktop()
        self.show_sign_in()
        self.signed_out.emit()
        self._hidden = []
        self.window = None

    def change_password(self, parent: QWidget | None = None) -> ChangePasswordDialog | None:
        """ "Plik › Zmień hasło…"."""
        if self.person is None:
            return None
        if self.change_dialog is not None and isValid(self.change_dialog):
            self.change_dialog.raise_()
            return self.change_dialog
        dialog = ChangePasswordDialog(
            self.people, self.person, giodo=self.settings().giodo.giodo_password_format, parent=parent
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._change_dialog_closed)
        self.change_dialog = dialog
        dialog.open()
        return dialog

    def _change_dialog_closed(self) -> None:
        self.change_dialog = None

    def settings_saved(self, settings: OfficeSettings) -> None:
        """The office's options may have changed: the idle limit applies at once."""
        self.idle.set_minutes(settings.idle_lock_minutes)

    def _idle_minutes(self) -> int:
        try:
            return self.settings().idle_lock_minutes
        except StoreError:
            return OfficeSettings().idle_lock_minutes

    # -- locking ------------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.lock_screen is not None

    def lock(self) -> None:
        """Hides every window of the signed-in person until their password is typed again."""
        person = self.person
        if person is None or self.lock_screen is not None:
            return
        self.idle.stop()
        self._record(IDLE_LOCKED, person)
        self._hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible() and self._belongs(w)]
        for widget in self._hidden:
            widget.hide()
        try:
            settings = self.settings()
        except StoreError:
            settings = OfficeSettings()
        screen = LockScreen(self.people, person, settings, minutes=self.idle.minutes)
        screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        screen.unlocked.connect(self._unlocked)
        screen.sign_out_requested.connect(self.sign_out)
        self.lock_screen = screen
        screen.open()

    def hidden_by_lock(self) -> list[QWidget]:
        """The person's windows and dialogs the idle lock is hiding (still open underneath)."""
        return [widget for widget in self._hidden if isValid(widget)] if self.locked else []

    def _belongs(self, widget: QWidget) -> bool:
        window = self.window
        current: QWidget | None = widget
        while current is not None:
            if current is window:
                return True
            current = current.parentWidget()
        return False

    def _unlocked(self) -> None:
        self.lock_screen = None
        if self.person is not None:
            self._record(UNLOCKED, self.person)
        for widget in self._hidden:
            if isValid(widget):
                widget.show()
        self._hidden = []
        self.idle.start(self._idle_minutes())

    def _close_lock_screen(self) -> None:
        screen, self.lock_screen = self.lock_screen, None
        if screen is not None and isValid(screen):
            screen.unlocked.disconnect(self._unlocked)
            screen.sign_out_requested.disconnect(self.sign_out)
            screen.done(0)

    # -- the end ------------------------------------------------------------------------------

    def close(self) -> None:
        """The program quits or opens other settings: the person's session ends here."""
        if self.person is not None and not self.store.closed:
            self._record(SIGNED_OUT, self.person)
        self.person = None
        self.idle.stop()
        self._close_lock_screen()
        for dialog in (self.dialog, self.change_dialog):
            if dialog is not None and isValid(dialog):
                with_signals_blocked(dialog)
                dialog.close()
        self.dialog = None
        self.change_dialog = None

    def _record(self, event: str, person: Employee) -> None:
        # The session goes on when the store cannot be written (the log is unreachable with it).
        with contextlib.suppress(StoreError):
            self.people.record(event, person)


def with_signals_blocked(dialog: QDialog) -> None:
    """A dialog closed by the program itself must not answer as if the person had closed it."""
    dialog.blockSignals(True)
