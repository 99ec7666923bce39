""" "Eksportuj konfigurację…": says what goes into the file (and what never does), offers the test
history, then asks where to save it — without blocking, the answers arrive by signal."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.store import Store, StoreError
from smtpdesk.core.store.exchange import export_configuration, write_export
from smtpdesk.ui.msgbox import show_message
from smtpdesk.ui.widgets.default_button import keep_default_button

log = logging.getLogger(__name__)

HINT_STYLE = "color: #57606a;"


def suggested_name(today: date | None = None) -> str:
    return f"smtpdesk-konfiguracja-{(today or date.today()):%Y-%m-%d}.json"


class ExportDialog(QDialog):
    """Open with ``open()``; ``exported`` carries the path once the file is written."""

    exported = Signal(str)

    def __init__(self, store: Store, employees: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Eksport konfiguracji"))
        self.setMinimumWidth(520)

        heading = QLabel(self.tr("Eksportuj konfigurację do pliku"))
        heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        what = QLabel(
            self.tr(
                "Plik zawiera dane firmy, logo, pozostałe ustawienia i pracowników ({count}) z ich "
                "ustawieniami poczty. Na innym komputerze wczytasz go poleceniem "
                "Plik › Importuj konfigurację…"
            ).format(count=employees)
        )
        what.setWordWrap(True)
        secrets = QLabel(
            self.tr(
                "Hasła nie trafiają do pliku — na każdym komputerze wpisuje się je osobno. Plik "
                "będzie mógł odczytać tylko Twój użytkownik tego komputera."
            )
        )
        secrets.setWordWrap(True)
        secrets.setStyleSheet(HINT_STYLE)
        self.history_check = QCheckBox(self.tr("Dołącz &historię testów"))
        history_hint = QLabel(
            self.tr("Wyniki wiadomości testowych i sprawdzeń logowania, aby zobaczyć je na innym komputerze.")
        )
        history_hint.setWordWrap(True)
        history_hint.setStyleSheet(HINT_STYLE)
        history_hint.setContentsMargins(24, 0, 0, 0)

        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            self.tr("&Zapisz jako…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(what)
        layout.addWidget(secrets)
        layout.addSpacing(6)
        layout.addWidget(self.history_check)
        layout.addWidget(history_hint)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        keep_default_button(self, self.save_button)
        height = layout.heightForWidth(self.minimumWidth())
        if height > 0:
            self.resize(self.minimumWidth(), height)

    @Slot()
    def choose_file(self) -> None:
        """Asks where to save (the file dialog confirms replacing an existing file)."""
        if self.file_dialog is not None:
            self.file_dialog.raise_()
            return
        dialog = QFileDialog(self, self.tr("Zapisz konfigurację"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters([self.tr("Konfiguracja smtpdesk (*.json)"), self.tr("Wszystkie pliki (*)")])
        dialog.setDefaultSuffix("json")
        dialog.setDirectory(str(Path.home()))
        dialog.selectFile(suggested_name())
        dialog.fileSelected.connect(self.write_to)
        dialog.finished.connect(self._file_dialog_closed)
        self.file_dialog = dialog
        dialog.open()

    @Slot(str)
    def write_to(self, path: str) -> bool:
        """Writes the file; on failure says why and stays open for another try."""
        try:
            content = export_configuration(self.store, include_history=self.history_check.isChecked())
            write_export(Path(path), content)
        except (StoreError, OSError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            log.warning("could not export the configuration to %s: %s", path, reason)
            show_message(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Nie zapisano konfiguracji"),
                self.tr("Nie udało się zapisać konfiguracji w {path}: {reason}").format(
                    path=path, reason=reason
                ),
            )
            return False
        self.exported.emit(path)
        self.accept()
        return True

    @Slot()
    def _file_dialog_closed(self) -> None:
        if self.file_dialog is not None:
            self.file_dialog.deleteLater()
        self.file_dialog = None
