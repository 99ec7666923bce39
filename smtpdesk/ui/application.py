"""Starting the window: options, language, crash reporting, the settings file and demo mode.

``run_gui(argv)`` is what ``smtpdesk`` runs. ``start_gui(argv)`` does everything but the event
loop and returns the ``GuiSession`` (window, store, demo), so tests start the real entry point in
the QApplication they already have.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from shiboken6 import isValid

from smtpdesk import APP_NAME, __version__, paths
from smtpdesk.core.i18n import LANGUAGES, Lang
from smtpdesk.core.model import Employee, Role
from smtpdesk.core.people.clock import Clock, system_clock
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import DamagedError, DamageReport, Location, LocationError, Store, StoreError
from smtpdesk.core.store.backups import Backup
from smtpdesk.core.store.choice import choose
from smtpdesk.core.store.damage import move_aside, restore_backup, salvage
from smtpdesk.core.store.office import leave_office, open_location
from smtpdesk.core.store.office_check import explain_failure
from smtpdesk.ui.crash_dialog import CrashReporter
from smtpdesk.ui.doctor_install import install_doctor
from smtpdesk.ui.exchange import install_exchange
from smtpdesk.ui.long_lived import freeze_start_up_objects
from smtpdesk.ui.mailtest import install_mail_tests
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.office.database_dialog import Switch
from smtpdesk.ui.office.install import install_office_tools
from smtpdesk.ui.office.office_key_dialogs import ShowOfficeKeyDialog
from smtpdesk.ui.office.start_problems import damage_dialog, unreachable_dialog
from smtpdesk.ui.people.admin_tools import install_people_admin
from smtpdesk.ui.people.gate import PeopleGate
from smtpdesk.ui.people.my_mail_window import MyMailWindow
from smtpdesk.ui.people.sign_in_dialog import DemoSignIn
from smtpdesk.ui.quit_signals import quit_on_signals
from smtpdesk.ui.settings_window import SettingsWindow
from smtpdesk.ui.translations import install_translators, remove_translators

if TYPE_CHECKING:
    from smtpdesk.demo.session import DemoSession


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="Ustawienia poczty wychodzącej biura, wiadomości testowe i diagnoza problemów.",
    )
    parser.add_argument("--data-dir", metavar="DIR", help="folder z plikiem ustawień (zamiast domyślnego)")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="baza biura zamiast pliku lokalnego, np. postgresql://smtpdesk@serwer/biuro",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="pl", help="język okna (domyślnie pl)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--demo", action="store_true", help="tryb demonstracyjny: przykładowe biuro, nic nie wychodzi"
    )
    mode.add_argument(
        "--demo-if-unconfigured",
        action="store_true",
        help="tryb demonstracyjny tylko wtedy, gdy nic nie zostało jeszcze zapisane",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser


@dataclass
class GuiSession:
    """One start of the window and everything it opened; ``close()`` releases it all."""

    app: QApplication
    args: argparse.Namespace
    # The signed-in person's window: "Ustawienia firmy" for an administrator, "Moja poczta" for an agent.
    window: SettingsWindow | MyMailWindow | None = None
    store: Store | None = None
    secrets: SecretStore | None = None
    demo: DemoSession | None = None
    error_box: QMessageBox | None = None
    problem: QDialog | None = None  # the settings could not be opened: the ways back
    gate: PeopleGate | None = None  # who is signed in (or signing in) on ``store``
    clock: Clock = system_clock  # lockouts, password age and idle locking read it
    translators: list[QTranslator] = field(default_factory=list)
    crash_reporter: CrashReporter | None = None
    previous_locale: QLocale = field(default_factory=QLocale)
    key_dialog: QDialog | None = None
    _stores: list[Store] = field(default_factory=list)
    _damage: tuple[DamageReport, Backup | None] | None = None
    _unreachable: Location | None = None
    _admitting: tuple[Store, SecretStore, DemoSession | None] | None = None
    _closed: bool = False

    # -- windows --------------------------------------------------------------------------------

    def open_window(
        self, store: Store, secrets: SecretStore, demo: DemoSession | None = None, *, person: Employee
    ) -> SettingsWindow | MyMailWindow:
        """Shows ``person``'s window on ``store``: Company Settings for an administrator, "Moja
        poczta" for an agent. The window of a demo stops the demo when it goes (not on sign-out)."""
        gate = self.gate
        assert gate is not None
        window: SettingsWindow | MyMailWindow
        if person.role is Role.ADMIN:
            window = SettingsWindow(store, secrets)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            install_mail_tests(window)
            install_doctor(window)
            install_exchange(window)
            if demo is None:
                install_office_tools(window, self.switch)
            install_people_admin(window, gate)
        else:
            window = MyMailWindow(store, secrets, person, gate)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if demo is not None:
            from smtpdesk.ui.demo_mode import attach_demo

            attach_demo(window, demo)
            window.destroyed.connect(self._window_destroyed)
        previous = self.window
        self.window, self.store, self.secrets, self.demo = window, store, secrets, demo
        gate.window = window
        if store not in self._stores:
            self._stores.append(store)
        window.show()
        if previous is not None and isValid(previous) and previous is not window:
            previous.discard_and_close()
        return window

    # -- who is at the desk ---------------------------------------------------------------------

    def admit_people(
        self,
        store: Store,
        secrets: SecretStore,
        demo: DemoSession | None = None,
        *,
        first_start: bool = False,
        person: Employee | None = None,
    ) -> PeopleGate:
        """The way in to ``store``: welcome, first administrator or sign-in (``person``: already
        signed in, e.g. after moving the settings to an office database)."""
        if store not in self._stores:
            self._stores.append(store)
        previous = self.gate
        where = "" if not store.is_office else store.location.display()
        gate = PeopleGate(store, clock=self.clock, demo=demo_sign_ins(demo), where=where)
        gate.admitted.connect(self._admitted)
        gate.signed_out.connect(self._signed_out)
        gate.demo_requested.connect(self.start_demo)
        gate.gave_up.connect(self._quit_if_nothing_open)
        self.gate = gate
        self._admitting = (store, secrets, demo)
        self.store, self.secrets, self.demo = store, secrets, demo
        if previous is not None:
            previous.close()
        old = self.window
        if person is not None:
            gate.admit(person)
            return gate
        gate.start(first_start=first_start)
        # The window of other settings (or of a person who left) goes once the way in is on screen.
        if old is not None and isValid(old) and old is self.window:
            self.window = None
            old.discard_and_close()
        return gate

    def _admitted(self, person: Employee) -> None:
        assert self._admitting is not None
        store, secrets, demo = self._admitting
        self.open_window(store, secrets, demo, person=person)

    def _signed_out(self) -> None:
        window, self.window = self.window, None
        if window is not None and isValid(window):
            window.discard_and_close()

    def _window_destroyed(self) -> None:
        # Closed by its user: the demo ends. Signing out (the sign-in is on screen) keeps it.
        if self.gate is None or self.gate.dialog is None:
            self.stop_demo()

    # -- where the settings are ----------------------------------------------------------------

    def data_dir(self) -> Path:
        return paths.data_dir(self.args.data_dir)

    def open_settings(
        self, location: Location, *, offer_demo: bool = False
    ) -> SettingsWindow | MyMailWindow | None:
        """Opens the window on ``location``; a damaged file or an unreachable office database
        shows the ways back instead."""
        keychain = SecretStore()
        try:
            opened = open_location(location, keychain, auto_backup=True)
        except DamagedError as damaged:
            self._show_damage(damaged.report)
            return None
        except StoreError as error:
            if location.is_office:
                self._show_unreachable(location, error)
                return None
            raise
        if offer_demo and not location.is_office and not opened.store.is_configured():
            opened.store.close()
            self.start_demo()
            return self.window
        configured = opened.store.is_configured()
        self.admit_people(opened.store, opened.secrets, first_start=not configured and not location.is_office)
        return self.window

    def switch(self, switch: Switch) -> None:
        """Opens other settings (from "Baza danych biura…"); the current window goes."""
        if switch.opened is None:
            leave_office()
            self.open_settings(Location.sqlite(paths.database_path(self.data_dir())))
            return
        # Moving the settings keeps the person signed in (they moved with them); joining another
        # office's database asks who signs in there.
        person = self.gate.person if self.gate is not None and switch.new_key is not None else None
        self.admit_people(switch.opened.store, switch.opened.secrets, person=person)
        if switch.new_key is not None and self.window is not None:
            dialog = ShowOfficeKeyDialog(switch.new_key, self.window)
            self.key_dialog = dialog
            dialog.open()

    def _show_damage(self, report: DamageReport) -> None:
        dialog, backup = damage_dialog(report, self.window)
        self._damage = (report, backup)
        dialog.chosen.connect(self._damage_answered)
        self.problem = dialog
        dialog.open()

    def _damage_answered(self, way: str) -> None:
        self.problem = None
        assert self._damage is not None
        report, backup = self._damage
        if way == "backup" and backup is not None:
            restore_backup(report.path, backup.path)
        elif way == "salvage":
            salvage(report.path, report)
        elif way == "anew":
            move_aside(report.path)
        else:
            self._quit_if_nothing_open()
            return
        self.open_settings(Location.sqlite(report.path))

    def _show_unreachable(self, location: Location, error: StoreError) -> None:
        detail = str(error.values.get("detail", ""))
        check = explain_failure(location, detail) if detail else None
        dialog = unreachable_dialog(location.display(), check, error.message.text(), self.window)
        self._unreachable = location
        dialog.chosen.connect(self._unreachable_answered)
        self.problem = dialog
        dialog.open()

    def _unreachable_answered(self, way: str) -> None:
        self.problem = None
        if way == "retry" and self._unreachable is not None:
            self.open_settings(self._unreachable)
        elif way == "local":
            leave_office()
            self.open_settings(Location.sqlite(paths.database_path(self.data_dir())))
        else:
            self._quit_if_nothing_open()

    def _quit_if_nothing_open(self) -> None:
        if self.window is None or not isValid(self.window):
            self.app.quit()

    def start_demo(self) -> SettingsWindow | MyMailWindow | None:
        """Switches to demo mode: a throw-away agency with its own local mail server."""
        from smtpdesk.demo.session import DemoSession

        try:
            demo = DemoSession.start()
        except OSError as error:
            self.show_error(
                QApplication.translate("GuiSession", "Nie udało się uruchomić trybu demonstracyjnego"),
                QApplication.translate("GuiSession", "Tryb demonstracyjny nie ruszył: {reason}").format(
                    reason=error
                ),
            )
            return None
        self.admit_people(demo.store, demo.secrets, demo)
        return self.window

    def show_error(self, title: str, text: str) -> QMessageBox:
        box = show_message(self.window, QMessageBox.Icon.Critical, title, text)
        box.destroyed.connect(self._error_closed)
        self.error_box = box
        return box

    # -- teardown -------------------------------------------------------------------------------

    def stop_demo(self) -> None:
        demo, self.demo = self.demo, None
        if demo is not None:
            if demo.store in self._stores:
                self._stores.remove(demo.store)
            demo.stop()

    def close(self) -> None:
        """Closes the window without asking, stops the demo and closes the settings file."""
        if self._closed:
            return
        self._closed = True
        window, self.window = self.window, None
        gate, self.gate = self.gate, None
        if gate is not None:
            gate.close()
        if window is not None and isValid(window):
            window.discard_and_close()
        self.stop_demo()
        for store in self._stores:
            store.close()
        self._stores.clear()
        if self.crash_reporter is not None:
            self.crash_reporter.uninstall()
        remove_translators(self.app, self.translators)
        QLocale.setDefault(self.previous_locale)
        with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
            self.app.aboutToQuit.disconnect(self.close)

    def _error_closed(self) -> None:
        self.error_box = None


