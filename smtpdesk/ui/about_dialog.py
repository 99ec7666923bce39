"""„Pomoc › O programie”: the version and where the program keeps its files.

The folders are what a support person asks for first (the settings file, the log), so they can be
selected and copied in one click.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from smtpdesk import __version__
from smtpdesk.core.secrets import SESSION_BACKEND_NAME, SecretStore
from smtpdesk.logfile import log_path
from smtpdesk.paths import database_path
from smtpdesk.ui.app_icon import app_icon
from smtpdesk.ui.widgets.copy_buttons import CopyCloseButtons
from smtpdesk.ui.widgets.default_button import keep_default_button
from smtpdesk.ui.widgets.form_rows import heading_label
from smtpdesk.ui.window_state import config_dir

ICON_SIZE = 64


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, secrets: SecretStore | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("O programie smtpdesk"))

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(ICON_SIZE, ICON_SIZE))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        name = heading_label(f"smtpdesk {__version__}")
        summary = QLabel(
            self.tr(
                "Ustawienia poczty wychodzącej biura, wiadomości testowe jednym kliknięciem "
                "i diagnoza problemów prostym językiem."
            )
        )
        summary.setWordWrap(True)

        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        backend = self._keychain_name(secrets)
        rows = (
            ("version", self.tr("Wersja:"), __version__),
            ("data", self.tr("Plik ustawień:"), str(database_path(data_dir))),
            ("log", self.tr("Dziennik programu:"), str(log_path())),
            ("config", self.tr("Folder konfiguracji:"), str(config_dir())),
            ("keychain", self.tr("Pęk kluczy:"), backend),
            (
                "runtime",
                self.tr("Środowisko:"),
                f"Python {platform.python_version()}, PySide6 {pyside_version}, Qt {qVersion()}, "
                f"{platform.system()} {platform.release()}",
            ),
        )
        for key, caption, value in rows:
            label = QLabel(value)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.fields[key] = label
            form.addRow(caption, label)

        buttons = CopyCloseButtons(self, self.text)
        self.copy_button, self.close_button = buttons.copy_button, buttons.close_button

        texts = QVBoxLayout()
        texts.addWidget(name)
        texts.addWidget(summary)
        texts.addSpacing(6)
        texts.addLayout(form)
        top = QVBoxLayout(self)
        header = QWidget()
        row = QHBoxLayout(header)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(icon)
        row.addLayout(texts, 1)
        top.addWidget(header)
        top.addStretch(1)
        top.addWidget(buttons)
        self.resize(640, self.sizeHint().height())
        keep_default_button(self, self.close_button)

    def _keychain_name(self, secrets: SecretStore | None) -> str:
        """The keychain's own name, or what stands in for it said in the window's language."""
        if secrets is None:
            return "—"
        # Imported here: the office key's cryptography is not needed to show the window.
        from smtpdesk.core.store.office_secrets import BACKEND_NAME as OFFICE_BACKEND_NAME

        name = secrets.backend_name
        said = {
            SESSION_BACKEND_NAME: self.tr("brak — hasła są w pamięci programu do jego zamknięcia"),
            OFFICE_BACKEND_NAME: self.tr("baza danych biura (szyfrowanie AES-GCM)"),
            "none": self.tr("brak"),
        }
        return said.get(name, name)

    def text(self) -> str:
        """What "Kopiuj" puts on the clipboard."""
        lines = [f"smtpdesk {__version__}"]
        form = self.findChild(QFormLayout)
        for key, label in self.fields.items():
            caption = form.labelForField(label) if form is not None else None
            prefix = caption.text() if isinstance(caption, QLabel) else key
            lines.append(f"{prefix} {label.text()}")
        return "\n".join(lines)
