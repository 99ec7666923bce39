"""Puts "Eksportuj konfigurację…" and "Importuj konfigurację…" into the settings window's "Plik" menu.

Both work on the *stored* settings, so unsaved edits are settled first (save or drop them). After
an import the window shows the stored settings again.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from shiboken6 import isValid

from smtpdesk.core.store import StoreError
from smtpdesk.core.store.exchange import ImportOutcome, read_import_file
from smtpdesk.ui.exchange.export_dialog import ExportDialog
from smtpdesk.ui.exchange.preview_dialog import ImportPreviewDialog
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.widgets.unsaved_changes import Choice, UnsavedChangesBox, ask_unsaved_changes, settle

if TYPE_CHECKING:
    from smtpdesk.ui.settings_window import SettingsWindow

log = logging.getLogger(__name__)

STATUS_TIMEOUT_MS = 10000


class ExchangeLauncher(QObject):
    """Owned by the window; the dialogs it opened, if any, are in its attributes."""

    def __init__(self, window: SettingsWindow) -> None:
        super().__init__(window)
        self.window = window
        self.export_dialog: ExportDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.preview_dialog: ImportPreviewDialog | None = None
        self.unsaved_box: UnsavedChangesBox | None = None
        self._next: str = ""  # what to open once unsaved edits are settled

        self.export_action = QAction(self.tr("&Eksportuj konfigurację…"), window)
        self.export_action.setObjectName("export_action")
        self.export_action.setToolTip(
            self.tr("Zapisuje ustawienia i pracowników do pliku, aby wczytać je na innym komputerze")
        )
        self.export_action.triggered.connect(self.start_export)
        self.import_action = QAction(self.tr("&Importuj konfigurację…"), window)
        self.import_action.setObjectName("import_action")
        self.import_action.setToolTip(
            self.tr("Wczytuje ustawienia i pracowników z pliku zapisanego na innym komputerze")
        )
        self.import_action.triggered.connect(self.start_import)
        menu = window.file_menu
        menu.insertAction(window.close_action, self.export_action)
        menu.insertAction(window.close_action, self.import_action)
        menu.insertSeparator(window.close_action)

    # -- entry points ---------------------------------------------------------------------------

    @Slot()
    def start_export(self) -> None:
        self._settle_then("export")

    @Slot()
    def start_import(self) -> None:
        self._settle_then("import")

    # -- export ---------------------------------------------------------------------------------

    def _open_export(self) -> None:
        if _raise_if_open(self.export_dialog):
            return
        try:
            count = len(self.window.store.list_employees())
        except StoreError as error:
            self._error(self.tr("Nie można wyeksportować konfiguracji"), str(error))
            return
        dialog = ExportDialog(self.window.store, count, self.window)
        dialog.exported.connect(self._exported)
        dialog.finished.connect(self._export_closed)
        self.export_dialog = dialog
        dialog.open()

    @Slot(str)
    def _exported(self, path: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("Zapisano konfigurację w pliku {path} (bez haseł).").format(path=path), STATUS_TIMEOUT_MS
        )

    @Slot()
    def _export_closed(self) -> None:
        if self.export_dialog is not None:
            self.export_dialog.deleteLater()
        self.export_dialog = None

    # -- import ---------------------------------------------------------------------------------

    def _choose_import_file(self) -> None:
        if _raise_if_open(self.preview_dialog) or _raise_if_open(self.file_dialog):
            return
        dialog = QFileDialog(self.window, self.tr("Wybierz plik konfiguracji"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Konfiguracja smtpdesk (*.json)"), self.tr("Wszystkie pliki (*)")])
        dialog.setDirectory(str(Path.home()))
        dialog.fileSelected.connect(self.preview_file)
        dialog.finished.connect(self._file_dialog_closed)
        self.file_dialog = dialog
        dialog.open()

    @Slot(str)
    def preview_file(self, path: str) -> ImportPreviewDialog | None:
        """Reads ``path`` and shows what importing it would change."""
        name = Path(path).name
        try:
            parsed = read_import_file(Path(path))
        except OSError as error:
            self._error(
                self.tr("Nie można odczytać pliku"),
                self.tr("Nie udało się odczytać pliku {path}: {reason}").format(
                    path=path, reason=error.strerror or error
                ),
            )
            return None
        try:
            dialog = ImportPreviewDialog(self.window.store, self.window.secrets, parsed, name, self.window)
        except StoreError as error:
            self._error(self.tr("Nie można zaimportować konfiguracji"), str(error))
            return None
        dialog.applied.connect(self._imported)
        dialog.finished.connect(self._preview_closed)
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _imported(self, outcome: ImportOutcome) -> None:
        self.window.reload()
        dialog = self.preview_dialog
        passwords = len(dialog.preview.passwords) if dialog is not None else 0
        if passwords:
            text = self.tr(
                "Zaimportowano konfigurację. Wpisz hasła kont, których nie zna ten komputer: {count}."
            )
            message = text.format(count=passwords)
        else:
            message = self.tr("Zaimportowano konfigurację.")
        self.window.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    @Slot()
    def _file_dialog_closed(self) -> None:
        if self.file_dialog is not None:
            self.file_dialog.deleteLater()
        self.file_dialog = None

    @Slot()
    def _preview_closed(self) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.deleteLater()
        self.preview_dialog = None

    # -- unsaved edits --------------------------------------------------------------------------

    def _settle_then(self, what: str) -> None:
        self._next = what
        if not self.window.is_modified():
            self._go()
            return
        if self.unsaved_box is not None and isValid(self.unsaved_box):
            self.unsaved_box.raise_()
            return
        box = ask_unsaved_changes(self.window, self._settled)
        if what == "export":
            box.setInformativeText(
                self.tr("Eksport zapisuje zapisane ustawienia. Zapisać zmiany przed eksportem?")
            )
        else:
            box.setInformativeText(
                self.tr("Import zastąpi ustawienia widoczne w oknie. Zapisać zmiany przed importem?")
            )
        self.unsaved_box = box

    def _settled(self, choice: Choice) -> None:
        self.unsaved_box = None
        if settle(self.window, choice):
            self._go()

    def _go(self) -> None:
        if self._next == "export":
            self._open_export()
        else:
            self._choose_import_file()

    def _error(self, title: str, text: str) -> None:
        show_message(self.window, QMessageBox.Icon.Critical, title, text)


def _raise_if_open(dialog: QWidget | None) -> bool:
    """Brings an already open dialog to the front instead of opening a second one."""
    if dialog is not None and isValid(dialog) and dialog.isVisible():
        dialog.raise_()
        return True
    return False


def install_exchange(window: SettingsWindow) -> ExchangeLauncher:
    return ExchangeLauncher(window)
