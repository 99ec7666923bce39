"""Starting the window: options, language, crash reporting, the settings file and demo mode.

``run_gui(argv)`` is what ``smtpdesk`` runs. ``start_gui(argv)`` does everything but the event
loop and returns the ``GuiSession`` (window, store, demo), so tests start the real entry point in
the QApplication they already have.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from shiboken6 import isValid

from smtpdesk import APP_NAME, __version__, paths
from smtpdesk.cli.argparse_texts import speaking
from smtpdesk.cli.parsing import language_option
from smtpdesk.core.i18n import LANGUAGES, Lang, Msg
from smtpdesk.core.model import Employee, Role
from smtpdesk.core.people.clock import Clock, system_clock
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import DamagedError, DamageReport, Location, LocationError, Store, StoreError
from smtpdesk.core.store.backups import Backup
from smtpdesk.core.store.choice import choose
from smtpdesk.core.store.damage import move_aside, restore_backup, salvage
from smtpdesk.core.store.office import leave_office, open_location
from smtpdesk.core.store.office_check import explain_failure
from smtpdesk.display import display_problem
from smtpdesk.language import chosen_language, language_of_ui_languages, system_language
from smtpdesk.logfile import start_logging
from smtpdesk.ui.app_icon import app_icon
from smtpdesk.ui.crash_dialog import CrashReporter
from smtpdesk.ui.draft import DraftRestoreBox, offer_draft, read_draft, write_draft
from smtpdesk.ui.gui_gc import collect_on_gui_thread
from smtpdesk.ui.keychain_check import after_first_paint, check_keychain_in_background, defer_keychain
from smtpdesk.ui.long_lived import freeze_start_up_objects
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.office.database_dialog import Switch
from smtpdesk.ui.office.office_key_dialogs import ShowOfficeKeyDialog
from smtpdesk.ui.office.start_problems import StartProblemDialog, damage_dialog, unreachable_dialog
from smtpdesk.ui.people.admin_tools import audit_action_last, install_people_admin
from smtpdesk.ui.people.gate import PeopleGate
from smtpdesk.ui.people.sign_in_dialog import DemoSignIn
from smtpdesk.ui.qt_messages import route_qt_messages_to_log
from smtpdesk.ui.quit_signals import quit_on_signals
from smtpdesk.ui.settings_window import SettingsWindow
from smtpdesk.ui.translations import install_translators, remove_translators

Switcher = Callable[[Switch], None]

if TYPE_CHECKING:
    from smtpdesk.demo.session import DemoSession
    from smtpdesk.ui.people.my_mail_window import MyMailWindow


_OPTIONS = {
    "description": Msg(
        pl="Ustawienia poczty wychodzącej biura, wiadomości testowe i diagnoza problemów.",
        en="The office's outgoing mail settings, test messages and a diagnosis of problems.",
    ),
    "data_dir": Msg(
        pl="folder z plikiem ustawień (zamiast domyślnego)",
        en="folder holding the settings file (instead of the default one)",
    ),
    "database": Msg(
        pl="baza biura zamiast pliku lokalnego, np. postgresql://smtpdesk@serwer/biuro",
        en="an office database instead of the local file, e.g. postgresql://smtpdesk@server/office",
    ),
    "lang": Msg(
        pl="język okna na to uruchomienie (domyślnie wybrany w menu „Język / Language” albo język systemu)",
        en='language of the window for this run (default: the one chosen in the "Język / Language" '
        "menu, or the system's)",
    ),
    "demo": Msg(
        pl="tryb demonstracyjny: przykładowe biuro, nic nie wychodzi",
        en="demo mode: a sample office, nothing is sent out",
    ),
    "demo_if_unconfigured": Msg(
        pl="tryb demonstracyjny tylko wtedy, gdy nic nie zostało jeszcze zapisane",
        en="demo mode only when nothing has been saved yet",
    ),
    "version": Msg(pl="pokaż wersję programu i zakończ", en="show the program's version and exit"),
    "unknown": Msg(pl="nieznane opcje: {options}", en="unknown options: {options}"),
}


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    """The window's options, described in ``lang``; build and use it inside ``speaking(lang)``,
    which puts argparse's own words in the same language."""

    def t(key: str) -> str:
        return _OPTIONS[key].text(lang)

    parser = argparse.ArgumentParser(prog=APP_NAME, description=t("description"))
    parser.add_argument("--data-dir", metavar="DIR", help=t("data_dir"))
    parser.add_argument("--database", metavar="URL", help=t("database"))
    parser.add_argument("--lang", choices=LANGUAGES, help=t("lang"))
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--demo", action="store_true", help=t("demo"))
    mode.add_argument("--demo-if-unconfigured", action="store_true", help=t("demo_if_unconfigured"))
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}", help=t("version"))
    return parser


