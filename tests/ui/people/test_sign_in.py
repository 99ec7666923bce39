"""The way in, as people use it: the sign-in typed key by key, wrong passwords, the lockout and
its survival across a restart (the clock moved, never slept), a required change, signing out and
the idle lock."""

from __future__ import annotations

import json
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from smtpdesk.core.model import Giodo
from smtpdesk.core.people.accounts import MAX_FAILURES
from smtpdesk.core.store import Store
from smtpdesk.ui.draft import DRAFT_FILE_NAME
from smtpdesk.ui.people.change_password_dialog import ChangePasswordDialog
from smtpdesk.ui.people.lock_screen import LockScreen
from smtpdesk.ui.people.my_mail_window import MyMailWindow
from smtpdesk.ui.people.sign_in_dialog import SignInDialog
from smtpdesk.ui.settings_window import SettingsWindow
from tests.fixtures.people import ADMIN_EMAIL, ADMIN_PASSWORD, AGENT_EMAIL, AGENT_PASSWORD, WAIT_MS
from tests.ui.people.conftest import start


def type_sign_in(qtbot, dialog: SignInDialog, email: str, password: str) -> None:
    dialog.email_edit.clear()
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.email_edit, email)
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def test_nothing_opens_before_the_sign_in_and_the_administrator_gets_company_settings(
    qtbot, sessions, office, clock
):
    session = start(sessions, office, clock)
    dialog = session.gate.dialog
    assert isinstance(dialog, SignInDialog) and dialog.isVisible()
    assert session.window is None
    assert dialog.windowTitle() == "Logowanie — smtpdesk"
    assert "Biuro Pod Lipą" in " ".join(label.text() for label in dialog.findChildren(type(dialog.message)))

    type_sign_in(qtbot, dialog, ADMIN_EMAIL, ADMIN_PASSWORD)

    qtbot.waitUntil(lambda: session.window is not None, timeout=WAIT_MS)
    window = session.window
    assert isinstance(window, SettingsWindow) and window.isVisible()
    assert session.store.actor.person_id == office.staff.admin.id
    assert "Katarzyna Nowicka <katarzyna@biuro.test>" in session.store.actor.label()


def test_a_wrong_password_says_so_and_keeps_the_address(qtbot, sessions, office, clock):
    session = start(sessions, office, clock)
    dialog = session.gate.dialog
    type_sign_in(qtbot, dialog, AGENT_EMAIL, "Zle-Haslo-1")
    assert dialog.isVisible() and session.window is None
    assert dialog.message.isVisible()
    assert dialog.message.text() == "Nieprawidłowy e-mail lub hasło."
    assert dialog.email_edit.text() == AGENT_EMAIL and dialog.password_edit.text() == ""
    qtbot.keyClicks(dialog.password_edit, "x")
    assert not dialog.message.isVisible()  # typing again hides the old message


def test_five_failures_lock_the_account_with_a_message_until_when_and_a_restart_keeps_it(
    qtbot, sessions, office, clock
):
    session = start(sessions, office, clock)
    dialog = session.gate.dialog
    for attempt in range(MAX_FAILURES):
        type_sign_in(qtbot, dialog, AGENT_EMAIL, f"Zle-Haslo-{attempt}")
    until = (clock.now.astimezone().replace(second=0, microsecond=0)).strftime("%H:%M")
    assert "Pięć nieudanych prób logowania z rzędu" in dialog.message.text()
    assert "jeszcze 5 min" in dialog.message.text()
    assert dialog.message.text().count(":") >= 2  # "do HH:MM"
    assert until[:2] in dialog.message.text()
    session.close()

    again = start(sessions, office, clock)  # the program started anew
    dialog = again.gate.dialog
    clock.advance(minutes=2)
    type_sign_in(qtbot, dialog, AGENT_EMAIL, AGENT_PASSWORD)
    assert again.window is None
    assert "zablokowane do" in dialog.message.text() and "jeszcze 3 min" in dialog.message.text()
    clock.advance(minutes=3)
    type_sign_in(qtbot, dialog, AGENT_EMAIL, AGENT_PASSWORD)
    qtbot.waitUntil(lambda: again.window is not None, timeout=WAIT_MS)
    assert isinstance(again.window, MyMailWindow)


