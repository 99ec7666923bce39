"""The "Ustawienia firmy" window: its tabs, checking every tab before saving any, the question
before unsaved changes are lost, and what is stored (and what never is)."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QWidget

from smtpdesk.core.model import (
    COMPANY_ACCOUNT,
    Company,
    ContactMode,
    Employee,
    Giodo,
    OfficeSettings,
    SmtpAccount,
    employee_account,
)
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store
from smtpdesk.ui.settings_window import SettingsWindow
from smtpdesk.ui.widgets.unsaved_changes import UnsavedChangesBox

PASSWORD = "Hasło-łódź-1"
WAIT_MS = 3000


def open_window(qtbot, store: Store, secrets: SecretStore) -> SettingsWindow:
    window = SettingsWindow(store, secrets)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def window(qtbot, store, secrets) -> Iterator[SettingsWindow]:
    opened = open_window(qtbot, store, secrets)
    yield opened
    opened.discard_and_close()


def tab_titles(window: SettingsWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def current_page(window: SettingsWindow) -> QWidget | None:
    tab = window.tabs.currentWidget()
    return tab.widget() if isinstance(tab, QScrollArea) else tab


def unsaved_box(window: QWidget) -> UnsavedChangesBox | None:
    boxes = [box for box in window.findChildren(UnsavedChangesBox) if box.isVisible()]
    return boxes[0] if boxes else None


# --- layout ---------------------------------------------------------------------------------------


def test_the_window_is_titled_and_has_the_reference_tabs_that_shape_outgoing_mail(window):
    assert window.windowTitle() == "Ustawienia firmy[*]"
    assert tab_titles(window) == [
        "Dane firmy",
        "Logo Firmy",
        "Pozostałe ustawienia",
        "Pracownicy",
        "Strona WWW",
    ]
    assert window.width() >= 800 and window.height() >= 600


def test_every_field_has_a_label_whose_buddy_it_is(window):
    page = window.other_settings_page
    labels = {label.text(): label.buddy() for label in page.findChildren(QLabel) if label.buddy() is not None}
    assert labels["W mailach (stopka i adres mailowy):"] is page.agent_radio
    assert labels["Wymuś zmianę hasła: częstotliwość zmian (liczba dni)"] is page.password_days_spin
    assert labels["Wymuś format hasła zgodny z GIODO:"] is page.password_format_check
    assert labels["Ukryj emaile i telefony klientów:"] is page.hide_contacts_check
    company = window.company_page
    company_labels = {label.buddy(): label for label in company.findChildren(QLabel) if label.buddy()}
    for field in (company.name_edit, company.address_edit, company.phone_edit, company.email_edit):
        assert field in company_labels


def test_pozostale_ustawienia_carries_the_reference_sections_verbatim(window):
    page = window.other_settings_page
    texts = {label.text() for label in page.findChildren(QLabel)}
    assert "Poniższe ustawienia możesz wykorzystać do wspomagania procedur GIODO w Twojej agencji" in texts
    assert page.agent_radio.text() == "Kontakt do aktualnie zalogowanego agenta"
    assert page.company_radio.text() == "Kontakt do firmy / biura"
    assert page.smtp_section.title() == "Ustawienia wysyłania poczty (SMTP)"
    from PySide6.QtWidgets import QGroupBox

    titles = [box.title() for box in page.findChildren(QGroupBox)]
    assert titles == [
        "Ustawienia wyświetlania kontaktów",
        "Ustawienia wysyłania poczty (SMTP)",
        "Ustawienia GIODO",
        "Logowanie do programu",
    ]
    assert page.password_days_spin.text() == "wyłączone"  # 0 days: no forced change


# --- each tab: load, check, save ------------------------------------------------------------------


def test_dane_firmy_is_saved_cleaned(qtbot, window, store):
    page = window.company_page
    page.name_edit.setText("  Biuro   Nieruchomości Żółć ")
    page.address_edit.setPlainText("ul. Łąkowa 5  \n  00-950 Gdańsk\n")
    page.phone_edit.setText(" +48 22  123 45 67 ")
    page.email_edit.setText(" Biuro@Żółć.PL ")
    assert window.save()
    company = store.load_settings().company
    assert company.name == "Biuro Nieruchomości Żółć"
    assert company.address == "ul. Łąkowa 5\n00-950 Gdańsk"
    assert company.phone == "+48 22 123 45 67"
    assert company.email == "Biuro@xn--" + "żółć".encode("idna").decode()[4:] + ".pl"
    # The form shows what was stored.
    assert page.name_edit.text() == "Biuro Nieruchomości Żółć"


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("biuro", "To nie jest adres e-mail"),
        ("biuro@", "Po @ musi być nazwa domeny"),
        ("biuro @firma.pl", "nie może zawierać spacji"),
        ("Biuro <biuro@firma.pl>", "bez imienia"),
        ("a@b.pl, c@d.pl", "tylko jeden adres"),
    ],
)
def test_dane_firmy_rejects_an_e_mail_that_is_not_an_address(window, store, email, expected):
    page = window.company_page
    page.email_edit.setText(email)
    assert not window.save()
    assert expected in page.errors.message(page.email_edit)
    assert not store.is_configured()


def test_dane_firmy_rejects_letters_in_the_phone(window):
    page = window.company_page
    page.phone_edit.setText("dzwoń rano")
    assert not window.save()
    assert "Numer telefonu może zawierać tylko cyfry" in page.errors.message(page.phone_edit)


def test_a_bad_e_mail_is_pointed_out_already_when_leaving_the_field(qtbot, window):
    page = window.company_page
    window.show_page(page)
    page.email_edit.setFocus()
    qtbot.keyClicks(page.email_edit, "biuro")
    qtbot.keyClick(page.email_edit, Qt.Key.Key_Return)
    assert page.errors.message(page.email_edit) != ""
    qtbot.keyClicks(page.email_edit, "@firma.pl")
    assert page.errors.message(page.email_edit) == ""  # typing clears the message


def test_pozostale_ustawienia_round_trip(window, store, secrets, memory_keyring):
    page = window.other_settings_page
    page.company_radio.setChecked(True)
    page.smtp_section.host_edit.setText("smtp://Smtp.Biuro.pl:465")
    page.smtp_section.username_edit.setText("biuro@biuro.pl")
    page.smtp_section.password_field.set_text(PASSWORD)
    page.password_days_spin.setValue(30)
    page.password_format_check.setChecked(True)
    page.hide_contacts_check.setChecked(True)
    assert window.save()

    settings = store.load_settings()
    assert settings.contact_mode is ContactMode.COMPANY
    assert settings.company_smtp == SmtpAccount(host="smtp.biuro.pl", port=465, username="biuro@biuro.pl")
    assert settings.giodo == Giodo(
        password_change_days=30, giodo_password_format=True, hide_client_contacts=True
    )
    assert memory_keyring.entries == {("smtpdesk", COMPANY_ACCOUNT): PASSWORD}
    assert page.smtp_section.host_edit.text() == "smtp.biuro.pl"
    assert page.smtp_section.port_edit.text() == "465"
    assert page.smtp_section.password_field.status_label.text() == "Hasło zapisane w pęku kluczy systemu"


def test_the_contact_choice_explains_where_the_smtp_settings_belong(window):
    page = window.other_settings_page
    page.agent_radio.setChecked(True)
    assert "każdemu pracownikowi" in page.contact_hint.text()
    page.company_radio.setChecked(True)
    assert "różnych adresów nadawców" in page.contact_hint.text()


def test_strona_www_is_normalised(qtbot, window, store):
    page = window.website_page
    window.show_page(page)
    page.website_edit.setFocus()
    qtbot.keyClicks(page.website_edit, "WWW.Biuro-Nieruchomosci.PL/")
    qtbot.keyClick(page.website_edit, Qt.Key.Key_Return)
    assert page.website_edit.text() == "https://www.biuro-nieruchomosci.pl"
    assert window.save()
    assert store.load_settings().company.website == "https://www.biuro-nieruchomosci.pl"


@pytest.mark.parametrize("website", ["www.biuro .pl", "ftp://biuro.pl", "biuro@biuro.pl", "biuro"])
def test_strona_www_rejects_what_is_not_a_website(window, store, website):
    page = window.website_page
    page.website_edit.setText(website)
    assert not window.save()
    assert page.errors.message(page.website_edit) != ""
    assert not store.is_configured()


# --- the logo -------------------------------------------------------------------------------------


def png_file(path: Path, width: int = 120, height: int = 40) -> Path:
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    assert image.save(str(path))  # the format follows the .png suffix
    return path


def choose_in_file_dialog(qtbot, page, path: Path) -> None:
    """Picks ``path`` in the real (non-blocking) file dialog the button opens."""
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    dialog = page.file_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()


def test_a_logo_is_picked_previewed_saved_and_removed(qtbot, window, store, tmp_path):
    page = window.logo_page
    logo = png_file(tmp_path / "logo.png")
    choose_in_file_dialog(qtbot, page, logo)
    assert not page.preview.pixmap().isNull()
    assert "PNG, 120×40 px" in page.details_label.text()
    assert window.save()
    company = store.load_settings().company
    assert company.logo == logo.read_bytes() and company.logo_mime == "image/png"

    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert page.preview.text() == "Brak logo"
    assert window.save()
    assert store.load_settings().company.logo is None


def test_a_jpeg_logo_is_accepted(window, store, tmp_path):
    jpeg = png_file(tmp_path / "logo.jpg", width=800, height=400)
    assert jpeg.read_bytes().startswith(b"\xff\xd8\xff")
    page = window.logo_page
    assert page.load_file(str(jpeg))
    # A large image is shown scaled into the preview, its own size in the details.
    assert page.preview.pixmap().width() <= 360
    assert "JPEG, 800×400 px" in page.details_label.text()
    assert window.save()
    assert store.load_settings().company.logo_mime == "image/jpeg"


def test_an_svg_logo_is_accepted(window, store, tmp_path):
    svg = tmp_path / "logo.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50">'
        '<rect width="200" height="50" fill="#2e7d32"/></svg>',
        encoding="utf-8",
    )
    assert window.logo_page.load_file(str(svg))
    assert window.save()
    assert store.load_settings().company.logo_mime == "image/svg+xml"


def test_a_logo_over_2_mb_is_refused_with_a_message(window, tmp_path):
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (2 * 1024 * 1024))
    page = window.logo_page
    assert not page.load_file(str(big))
    assert "najwyżej 2 MB" in page.errors.message(page.file_row)
    assert page.logo == (None, "")


@pytest.mark.parametrize("kind", ["missing", "folder", "text", "broken_png"])
def test_an_unreadable_or_non_image_file_is_refused_with_a_message(window, tmp_path, kind):
    path = tmp_path / "logo.png"
    if kind == "folder":
        path.mkdir()
    elif kind == "text":
        path.write_text("to nie jest obraz", encoding="utf-8")
    elif kind == "broken_png":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 10)
    page = window.logo_page
    assert not page.load_file(str(path))
    message = page.errors.message(page.file_row)
    assert message.startswith("Nie można odczytać pliku") or "PNG, JPEG lub SVG" in message
    assert page.logo == (None, "")


# --- Zapisz checks every tab first ----------------------------------------------------------------


def test_save_with_a_bad_field_saves_nothing_and_focuses_the_first_bad_field(qtbot, window, store, secrets):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    company = window.company_page
    company.name_edit.setText("Biuro Żółć")  # valid, on the first tab
    other = window.other_settings_page
    other.smtp_section.host_edit.setText("smtp.biuro.pl")
    other.smtp_section.port_edit.setText("70000")  # bad, on the third tab
    other.smtp_section.password_field.set_text(PASSWORD)
    window.website_page.website_edit.setText("www.biu ro.pl")  # bad, on the last tab
    window.show_page(window.website_page)

    assert not window.save()

    assert not store.is_configured()
    assert secrets.get(COMPANY_ACCOUNT) is None
    assert current_page(window) is other
    qtbot.waitUntil(lambda: other.smtp_section.port_edit.hasFocus(), timeout=WAIT_MS)
    assert other.smtp_section.errors.message(other.smtp_section.port_edit) == (
        "Port to liczba od 1 do 65535 (zwykle 587)"
    )
    assert window.website_page.errors.message(window.website_page.website_edit) != ""
    assert "popraw zaznaczone pola (2)" in window.statusBar().currentMessage()

    # Fixing both saves everything at once.
    other.smtp_section.port_edit.setText("587")
    window.website_page.website_edit.setText("www.biuro.pl")
    assert window.save()
    assert store.load_settings().company.name == "Biuro Żółć"
    assert secrets.get(COMPANY_ACCOUNT) == PASSWORD
    assert other.smtp_section.errors.messages() == {}


def test_zapisz_button_and_ctrl_s_save(qtbot, window, store):
    window.company_page.name_edit.setText("Biuro")
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert store.load_settings().company.name == "Biuro"
    assert window.save_action.shortcut().toString() == "Ctrl+S"


# --- unsaved changes ------------------------------------------------------------------------------


def test_anuluj_without_changes_closes_at_once(qtbot, window):
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_anuluj_with_changes_asks_and_odrzuc_closes_without_saving(qtbot, window, store):
    window.company_page.name_edit.setText("Biuro")
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    box = unsaved_box(window)
    assert box is not None
    assert window.isVisible()
    assert [b.text() for b in (box.save_button, box.discard_button, box.cancel_button)] == [
        "&Zapisz",
        "&Odrzuć",
        "Anuluj",
    ]
    qtbot.mouseClick(box.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    assert not store.is_configured()


def test_closing_with_changes_asks_and_zapisz_saves_then_closes(qtbot, window, store):
    window.company_page.name_edit.setText("Biuro")
    window.close()
    box = unsaved_box(window)
    assert box is not None and window.isVisible()
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    assert store.load_settings().company.name == "Biuro"


def test_choosing_anuluj_in_the_question_keeps_the_window_and_the_edits(qtbot, window, store):
    window.company_page.name_edit.setText("Biuro")
    window.close()
    box = unsaved_box(window)
    assert box is not None
    qtbot.mouseClick(box.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: unsaved_box(window) is None, timeout=WAIT_MS)
    assert window.isVisible()
    assert window.company_page.name_edit.text() == "Biuro"
    assert not store.is_configured()


def test_zapisz_in_the_question_with_a_bad_field_keeps_the_window_open(qtbot, window, store):
    window.company_page.email_edit.setText("zły adres")
    window.close()
    box = unsaved_box(window)
    assert box is not None
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: unsaved_box(window) is None, timeout=WAIT_MS)
    assert window.isVisible()
    assert not store.is_configured()


def test_an_edit_undone_by_hand_is_not_an_unsaved_change(window):
    page = window.company_page
    page.name_edit.setText("Biuro")
    assert window.is_modified()
    page.name_edit.setText("")
    assert not window.is_modified()


# --- stored for real ------------------------------------------------------------------------------


def test_a_new_window_on_the_same_data_dir_shows_what_was_saved(qtbot, data_dir, memory_keyring):
    first_store = Store.open(data_dir)
    first = open_window(qtbot, first_store, SecretStore())
    first.company_page.name_edit.setText("Biuro Nieruchomości Żółć")
    first.other_settings_page.company_radio.setChecked(True)
    first.other_settings_page.smtp_section.host_edit.setText("smtp.biuro.pl")
    first.other_settings_page.smtp_section.password_field.set_text(PASSWORD)
    first.other_settings_page.password_days_spin.setValue(90)
    first.website_page.website_edit.setText("www.biuro.pl")
    assert first.save()
    first.close()
    first_store.close()

    second_store = Store.open(data_dir)
    try:
        second = open_window(qtbot, second_store, SecretStore())
        assert second.company_page.name_edit.text() == "Biuro Nieruchomości Żółć"
        assert second.other_settings_page.company_radio.isChecked()
        section = second.other_settings_page.smtp_section
        assert section.host_edit.text() == "smtp.biuro.pl"
        assert section.port_edit.text() == "587"
        assert section.password_field.line_edit.placeholderText() == "•••••• (zapisane w pęku kluczy)"
        assert section.password() == PASSWORD
        assert second.other_settings_page.password_days_spin.value() == 90
        assert second.website_page.website_edit.text() == "https://www.biuro.pl"
        assert not second.is_modified()
        second.close()
    finally:
        second_store.close()


def test_passwords_never_reach_the_settings_file(qtbot, window, store, data_dir):
    employee = store.save_employee(
        Employee(
            first_name="Anna",
            last_name="Nowak",
            email="anna@biuro.pl",
            smtp=SmtpAccount(host="smtp.biuro.pl"),
        )
    )
    window.reload()
    page = window.other_settings_page
    page.smtp_section.host_edit.setText("smtp.biuro.pl")
    page.smtp_section.username_edit.setText("biuro@biuro.pl")
    page.smtp_section.password_field.set_text(PASSWORD)
    assert window.save()
    window.employees_page.select_employee(employee.id)
    dialog = window.employees_page.edit_selected()
    assert dialog is not None
    dialog.smtp_section.password_field.set_text(PASSWORD + "-anna")
    dialog.accept()

    files = [p for p in data_dir.iterdir() if p.is_file()]
    assert any(p.name.endswith("-wal") for p in files) or files
    forms = [
        PASSWORD.encode("utf-8"),
        PASSWORD.encode("utf-16-le"),
        base64.b64encode(PASSWORD.encode("utf-8")),
        base64.b64encode(f"\0biuro@biuro.pl\0{PASSWORD}".encode()),
    ]
    for path in files:
        content = path.read_bytes()
        for form in forms:
            assert form not in content, path.name
    assert SecretStore().get(employee_account(employee.id)) == PASSWORD + "-anna"


def test_settings_the_window_does_not_edit_are_kept(window, store):
    default = SmtpAccount(host="relay.dostawca.pl", port=25)
    store.save_settings(OfficeSettings(company=Company(name="Biuro"), default_server=default))
    window.reload()
    window.company_page.phone_edit.setText("22 123 45 67")
    assert window.save()
    assert store.load_settings().default_server == default


# --- extension points -----------------------------------------------------------------------------


def test_a_banner_appears_above_the_tabs(qtbot, window):
    banner = QLabel("Tryb demonstracyjny")
    window.add_banner(banner)
    qtbot.waitUntil(banner.isVisible, timeout=WAIT_MS)
    assert (
        banner.mapTo(window, banner.rect().topLeft()).y()
        < window.tabs.mapTo(window, window.tabs.rect().topLeft()).y()
    )


def test_tools_menu_and_toolbar_show_up_once_a_feature_adds_an_action(window):
    assert window.tools_menu.title() == "Na&rzędzia"  # Alt+N is "Nazwa firmy"
    assert not window.tools_menu.menuAction().isVisible()
    assert not window.toolbar.isVisible()
    action = window.tools_menu.addAction("Historia testów")
    window.toolbar.addAction(action)
    assert window.tools_menu.menuAction().isVisible()
    assert window.toolbar.isVisible()


def test_the_smtp_sections_take_test_buttons(qtbot, window):
    button = QPushButton("Wyślij test")
    window.other_settings_page.smtp_section.actions_layout.addWidget(button)
    window.show_page(window.other_settings_page)
    qtbot.waitUntil(button.isVisible, timeout=WAIT_MS)


def test_menu_mnemonics_never_clash_with_the_first_tabs_fields(qtbot, store, secrets):
    """Alt+N once opened "Narzędzia" or focused "Nazwa firmy" depending on timing: a letter is
    either a menu's or a field's, never both."""
    from PySide6.QtWidgets import QLabel

    window = SettingsWindow(store, secrets)
    qtbot.addWidget(window)

    def letter(text: str) -> str:
        index = text.find("&")
        return text[index + 1].lower() if 0 <= index < len(text) - 1 else ""

    menus = [letter(action.text()) for action in window.menuBar().actions()]
    labels = [letter(label.text()) for label in window.company_page.findChildren(QLabel) if label.buddy()]
    assert "" not in menus and len(set(menus)) == len(menus)
    assert set(menus) & set(labels) == set()
