"""The way in and the people's windows with the keyboard only: Tab reaches every control in
reading order, every control has a name for screen readers, mnemonics are unique, and Enter is
each window's main action — never "Zamknij program", "Wyloguj" or closing the only view of a
temporary password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from smtpdesk.ui.people.admin_tools import EmployeePassword, people_admin
from tests.fixtures.keyboard import walk_window
from tests.fixtures.people import ADMIN_EMAIL, ADMIN_PASSWORD, AGENT_EMAIL, AGENT_PASSWORD, WAIT_MS, sign_in
from tests.ui.people.conftest import start


def test_the_sign_in_the_agents_window_and_its_dialogs_are_walked_with_the_keyboard(
    qtbot, sessions, office, clock
):
    session = start(sessions, office, clock)
    way_in = session.gate.dialog
    qtbot.waitExposed(way_in)
    assert walk_window(qtbot, way_in, main=way_in.sign_in_button).problems() == []
    qtbot.keyClicks(way_in.email_edit, AGENT_EMAIL)
    qtbot.keyClicks(way_in.password_edit, AGENT_PASSWORD)
    qtbot.keyClick(way_in.password_edit, Qt.Key.Key_Return)  # Enter signs in
    qtbot.waitUntil(lambda: session.window is not None, timeout=WAIT_MS)
    window = session.window
    qtbot.waitExposed(window)
    assert walk_window(qtbot, window, main=window.send_button).problems() == []

    change = session.gate.change_password(window)
    assert change is not None
    qtbot.waitExposed(change)
    assert walk_window(qtbot, change, main=change.change_button).problems() == []
    change.reject()

    session.gate.lock()
    screen = session.gate.lock_screen
    assert screen is not None
    qtbot.waitExposed(screen)
    assert walk_window(qtbot, screen, main=screen.unlock_button).problems() == []
    qtbot.keyClicks(screen.password_edit, AGENT_PASSWORD)
    qtbot.keyClick(screen.password_edit, Qt.Key.Key_Return)  # Enter unlocks, never signs out
    assert session.gate.lock_screen is None and session.window is window and window.isVisible()


def test_the_event_log_and_a_password_reset_are_walked_with_the_keyboard(qtbot, sessions, office, clock):
    session = start(sessions, office, clock)
    window = sign_in(qtbot, session, ADMIN_EMAIL, ADMIN_PASSWORD)
    log = people_admin(window).show_audit()
    qtbot.waitExposed(log)
    assert walk_window(qtbot, log).problems() == []  # Enter in a filter presses no button

    page = window.employees_page
    window.show_page(page)
    page.select_employee(office.staff.agent.id)
    dialog = page.edit_selected()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    # The application password's row is walked where it shows, under "Rola".
    assert walk_window(qtbot, dialog, main=dialog.save_button).problems() == []
    row = dialog.findChild(EmployeePassword)
    assert row is not None
    shown = row.reset()
    assert shown is not None
    qtbot.waitExposed(shown)
    assert walk_window(qtbot, shown, main=shown.copy_button).problems() == []
    qtbot.keyClick(shown, Qt.Key.Key_Return)  # Enter copies: closing would lose the password for good
    assert shown.isVisible()
    assert QGuiApplication.clipboard().text() == shown.password_edit.text()
