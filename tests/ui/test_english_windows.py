"""With ``--lang en`` every window and dialog is English: no Polish label, button, tool tip,
placeholder, header, menu item or message is left, and neither is a Polish sentence from the core
(diagnoses, doctor findings, detection). What the user typed (names, addresses) stays as typed.
In both languages every one of them fits a 1366×768 screen, and none of their labels is cut off.

Each test opens windows the way a person does, once in Polish and once in English, then looks at
them: reads every text in them (see tests.fixtures.visible_texts) and checks their size (see
tests.fixtures.screenshots). With SMTPDESK_SHOTS=DIR each window looked at is saved as a PNG
(``bash scripts/screenshots DIR``)."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Set
from typing import Literal

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QScrollArea, QWidget

from smtpdesk.core.model import AuthMethod, Company, OAuthApps, OfficeSettings
from smtpdesk.core.oauth.endpoints import endpoints_for
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Location, Store
from smtpdesk.core.store.backups import make_backup
from smtpdesk.core.store.choice import save_location
from smtpdesk.core.store.exchange import read_import
from smtpdesk.core.store.office_key import OfficeKey
from smtpdesk.core.store.office_secrets import OfficeSecretStore
from smtpdesk.paths import database_path
from smtpdesk.ui.application import GuiSession, start_gui
from smtpdesk.ui.crash_dialog import CrashDialog
from smtpdesk.ui.demo_cli import DemoCliDialog
from smtpdesk.ui.demo_inbox import DemoInbox
from smtpdesk.ui.demo_mode import DemoBanner
from smtpdesk.ui.doctor_install import DoctorLauncher
from smtpdesk.ui.draft import offer_draft, write_draft
from smtpdesk.ui.employee_dialog import EmployeeDialog
from smtpdesk.ui.exchange.export_dialog import ExportDialog
from smtpdesk.ui.exchange.preview_dialog import ImportPreviewDialog
from smtpdesk.ui.first_run import FirstRunDialog
from smtpdesk.ui.language_menu import BILINGUAL_TEXTS
from smtpdesk.ui.mailtest.diagnosis_dialog import DiagnosisDialog
from smtpdesk.ui.mailtest.install import WindowMailTests
from smtpdesk.ui.oauth.apps_dialog import OAuthAppsDialog
from smtpdesk.ui.oauth.detect_dialog import DetectDialog
from smtpdesk.ui.oauth.signin_dialog import SignInDialog
from smtpdesk.ui.office.change_notice import ChangeNotice
from smtpdesk.ui.office.conflict_dialog import ConflictDialog
from smtpdesk.ui.office.database_dialog import DatabaseDialog
from smtpdesk.ui.office.install import OfficeKeyBanner
from smtpdesk.ui.office.office_key_dialogs import EnterOfficeKeyDialog, ShowOfficeKeyDialog
from smtpdesk.ui.office.start_problems import StartProblemDialog
from smtpdesk.ui.settings_window import SettingsWindow
from smtpdesk.ui.widgets.unsaved_changes import ask_unsaved_changes
from tests.fixtures.detect_servers import loopback_network
from tests.fixtures.office_files import as_bytes, office_file, seed_office
from tests.fixtures.people import enter_demo_as_admin
from tests.fixtures.screenshots import Shots
from tests.fixtures.visible_texts import demo_data, polish_in, shown_texts, user_data

WAIT_MS = 15_000


def assert_english(
    *windows: QWidget,
    data: Set[str] = frozenset(),
    allowed: Set[str] = frozenset(),
    skip: tuple[QWidget, ...] = (),
) -> None:
    texts = shown_texts(*windows, skip=skip)
    assert texts, "nothing was read"
    left = polish_in(texts, data=data, allowed=BILINGUAL_TEXTS | allowed)
    assert left == [], "\n".join(f"{where}: {text!r}" for where, text in left)


def new_windows(before: set[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w not in before]


Language = Literal["pl", "en"]


class Look:
    """Looks at windows as their user would: every shown one fits the screen with its labels whole
    (and is saved as a PNG when asked to); in English, no Polish is left in any of them, hidden
    parts included."""

    def __init__(self, language: Language, shots: Shots) -> None:
        self.language = language
        self.shots = shots

    def __call__(
        self,
        *windows: QWidget,
        data: Set[str] = frozenset(),
        allowed: Set[str] = frozenset(),
        skip: tuple[QWidget, ...] = (),
    ) -> None:
        for window in windows:
            if window.isWindow() and window.isVisible():
                self.shots.take(window)
        if self.language == "en":
            assert_english(*windows, data=data, allowed=allowed, skip=skip)

    def said(self, polish: str, english: str) -> str:
        """The text a window shows in this language."""
        return english if self.language == "en" else polish


@pytest.fixture(params=["pl", "en"])
def language(request) -> Language:
    return request.param


@pytest.fixture
def look(request, language: Language) -> Look:
    return Look(language, Shots(request.node.originalname, language))


@pytest.fixture
def speaking(request, language: Language) -> Language:
    """What the test opens speaks ``language``, as after ``smtpdesk --lang``; tests are Polish
    unless told otherwise."""
    if language == "en":
        request.getfixturevalue("english")
    return language


@pytest.fixture
def sessions(qapp) -> Iterator[list[GuiSession]]:
    started: list[GuiSession] = []
    yield started
    for session in started:
        session.close()


def start(sessions: list[GuiSession], language: Language, *argv: str) -> GuiSession:
    session = start_gui(["--lang", language, *argv])
    sessions.append(session)
    return session


@pytest.fixture
def demo(qtbot, sessions, english_catalogue, language) -> GuiSession:
    """The demo office (its administrator signed in): every feature of the window, an SMTP server,
    sample people."""
    session = start(sessions, language, "--demo")
    qtbot.waitExposed(enter_demo_as_admin(qtbot, session))
    return session


def test_the_settings_window_with_every_tab_and_menu_is_english(qtbot, demo, look):
    window = demo.window
    assert isinstance(window, SettingsWindow)
    assert window.windowTitle() == look.said("Ustawienia firmy[*]", "Company settings[*]")
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        look(window, data=user_data(window.store))
        tab = window.tabs.currentWidget()
        bar = tab.verticalScrollBar() if isinstance(tab, QScrollArea) else None
        if bar is not None and bar.maximum() > 0:
            bar.setValue(bar.maximum())  # the end of a long form
            look(window, data=user_data(window.store))
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        look.said("Dane firmy", "Company data"),
        look.said("Logo Firmy", "Company logo"),
        look.said("Pozostałe ustawienia", "Other settings"),
        look.said("Pracownicy", "Employees"),
        look.said("Strona WWW", "Website"),
    ]


# The test message shows the Polish letters on purpose, in either language, to check the encoding.
POLISH_LETTERS_SAMPLE = {"zażółć gęślą jaźń", "ZAŻÓŁĆ GĘŚLĄ JAŹŃ"}


def mail_tests(window: SettingsWindow) -> WindowMailTests:
    testing = window.findChild(WindowMailTests)
    assert testing is not None and testing.tools is not None
    return testing


def test_a_test_mail_of_every_demo_employee_its_diagnosis_and_the_history_are_english(qtbot, demo, look):
    window = demo.window
    assert isinstance(window, SettingsWindow)
    data = demo_data(demo) | POLISH_LETTERS_SAMPLE
    testing = mail_tests(window)
    codes = set()
    for employee in window.store.list_employees():
        dialog = testing.test_employee(employee)
        assert dialog is not None
        qtbot.waitUntil(lambda dialog=dialog: dialog.run_result is not None, timeout=WAIT_MS)
        result = dialog.run_result
        assert result is not None
        codes.add(result.code)
        look(dialog, data=data)
        dialog.diagnosis.details_toggle.click()  # "Szczegóły techniczne": the tallest it gets
        assert dialog.diagnosis.details.isVisible()
        look(dialog, data=data)
        diagnosis = DiagnosisDialog.for_result(result, window, account_label=employee.full_name)
        qtbot.addWidget(diagnosis)
        diagnosis.show()
        assert diagnosis.windowTitle() == look.said("Diagnoza: ", "Diagnosis: ") + employee.full_name
        look(diagnosis, data=data)
        diagnosis.view.details_toggle.click()
        look(diagnosis, data=data)
        diagnosis.close()
        dialog.close()
    # Success, a refused password and a refused sender were all read.
    assert {"ok", "auth_failed", "sender_not_allowed"} <= codes

    history = testing.show_history()
    assert history.isVisible()
    history.table.selectRow(0)
    assert history.details.isVisible()
    look(history, data=data)
    history.details.details_toggle.click()
    look(history, data=data)
    history.close()

    demo_session = demo.demo
    assert demo_session is not None
    banner = window.findChild(DemoBanner)
    assert banner is not None
    banner.inbox_button.click()
    inbox = window.findChild(DemoInbox)
    assert inbox is not None and inbox.isVisible()
    qtbot.waitUntil(lambda: inbox.message_count() > 0, timeout=WAIT_MS)
    look(inbox, data=data, skip=(inbox.source,))  # the raw source is the message as sent
    banner.cli_button.click()
    cli = window.findChild(DemoCliDialog)
    assert cli is not None
    look(cli, data=data)


def test_check_all_the_status_column_and_the_doctor_are_english(qtbot, demo, look):
    window = demo.window
    assert isinstance(window, SettingsWindow)
    data = demo_data(demo)
    testing = mail_tests(window)
    tools = testing.tools
    assert tools is not None
    with qtbot.waitSignal(tools.controller.finished, timeout=WAIT_MS):
        tools.check_all_action.trigger()
    look(window, data=data)
    for employee in window.store.list_employees():
        dialog = tools.status.open_diagnosis(employee, window)
        if dialog is not None:
            qtbot.addWidget(dialog)
            look(dialog, data=data)
            dialog.close()

    launcher = window.findChild(DoctorLauncher)
    assert launcher is not None
    launcher.action.trigger()
    doctor = launcher.dialog
    assert doctor is not None and doctor.isVisible()
    assert doctor.windowTitle() == look.said("Doktor konfiguracji", "Configuration doctor")
    look(doctor, data=data)


def test_the_employee_dialog_about_box_and_message_boxes_are_english(qtbot, demo, look):
    window = demo.window
    assert isinstance(window, SettingsWindow)
    data = user_data(window.store)
    before = set(QApplication.topLevelWidgets())
    # Every demo employee: own accounts, none, a Microsoft sign-in.
    for employee in window.store.list_employees():
        dialog = EmployeeDialog(window.store, window.secrets, employee, window)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle() == look.said("Edycja pracownika", "Edit employee")
        look(dialog, data=data)
        dialog.close()
    new = EmployeeDialog(window.store, window.secrets, None, window)
    qtbot.addWidget(new)
    new.show()
    assert new.windowTitle() == look.said("Nowy pracownik", "New employee")
    look(new, data=data)
    new.close()

    about = window.show_about()
    look(about, data=data | {str(window.data_dir())})
    about.close()

    # "Test the employee's mail" with nobody selected, and a save with a bad field.
    mail_tests(window).test_selected_employee()
    window.company_page.email_edit.setText("not an address")
    assert not window.save()
    assert window.statusBar().currentMessage().startswith(look.said("Nie zapisano", "Not saved"))
    boxes = [w for w in new_windows(before) if isinstance(w, QMessageBox)]
    assert boxes
    look(window, *boxes, data=data | {"not an address"})
    for box in boxes:
        box.close()


def strings_in(value: object) -> set[str]:
    """Every string in a JSON document (a configuration file's own data)."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(strings_in(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(strings_in(v) for v in value)) if value else set()
    return set()


def test_the_dialogs_of_the_office_database_export_import_and_sign_in_are_english(
    qtbot, speaking, look, store, secrets, tmp_path, dns_server
):
    seed_office(store)
    window = SettingsWindow(store, secrets, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    data = user_data(store)

    database = DatabaseDialog(store, secrets, window)
    qtbot.addWidget(database)
    assert database.windowTitle() == look.said("Baza danych biura", "Office database")
    show_key = ShowOfficeKeyDialog(OfficeKey.generate(), window)
    qtbot.addWidget(show_key)
    enter_key = EnterOfficeKeyDialog(OfficeSecretStore(store, secrets), window)
    qtbot.addWidget(enter_key)
    export = ExportDialog(store, len(store.list_employees()), window)
    qtbot.addWidget(export)
    file = office_file(tmp_path)
    preview = ImportPreviewDialog(store, secrets, read_import(as_bytes(file)), "configuration.json", window)
    qtbot.addWidget(preview)
    apps = OAuthAppsDialog(store, secrets, window)
    qtbot.addWidget(apps)
    apps_settings = OAuthApps(microsoft_client_id="00000000-0000-0000-0000-000000000000")
    sign_in = SignInDialog(
        endpoints_for(AuthMethod.OAUTH_MICROSOFT, apps_settings), "anna@example.com", window
    )
    qtbot.addWidget(sign_in)
    # A provider of the built-in list, and a domain no source knows (every source says why).
    found = DetectDialog("anna@gmail.com", "", window, network=loopback_network(dns_server.port), budget=3.0)
    unknown = DetectDialog(
        "anna@northwind.test", "", window, network=loopback_network(dns_server.port), budget=3.0
    )
    for detect in (found, unknown):
        qtbot.addWidget(detect)
        detect.show()
        detect.start()
    qtbot.waitUntil(lambda: found.report is not None and unknown.report is not None, timeout=WAIT_MS)
    data |= strings_in(file)
    # One at a time, as a person opens them.
    for dialog in (database, show_key, enter_key, export, preview, apps, sign_in, found, unknown):
        dialog.show()
        look(dialog, data=data)
        dialog.hide()
    look(OfficeKeyBanner(), ChangeNotice(), data=data)  # bars shown inside the settings window


def test_a_conflict_between_two_windows_is_english(qtbot, speaking, look, store, data_dir):
    store.save_settings(OfficeSettings(company=Company(name="Start")))
    with Store.open(data_dir) as other:
        first = SettingsWindow(store, SecretStore(), remember_geometry=False)
        second = SettingsWindow(other, SecretStore(), remember_geometry=False, watch=False)
        for window in (first, second):
            qtbot.addWidget(window)
            window.show()
        first.company_page.name_edit.setText("First")
        assert first.save()
        second.company_page.name_edit.setText("Second")
        assert not second.save()
        dialog = second.conflict_dialog
        assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
        look(dialog, data={"Start", "First", "Second"})
        dialog.reject()


def test_the_crash_dialog_welcome_draft_and_unsaved_changes_questions_are_english(
    qtbot, speaking, look, store, secrets
):
    crash = CrashDialog("Traceback (most recent call last):\nZeroDivisionError: division by zero")
    qtbot.addWidget(crash)
    welcome = FirstRunDialog()
    qtbot.addWidget(welcome)
    window = SettingsWindow(store, secrets, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    window.company_page.name_edit.setText("Northwind Homes")
    assert write_draft(window) is not None
    window.reload()
    draft = offer_draft(window)
    assert draft is not None
    unsaved = ask_unsaved_changes(window, lambda _choice: None)
    data = {"Northwind Homes", "Traceback (most recent call last):", "ZeroDivisionError: division by zero"}
    for dialog in (crash, welcome):
        dialog.show()
        look(dialog, data=data)
        dialog.hide()
    look(draft, unsaved, data=data)
    # Each box goes while the window it answers for is still there (the box holds it).
    for box in (draft, unsaved):
        with qtbot.waitSignal(box.destroyed, timeout=WAIT_MS):
            box.reject()


def test_the_ways_back_from_a_damaged_file_or_an_unreachable_office_database_are_english(
    qtbot, sessions, english_catalogue, language, look, data_dir, monkeypatch
):
    # The system's language: the database driver's own words (libpq reads LANGUAGE) are in it too.
    monkeypatch.setenv("LANGUAGE", look.said("pl_PL", "en_US"))
    with Store.open(data_dir) as store:
        store.save_settings(OfficeSettings(company=Company(name="Northwind Homes")))
    path = database_path(data_dir)
    make_backup(path, "auto")
    path.write_bytes(path.read_bytes()[:1024])  # truncated
    damaged = start(sessions, language)
    assert isinstance(damaged.problem, StartProblemDialog)
    assert damaged.problem.windowTitle() == look.said(
        "Plik ustawień jest uszkodzony", "The settings file is damaged"
    )
    look(damaged.problem, data={str(path)})
    damaged.close()

    save_location(Location.parse("postgresql://office@127.0.0.1:1/northwind?sslmode=require"))
    unreachable = start(sessions, language)
    assert isinstance(unreachable.problem, StartProblemDialog)
    # The system's words for the refusal: the C library keeps the language it first gave them in for
    # as long as the process lives, which may be Polish from a test before.
    refused = os.strerror(errno.ECONNREFUSED)
    look(unreachable.problem, data={"office@127.0.0.1:1/northwind", "127.0.0.1", "northwind", refused})


def test_the_language_menu_names_both_languages_and_says_when_the_choice_applies(qtbot, demo, look):
    window = demo.window
    assert isinstance(window, SettingsWindow)
    menu = window.language_menu
    assert menu.title() == "&Język / Language"
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "Jak w systemie / System language",
        "Polski",
        "English",
    ]
    menu.actions_by_choice[look.said("en", "pl")].trigger()
    assert menu.message is not None and menu.message.isVisible()
    assert look.said("Program będzie po angielsku", "smtpdesk will be in Polish") in menu.message.text()
    look(menu.message)
    menu.message.close()


def test_the_sign_in_the_agents_window_the_lock_and_the_event_log_are_english(
    qtbot, sessions, english_catalogue
):
    from smtpdesk.demo.accounts import PEOPLE, DemoPerson
    from smtpdesk.ui.people.admin_tools import people_admin
    from smtpdesk.ui.people.my_mail_window import MyMailWindow
    from tests.fixtures.people import sign_in

    def person(first_name: str) -> DemoPerson:
        return next(p for p in PEOPLE if p.first_name == first_name)

    session = start(sessions, "en", "--demo")
    assert session.demo is not None
    sign_ins = {p.sign_in_password for p in PEOPLE}
    data = user_data(session.demo.store) | sign_ins | {p.email for p in PEOPLE}
    way_in = session.gate.dialog
    assert way_in is not None and way_in.windowTitle() == "Sign in — smtpdesk"
    assert_english(way_in, data=data)

    anna = person("Anna")
    window = sign_in(qtbot, session, anna.email, anna.sign_in_password)
    assert (
        isinstance(window, MyMailWindow)
        and window.windowTitle() == f"My mail — {anna.first_name} {anna.last_name}"
    )
    data |= demo_data(session)
    test = window.send_test()
    assert test is not None
    qtbot.waitUntil(lambda: test.run_result is not None, timeout=WAIT_MS)
    assert_english(window, test, data=data)
    if os.environ.get("SMTPDESK_SHOTS"):
        window.grab().save(os.path.join(os.environ["SMTPDESK_SHOTS"], "my-mail-en.png"))
    test.close()

    gate = session.gate
    change = gate.change_password(window)
    assert change is not None
    assert_english(change, data=data)
    change.reject()
    gate.lock()
    assert gate.lock_screen is not None
    assert_english(gate.lock_screen, data=data)
    gate.lock_screen.password_edit.setText(anna.sign_in_password)
    gate.lock_screen.submit()
    window.session.sign_out_action.trigger()

    manager = person("Katarzyna")
    admin = sign_in(qtbot, session, manager.email, manager.sign_in_password)
    assert isinstance(admin, SettingsWindow)
    log = people_admin(admin).show_audit()
    assert log.windowTitle() == "Event log"
    assert_english(log, data=data)
