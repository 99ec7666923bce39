"""Starting the real entry point in-process: options, the settings file, first start, demo mode,
language and the crash dialog."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from shiboken6 import isValid

from smtpdesk import paths
from smtpdesk.core import i18n
from smtpdesk.core.model import Company, OfficeSettings
from smtpdesk.core.people.accounts import People
from smtpdesk.core.store import Store
from smtpdesk.ui.application import GuiSession, run_gui, start_gui
from smtpdesk.ui.crash_dialog import CrashReporter
from smtpdesk.ui.first_run import FirstRunDialog
from smtpdesk.ui.people.create_admin_dialog import CreateAdminDialog
from smtpdesk.ui.people.sign_in_dialog import SignInDialog
from smtpdesk.ui.settings_window import SettingsWindow
from tests.fixtures.people import ADMIN_EMAIL, ADMIN_PASSWORD, enter_as_admin, sign_in

WAIT_MS = 5000


@pytest.fixture
def sessions(qapp) -> Iterator[list[GuiSession]]:
    """Sessions started by a test, closed afterwards however the test ended."""
    started: list[GuiSession] = []
    yield started
    for session in started:
        session.close()


def start(sessions: list[GuiSession], *argv: str) -> GuiSession:
    session = start_gui(list(argv))
    sessions.append(session)
    return session


def configure(directory: Path, name: str = "Biuro Żółć") -> None:
    """Settings saved and an administrator who can sign in."""
    with Store.open(directory) as store:
        store.save_settings(OfficeSettings(company=Company(name=name)))
        People(store).create_administrator("Katarzyna", "Nowicka", ADMIN_EMAIL, ADMIN_PASSWORD)


def start_in(qtbot, sessions: list[GuiSession], *argv: str) -> GuiSession:
    """Starts and signs in as the administrator (creating them on a new office)."""
    session = start(sessions, *argv)
    enter_as_admin(qtbot, session)
    return session


def test_the_window_opens_on_the_given_data_dir(qtbot, sessions, tmp_path):
    directory = tmp_path / "biuro"
    configure(directory)
    session = start(sessions, "--data-dir", str(directory))
    assert session.window is None  # nothing is shown before the sign-in
    assert isinstance(session.gate.dialog, SignInDialog)
    window = sign_in(qtbot, session, ADMIN_EMAIL, ADMIN_PASSWORD)
    assert isinstance(window, SettingsWindow)
    assert window.isVisible()
    assert window.windowTitle() == "Ustawienia firmy[*]"
    assert window.company_page.name_edit.text() == "Biuro Żółć"
    assert session.store is not None and session.store.path == paths.database_path(directory)


def test_without_data_dir_the_environment_variable_decides(sessions, data_dir):
    session = start(sessions)
    assert session.store is not None and session.store.path == paths.database_path(data_dir)


def test_what_one_start_saves_the_next_start_shows(qtbot, sessions, tmp_path):
    directory = tmp_path / "biuro"
    first = start_in(qtbot, sessions, "--data-dir", str(directory))
    assert first.window is not None
    first.window.company_page.name_edit.setText("Biuro Nieruchomości Łódź")
    first.window.other_settings_page.smtp_section.host_edit.setText("smtp.biuro.pl")
    assert first.window.save()
    first.close()

    second = start_in(qtbot, sessions, "--data-dir", str(directory))
    assert second.window is not None
    assert second.window.company_page.name_edit.text() == "Biuro Nieruchomości Łódź"
    assert second.window.other_settings_page.smtp_section.host_edit.text() == "smtp.biuro.pl"


def test_closing_the_session_closes_the_window_and_the_settings_file(qtbot, sessions, tmp_path):
    session = start_in(qtbot, sessions, "--data-dir", str(tmp_path / "biuro"))
    window, store = session.window, session.store
    assert window is not None and store is not None
    window.company_page.name_edit.setText("niezapisane")
    session.close()
    assert not window.isVisible()
    with pytest.raises(Exception, match="zamknięta"):
        store.load_settings()


def test_closing_the_session_closes_the_ways_back_from_a_damaged_file(qtbot, sessions, tmp_path):
    directory = tmp_path / "biuro"
    configure(directory)
    path = paths.database_path(directory)
    path.write_bytes(path.read_bytes()[:1024])  # truncated
    session = start(sessions, "--data-dir", str(directory))
    dialog = session.problem
    assert dialog is not None and dialog.isVisible()
    session.close()  # no window holds the dialog: the session closes it
    assert session.problem is None and not dialog.isVisible()
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=5000)  # and it goes


def test_an_unconfigured_start_offers_setup_or_demo_without_blocking(qtbot, sessions, tmp_path):
    session = start(sessions, "--data-dir", str(tmp_path / "nowe"))
    welcome = session.gate.dialog
    assert isinstance(welcome, FirstRunDialog) and welcome.isVisible()
    assert session.window is None
    qtbot.mouseClick(welcome.setup_button, Qt.MouseButton.LeftButton)
    create = session.gate.dialog
    assert isinstance(create, CreateAdminDialog) and create.isVisible()
    assert not welcome.isVisible()
    window = enter_as_admin(qtbot, session)
    assert window.tabs.currentWidget() is window.page_tab(window.company_page)
    [admin] = session.store.list_employees()
    assert admin.full_name == "Katarzyna Nowicka" and admin.role.value == "admin"


def test_choosing_the_demo_on_first_start_switches_to_the_demo_agency(qtbot, sessions, tmp_path):
    session = start(sessions, "--data-dir", str(tmp_path / "nowe"))
    welcome = session.gate.dialog
    assert isinstance(welcome, FirstRunDialog)
    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.demo is not None, timeout=WAIT_MS)
    assert isinstance(session.gate.dialog, SignInDialog) and session.gate.dialog.demo
    window = sign_in(qtbot, session, "biuro@poddebem.test", "Demo-Admin-1")
    assert window.isVisible()
    assert window.employees_page.model.rowCount() > 0
    demo = session.demo
    assert demo is not None
    session.close()
    assert demo.stopped and not demo.data_dir.exists()


def test_demo_mode_runs_on_a_throw_away_agency_and_cleans_up(qtbot, sessions, tmp_path):
    directory = tmp_path / "biuro"
    session = start(sessions, "--demo", "--data-dir", str(directory))
    sign_in(qtbot, session, "biuro@poddebem.test", "Demo-Admin-1")
    demo, window = session.demo, session.window
    assert demo is not None and window is not None
    assert session.store is demo.store and session.secrets is demo.secrets
    assert "demoInboxAction" in [action.objectName() for action in window.tools_menu.actions()]
    assert not paths.database_path(directory).exists()  # the real settings were never touched
    window.close()  # the user closes the window: the demo stops with it
    qtbot.waitUntil(lambda: demo.stopped, timeout=WAIT_MS)
    assert not demo.data_dir.exists()


def test_demo_if_unconfigured_starts_the_demo_only_on_an_empty_data_dir(qtbot, sessions, tmp_path):
    empty = start(sessions, "--demo-if-unconfigured", "--data-dir", str(tmp_path / "nowe"))
    assert empty.demo is not None
    empty.close()

    directory = tmp_path / "biuro"
    configure(directory)
    configured = start_in(qtbot, sessions, "--demo-if-unconfigured", "--data-dir", str(directory))
    assert configured.demo is None
    assert configured.window is not None
    assert configured.window.company_page.name_edit.text() == "Biuro Żółć"


def test_english_is_chosen_with_lang_and_polish_is_the_default(qtbot, sessions, tmp_path):
    configure(tmp_path / "biuro")
    session = start(sessions, "--lang", "en", "--data-dir", str(tmp_path / "biuro"))
    assert i18n.language() == "en"
    session.close()
    polish = start_in(qtbot, sessions, "--data-dir", str(tmp_path / "biuro"))
    assert i18n.language() == "pl"
    assert polish.window is not None and polish.window.windowTitle() == "Ustawienia firmy[*]"


def test_an_unknown_option_is_refused(sessions, capsys):
    with pytest.raises(SystemExit) as exited:
        start(sessions, "--no-such-option")
    assert exited.value.code == 2
    assert "--no-such-option" in capsys.readouterr().err


def test_a_settings_file_that_cannot_be_opened_is_explained(qtbot, sessions, tmp_path):
    blocked = tmp_path / "plik"
    blocked.write_text("nie folder", encoding="utf-8")
    session = start(sessions, "--data-dir", str(blocked))
    assert session.window is None
    box = session.error_box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Nie można otworzyć ustawień"
    box.accept()


def test_run_gui_without_the_event_loop_starts_and_closes(qtbot, tmp_path):
    configure(tmp_path / "biuro")
    assert run_gui(["--data-dir", str(tmp_path / "biuro")], exec_loop=False) == 0
    windows = [
        w for w in QGuiApplication.topLevelWindows() if w.isVisible() and w.title() == "Ustawienia firmy"
    ]
    assert windows == []


def test_run_gui_reports_failure_when_the_settings_cannot_open(qtbot, tmp_path):
    blocked = tmp_path / "plik"
    blocked.write_text("", encoding="utf-8")
    assert run_gui(["--data-dir", str(blocked)], exec_loop=False) == 1


# --- crashes --------------------------------------------------------------------------------------


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_shows_the_crash_dialog_with_the_traceback(qtbot, capsys):
    previous = sys.excepthook
    reporter = CrashReporter()
    reporter.install()
    try:
        with qtbot.waitSignal(reporter.dialog_shown, timeout=WAIT_MS) as shown:
            QTimer.singleShot(0, lambda: 1 / 0)
        dialog = shown.args[0]
        qtbot.addWidget(dialog)
        assert dialog.isVisible() and not dialog.isModal()
        assert dialog.windowTitle() == "Błąd programu"
        assert "ZeroDivisionError" in dialog.report()
        assert "smtpdesk" in dialog.report().splitlines()[0]
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        assert dialog.copy_button.text() == "Skopiowano"
        assert QGuiApplication.clipboard().text() == dialog.report()
        # The previous hook still ran: the traceback also went to stderr.
        assert "ZeroDivisionError" in capsys.readouterr().err
    finally:
        reporter.uninstall()
    assert sys.excepthook is previous


@pytest.mark.qt_no_exception_capture
def test_a_closed_crash_dialog_is_forgotten_and_deleted(qtbot, capsys):
    reporter = CrashReporter()
    reporter.install()
    try:
        shown = []
        reporter.dialog_shown.connect(shown.append)
        QTimer.singleShot(0, lambda: 1 / 0)
        QTimer.singleShot(0, lambda: [][1])
        qtbot.waitUntil(lambda: len(shown) == 2, timeout=WAIT_MS)
        first, second = shown
        qtbot.addWidget(second)
        assert reporter.dialogs == [first, second]
        qtbot.mouseClick(first.close_button, Qt.MouseButton.LeftButton)
        assert reporter.dialogs == [second]
        qtbot.waitUntil(lambda: not isValid(first), timeout=WAIT_MS)
        assert "IndexError" in second.report()
        capsys.readouterr()
    finally:
        reporter.uninstall()


def test_start_gui_chains_to_the_hook_it_found_and_restores_it(sessions, tmp_path):
    before = sys.excepthook
    session = start(sessions, "--data-dir", str(tmp_path / "biuro"))
    assert sys.excepthook is not before
    session.close()
    assert sys.excepthook is before
    assert QCoreApplication.instance() is not None  # the test's application keeps running


def test_a_settings_file_from_a_newer_version_is_explained_and_left_alone(qtbot, sessions, tmp_path):
    import sqlite3

    directory = tmp_path / "biuro"
    directory.mkdir()
    database = paths.database_path(directory)
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA user_version = 999")
    connection.close()
    before = database.read_bytes()
    session = start(sessions, "--data-dir", str(directory))
    assert session.window is None
    box = session.error_box
    assert box is not None and box.isVisible()
    assert str(database) in box.text()
    assert database.read_bytes() == before
    box.accept()


def test_lang_en_loads_the_english_translation_and_closing_unloads_it(qtbot, sessions, tmp_path, monkeypatch):
    import subprocess

    import PySide6

    from smtpdesk.ui import translations

    source = tmp_path / "smtpdesk_en.ts"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="en">'
        "<context><name>SettingsWindow</name><message><source>Ustawienia firmy</source>"
        "<translation>Company settings</translation></message></context></TS>",
        encoding="utf-8",
    )
    compiled = tmp_path / "smtpdesk_en.qm"
    lrelease = Path(PySide6.__file__).parent / "lrelease"
    subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(compiled)], check=True, timeout=60)
    monkeypatch.setattr(translations, "translation_file", lambda lang: str(compiled))

    english = start_in(qtbot, sessions, "--lang", "en", "--data-dir", str(tmp_path / "biuro"))
    assert english.window is not None and english.window.windowTitle() == "Company settings[*]"
    english.close()
    polish = start_in(qtbot, sessions, "--data-dir", str(tmp_path / "biuro"))
    assert polish.window is not None and polish.window.windowTitle() == "Ustawienia firmy[*]"
