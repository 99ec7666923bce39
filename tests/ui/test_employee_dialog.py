"""The employee dialog: the fields, validation next to each field, storing at once on "Zapisz"
with the password in the keychain, and the question before unsaved edits are lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from smtpdesk.core.model import Employee, Role, Security, SmtpAccount, employee_account
from smtpdesk.ui.employee_dialog import EmployeeDialog

PASSWORD = "Hasło-łódź-1"
WAIT_MS = 3000


def open_dialog(qtbot, store, secrets, employee: Employee | None = None) -> EmployeeDialog:
    dialog = EmployeeDialog(store, secrets, employee)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def fill(dialog: EmployeeDialog, **values: str) -> None:
    fields = {
        "first_name": dialog.first_name_edit,
        "last_name": dialog.last_name_edit,
        "email": dialog.email_edit,
        "phone": dialog.phone_edit,
        "host": dialog.smtp_section.host_edit,
        "port": dialog.smtp_section.port_edit,
        "username": dialog.smtp_section.username_edit,
    }
    for name, value in values.items():
        if name == "password":
            dialog.smtp_section.password_field.set_text(value)
        else:
            fields[name].setText(value)


VALID = {"first_name": "Anna", "last_name": "Łęcka", "email": "anna@biuro.pl"}


def test_the_dialog_has_the_fields_and_the_smtp_section_at_the_bottom(qtbot, store, secrets):
    dialog = open_dialog(qtbot, store, secrets)
    assert dialog.windowTitle() == "Nowy pracownik"
    # Opened with open(): the program goes on running, only the parent window waits.
    assert dialog.isVisible() and dialog.windowModality() is Qt.WindowModality.WindowModal
    buddies = {label.buddy(): label.text() for label in dialog.findChildren(QLabel) if label.buddy()}
    assert buddies[dialog.first_name_edit] == "&Imię:"
    assert buddies[dialog.last_name_edit] == "&Nazwisko:"
    assert buddies[dialog.email_edit] == "&E-mail:"
    assert buddies[dialog.phone_edit] == "&Telefon:"
    assert buddies[dialog.role_combo] == "&Rola:"
    roles = [dialog.role_combo.itemText(i) for i in range(dialog.role_combo.count())]
    assert roles == ["Administrator", "Agent"]
    assert dialog.smtp_section.title() == "Ustawienia wysyłania poczty (SMTP)"
    person_box_bottom = dialog.role_combo.mapTo(dialog, dialog.role_combo.rect().bottomLeft()).y()
    smtp_top = dialog.smtp_section.mapTo(dialog, dialog.smtp_section.rect().topLeft()).y()
    assert smtp_top > person_box_bottom


def test_a_new_employee_is_stored_with_its_own_account_and_password(qtbot, store, secrets, memory_keyring):
    dialog = open_dialog(qtbot, store, secrets)
    fill(
        dialog,
        **VALID,
        phone="600 100 200",
        host="smtp.biuro.pl:465",
        username="anna@biuro.pl",
        password=PASSWORD,
    )
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.ADMIN.value))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    employee = saved.args[0]
    assert employee.id is not None
    assert store.list_employees() == [employee]
    assert employee == Employee(
        id=employee.id,
        first_name="Anna",
        last_name="Łęcka",
        email="anna@biuro.pl",
        phone="600 100 200",
        role=Role.ADMIN,
        smtp=SmtpAccount(host="smtp.biuro.pl", port=465, username="anna@biuro.pl", security=Security.AUTO),
    )
    assert memory_keyring.entries == {("smtpdesk", employee_account(employee.id)): PASSWORD}
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


def test_an_employee_without_own_smtp_has_none(qtbot, store, secrets, memory_keyring):
    dialog = open_dialog(qtbot, store, secrets)
    fill(dialog, **VALID)
    dialog.accept()
    (employee,) = store.list_employees()
    assert employee.smtp is None
    assert memory_keyring.entries == {}


def test_editing_keeps_the_stored_password_when_the_field_is_left_empty(
    qtbot, store, secrets, memory_keyring
):
    employee = store.save_employee(Employee(**VALID, smtp=SmtpAccount(host="smtp.biuro.pl", username="anna")))
    assert employee.id is not None
    secrets.set(employee_account(employee.id), PASSWORD)
    dialog = open_dialog(qtbot, store, secrets, employee)
    assert dialog.windowTitle() == "Edycja pracownika"
    assert dialog.first_name_edit.text() == "Anna"
    assert dialog.smtp_section.password_field.line_edit.placeholderText() == "•••••• (zapisane w pęku kluczy)"
    dialog.phone_edit.setText("601 000 000")
    dialog.accept()
    assert store.get_employee(employee.id).phone == "601 000 000"
    assert memory_keyring.entries == {("smtpdesk", employee_account(employee.id)): PASSWORD}


@pytest.mark.parametrize(
    ("values", "field", "expected"),
    [
        ({"first_name": ""}, "first_name_edit", "Podaj imię."),
        ({"last_name": "  "}, "last_name_edit", "Podaj nazwisko."),
        ({"email": ""}, "email_edit", "Wpisz adres e-mail"),
        ({"email": "anna.biuro.pl"}, "email_edit", "To nie jest adres e-mail"),
        ({"phone": "600-abc"}, "phone_edit", "Numer telefonu może zawierać tylko cyfry"),
    ],
)
def test_a_bad_field_keeps_the_dialog_open_stores_nothing_and_gets_the_focus(
    qtbot, store, secrets, values, field, expected
):
    dialog = open_dialog(qtbot, store, secrets)
    qtbot.waitExposed(dialog)
    fill(dialog, **{**VALID, **values})
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    widget = getattr(dialog, field)
    assert expected in dialog.errors.message(widget)
    assert dialog.isVisible()
    assert store.list_employees() == []
    qtbot.waitUntil(widget.hasFocus, timeout=WAIT_MS)


@pytest.mark.parametrize(
    ("values", "field", "expected"),
    [
        ({"host": "smtp://smtp.biu ro.pl"}, "host_edit", "nie może zawierać spacji"),
        ({"host": "smtp.biuro.pl", "port": "0"}, "port_edit", "Port to liczba od 1 do 65535"),
        ({"host": "smtp.biuro.pl", "port": "70000"}, "port_edit", "Port to liczba od 1 do 65535"),
        ({"host": "smtp.biuro.pl", "port": "abc"}, "port_edit", "Port to liczba od 1 do 65535"),
    ],
)
def test_a_bad_smtp_field_in_the_dialog_stores_nothing(
    qtbot, store, secrets, memory_keyring, values, field, expected
):
    dialog = open_dialog(qtbot, store, secrets)
    fill(dialog, **VALID, **values, password=PASSWORD)
    dialog.accept()
    widget = getattr(dialog.smtp_section, field)
    assert expected in dialog.smtp_section.errors.message(widget)
    assert dialog.isVisible()
    assert store.list_employees() == []
    assert memory_keyring.entries == {}


def test_a_sender_fix_changes_the_employees_e_mail(qtbot, store, secrets):
    from smtpdesk.core.diagnosis.model import Fix, FixKind

    dialog = open_dialog(qtbot, store, secrets)
    dialog.smtp_section.apply_fix(Fix(FixKind.SET_SENDER, {"sender": "anna@biuro.pl"}, "Wysyłaj jako login"))
    assert dialog.email_edit.text() == "anna@biuro.pl"


# --- unsaved changes ------------------------------------------------------------------------------


def test_anuluj_without_changes_closes(qtbot, store, secrets):
    dialog = open_dialog(qtbot, store, secrets)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_anuluj_with_changes_asks_and_odrzuc_closes_without_saving(qtbot, store, secrets):
    dialog = open_dialog(qtbot, store, secrets)
    fill(dialog, **VALID)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    box = dialog.unsaved_box
    assert box is not None and box.isVisible()
    assert dialog.isVisible()
    qtbot.mouseClick(box.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert store.list_employees() == []


def test_escape_with_changes_asks_and_zapisz_stores(qtbot, store, secrets):
    dialog = open_dialog(qtbot, store, secrets)
    fill(dialog, **VALID)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = dialog.unsaved_box
    assert box is not None
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert [e.first_name for e in store.list_employees()] == ["Anna"]


def test_closing_with_changes_asks_and_anuluj_keeps_editing(qtbot, store, secrets):
    dialog = open_dialog(qtbot, store, secrets)
    fill(dialog, first_name="Anna")
    dialog.close()
    box = dialog.unsaved_box
    assert box is not None
    qtbot.mouseClick(box.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.unsaved_box is None
    assert dialog.isVisible()
    assert dialog.first_name_edit.text() == "Anna"
    # Asking again works.
    dialog.close()
    assert dialog.unsaved_box is not None


def test_tab_goes_through_the_fields_in_order_and_ends_on_the_dialogs_buttons(qtbot, store, secrets):
    from PySide6.QtWidgets import QPushButton

    dialog = EmployeeDialog(store, secrets, None)
    qtbot.addWidget(dialog)
    extra = QPushButton("Wyślij test")
    dialog.smtp_section.actions_layout.addWidget(extra)  # a feature adds a button after construction
    dialog.open()
    qtbot.waitExposed(dialog)
    chain = [dialog.first_name_edit]
    widget = dialog.first_name_edit.nextInFocusChain()
    while widget is not dialog.first_name_edit:
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    section = dialog.smtp_section
    # "Wykryj ustawienia" (shown once the sign-in tools are loaded) is where it is read: beside the server.
    detect = [section.detect_button] if section.detect_button.isVisible() else []
    expected = [
        dialog.first_name_edit,
        dialog.last_name_edit,
        dialog.email_edit,
        dialog.phone_edit,
        dialog.role_combo,
        section.host_edit,
        *detect,
        section.port_edit,
        section.username_edit,
        section.password_field.line_edit,
    ]
    assert chain[: len(expected)] == expected
    assert chain.index(extra) < chain.index(dialog.save_button) < chain.index(dialog.cancel_button)
    assert chain[-2:] == [dialog.save_button, dialog.cancel_button]
