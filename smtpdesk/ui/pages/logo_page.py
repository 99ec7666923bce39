"""„Logo Firmy”: a PNG, JPEG or SVG shown in the mail footer, kept inside the settings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpdesk.core.model import OfficeSettings
from smtpdesk.ui.pages.base import SettingsPage
from smtpdesk.ui.pages.logo_file import LogoFileError, read_logo
from smtpdesk.ui.widgets.form_rows import add_row, hint_label, new_form

PREVIEW_SIZE = QSize(360, 180)
_FORMAT_NAMES = {"image/png": "PNG", "image/jpeg": "JPEG", "image/svg+xml": "SVG"}


def decode_logo(data: bytes, mime: str, box: QSize = PREVIEW_SIZE) -> tuple[QPixmap, QSize] | None:
    """``data`` rendered to fit ``box`` and its own size; None when it is not a readable image.

    Large images are scaled while decoding, and SVG is rendered at the target size so it stays sharp.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, _FORMAT_NAMES.get(mime, "").lower().encode())
    size = reader.size()
    if size.isValid() and not size.isEmpty():
        fits = size.width() <= box.width() and size.height() <= box.height()
        if mime == "image/svg+xml" or not fits:
            reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    if image.isNull():
        return None
    return QPixmap.fromImage(image), size


class LogoPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._logo: bytes | None = None
        self._mime = ""
        self.file_dialog: QFileDialog | None = None

        self.preview = QLabel()
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(PREVIEW_SIZE + QSize(16, 16))
        self.preview.setAccessibleName(self.tr("Podgląd logo"))
        self.details_label = hint_label("")
        self.choose_button = QPushButton(self.tr("&Wybierz plik…"))
        self.remove_button = QPushButton(self.tr("&Usuń logo"))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons_box = QWidget()
        buttons_box.setLayout(buttons)

        form = new_form()
        add_row(form, self.tr("Logo:"), self.preview, self.errors, hint=self.details_label)
        self.file_row = buttons_box
        add_row(
            form,
            self.tr("Plik logo:"),
            buttons_box,
            self.errors,
            hint=hint_label(
                self.tr("PNG, JPEG lub SVG, najwyżej 2 MB. Logo pojawia się w stopce wysyłanych maili.")
            ),
            buddy=self.choose_button,
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

        self.choose_button.clicked.connect(self.choose_file)
        self.remove_button.clicked.connect(self.remove_logo)
        self._show()

    def title(self) -> str:
        return self.tr("Logo Firmy")

    @property
    def logo(self) -> tuple[bytes | None, str]:
        return self._logo, self._mime

    def load(self, settings: OfficeSettings) -> None:
        self.errors.clear()
        self._logo = settings.company.logo or None
        self._mime = settings.company.logo_mime if self._logo else ""
        self._show()

    def save(self, settings: OfficeSettings) -> OfficeSettings:
        company = replace(settings.company, logo=self._logo, logo_mime=self._mime)
        return replace(settings, company=company)

    def state(self) -> object:
        return self._logo, self._mime

    def choose_file(self) -> None:
        """Opens the file chooser without blocking; the chosen file arrives in ``load_file``."""
        dialog = QFileDialog(self, self.tr("Wybierz logo firmy"), str(Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Obrazy (*.png *.jpg *.jpeg *.svg)"), self.tr("Wszystkie pliki (*)")])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.load_file)
        dialog.finished.connect(self._dialog_closed)
        self.file_dialog = dialog
        dialog.open()

    def load_file(self, path: str) -> bool:
        """Takes ``path`` as the new logo, or says next to the button why it cannot."""
        try:
            data, mime = read_logo(path)
        except LogoFileError as error:
            self._reject(error)
            return False
        decoded = decode_logo(data, mime)
        if decoded is None:
            self._reject(LogoFileError("not_image"))
            return False
        self.errors.clear()
        self._logo, self._mime = data, mime
        self._show_decoded(decoded)
        self.changed.emit()
        return True

    def remove_logo(self) -> None:
        self.errors.clear()
        self._logo, self._mime = None, ""
        self._show()
        self.changed.emit()

    def _dialog_closed(self) -> None:
        self.file_dialog = None

    def _reject(self, error: LogoFileError) -> None:
        if error.reason == "too_big":
            text = self.tr(
                "Plik ma {size} MB — logo może mieć najwyżej 2 MB. Zmniejsz obraz i wybierz go ponownie."
            )
            text = text.format(size=error.detail)
        elif error.reason == "unreadable":
            text = self.tr("Nie można odczytać pliku: {reason}").format(reason=error.detail)
        else:
            text = self.tr("Tego pliku nie da się użyć jako logo — wybierz obraz PNG, JPEG lub SVG.")
        # Shown under the buttons that picked the file.
        self.errors.show(self.file_row, text)

    def _show(self) -> None:
        self._show_decoded(decode_logo(self._logo, self._mime) if self._logo else None)

    def _show_decoded(self, decoded: tuple[QPixmap, QSize] | None) -> None:
        """Shows the current logo from its ``decode_logo`` result (None: no logo to show)."""
        if decoded is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("Brak logo"))
            self.details_label.setText("")
        else:
            pixmap, original = decoded
            self.preview.setPixmap(pixmap)
            self.details_label.setText(
                self.tr("{format}, {width}×{height} px, {size} kB").format(
                    format=_FORMAT_NAMES.get(self._mime, "?"),
                    width=original.width(),
                    height=original.height(),
                    size=max(1, round(len(self._logo or b"") / 1024)),
                )
            )
        self.details_label.setVisible(bool(self.details_label.text()))
        self.remove_button.setEnabled(self._logo is not None)