def test_a_password_older_than_the_office_allows_must_be_changed_before_anything_opens(
    qtbot, sessions, office, clock
):
    with Store.open(office.data_dir) as store:
        settings = store.load_settings()
        store.save_settings(replace(settings, giodo=Giodo(password_change_days=30)))
    clock.advance(days=31)
    session = start(sessions, office, clock)
    type_sign_in(qtbot, session.gate.dialog, AGENT_EMAIL, AGENT_PASSWORD)
    change = session.gate.dialog
    assert isinstance(change, ChangePasswordDialog) and change.isVisible()
    assert session.window is None  # nothing else before the change
    assert change.reason.text().startswith(
        "Twoje hasło ma już 31 dni, a w biurze obowiązuje zmiana hasła co 30"
    )
    assert change.cancel_button.text() == "Wyloguj"

    qtbot.keyClicks(change.password.new_edit, AGENT_PASSWORD)
    qtbot.keyClicks(change.password.repeat_edit, AGENT_PASSWORD)
    qtbot.mouseClick(change.change_button, Qt.MouseButton.LeftButton)
    assert change.isVisible()  # the same password again is refused
    assert change.errors.message(change.password.new_edit) == "Nowe hasło musi być inne niż obecne."

    for edit in (change.password.new_edit, change.password.repeat_edit):
        edit.clear()
        qtbot.keyClicks(edit, "Zimowe-Sosny-77")
    qtbot.mouseClick(change.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.window is not None, timeout=WAIT_MS)
    assert isinstance(session.window, MyMailWindow)
    assert office.people().sign_in(AGENT_EMAIL, "Zimowe-Sosny-77").ok


def test_refusing_the_required_change_signs_out(qtbot, sessions, office, clock):
    temporary = office.people().reset_password(office.staff.agent, by=office.staff.admin)
    session = start(sessions, office, clock)
    type_sign_in(qtbot, session.gate.dialog, AGENT_EMAIL, temporary)
    change = session.gate.dialog
    assert isinstance(change, ChangePasswordDialog)
    assert "hasło tymczasowe" in change.reason.text()
    qtbot.keyClick(change, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: isinstance(session.gate.dialog, SignInDialog), timeout=WAIT_MS)
    assert session.window is None


def test_signing_out_shows_the_sign_in_and_another_person_signs_in(qtbot, sessions, office, clock):
    session = start(sessions, office, clock)
    type_sign_in(qtbot, session.gate.dialog, ADMIN_EMAIL, ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: session.window is not None, timeout=WAIT_MS)
    admin_window = session.window
    sign_out = next(a for a in admin_window.file_menu.actions() if a.objectName() == "sign_out_action")
    assert sign_out.shortcut().toString() == "Ctrl+Shift+L"
    assert sign_out.text() == "&Wyloguj / zmień użytkownika"
    sign_out.trigger()
    qtbot.waitUntil(lambda: session.window is None, timeout=WAIT_MS)
    dialog = session.gate.dialog
    assert isinstance(dialog, SignInDialog) and dialog.isVisible()
    type_sign_in(qtbot, dialog, AGENT_EMAIL, AGENT_PASSWORD)
    qtbot.waitUntil(lambda: session.window is not None, timeout=WAIT_MS)
    assert isinstance(session.window, MyMailWindow)
    assert session.store.actor.person_id == office.staff.agent.id


