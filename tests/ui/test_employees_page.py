"""The "Pracownicy" tab: the table, add / edit / remove through the real dialogs, search and sort,
and staying light with thousands of employees."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from smtpdesk.core.model import Employee, Role, SmtpAccount, employee_account
from smtpdesk.ui.employee_dialog import EmployeeDialog
from smtpdesk.ui.pages.employees_model import EmployeesModel
from smtpdesk.ui.settings_window import SettingsWindow

PASSWORD = "Hasło-łódź-1"
WAIT_MS = 3000


@pytest.fixture
def anna(store, secrets) -> Employee:
    employee = store.save_employee(
        Employee(
            first_name="Anna",
            last_name="Łęcka",
            email="anna@biuro.pl",
            phone="600 100 200",
            role=Role.ADMIN,
            smtp=SmtpAccount(host="smtp.biuro.pl", username="anna@biuro.pl"),
        )
    )
    assert employee.id is not None
    secrets.set(employee_account(employee.id), PASSWORD)
    return employee


@pytest.fixture
def bartek(store) -> Employee:
    return store.save_employee(Employee(first_name="Bartek", last_name="Zieliński", email="bartek@biuro.pl"))


@pytest.fixture
def window(qtbot, store, secrets) -> Iterator[SettingsWindow]:
    opened = SettingsWindow(store, secrets)
    qtbot.addWidget(opened)
    opened.show()
    opened.show_page(opened.employees_page)
    yield opened
    opened.discard_and_close()


def rows(page) -> list[list[str]]:
    proxy = page.proxy
    return [
        [proxy.index(row, column).data() for column in range(proxy.columnCount())]
        for row in range(proxy.rowCount())
    ]


def open_dialog(page) -> EmployeeDialog:
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_table_shows_the_employees_with_their_own_smtp(anna, bartek, window):
    page = window.employees_page
    headers = [page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(page.proxy.columnCount())]
    assert headers == ["Imię i nazwisko", "E-mail", "Telefon", "Rola", "Własny SMTP"]
    assert rows(page) == [
        ["Anna Łęcka", "anna@biuro.pl", "600 100 200", "Administrator", "Tak"],
        ["Bartek Zieliński", "bartek@biuro.pl", "", "Agent", "Nie"],
    ]
    assert page.count_label.text() == "Pracowników: 2"


def test_edit_and_remove_need_a_selection(anna, window):
    page = window.employees_page
    assert not page.edit_button.isEnabled() and not page.remove_button.isEnabled()
    assert page.selected_employee() is None
    page.view.selectRow(0)
    assert page.edit_button.isEnabled() and page.remove_button.isEnabled()
    assert page.selected_employee() == anna


def test_dodaj_opens_the_dialog_and_the_new_employee_appears_selected(qtbot, window, store, memory_keyring):
    page = window.employees_page
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(page)
    assert dialog.windowTitle() == "Nowy pracownik"
    dialog.first_name_edit.setText("Celina")
    dialog.last_name_edit.setText("Ćwik")
    dialog.email_edit.setText("celina@biuro.pl")
    dialog.smtp_section.host_edit.setText("smtp.biuro.pl")
    dialog.smtp_section.password_field.set_text(PASSWORD)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=WAIT_MS)

    (stored,) = store.list_employees()
    assert rows(page) == [["Celina Ćwik", "celina@biuro.pl", "", "Agent", "Tak"]]
    assert page.selected_employee() == stored
    assert memory_keyring.entries == {("smtpdesk", employee_account(stored.id)): PASSWORD}


def test_double_click_edits_and_the_row_updates(qtbot, anna, bartek, window, store):
    page = window.employees_page
    qtbot.waitExposed(window)
    index = page.proxy.index(1, 0)
    rect = page.view.visualRect(index)
    # A real double-click: QTest's mouseDClick sends only its second half.
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = open_dialog(page)
    assert dialog.windowTitle() == "Edycja pracownika"
    assert dialog.first_name_edit.text() == "Bartek"
    dialog.phone_edit.setText("601 000 000")
    dialog.smtp_section.host_edit.setText("smtp.biuro.pl")
    dialog.accept()
    assert rows(page)[1] == ["Bartek Zieliński", "bartek@biuro.pl", "601 000 000", "Agent", "Tak"]
    assert store.get_employee(bartek.id).phone == "601 000 000"


def test_usun_asks_first_and_anuluj_keeps_the_employee(qtbot, anna, window, store, memory_keyring):
    page = window.employees_page
    page.view.selectRow(0)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    box = page.confirm_box
    assert box is not None and box.isVisible()
    assert "Anna Łęcka" in box.text()
    box.reject()
    qtbot.waitUntil(lambda: page.confirm_box is None, timeout=WAIT_MS)
    assert store.list_employees() == [anna]
    assert memory_keyring.entries


def test_usun_confirmed_removes_the_employee_and_its_keychain_entry(
    qtbot, anna, bartek, window, store, memory_keyring
):
    page = window.employees_page
    page.select_employee(anna.id)
    box = page.remove_selected()
    assert box is not None
    remove = next(b for b in box.buttons() if b.text() == "&Usuń")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.confirm_box is None, timeout=WAIT_MS)
    assert store.list_employees() == [bartek]
    assert [row[0] for row in rows(page)] == ["Bartek Zieliński"]
    assert ("smtpdesk", employee_account(anna.id)) not in memory_keyring.entries
    assert page.count_label.text() == "Pracowników: 1"


def test_two_removals_in_a_row_each_remove_the_employee_asked_about(
    qtbot, anna, bartek, window, store, memory_keyring
):
    page = window.employees_page
    for employee, left in ((anna, [bartek]), (bartek, [])):
        page.select_employee(employee.id)
        box = page.remove_selected()
        assert box is not None and employee.first_name in box.text()
        remove = next(b for b in box.buttons() if b.text() == "&Usuń")
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.confirm_box is None, timeout=WAIT_MS)
        # The closed box is really deleted before the next question.
        qtbot.waitUntil(lambda box=box: not isValid(box), timeout=WAIT_MS)
        assert store.list_employees() == left
    assert rows(page) == []
    assert not memory_keyring.entries


def test_escape_and_a_second_usun_while_asking_keep_the_employee(qtbot, anna, window, store):
    page = window.employees_page
    page.select_employee(anna.id)
    box = page.remove_selected()
    assert box is not None
    assert page.remove_selected() is box  # one question at a time
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.confirm_box is None, timeout=WAIT_MS)
    assert store.list_employees() == [anna]


def test_search_filters_on_name_e_mail_and_phone_ignoring_case(qtbot, anna, bartek, window):
    page = window.employees_page
    page.search_edit.setText("łęcka")
    assert [row[0] for row in rows(page)] == ["Anna Łęcka"]
    assert page.count_label.text() == "Pokazano 1 z 2"
    page.search_edit.setText("BARTEK@")
    assert [row[0] for row in rows(page)] == ["Bartek Zieliński"]
    page.search_edit.setText("600 100")
    assert [row[0] for row in rows(page)] == ["Anna Łęcka"]
    page.search_edit.clear()
    assert len(rows(page)) == 2


def test_clicking_a_header_sorts(qtbot, anna, bartek, window):
    page = window.employees_page
    page.view.sortByColumn(EmployeesModel.NAME, Qt.SortOrder.DescendingOrder)
    assert [row[0] for row in rows(page)] == ["Bartek Zieliński", "Anna Łęcka"]
    page.view.sortByColumn(EmployeesModel.ROLE, Qt.SortOrder.AscendingOrder)
    assert [row[3] for row in rows(page)] == ["Administrator", "Agent"]


def test_names_sort_in_polish_order_and_equal_names_keep_the_order_they_were_added(qtbot, window):
    names = ["Łukasz Nowak", "Lucyna Nowak", "Łukasz Nowak", "Zofia Ćwik", "anna Ząb", "Anna ząb"]
    names += ["Agent 10", "Agent 9"]
    people = [
        Employee(id=n, first_name=name.split()[0], last_name=name.split()[1], email=f"{n}@biuro.pl")
        for n, name in enumerate(names, start=1)
    ]
    page = window.employees_page
    page.model.set_employees(people)

    page.view.sortByColumn(EmployeesModel.NAME, Qt.SortOrder.AscendingOrder)
    shown = [(row[0], row[1]) for row in rows(page)]
    assert shown == [
        ("Agent 9", "8@biuro.pl"),
        ("Agent 10", "7@biuro.pl"),
        ("anna Ząb", "5@biuro.pl"),
        ("Anna ząb", "6@biuro.pl"),
        ("Lucyna Nowak", "2@biuro.pl"),
        ("Łukasz Nowak", "1@biuro.pl"),
        ("Łukasz Nowak", "3@biuro.pl"),
        ("Zofia Ćwik", "4@biuro.pl"),
    ]
    page.view.sortByColumn(EmployeesModel.NAME, Qt.SortOrder.DescendingOrder)
    assert [row[1] for row in rows(page)] == [f"{n}@biuro.pl" for n in (4, 1, 3, 2, 5, 6, 7, 8)]


def test_thousands_of_employees_load_and_filter_without_a_widget_per_row(qtbot, store, secrets):
    employees = [
        Employee(
            id=number,
            first_name=f"Agent{number:04d}",
            last_name="Kowalski",
            email=f"agent{number:04d}@biuro.pl",
            smtp=SmtpAccount(host="smtp.biuro.pl") if number % 2 else None,
        )
        for number in range(1, 5001)
    ]
    window = SettingsWindow(store, secrets)
    qtbot.addWidget(window)
    window.show()
    page = window.employees_page
    window.show_page(page)
    page.model.set_employees(employees)
    assert page.proxy.rowCount() == 5000
    assert page.count_label.text() == "Pracowników: 5000"

    page.search_edit.setText("agent4999")
    assert [row[1] for row in rows(page)] == ["agent4999@biuro.pl"]
    page.search_edit.setText("")
    page.view.sortByColumn(EmployeesModel.EMAIL, Qt.SortOrder.DescendingOrder)
    assert page.proxy.index(0, EmployeesModel.EMAIL).data() == "agent5000@biuro.pl"

    # Cells are painted from the model: no editor or widget exists for any row.
    assert page.view.indexWidget(page.proxy.index(0, 0)) is None
    assert len(page.view.findChildren(QWidget)) < 40
    window.discard_and_close()


def test_employees_saved_in_the_store_are_listed_by_a_new_window(qtbot, store, secrets):
    for number in range(300):
        store.save_employee(Employee(first_name=f"A{number}", last_name="B", email=f"a{number}@biuro.pl"))
    window = SettingsWindow(store, secrets)
    qtbot.addWidget(window)
    assert window.employees_page.model.rowCount(QModelIndex()) == 300
    window.discard_and_close()


def test_another_feature_can_add_a_column_and_refresh_it(qtbot, anna, bartek, window):
    page = window.employees_page
    statuses = {anna.id: "OK", bartek.id: "jeszcze nie testowano"}

    def status(employee: Employee, role: int) -> object:
        return statuses[employee.id] if role == Qt.ItemDataRole.DisplayRole else None

    column = page.model.add_column("Poczta", status)
    assert column == EmployeesModel.BUILT_IN_COLUMNS
    assert page.proxy.headerData(column, Qt.Orientation.Horizontal) == "Poczta"
    assert [row[column] for row in rows(page)] == ["OK", "jeszcze nie testowano"]

    statuses[bartek.id] = "błąd logowania"
    with qtbot.waitSignal(page.model.dataChanged, timeout=WAIT_MS) as changed:
        page.model.refresh_column(column)
    assert changed.args[0].column() == column and changed.args[1].column() == column
    assert rows(page)[1][column] == "błąd logowania"
    page.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert [row[column] for row in rows(page)] == ["błąd logowania", "OK"]


def test_enter_on_a_row_edits_it(qtbot, anna, window):
    page = window.employees_page
    page.view.setFocus()
    page.view.selectRow(0)
    page.view.setCurrentIndex(page.proxy.index(0, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert open_dialog(page).first_name_edit.text() == "Anna"
