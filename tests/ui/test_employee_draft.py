"""An employee dialog open with changes when the program is ended from outside: its fields (never
the password) go into draft.json naming the employee, and the next start offers them back with
the tabs' changes in one question — reopening the dialog for that employee."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from shiboken6 import isValid

from smtpdesk.core.model import Employee, Role
from smtpdesk.core.store import Store
from smtpdesk.ui.application import GuiSession
from smtpdesk.ui.draft import DRAFT_FILE_NAME, DraftRestoreBox
from smtpdesk.ui.employee_dialog import EmployeeDialog
from smtpdesk.ui.settings_window import SettingsWindow
from tests.fixtures.people import ADMIN_EMAIL
from tests.fixtures.restarts import Start
from tests.fixtures.typing import type_text

WAIT_MS = 5000
PASSWORD = "Tajne-Hasło-Anny-7"


@pytest.fixture
def anna(data_dir: Path) -> Employee:
    with Store.open(data_dir) as store:
        return store.save_employee(
            Employee(first_name="Anna", last_name="Nowak", email="anna.nowak@biuro.pl", role=Role.AGENT)
        )


def stored_now(data_dir: Path, employee: Employee) -> Employee | None:
    assert employee.id is not None
    with Store.open(data_dir) as store:
        return store.get_employee(employee.id)


def window_of(session: GuiSession) -> SettingsWindow:
    assert isinstance(session.window, SettingsWindow)
    return session.window


def edit(qtbot, window: SettingsWindow, employee: Employee | None) -> EmployeeDialog:
    """ "Edytuj…" on ``employee`` in "Pracownicy" ("Dodaj…" for None)."""
    page = window.employees_page
    window.show_page(page)
    if employee is None:
        dialog = page.add_employee()
    else:
        page.select_employee(employee.id)
        opened = page.edit_selected()
        assert opened is not None
        dialog = opened
    qtbot.waitExposed(dialog)
    return dialog


def kept(data_dir: Path) -> dict:
    return json.loads((data_dir / DRAFT_FILE_NAME).read_text(encoding="utf-8"))


def offered(qtbot, session: GuiSession) -> DraftRestoreBox:
    box = session.draft_box
    assert isinstance(box, DraftRestoreBox)
    qtbot.waitExposed(box)
    return box


def answer(qtbot, box: DraftRestoreBox, key: Qt.Key) -> None:
    with qtbot.waitSignal(box.finished, timeout=WAIT_MS):
        qtbot.keyClick(box, key)


def reopened(session: GuiSession) -> EmployeeDialog:
    dialog = window_of(session).employees_page.dialog
    assert isinstance(dialog, EmployeeDialog)
    assert dialog.isVisible()
    return dialog


def save(qtbot, dialog: EmployeeDialog) -> Employee:
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        qtbot.keyClick(dialog.first_name_edit, Qt.Key.Key_Return)  # Enter: "Zapisz"
    employee = saved.args[0]
    assert isinstance(employee, Employee)
    return employee


def test_an_edited_employee_comes_back_in_its_dialog_with_the_tabs_and_without_the_password(
    qtbot, start: Start, data_dir: Path, anna: Employee
):
    first = start()
    window = window_of(first)
    type_text(qtbot, window.company_page.name_edit, "Biuro Żółć")
    dialog = edit(qtbot, window, anna)
    type_text(qtbot, dialog.phone_edit, "601 222 333")
    smtp = dialog.smtp_section
    type_text(qtbot, smtp.host_edit, "smtp.łąka.pl")
    type_text(qtbot, smtp.username_edit, "anna.nowak@biuro.pl")
    type_text(qtbot, smtp.password_field.line_edit, PASSWORD)
    smtp.password_field.show_button.click()  # even a password shown in clear text stays out

    first.quit_now()

    assert dialog.unsaved_box is None  # nobody asked "Zapisać zmiany?"
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=WAIT_MS)  # gone with the window
    assert PASSWORD not in (data_dir / DRAFT_FILE_NAME).read_text(encoding="utf-8")
    draft = kept(data_dir)
    assert "CompanyPage" in draft["pages"]
    [employee_draft] = draft["dialogs"]
    assert employee_draft["kind"] == "employee"
    assert employee_draft["about"]["employee"] == anna.id
    assert employee_draft["fields"]["phone"] == "601 222 333"
    assert employee_draft["fields"]["host"] == "smtp.łąka.pl"
    assert set(employee_draft["changed"]) == {"phone", "host", "username"}

    second = start()
    box = offered(qtbot, second)
    assert box.text() == "Przywróć niezapisane zmiany?"
    assert box.items == ["Zakładka „Dane firmy”", "Edycja pracownika: Anna Nowak"]
    assert "Edycja pracownika: Anna Nowak" in box.informativeText()
    answer(qtbot, box, Qt.Key.Key_Return)  # "Przywróć"

    window = window_of(second)
    assert window.company_page.name_edit.text() == "Biuro Żółć"
    assert window.tabs.currentWidget() is window.page_tab(window.employees_page)
    dialog = reopened(second)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Edycja pracownika"
    assert dialog.employee is not None and dialog.employee.id == anna.id
    assert dialog.first_name_edit.text() == "Anna"
    assert dialog.phone_edit.text() == "601 222 333"
    assert dialog.smtp_section.host_edit.text() == "smtp.łąka.pl"
    assert dialog.smtp_section.username_edit.text() == "anna.nowak@biuro.pl"
    assert dialog.smtp_section.password_field.text() == ""  # typed again, never kept
    assert dialog.is_modified()
    assert not (data_dir / DRAFT_FILE_NAME).exists()

    saved = save(qtbot, dialog)
    assert saved.id == anna.id
    stored = stored_now(data_dir, anna)
    assert stored is not None
    assert stored.phone == "601 222 333"
    assert stored.smtp is not None and stored.smtp.username == "anna.nowak@biuro.pl"


def test_only_the_changed_fields_go_back_over_what_others_saved_meanwhile(
    qtbot, start: Start, data_dir: Path, anna: Employee
):
    first = start()
    dialog = edit(qtbot, window_of(first), anna)
    type_text(qtbot, dialog.phone_edit, "601 222 333")
    first.quit_now()
    with Store.open(data_dir) as store:  # another desktop renames her meanwhile
        store.save_employee(replace(anna, last_name="Nowak-Wiśniewska"), base=anna)

    second = start()
    answer(qtbot, offered(qtbot, second), Qt.Key.Key_Return)
    dialog = reopened(second)
    assert dialog.last_name_edit.text() == "Nowak-Wiśniewska"
    assert dialog.phone_edit.text() == "601 222 333"


def test_a_new_employee_comes_back_as_a_new_employee(qtbot, start: Start, data_dir: Path):
    first = start()
    dialog = edit(qtbot, window_of(first), None)
    type_text(qtbot, dialog.first_name_edit, "Jan")
    type_text(qtbot, dialog.last_name_edit, "Kowalski")
    type_text(qtbot, dialog.email_edit, "jan@biuro.pl")
    first.quit_now()
    assert kept(data_dir)["dialogs"][0]["about"]["employee"] == "new"

    second = start()
    box = offered(qtbot, second)
    assert box.items == ["Nowy pracownik: Jan Kowalski"]
    answer(qtbot, box, Qt.Key.Key_Return)
    dialog = reopened(second)
    assert dialog.windowTitle() == "Nowy pracownik"
    assert dialog.employee is None
    assert (dialog.first_name_edit.text(), dialog.last_name_edit.text()) == ("Jan", "Kowalski")
    assert dialog.email_edit.text() == "jan@biuro.pl"

    save(qtbot, dialog)
    with Store.open(data_dir) as store:
        assert [e.full_name for e in store.list_employees() if e.email != ADMIN_EMAIL] == ["Jan Kowalski"]


def test_an_employee_deleted_meanwhile_is_said_so_and_comes_back_as_a_new_one(
    qtbot, start: Start, data_dir: Path, anna: Employee
):
    first = start()
    dialog = edit(qtbot, window_of(first), anna)
    type_text(qtbot, dialog.phone_edit, "601 222 333")
    first.quit_now()
    assert anna.id is not None
    with Store.open(data_dir) as store:
        store.delete_employee(anna.id)

    second = start()
    box = offered(qtbot, second)
    [line] = box.items
    assert line.startswith("Edycja pracownika: Anna Nowak — ten pracownik został w międzyczasie usunięty")
    assert "jako nowy pracownik" in line
    answer(qtbot, box, Qt.Key.Key_Return)

    dialog = reopened(second)
    assert dialog.windowTitle() == "Nowy pracownik"
    assert dialog.employee is None
    # All she had, not only what was changed: the stored rest is gone with her.
    assert (dialog.first_name_edit.text(), dialog.last_name_edit.text()) == ("Anna", "Nowak")
    assert dialog.email_edit.text() == "anna.nowak@biuro.pl"
    assert dialog.phone_edit.text() == "601 222 333"
    assert dialog.role_combo.currentData() == Role.AGENT.value

    saved = save(qtbot, dialog)
    assert saved.id != anna.id
    with Store.open(data_dir) as store:
        others = [(e.full_name, e.phone) for e in store.list_employees() if e.email != ADMIN_EMAIL]
        assert others == [("Anna Nowak", "601 222 333")]


def test_declining_drops_the_kept_employee_for_good(qtbot, start: Start, data_dir: Path, anna: Employee):
    first = start()
    dialog = edit(qtbot, window_of(first), anna)
    type_text(qtbot, dialog.last_name_edit, "-Kowalska")
    first.quit_now()

    second = start()
    box = offered(qtbot, second)
    assert box.items == ["Edycja pracownika: Anna Nowak-Kowalska"]
    with qtbot.waitSignal(box.finished, timeout=WAIT_MS):
        box.discard_button.click()  # "Odrzuć"
    assert window_of(second).employees_page.dialog is None
    assert not (data_dir / DRAFT_FILE_NAME).exists()
    second.close()

    third = start()
    assert third.draft_box is None
    assert stored_now(data_dir, anna) == anna


def test_escape_keeps_the_employee_for_the_next_start(qtbot, start: Start, data_dir: Path, anna: Employee):
    first = start()
    dialog = edit(qtbot, window_of(first), anna)
    type_text(qtbot, dialog.phone_edit, "601 222 333")
    first.quit_now()

    second = start()
    answer(qtbot, offered(qtbot, second), Qt.Key.Key_Escape)  # "Później"
    assert window_of(second).employees_page.dialog is None
    second.close()

    third = start()
    answer(qtbot, offered(qtbot, third), Qt.Key.Key_Return)
    assert reopened(third).phone_edit.text() == "601 222 333"


@pytest.mark.parametrize("typed", ["nothing", "only the password"])
def test_an_employee_dialog_without_changes_worth_keeping_leaves_no_draft(
    qtbot, start: Start, data_dir: Path, anna: Employee, typed: str
):
    session = start()
    dialog = edit(qtbot, window_of(session), anna)
    if typed == "only the password":
        type_text(qtbot, dialog.smtp_section.password_field.line_edit, PASSWORD)
    session.quit_now()
    assert not (data_dir / DRAFT_FILE_NAME).exists()


def test_an_employee_kept_from_other_settings_is_never_put_over_one_with_the_same_id(
    qtbot, start: Start, data_dir: Path, anna: Employee
):
    """The office database keeps its drafts in this desktop's data folder, where the local file
    is too: an id from there names someone else here."""
    draft = {
        "version": 1,
        "pages": {},
        "dialogs": [
            {
                "kind": "employee",
                "fields": {
                    "first_name": "Ewa",
                    "last_name": "Zięba",
                    "email": "ewa@biuro.pl",
                    "phone": "1234",
                },
                "changed": ["phone"],
                "about": {"employee": anna.id, "settings": "postgresql://smtpdesk@serwer:5432/biuro"},
            }
        ],
    }
    (data_dir / DRAFT_FILE_NAME).write_text(json.dumps(draft), encoding="utf-8")

    session = start()
    box = offered(qtbot, session)
    assert box.items == [
        "Edycja pracownika: Ewa Zięba — z innej bazy ustawień; wpisane dane wrócą jako nowy pracownik"
    ]
    answer(qtbot, box, Qt.Key.Key_Return)
    dialog = reopened(session)
    assert dialog.employee is None
    assert (dialog.first_name_edit.text(), dialog.phone_edit.text()) == ("Ewa", "1234")
    assert stored_now(data_dir, anna) == anna