def test_signing_out_with_unsaved_edits_asks_first(qtbot, sessions, office, clock):
    session = start(sessions, office, clock)
    type_sign_in(qtbot, session.gate.dialog, ADMIN_EMAIL, ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: session.window is not None, timeout=WAIT_MS)
    window = session.window
    window.company_page.name_edit.setText("Biuro Nowe")
    sign_out = next(a for a in window.file_menu.actions() if a.objectName() == "sign_out_action")
    sign_out.trigger()
    boxes = [
        w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() == "Niezapisane zmiany"
    ]
    assert len(boxes) == 1 and session.window is window  # nothing lost yet
    boxes[0].save_button.click()
    qtbot.waitUntil(lambda: session.window is None, timeout=WAIT_MS)
    assert office.people().store.load_settings().company.name == "Biuro Nowe"


def test_after_the_idle_time_the_windows_hide_until_the_password_is_typed_again(
    qtbot, sessions, office, clock
):
    session = start(sessions, office, clock)
    type_sign_in(qtbot, session.gate.dialog, AGENT_EMAIL, AGENT_PASSWORD)
    qtbot.waitUntil(lambda: session.window is not None, timeout=WAIT_MS)
    window = session.window
    dialog = window.send_test()
    assert dialog is not None and dialog.isVisible()
    gate = session.gate
    assert gate.idle.minutes == 15

    clock.advance(minutes=14)
    qtbot.keyClick(window, Qt.Key.Key_Shift)  # someone at the desk
    clock.advance(minutes=14)
    assert not gate.idle.check()
    assert window.isVisible()

    clock.advance(minutes=1, seconds=1)
    assert gate.idle.check()
    screen = gate.lock_screen
    assert isinstance(screen, LockScreen) and screen.isVisible()
    assert not window.isVisible() and not dialog.isVisible()  # what it showed is hidden
    assert "Po 15 min bezczynności" in " ".join(
        label.text() for label in screen.findChildren(type(screen.message))
    )

    qtbot.keyClicks(screen.password_edit, "Zle-Haslo-1")
    qtbot.keyClick(screen.password_edit, Qt.Key.Key_Return)
    assert screen.message.text() == "Nieprawidłowy e-mail lub hasło."
    assert not window.isVisible()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)  # Escape does not unlock
    assert screen.isVisible()
    qtbot.keyClicks(screen.password_edit, AGENT_PASSWORD)
    qtbot.keyClick(screen.password_edit, Qt.Key.Key_Return)
    assert window.isVisible() and dialog.isVisible()
    assert gate.lock_screen is None


def test_the_idle_limit_follows_the_office_setting_and_zero_never_locks(qtbot, sessions, office, clock):
    session = start(sessions, office, clock)
    type_sign_in(qtbot, session.gate.dialog, ADMIN_EMAIL, ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: session.window is not None, timeout=WAIT_MS)
    window = session.window
    page = window.other_settings_page
    page.idle_minutes_spin.setValue(0)
    assert window.save()
    clock.advance(days=1)
    assert not session.gate.idle.check()
    page.idle_minutes_spin.setValue(5)
    assert window.save()
    clock.advance(minutes=5)
    assert session.gate.idle.check() and session.gate.locked


def test_ended_from_outside_while_locked_the_hidden_dialog_is_kept_in_the_draft(
    qtbot, sessions, office, clock
):
    session = start(sessions, office, clock)
    type_sign_in(qtbot, session.gate.dialog, ADMIN_EMAIL, ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: session.window is not None, timeout=WAIT_MS)
    page = session.window.employees_page
    session.window.show_page(page)
    page.select_employee(office.staff.agent.id)
    dialog = page.edit_selected()
    assert dialog is not None
    dialog.phone_edit.setText("+48 601 222 333")  # not saved
    clock.advance(minutes=16)
    assert session.gate.idle.check()
    assert not dialog.isVisible()  # the lock hides it, the input is still there

    session.quit_now()

    kept = json.loads((office.data_dir / DRAFT_FILE_NAME).read_text(encoding="utf-8"))
    [employee] = kept["dialogs"]
    assert employee["fields"]["phone"] == "+48 601 222 333"
    assert employee["about"]["employee"] == office.staff.agent.id
