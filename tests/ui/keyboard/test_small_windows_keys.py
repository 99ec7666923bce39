"""The smaller windows with the keyboard only: "O programie", the crash report, the welcome, the
doctor, the demo inbox and its command line, and the questions about unsaved changes, a draft and
removing an employee."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from smtpdesk.core.model import Employee, employee_account
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store
from smtpdesk.demo.accounts import COMPANY_MAILBOX
from smtpdesk.demo.server import DemoServer
from smtpdesk.ui.about_dialog import AboutDialog
from smtpdesk.ui.crash_dialog import CrashDialog
from smtpdesk.ui.demo_cli import DemoCliDialog
from smtpdesk.ui.demo_inbox import DemoInbox
from smtpdesk.ui.doctor_view import DoctorDialog
from smtpdesk.ui.first_run import FirstRunDialog
from smtpdesk.ui.settings_window import SettingsWindow
from smtpdesk.ui.widgets.unsaved_changes import Choice, UnsavedChangesBox
from tests.fixtures.keyboard import accessible_name, walk_window
from tests.fixtures.typing import type_text
from tests.ui.test_doctor_view import seed_broken

WAIT_MS = 5000


def test_about_is_walked_and_closed_by_escape(qtbot, show_window, tmp_path: Path, secrets) -> None:
    dialog = AboutDialog(tmp_path, secrets)
    show_window(dialog)
    walk = walk_window(qtbot, dialog, main=dialog.close_button)
    assert walk.problems() == []
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Escape)


def test_the_crash_report_is_reached_with_alt_s_and_enter_closes(qtbot, show_window) -> None:
    dialog = CrashDialog("Traceback (most recent call last):\n  ValueError: zły stan")
    show_window(dialog)
    walk = walk_window(qtbot, dialog, main=dialog.close_button)
    assert walk.problems() == []
    assert walk.mnemonics_pressed == ["Szczegóły:"]
    assert accessible_name(dialog.details) == "Szczegóły"
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog.details, Qt.Key.Key_Return)


@pytest.mark.parametrize(("key", "chosen"), [(Qt.Key.Key_Return, "setup_chosen"), (Qt.Key.Key_Escape, None)])
def test_the_welcome_answers_enter_with_the_setup(
    qtbot, show_window, key: Qt.Key, chosen: str | None
) -> None:
    dialog = FirstRunDialog()
    show_window(dialog)
    walk = walk_window(qtbot, dialog, main=dialog.setup_button)
    assert walk.problems() == []
    with qtbot.assertNotEmitted(dialog.demo_chosen), qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        if chosen is not None:
            with qtbot.waitSignal(getattr(dialog, chosen), timeout=WAIT_MS):
                qtbot.keyClick(dialog.demo_button, key)  # Enter on "demo" too: the main action
        else:
            qtbot.keyClick(dialog.demo_button, key)


def test_the_doctor_is_read_with_the_keyboard_and_enter_fixes_nothing(
    qtbot, show_window, store: Store, secrets: SecretStore
) -> None:
    seed_broken(store, secrets)
    dialog = DoctorDialog(store, secrets)
    show_window(dialog)
    fixes = [card.fix_button for card in dialog.cards() if card.fix_button is not None]
    assert fixes
    walk = walk_window(qtbot, dialog, main=dialog.close_button)
    assert walk.problems() == []
    before = store.load_settings()
    employees = store.list_employees()

    fixes[0].setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(fixes[0], Qt.Key.Key_Return)
    assert store.load_settings() == before and store.list_employees() == employees


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[DemoServer]:
    with DemoServer(tmp_path) as running:
        yield running


def test_the_demo_inbox_with_a_mail_is_walked(qtbot, show_window, demo_server: DemoServer) -> None:
    with smtplib.SMTP(demo_server.host, demo_server.port, timeout=5) as client:
        client.starttls(context=ssl.create_default_context(cafile=str(demo_server.ca_file)))
        client.login(COMPANY_MAILBOX.login, COMPANY_MAILBOX.password)
        client.sendmail(COMPANY_MAILBOX.login, ["klient@example.test"], b"Subject: Test\r\n\r\nTresc\r\n")
    inbox = DemoInbox(demo_server)
    show_window(inbox)
    qtbot.waitUntil(lambda: inbox.message_count() == 1, timeout=WAIT_MS)
    walk = walk_window(qtbot, inbox)
    assert walk.problems() == []
    assert accessible_name(inbox.list) == "Odebrane wiadomości"

    inbox.source_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(inbox.source_button, Qt.Key.Key_Space)  # the source instead of the mail
    walk = walk_window(qtbot, inbox)
    assert walk.problems() == []
    assert accessible_name(inbox.source) == "Źródło wiadomości"
    qtbot.keyClick(inbox.source, Qt.Key.Key_Escape)
    assert not inbox.isVisible()


def test_the_demo_command_line_is_walked(qtbot, show_window, demo_server: DemoServer) -> None:
    dialog = DemoCliDialog(demo_server)
    show_window(dialog)
    walk = walk_window(qtbot, dialog, main=dialog.close_button)
    assert walk.problems() == []
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)


@pytest.fixture
def window(qtbot, store: Store, secrets: SecretStore) -> Iterator[SettingsWindow]:
    opened = SettingsWindow(store, secrets)
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitExposed(opened)
    yield opened
    opened.discard_and_close()


def open_box(qtbot, window: QWidget, kind: type[QMessageBox]) -> QMessageBox:
    qtbot.waitUntil(lambda: any(box.isVisible() for box in window.findChildren(kind)), timeout=WAIT_MS)
    box = next(box for box in window.findChildren(kind) if box.isVisible())
    qtbot.waitExposed(box)
    return box


@pytest.mark.parametrize(("key", "saved"), [(Qt.Key.Key_Return, True), (Qt.Key.Key_Escape, False)])
def test_closing_with_unsaved_changes_asks_and_enter_saves(
    qtbot, window: SettingsWindow, store: Store, key: Qt.Key, saved: bool
) -> None:
    window.company_page.name_edit.setFocus()
    type_text(qtbot, window.company_page.name_edit, "Biuro Łąka")
    window.close()
    box = open_box(qtbot, window, UnsavedChangesBox)
    assert isinstance(box, UnsavedChangesBox)
    walk = walk_window(qtbot, box, main=box.save_button)
    assert walk.problems() == []

    with qtbot.waitSignal(box.finished, timeout=WAIT_MS):
        qtbot.keyClick(box.focusWidget() or box, key)
    assert (store.load_settings().company.name == "Biuro Łąka") is saved
    assert window.isVisible() is not saved  # saved: closed; Escape: back to the form


def test_the_unsaved_changes_question_never_discards_on_enter(qtbot, show_window) -> None:
    answers: list[Choice] = []
    parent = QWidget()
    show_window(parent)
    box = UnsavedChangesBox(parent, answers.append)
    box.open()
    qtbot.waitExposed(box)
    box.discard_button.setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(box.finished, timeout=WAIT_MS):
        qtbot.keyClick(box.discard_button, Qt.Key.Key_Return)
    assert answers == [Choice.SAVE]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Escape])
def test_removing_an_employee_is_answered_no_by_enter_and_escape(
    qtbot, window: SettingsWindow, store: Store, secrets: SecretStore, key: Qt.Key
) -> None:
    anna = store.save_employee(Employee(first_name="Anna", last_name="Łęcka", email="anna@laka.test"))
    assert anna.id is not None
    secrets.set(employee_account(anna.id), "Hasło-Anny-1")
    page = window.employees_page
    page.load(window.settings)
    window.show_page(page)
    page.select_employee(anna.id)
    page.remove_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(page.remove_button, Qt.Key.Key_Space)
    box = page.confirm_box
    assert isinstance(box, QMessageBox)
    qtbot.waitExposed(box)
    walk = walk_window(qtbot, box, main=box.defaultButton())
    assert walk.problems() == []
    assert box.defaultButton().text() == "Anuluj"

    with qtbot.waitSignal(box.finished, timeout=WAIT_MS):
        qtbot.keyClick(box.focusWidget() or box, key)
    assert store.list_employees() == [anna]
    assert secrets.get(employee_account(anna.id)) == "Hasło-Anny-1"