def _application(qt_args: list[str]) -> QApplication:
    """The running QApplication, or a new one that takes Qt's own options from ``qt_args``."""
    existing = QApplication.instance()
    if existing is not None:
        return cast(QApplication, existing)
    app = QApplication([APP_NAME, *qt_args])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def start_gui(argv: Sequence[str], *, clock: Clock = system_clock) -> GuiSession:
    """Everything ``run_gui`` does before the event loop; the caller owns the returned session
    (``clock``: the time sign-in rules read, moved by the tests)."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(list(argv))
    new_app = QApplication.instance() is None
    app = _application(unknown)
    leftover = app.arguments()[1:] if new_app else unknown
    if leftover:
        parser.error(f"nieznane opcje: {' '.join(leftover)}")

    session = GuiSession(app=app, args=args, clock=clock)
    session.translators = install_translators(app, cast(Lang, args.lang))
    session.crash_reporter = CrashReporter(lambda: _live(session.window))
    session.crash_reporter.install()
    app.aboutToQuit.connect(session.close)

    if args.demo:
        session.start_demo()
        return session
    try:
        choice = choose(args.database, session.data_dir())
        session.open_settings(choice.location, offer_demo=args.demo_if_unconfigured)
    except (StoreError, LocationError, OSError) as error:
        # The file is from a newer version or another program, the address is not understood,
        # or the folder cannot be created.
        session.show_error(QApplication.translate("GuiSession", "Nie można otworzyć ustawień"), str(error))
    return session


def run_gui(argv: Sequence[str] | None = None, *, exec_loop: bool = True) -> int:
    """Starts the window and runs until it is closed; ``exec_loop=False`` only starts and closes."""
    with quit_on_signals() as quit_request:
        session = start_gui(sys.argv[1:] if argv is None else argv)
        try:
            # The reason is on screen in session.error_box, or the ways back in session.problem.
            signing_in = session.gate is not None and session.gate.dialog is not None
            failed = session.window is None and session.problem is None and not signing_in
            if not exec_loop or quit_request.requested or (failed and session.error_box is None):
                session.app.processEvents()
                return 1 if failed else 0
            quit_request.keep_awake()
            freeze_start_up_objects()
            code = session.app.exec()
            return 1 if failed else code
        finally:
            session.close()


def demo_sign_ins(demo: DemoSession | None) -> list[DemoSignIn]:
    """The demo office's sign-ins, as the sign-in dialog of demo mode lists them."""
    if demo is None:
        return []
    from smtpdesk.demo.accounts import PEOPLE

    return [
        DemoSignIn(
            name=f"{p.first_name} {p.last_name}",
            role=QApplication.translate("GuiSession", "administrator")
            if p.role is Role.ADMIN
            else QApplication.translate("GuiSession", "agent"),
            email=p.email,
            password=p.sign_in_password,
        )
        for p in PEOPLE
    ]


def _live(widget: QWidget | None) -> QWidget | None:
    return widget if widget is not None and isValid(widget) else None