def start_language(argv: Sequence[str]) -> Lang:
    """The window's language: ``--lang``, else the one chosen on this computer, else the system's."""
    return chosen_language(language_option(argv), system_ui_language())


def system_ui_language() -> Lang:
    """The system's language. Windows and macOS keep it in their settings, which Qt reads; elsewhere
    it is the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), which Qt reads only once per process
    while this reads it at every start."""
    if sys.platform in ("win32", "darwin"):
        return language_of_ui_languages(QLocale.system().uiLanguages())
    return system_language()


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
    problem: StartProblemDialog | None = None  # the settings could not be opened: the ways back
    gate: PeopleGate | None = None  # who is signed in (or signing in) on ``store``
    clock: Clock = system_clock  # lockouts, password age and idle locking read it
    draft_box: DraftRestoreBox | None = None
    translators: list[QTranslator] = field(default_factory=list)
    defer_features: bool = False  # what run_gui does: see open_window
    crash_reporter: CrashReporter | None = None
    previous_locale: QLocale = field(default_factory=QLocale)
    key_dialog: QDialog | None = None
    _stores: list[Store] = field(default_factory=list)
    _damage: tuple[DamageReport, Backup | None] | None = None
    _unreachable: Location | None = None
    _admitting: tuple[Store, SecretStore, DemoSession | None] | None = None
    _demo_over: bool = False  # the demo's window was closed by its user: the demo goes with it
    _draft_waits_for: SettingsWindow | None = None  # the window whose features come before the question
    _closed: bool = False

    # -- windows --------------------------------------------------------------------------------

    def open_window(
        self, store: Store, secrets: SecretStore, demo: DemoSession | None = None, *, person: Employee
    ) -> SettingsWindow | MyMailWindow:
        """Shows ``person``'s window on ``store``: Company Settings for an administrator, "Moja
        poczta" for an agent. The window of a demo stops the demo when it goes (not on sign-out)."""
        gate = self.gate
        assert gate is not None
        # The keychain is looked for once the window is on screen (see keychain_check).
        defer_keychain(secrets)
        window: SettingsWindow | MyMailWindow
        if person.role is Role.ADMIN:
            window = SettingsWindow(store, secrets)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            # Signing out, locking and the administrator's tools of people come with the window.
            install_people_admin(window, gate)
            switch = self.switch if demo is None else None
            if self.defer_features:
                # The tests, the doctor and the demo's parts (and the SMTP engine behind them) load
                # right after the window is on screen: the first paint waits only for the form.
                after_first_paint(window, partial(self._add_deferred_features, window, secrets, demo, switch))
            else:
                _add_features(window, secrets, demo, switch)
        else:
            # An agent's window, with its test dialog (and the engine behind it), loads only for them.
            from smtpdesk.ui.people.my_mail_window import MyMailWindow

            window = MyMailWindow(store, secrets, person, gate)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            if demo is not None:
                from smtpdesk.ui.demo_mode import attach_demo

                attach_demo(window, demo)
            after_first_paint(window, partial(check_keychain_in_background, secrets))
        if demo is not None:
            window.closing.connect(self._demo_window_closing)
            window.destroyed.connect(self._demo_window_destroyed)
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
        # Input left unsaved by a signal is the office's settings: offered to the next administrator.
        self.offer_draft()

    def _signed_out(self) -> None:
        window, self.window = self.window, None
        if window is not None and isValid(window):
            window.discard_and_close()

    def _demo_window_closing(self) -> None:
        # Decided when the window closes, not when it is destroyed (a deferred deletion, which may
        # come after the next person signed in): a window the session still holds was closed by
        # its user, and the demo ends with it. Signing out lets go of the window first.
        if self.window is not None:
            self._demo_over = True

    def _demo_window_destroyed(self) -> None:
        if self._demo_over:
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
        self._demo_over = False
        self.admit_people(demo.store, demo.secrets, demo)
        return self.window

    def offer_draft(self) -> bool:
        """Asks whether to restore input left unsaved when the program was last ended from
        outside; True when there was such a draft."""
        window = self.window
        if not isinstance(window, SettingsWindow) or self.demo is not None:
            return False
        if self.draft_box is not None and isValid(self.draft_box):
            return True
        if read_draft(window.data_dir()) is None:
            return False
        if self.defer_features:
            # Asked once the window's features are in: the dialogs it may open again come with them.
            self._draft_waits_for = window
        else:
            self._ask_about_draft(window)
        return True

    def _ask_about_draft(self, window: SettingsWindow) -> None:
        self.draft_box = offer_draft(window, self._draft_answered)

    def _add_deferred_features(
        self, window: SettingsWindow, secrets: SecretStore, demo: DemoSession | None, switch: Switcher | None
    ) -> None:
        _add_features_if_open(window, secrets, demo, switch)
        if self._draft_waits_for is window:
            self._draft_waits_for = None
            if isValid(window) and window.isVisible():
                self._ask_about_draft(window)

    def quit_now(self) -> None:
        """The program is being ended from outside: keep unsaved input as a draft, close all."""
        # Keys typed before the signal may still wait in the queue: they are part of the input.
        self.app.processEvents()
        window = self.window
        if isinstance(window, SettingsWindow) and isValid(window) and self.demo is None:
            # The changed tabs and the open dialogs with changes, also those the idle lock hid.
            hidden = self.gate.hidden_by_lock() if self.gate is not None else []
            write_draft(window, also_open=hidden)
        self.close()

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
        problem, self.problem = self.problem, None
        if problem is not None and isValid(problem):
            # No window holds it: left open, it would outlive the session and be destroyed
            # whenever the cycle collector gets to it. Closing answers "quit"; nobody listens now.
            with contextlib.suppress(RuntimeError, TypeError):
                problem.chosen.disconnect()
            problem.close()
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

    def _draft_answered(self) -> None:
        self.draft_box = None

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
    app.setDesktopFileName(APP_NAME)  # matches resources/smtpdesk.desktop
    app.setWindowIcon(app_icon())
    return app


