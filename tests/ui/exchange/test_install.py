""" "Plik › Eksportuj konfigurację…" and "Plik › Importuj konfigurację…" in the settings window: the
file is written and confirmed in the status bar, an import is previewed, applied and shown in the
window, and unsaved edits are settled first."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from smtpdesk.core.model import Company, OfficeSettings
from smtpdesk.core.store import Store
from smtpdesk.core.store.exchange import export_configuration, write_export
from smtpdesk.ui.widgets.unsaved_changes import UnsavedChangesBox
from tests.fixtures.office_files import manager_store, seed_office
from tests.ui.exchange.helpers import WAIT_MS, click_check, groups, type_file_name, visible_message_boxes


def menu_texts(window) -> list[str]:
    return [a.text() for a in window.file_menu.actions() if not a.isSeparator()]


def unsaved_box(window) -> UnsavedChangesBox | None:
    boxes = [box for box in window.findChildren(UnsavedChangesBox) if box.isVisible()]
    return boxes[0] if boxes else None


def test_the_file_menu_offers_export_and_import_before_closing(window) -> None:
    settings_window, _ = window
    assert menu_texts(settings_window) == [
        "&Zapisz",
        "&Eksportuj konfigurację…",
        "&Importuj konfigurację…",
        "Za&mknij",
    ]


def test_the_application_window_has_them_too(qtbot, data_dir: Path) -> None:
    from smtpdesk.ui.application import start_gui
    from tests.fixtures.people import enter_as_admin

    session = start_gui(["--data-dir", str(data_dir)])
    try:
        window = enter_as_admin(qtbot, session)
        assert "&Importuj konfigurację…" in menu_texts(window)
    finally:
        session.close()


def test_exporting_from_the_menu_writes_a_private_file_and_says_so(qtbot, window, store, tmp_path) -> None:
    settings_window, launcher = window
    seed_office(store)
    # Alt+P opens "Plik", E picks "Eksportuj konfigurację…", as a person at the keyboard does.
    qtbot.keyClick(settings_window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(settings_window.file_menu.isVisible, timeout=WAIT_MS)
    qtbot.keyClick(settings_window.file_menu, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: launcher.export_dialog is not None and launcher.export_dialog.isVisible())
    dialog = launcher.export_dialog
    assert dialog is not None
    assert not dialog.history_check.isChecked()
    click_check(qtbot, dialog.history_check)
    assert dialog.history_check.isChecked()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    target = tmp_path / "dla-agentow.json"
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        type_file_name(qtbot, dialog.file_dialog, target)

    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    content = json.loads(target.read_text(encoding="utf-8"))
    assert content["format"] == "smtpdesk-configuration"
    assert [e["email"] for e in content["employees"]] == ["anna@zrodlo.pl", "jan@zrodlo.pl"]
    assert len(content["history"]) == 3
    message = settings_window.statusBar().currentMessage()
    assert str(target) in message and "bez haseł" in message
    qtbot.waitUntil(lambda: launcher.export_dialog is None, timeout=WAIT_MS)


def test_a_file_that_cannot_be_written_is_explained_and_the_dialog_stays(qtbot, window, tmp_path) -> None:
    _, launcher = window
    launcher.export_action.trigger()
    dialog = launcher.export_dialog
    assert dialog is not None
    assert not dialog.write_to(str(tmp_path / "nie-ma-takiego-folderu" / "k.json"))
    boxes = visible_message_boxes()
    assert len(boxes) == 1 and boxes[0].windowTitle() == "Nie zapisano konfiguracji"
    assert "nie-ma-takiego-folderu" in boxes[0].text()
    assert dialog.isVisible()
    boxes[0].close()


def test_importing_from_the_menu_shows_the_changes_then_the_window_shows_the_import(
    qtbot, window, store: Store, tmp_path
) -> None:
    settings_window, launcher = window
    store.save_settings(OfficeSettings(company=Company(name="Stara nazwa")))
    settings_window.reload()
    source = tmp_path / "konfiguracja.json"
    with manager_store(tmp_path) as manager:
        write_export(source, export_configuration(manager))

    launcher.import_action.trigger()
    type_file_name(qtbot, launcher.file_dialog, source)
    qtbot.waitUntil(lambda: launcher.preview_dialog is not None and launcher.preview_dialog.isVisible())
    preview = launcher.preview_dialog
    assert preview is not None
    assert groups(preview)["Dane firmy"][0] == (
        "Nazwa firmy",
        "Stara nazwa",
        "Nieruchomości Źródło Sp. z o.o.",
        "",
    )
    assert settings_window.company_page.name_edit.text() == "Stara nazwa"  # nothing yet

    with qtbot.waitSignal(preview.applied, timeout=WAIT_MS):
        qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)

    assert settings_window.company_page.name_edit.text() == "Nieruchomości Źródło Sp. z o.o."
    assert settings_window.employees_page.model.rowCount() == 2
    assert not settings_window.is_modified()
    assert settings_window.statusBar().currentMessage() == (
        "Zaimportowano konfigurację. Wpisz hasła kont, których nie zna ten komputer: 2."
    )
    qtbot.waitUntil(lambda: launcher.preview_dialog is None, timeout=WAIT_MS)


def test_escape_in_the_preview_imports_nothing(qtbot, window, store: Store, tmp_path) -> None:
    _, launcher = window
    source = tmp_path / "konfiguracja.json"
    with manager_store(tmp_path) as manager:
        write_export(source, export_configuration(manager))
    preview = launcher.preview_file(str(source))
    assert preview is not None and preview.isVisible()
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: launcher.preview_dialog is None, timeout=WAIT_MS)
    assert not store.is_configured()


def test_unsaved_edits_are_settled_before_an_import(qtbot, window, store: Store) -> None:
    settings_window, launcher = window
    settings_window.company_page.name_edit.setText("Wpisane, niezapisane")

    launcher.import_action.trigger()
    qtbot.waitUntil(lambda: unsaved_box(settings_window) is not None, timeout=WAIT_MS)
    box = unsaved_box(settings_window)
    assert box is not None and "Import zastąpi ustawienia widoczne w oknie" in box.informativeText()
    qtbot.mouseClick(box.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: unsaved_box(settings_window) is None, timeout=WAIT_MS)
    assert launcher.file_dialog is None
    assert settings_window.company_page.name_edit.text() == "Wpisane, niezapisane"

    launcher.import_action.trigger()
    qtbot.waitUntil(lambda: unsaved_box(settings_window) is not None, timeout=WAIT_MS)
    box = unsaved_box(settings_window)
    assert box is not None
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: launcher.file_dialog is not None and launcher.file_dialog.isVisible())
    assert store.load_settings().company.name == "Wpisane, niezapisane"
    chooser = launcher.file_dialog
    assert chooser is not None
    qtbot.keyClick(chooser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: launcher.file_dialog is None, timeout=WAIT_MS)


def test_a_file_that_cannot_be_read_says_why(qtbot, window, tmp_path) -> None:
    _, launcher = window
    assert launcher.preview_file(str(tmp_path)) is None  # a folder, not a file
    boxes = visible_message_boxes()
    assert len(boxes) == 1 and boxes[0].icon() is QMessageBox.Icon.Critical
    assert boxes[0].windowTitle() == "Nie można odczytać pliku"
    assert str(tmp_path) in boxes[0].text()
    boxes[0].close()
