"""Export and import with the keyboard only: Alt+letters, Enter for the main action, Escape to
leave without writing anything."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from smtpdesk.core.secrets import SecretStore
from smtpdesk.core.store import Store
from smtpdesk.core.store.exchange import read_import
from smtpdesk.ui.exchange.preview_dialog import ImportPreviewDialog
from tests.fixtures.keyboard import walk_window
from tests.fixtures.office_files import as_bytes, office_file, seed_office
from tests.ui.exchange.helpers import WAIT_MS, type_file_name


def test_export_is_walked_and_enter_asks_where_to_save(qtbot, window, store: Store, tmp_path: Path) -> None:
    settings_window, launcher = window
    seed_office(store)
    qtbot.keyClick(settings_window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(settings_window.file_menu.isVisible, timeout=WAIT_MS)
    qtbot.keyClick(settings_window.file_menu, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: launcher.export_dialog is not None and launcher.export_dialog.isVisible())
    dialog = launcher.export_dialog
    assert dialog is not None
    walk = walk_window(qtbot, dialog, main=dialog.save_button)
    assert walk.problems() == []
    assert walk.mnemonics_pressed == ["Dołącz historię testów"]

    qtbot.keyClick(dialog.history_check, "h", Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.history_check.isChecked, timeout=WAIT_MS)
    qtbot.keyClick(dialog.history_check, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(dialog.file_dialog, QFileDialog), timeout=WAIT_MS)
    target = tmp_path / "konfiguracja.json"
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        type_file_name(qtbot, dialog.file_dialog, target)
    assert len(json.loads(target.read_text(encoding="utf-8"))["history"]) == 3


def test_escape_leaves_the_export_without_a_file(qtbot, window, store: Store) -> None:
    _settings_window, launcher = window
    launcher.start_export()
    dialog = launcher.export_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.rejected, timeout=WAIT_MS):
        qtbot.keyClick(dialog.history_check, Qt.Key.Key_Escape)
    assert dialog.file_dialog is None


def open_preview(show_window, store: Store, secrets: SecretStore, content: dict) -> ImportPreviewDialog:
    dialog = ImportPreviewDialog(store, secrets, read_import(as_bytes(content)), "konfiguracja.json")
    show_window(dialog)
    return dialog


def test_enter_applies_an_import_that_changes_something(
    qtbot, show_window, store: Store, secrets: SecretStore, tmp_path: Path
) -> None:
    seed_office(store)
    file = office_file(tmp_path)
    file["settings"]["company"]["name"] = "Biuro Po Imporcie"
    dialog = open_preview(show_window, store, secrets, file)
    walk = walk_window(qtbot, dialog, main=dialog.apply_button)
    assert walk.problems() == []

    with qtbot.waitSignal(dialog.applied, timeout=WAIT_MS):
        qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert store.load_settings().company.name == "Biuro Po Imporcie"


def test_a_file_with_problems_is_closed_by_enter_and_nothing_is_written(
    qtbot, show_window, store: Store, secrets: SecretStore, tmp_path: Path
) -> None:
    seed_office(store)
    before = store.load_settings()
    file = office_file(tmp_path)
    file["settings"]["company"]["name"] = "Biuro Po Imporcie"
    file["settings"]["company_smtp"]["port"] = 70000
    dialog = open_preview(show_window, store, secrets, file)
    walk = walk_window(qtbot, dialog, main=dialog.close_button)
    assert walk.problems() == []

    with qtbot.assertNotEmitted(dialog.applied), qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert store.load_settings() == before


def test_escape_leaves_a_valid_import_unapplied(
    qtbot, show_window, store: Store, secrets: SecretStore, tmp_path: Path
) -> None:
    seed_office(store)
    file = office_file(tmp_path)
    file["settings"]["company"]["name"] = "Biuro Po Imporcie"
    dialog = open_preview(show_window, store, secrets, file)
    with qtbot.assertNotEmitted(dialog.applied), qtbot.waitSignal(dialog.rejected, timeout=WAIT_MS):
        qtbot.keyClick(dialog.apply_button, Qt.Key.Key_Escape)
    assert store.load_settings().company.name != "Biuro Po Imporcie"