def start_gui(
    argv: Sequence[str], *, clock: Clock = system_clock, defer_features: bool = False
) -> GuiSession:
    """Everything ``run_gui`` does before the event loop; the caller owns the returned session.

    ``clock``: the time sign-in rules read, moved by the tests. ``defer_features``: as the program
    does, add the window's tests, doctor and demo parts after its first paint (tests that look at
    them at once leave it off).
    """
    lang = start_language(argv)
    with speaking(lang):
        parser = build_parser(lang)
        args, unknown = parser.parse_known_args(list(argv))
        new_app = QApplication.instance() is None
        app = _application(unknown)
        leftover = app.arguments()[1:] if new_app else unknown
        if leftover:
            parser.error(_OPTIONS["unknown"].text(lang, options=" ".join(leftover)))

    collect_on_gui_thread(app)
    session = GuiSession(app=app, args=args, clock=clock, defer_features=defer_features)
    session.translators = install_translators(app, lang)
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
    argv = list(sys.argv[1:] if argv is None else argv)
    if QApplication.instance() is None:
        problem = display_problem(start_language(argv))
        if problem is not None:
            print(problem, file=sys.stderr)
            return 1
    if start_logging() is not None and QApplication.instance() is None:
        route_qt_messages_to_log()
    with quit_on_signals() as quit_request:
        session = start_gui(argv, defer_features=True)
        quit_request.on_request = session.quit_now
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


def _add_features_if_open(
    window: SettingsWindow, secrets: SecretStore, demo: DemoSession | None, switch: Switcher | None
) -> None:
    if isValid(window) and window.isVisible():  # not closed before its first paint came round
        _add_features(window, secrets, demo, switch)


def _add_features(
    window: SettingsWindow, secrets: SecretStore, demo: DemoSession | None, switch: Switcher | None
) -> None:
    """The one-click tests, the doctor, export and import, detection and sign-in, the office
    database (not in demo mode) and, in demo mode, the banner and the demo inbox; then the keychain
    check (see keychain_check)."""
    from smtpdesk.ui.doctor_install import install_doctor
    from smtpdesk.ui.exchange import install_exchange
    from smtpdesk.ui.mailtest import install_mail_tests
    from smtpdesk.ui.oauth.install import install_account_tools

    install_mail_tests(window)
    install_doctor(window)
    install_exchange(window)
    install_account_tools(window)
    if switch is not None:
        from smtpdesk.ui.office.install import install_office_tools

        install_office_tools(window, switch)
    if demo is not None:
        from smtpdesk.ui.demo_mode import attach_demo

        attach_demo(window, demo)
    audit_action_last(window)
    after_first_paint(window, partial(check_keychain_in_background, secrets))
