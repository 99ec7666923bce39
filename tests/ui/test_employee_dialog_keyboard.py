"""Enter in "Edycja pracownika" means "Zapisz", as a user expects: typed key by key, never the
destructive "Usuń hasło", and still after a test ran from the dialog; the whole dialog walked with
the keyboard, and Escape asking about unsaved changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from smtpdesk.core.model import Employee, employee_account
from smtpdesk.ui.employee_dialog import EmployeeDialog
from smtpdesk.ui.mailtest.buttons import buttons_of
from tests.fixtures.keyboard import accessible_name, describe, walk_window
from tests.fixtures.typing import type_text

WAIT_MS = 5000
PASSWORD = "Stare-Hasło-1"


def saved_employee(store, secrets, smtp_server) -> tuple[Employee, object]:
    server = smtp_server()
    employee = store.save_employee(
        Employee(first_name="Anna", last_name="Łęcka", email=server.login, smtp=server.account())
    )
    assert employee.id is not None
    secrets.set(employee_account(employee.id), server.password)
    return employee, server


def open_dialog(qtbot, store, secrets, employee: Employee) -> EmployeeDialog:
    dialog = EmployeeDialog(store, secrets, employee)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def type_and_press_enter(qtbot, dialog: EmployeeDialog, text: str) -> None:
    edit = dialog.first_name_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_enter_in_a_field_saves_and_keeps_the_stored_password(qtbot, store, secrets, smtp_server):
    employee, server = saved_employee(store, secrets, smtp_server)
    dialog = open_dialog(qtbot, store, secrets, employee)
    assert dialog.smtp_section.password_field.remove_button.isVisible()

    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        type_and_press_enter(qtbot, dialog, "Joanna")

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert store.get_employee(employee.id).first_name == "Joanna"
    assert secrets.get(employee_account(employee.id)) == server.password


def test_no_destructive_button_is_ever_a_default(qtbot, store, secrets, smtp_server):
    employee, _server = saved_employee(store, secrets, smtp_server)
    dialog = open_dialog(qtbot, store, secrets, employee)
    remove = dialog.smtp_section.password_field.remove_button
    remove.setFocus()  # focus on an auto-default button would make it the default
    assert not remove.autoDefault() and not remove.isDefault()
    defaults = [b.text() for b in dialog.findChildren(QPushButton) if b.isDefault()]
    assert defaults == ["&Zapisz"]


def test_enter_still_saves_after_a_test_ran_in_the_dialog(qtbot, store, secrets, smtp_server):
    employee, server = saved_employee(store, secrets, smtp_server)
    dialog = open_dialog(qtbot, store, secrets, employee)
    buttons = buttons_of(dialog.smtp_section)
    assert buttons is not None
    qtbot.mouseClick(buttons.login_button, Qt.MouseButton.LeftButton)
    test_window = buttons.dialog
    assert test_window is not None
    qtbot.waitUntil(lambda: test_window.run_result is not None, timeout=WAIT_MS)
    assert test_window.run_result is not None and test_window.run_result.ok
    qtbot.keyClick(test_window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not test_window.isVisible(), timeout=WAIT_MS)
    dialog.activateWindow()
    QApplication.processEvents()

    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        type_and_press_enter(qtbot, dialog, "Joanna")

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert store.get_employee(employee.id).first_name == "Joanna"
    assert secrets.get(employee_account(employee.id)) == server.password


def test_the_dialog_is_walked_with_the_keyboard(qtbot, store, secrets, smtp_server):
    import smtpdesk.ui.oauth.install  # noqa: F401  (the sign-in tools, as in the program)

    employee, _server = saved_employee(store, secrets, smtp_server)
    dialog = open_dialog(qtbot, store, secrets, employee)
    walk = walk_window(qtbot, dialog, main=dialog.save_button)
    assert walk.problems() == []
    assert walk.mnemonics_pressed == ["Imię:", "Nazwisko:", "E-mail:", "Telefon:", "Rola:"]
    section = dialog.smtp_section
    reached = describe(walk.cycle)
    assert reached[:5] == [
        "QLineEdit('Imię')",
        "QLineEdit('Nazwisko')",
        "QLineEdit('E-mail')",
        "QLineEdit('Telefon')",
        f"QComboBox({accessible_name(dialog.role_combo)!r})",
    ]
    assert walk.cycle[-2:] == [dialog.save_button, dialog.cancel_button]
    assert section.password_field.remove_button in walk.cycle


def test_escape_asks_about_changes_and_enter_there_saves(qtbot, store, secrets, smtp_server):
    employee, server = saved_employee(store, secrets, smtp_server)
    dialog = open_dialog(qtbot, store, secrets, employee)
    dialog.last_name_edit.setFocus()
    dialog.last_name_edit.selectAll()
    type_text(qtbot, dialog.last_name_edit, "Żak")

    qtbot.keyClick(dialog.last_name_edit, Qt.Key.Key_Escape)
    box = dialog.unsaved_box
    assert box is not None
    qtbot.waitExposed(box)
    walk = walk_window(qtbot, box, main=box.save_button)
    assert walk.problems() == []
    qtbot.keyClick(box.focusWidget() or box, Qt.Key.Key_Escape)  # "Anuluj": back to the form
    qtbot.waitUntil(lambda: dialog.unsaved_box is None, timeout=WAIT_MS)
    assert dialog.isVisible()

    qtbot.keyClick(dialog.last_name_edit, Qt.Key.Key_Escape)
    box = dialog.unsaved_box
    assert box is not None
    qtbot.waitExposed(box)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(box.focusWidget() or box, Qt.Key.Key_Return)
    assert store.get_employee(employee.id).last_name == "Żak"
    assert secrets.get(employee_account(employee.id)) == server.password
