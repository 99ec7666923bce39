"""The import preview: every change under its section or employee, every problem of the file next
to its field, "Zastosuj" only for a valid file, employees absent from the file removed only when
asked, and a database changed meanwhile refusing the import with the preview shown again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from smtpdesk.core.model import Company, OfficeSettings, employee_account
from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Actor, Store
from smtpdesk.core.store.exchange import read_import
from smtpdesk.ui.exchange.preview_dialog import PLACE, ImportPreviewDialog
from smtpdesk.ui.widgets.field_error import ERROR_COLOUR
from tests.fixtures.office_files import as_bytes, office_file, seed_office
from tests.ui.exchange.helpers import WAIT_MS, click_check, groups


def open_preview(qtbot, store: Store, secrets: SecretStore, content: dict | bytes) -> ImportPreviewDialog:
    data = content if isinstance(content, bytes) else as_bytes(content)
    dialog = ImportPreviewDialog(store, secrets, read_import(data), "konfiguracja.json")
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def click(qtbot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_problems_are_shown_next_to_their_fields_and_nothing_can_be_applied(
    qtbot, store: Store, secrets: SecretStore, tmp_path: Path
) -> None:
    seed_office(store)
    file = office_file(tmp_path)
    file["settings"]["company_smtp"]["port"] = 70000
    file["employees"][0]["email"] = "anna(at)zrodlo.pl"
    dialog = open_preview(qtbot, store, secrets, file)

    shown = groups(dialog)
    assert shown["Konto firmowe (SMTP) — problemy: 1"] == [
        (
            "Port serwera poczty wychodzącej",
            "",
            "Port musi być liczbą od 1 do 65535",
            "settings.company_smtp.port",
        )
    ]
    assert shown["Pracownik nr 1 w pliku — problemy: 1"] == [
        ("E-mail", "", "To nie jest adres e-mail — wpisz np. jan.kowalski@biuro.pl", "employees[0].email")
    ]
    assert dialog.summary_label.text().startswith("Problemy w pliku: 2.")
    assert ERROR_COLOUR in dialog.summary_label.styleSheet()
    assert not dialog.tree.isColumnHidden(PLACE)
    assert dialog.apply_button.isHidden()
    assert dialog.close_button.text() == "Zamknij"
    assert not dialog.remove_check.isVisible()


def test_absent_employees_stay_unless_asked_and_then_go(
    qtbot, store: Store, secrets: SecretStore, tmp_path: Path
) -> None:
    seed_office(store)
    ola = store.save_employee(
        replace(store.list_employees()[0], id=None, first_name="Ola", email="ola@zrodlo.pl")
    )
    assert ola.id is not None
    secrets.set(employee_account(ola.id), "Hasło-Oli-1")
    dialog = open_preview(qtbot, store, secrets, office_file(tmp_path))

    absent = "Pracownicy, których nie ma w pliku"
    assert groups(dialog)[absent] == [("Ola Nowak <ola@zrodlo.pl>", "", "zostaje bez zmian", "")]
    assert dialog.remove_check.isVisible() and not dialog.remove_check.isChecked()
    assert dialog.remove_check.text() == "Usuń z tej bazy pracowników, których nie ma w pliku (1)"
    assert not dialog.apply_button.isEnabled()  # nothing else differs
    assert (
        dialog.summary_label.text() == "Ta baza ma już wszystko, co jest w pliku — import niczego nie zmieni."
    )

    click_check(qtbot, dialog.remove_check)
    assert groups(dialog)[absent] == [("Ola Nowak <ola@zrodlo.pl>", "", "zostanie usunięty", "")]
    assert dialog.summary_label.text() == "Do usunięcia: 1 · Pracownicy bez zmian: 2"
    assert dialog.apply_button.isEnabled()

    with qtbot.waitSignal(dialog.applied, timeout=WAIT_MS) as applied:
        click(qtbot, dialog.apply_button)
    assert applied.args[0].removed == (ola.id,)
    assert [e.email for e in store.list_employees()] == ["anna@zrodlo.pl", "jan@zrodlo.pl"]
    assert secrets.get(employee_account(ola.id)) is None
    assert not dialog.isVisible()


def test_a_change_made_elsewhere_meanwhile_refuses_the_import_and_the_preview_is_made_again(
    qtbot, store: Store, secrets: SecretStore, data_dir: Path, tmp_path: Path
) -> None:
    store.save_settings(OfficeSettings(company=Company(name="Stara nazwa")))
    dialog = open_preview(qtbot, store, secrets, office_file(tmp_path))
    assert groups(dialog)["Dane firmy"][0][:3] == (
        "Nazwa firmy",
        "Stara nazwa",
        "Nieruchomości Źródło Sp. z o.o.",
    )

    with Store.open(data_dir, actor=Actor("Marta", "biuro-2")) as other_window:
        loaded = other_window.load_settings()
        other_window.save_settings(
            replace(loaded, company=replace(loaded.company, name="Nazwa z drugiego okna")), base=loaded
        )

    with qtbot.assertNotEmitted(dialog.applied):
        click(qtbot, dialog.apply_button)
    assert dialog.isVisible()
    assert dialog.notice_label.isVisible()
    notice = dialog.notice_label.text()
    assert notice.startswith(
        "Od przygotowania podglądu zmieniło się w bazie: Dane firmy › Nazwa firmy (Marta (biuro-2),"
    )
    assert "Nic nie zostało zaimportowane" in notice
    assert store.load_settings().company.name == "Nazwa z drugiego okna"
    assert store.list_employees() == []
    # The preview shows the database as it is now.
    assert groups(dialog)["Dane firmy"][0][:3] == (
        "Nazwa firmy",
        "Nazwa z drugiego okna",
        "Nieruchomości Źródło Sp. z o.o.",
    )

    with qtbot.waitSignal(dialog.applied, timeout=WAIT_MS):
        click(qtbot, dialog.apply_button)
    assert store.load_settings().company.name == "Nieruchomości Źródło Sp. z o.o."
    assert len(store.list_employees()) == 2


def test_a_file_that_is_not_an_export_is_refused_plainly(qtbot, store: Store, secrets: SecretStore) -> None:
    dialog = open_preview(qtbot, store, secrets, b'{"firma": "Biuro"}')
    assert dialog.summary_label.text().startswith("To nie jest eksport konfiguracji smtpdesk")
    assert not dialog.tree.isVisible()
    assert dialog.apply_button.isHidden()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not store.is_configured()


def test_long_messages_wrap_instead_of_being_cut(
    qtbot, store: Store, secrets: SecretStore, tmp_path: Path
) -> None:
    dialog = open_preview(qtbot, store, secrets, office_file(tmp_path))
    dialog.resize(760, 600)
    qtbot.waitExposed(dialog)
    todo = next(item for item in dialog.group_items() if item.text(0) == "Do uzupełnienia na tym komputerze")
    row = todo.child(0)
    assert row is not None and row.text(2).startswith("wpisz hasło w ustawieniach konta")
    height = dialog.tree.visualItemRect(row).height()
    line = dialog.tree.fontMetrics().height()
    assert height >= 2 * line  # the sentence takes two lines in its column rather than being cut
