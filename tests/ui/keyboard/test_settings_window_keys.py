"""„Ustawienia firmy” with the keyboard only, as the program opens it (every feature installed) on
an office with a saved company account, its password in the keychain, a logo and employees."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    Company,
    ContactMode,
    Employee,
    Giodo,
    OfficeSettings,
    Security,
    SmtpAccount,
)
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store
from smtpdesk.ui.application import GuiSession, start_gui
from smtpdesk.ui.employee_dialog import EmployeeDialog
from smtpdesk.ui.office.install import OfficeKeyBanner
from smtpdesk.ui.settings_window import SettingsWindow
from tests.fixtures.keyboard import accessible_name, describe, walk_window
from tests.fixtures.people import enter_as_admin, enter_demo_as_admin
from tests.fixtures.typing import type_text

WAIT_MS = 5000
PASSWORD = "Hasło-Firmy-1"
LOGO = (Path(__file__).parents[3] / "resources" / "smtpdesk-64.png").read_bytes()


@pytest.fixture
def office(store: Store, secrets: SecretStore) -> Store:
    store.save_settings(
        OfficeSettings(
            company=Company(
                name="Biuro Nieruchomości Łąka",
                address="ul. Polna 1\n00-001 Warszawa",
                email="biuro@laka.test",
                logo=LOGO,
                logo_mime="image/png",
            ),
            contact_mode=ContactMode.COMPANY,
            company_smtp=SmtpAccount(host="smtp.laka.test", port=587, username="biuro@laka.test"),
            giodo=Giodo(password_change_days=30),
        )
    )
    secrets.set(COMPANY_ACCOUNT, PASSWORD)
    for first, last in (("Anna", "Łęcka"), ("Jan", "Żak")):
        store.save_employee(Employee(first_name=first, last_name=last, email=f"{first.lower()}@laka.test"))
    return store


@pytest.fixture
def window(qtbot, office: Store, data_dir: Path) -> Iterator[SettingsWindow]:
    session: GuiSession = start_gui(["--data-dir", str(data_dir)])
    try:
        opened = enter_as_admin(qtbot, session)
        qtbot.waitExposed(opened)
        section = opened.other_settings_page.smtp_section
        # The keychain is asked once the window is on screen; then "Usuń hasło" appears.
        qtbot.waitUntil(lambda: section.password_field.has_stored, timeout=WAIT_MS)
        yield opened
    finally:
        session.close()


def stored(window: SettingsWindow) -> OfficeSettings:
    return window.store.load_settings()


def retype_name(qtbot, window: SettingsWindow, name: str) -> None:
    edit = window.company_page.name_edit
    window.show_page(window.company_page)
    edit.setFocus()
    edit.selectAll()
    type_text(qtbot, edit, name)
    assert window.isWindowModified()


def next_tab_with_the_keyboard(qtbot, window: SettingsWindow) -> None:
    tab_bar = window.tabs.tabBar()
    tab_bar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(tab_bar, Qt.Key.Key_Right)


def test_every_tab_is_walked_with_the_keyboard(qtbot, window: SettingsWindow) -> None:
    window.tabs.setCurrentIndex(0)
    walked: dict[str, list[str]] = {}
    for index in range(window.tabs.count()):
        assert window.tabs.currentIndex() == index
        walk = walk_window(qtbot, window, main=window.save_button)
        assert walk.problems() == [], window.tabs.tabText(index)
        walked[window.tabs.tabText(index)] = describe(walk.cycle)
        next_tab_with_the_keyboard(qtbot, window)

    assert list(walked) == ["Dane firmy", "Logo Firmy", "Pozostałe ustawienia", "Pracownicy", "Strona WWW"]
    # What a screen reader says for the fields the labels name.
    page = window.other_settings_page
    section = page.smtp_section
    assert accessible_name(window.company_page.name_edit) == "Nazwa firmy"
    assert accessible_name(section.password_field.line_edit) == "Hasło"
    assert accessible_name(page.password_format_check) == "Wymuś format hasła zgodny z GIODO"
    assert accessible_name(window.employees_page.view) == "Lista pracowników"
    # The company account's form, as it reads: the server, then "Wykryj ustawienia" beside it.
    other = walked["Pozostałe ustawienia"]
    assert other.index("QLineEdit('Serwer poczty wychodzącej')") + 1 == other.index(
        "QPushButton('detect_settings')"
    )
    assert other.index("QPushButton('Usuń hasło')") < other.index("QPushButton('Wyślij wiadomość testową')")


def test_enter_in_a_field_typed_key_by_key_saves(qtbot, window: SettingsWindow) -> None:
    retype_name(qtbot, window, "Biuro Źródło")

    qtbot.keyClick(window.company_page.name_edit, Qt.Key.Key_Return)

    assert stored(window).company.name == "Biuro Źródło"
    assert not window.isWindowModified()


def test_enter_saves_from_check_boxes_spin_boxes_and_choices(qtbot, window: SettingsWindow) -> None:
    page = window.other_settings_page
    window.show_page(page)
    page.password_format_check.setFocus()
    qtbot.keyClick(page.password_format_check, Qt.Key.Key_Space)
    qtbot.keyClick(page.password_format_check, Qt.Key.Key_Return)
    assert stored(window).giodo.giodo_password_format

    spin = page.password_days_spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "90")
    qtbot.keyClick(spin, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert stored(window).giodo.password_change_days == 90

    combo = page.smtp_section.security_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert stored(window).company_smtp.security is Security.STARTTLS  # type: ignore[union-attr]

    page.company_radio.setFocus()
    qtbot.keyClick(page.company_radio, Qt.Key.Key_Up)  # arrows move within the choice
    assert page.agent_radio.hasFocus() and page.agent_radio.isChecked()
    qtbot.keyClick(page.agent_radio, Qt.Key.Key_Return)
    assert stored(window).contact_mode is ContactMode.AGENT


@pytest.mark.parametrize("button", ["password", "logo"])
def test_enter_on_a_removing_button_saves_and_removes_nothing(
    qtbot, window: SettingsWindow, button: str
) -> None:
    retype_name(qtbot, window, "Biuro po zmianie")  # something for "Zapisz" to save
    section = window.other_settings_page.smtp_section
    if button == "password":
        window.show_page(window.other_settings_page)
        remove: QWidget = section.password_field.remove_button
    else:
        window.show_page(window.logo_page)
        remove = window.logo_page.remove_button
    remove.setFocus(Qt.FocusReason.TabFocusReason)

    qtbot.keyClick(remove, Qt.Key.Key_Return)

    assert stored(window).company.name == "Biuro po zmianie"
    assert window.secrets.get(COMPANY_ACCOUNT) == PASSWORD
    assert stored(window).company.logo == LOGO
    # Space is how a focused button is pressed: then it does remove (once saved).
    qtbot.keyClick(remove, Qt.Key.Key_Space)
    assert window.isWindowModified()


def test_enter_on_the_employees_tab_opens_the_employee_not_a_save(qtbot, window: SettingsWindow) -> None:
    retype_name(qtbot, window, "Niezapisana nazwa")
    page = window.employees_page
    window.show_page(page)
    page.search_edit.setFocus()
    type_text(qtbot, page.search_edit, "Łęcka")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert stored(window).company.name == "Biuro Nieruchomości Łąka"

    qtbot.keyClick(page.search_edit, Qt.Key.Key_Tab)
    assert page.view.hasFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, EmployeeDialog) and dialog.isVisible()
    assert dialog.first_name_edit.text() == "Anna"
    assert stored(window).company.name == "Biuro Nieruchomości Łąka"
    qtbot.keyClick(dialog.first_name_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=WAIT_MS)
    assert window.isWindowModified()


def test_escape_does_not_close_the_main_window(qtbot, window: SettingsWindow) -> None:
    # Escape cancels dialogs; in the program's main window it would quit the program by accident.
    window.company_page.name_edit.setFocus()
    qtbot.keyClick(window.company_page.name_edit, Qt.Key.Key_Escape)
    assert window.isVisible()


def test_the_office_key_notice_takes_no_letter_of_a_tab(qtbot, window: SettingsWindow) -> None:
    banner = OfficeKeyBanner()
    window.add_banner(banner)  # as on a desktop of an office database without the office key
    window.show_page(window.logo_page)

    walk = walk_window(qtbot, window, main=window.save_button)
    assert walk.problems() == []

    window.logo_page.choose_button.setFocus()
    qtbot.keyClick(window.logo_page.choose_button, "w", Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.logo_page.file_dialog is not None, timeout=WAIT_MS)  # a short click
    chooser = window.logo_page.file_dialog
    assert isinstance(chooser, QFileDialog)
    qtbot.waitExposed(chooser)
    qtbot.keyClick(chooser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.logo_page.file_dialog is None, timeout=WAIT_MS)
    assert stored(window).company.logo == LOGO


def test_the_demo_window_is_walked_with_its_notice(qtbot, data_dir: Path) -> None:
    session = start_gui(["--demo"])
    try:
        window = enter_demo_as_admin(qtbot, session)
        qtbot.waitExposed(window)
        walk = walk_window(qtbot, window, main=window.save_button)
        assert walk.problems() == []
        assert {"QPushButton('Skrzynka demo')", "QPushButton('Wiersz poleceń…')"} <= set(describe(walk.cycle))
    finally:
        session.close()


def test_the_notice_of_changes_made_elsewhere_drops_no_edit_on_enter(
    qtbot, window: SettingsWindow, data_dir: Path
) -> None:
    retype_name(qtbot, window, "Biuro Moja Nazwa")  # kept while others save: "Wczytaj ponownie" shows
    with Store.open(data_dir) as other:
        loaded = other.load_settings()
        company = replace(loaded.company, phone="+48 22 111 11 11")
        other.save_settings(replace(loaded, company=company), base=loaded)
    notice = window.change_notice
    qtbot.waitUntil(notice.reload_button.isVisible, timeout=3 * WAIT_MS)
    walk = walk_window(qtbot, window, main=window.save_button)
    assert walk.problems() == []

    notice.reload_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(notice.reload_button, Qt.Key.Key_Return)  # "Zapisz", not "Wczytaj ponownie"
    assert (stored(window).company.name, stored(window).company.phone) == (
        "Biuro Moja Nazwa",
        "+48 22 111 11 11",
    )


def test_enter_in_the_address_starts_a_new_line(qtbot, window: SettingsWindow) -> None:
    address = window.company_page.address_edit
    window.show_page(window.company_page)
    address.setFocus()
    address.moveCursor(address.textCursor().MoveOperation.End)
    qtbot.keyClick(address, Qt.Key.Key_Return)
    type_text(qtbot, address, "Polska")
    assert address.toPlainText() == "ul. Polna 1\n00-001 Warszawa\nPolska"
    assert stored(window).company.address == "ul. Polna 1\n00-001 Warszawa"  # nothing saved by it
    qtbot.keyClick(address, Qt.Key.Key_Tab)  # Tab leaves the address for the next field
    assert window.company_page.phone_edit.hasFocus()


def test_the_sign_in_row_is_walked_where_it_shows(qtbot, window: SettingsWindow) -> None:
    section = window.other_settings_page.smtp_section
    window.show_page(window.other_settings_page)
    section.host_edit.setFocus()
    section.host_edit.selectAll()
    type_text(qtbot, section.host_edit, "smtp.office365.com")  # a provider that signs in with OAuth2
    assert section.microsoft_button.isVisibleTo(section)

    walk = walk_window(qtbot, window, main=window.save_button)
    assert walk.problems() == []
    at = walk.cycle.index(section.password_field.remove_button)
    assert walk.cycle[at + 1 : at + 3] == [section.microsoft_button, section.security_combo]
