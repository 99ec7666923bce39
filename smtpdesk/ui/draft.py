"""Unsaved input kept when the program is ended from outside (logout, shutdown, ``kill``, Ctrl+C).

Such an ending cannot ask "Zapisać zmiany?", so the fields of every changed tab are written to
``draft.json`` next to the settings file, and the next start offers to put them back
("Przywróć niezapisane zmiany?"). The fields are read in the order the form builds them, so the
file needs nothing but their values. A password is never written: password fields are skipped.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from smtpdesk.ui.widgets.password_field import PasswordField

if TYPE_CHECKING:
    from smtpdesk.ui.settings_window import SettingsWindow

log = logging.getLogger(__name__)

DRAFT_FILE_NAME = "draft.json"
DRAFT_VERSION = 1

Value = str | int | bool | None


def draft_path(data_dir: Path) -> Path:
    return data_dir / DRAFT_FILE_NAME


# -- reading and writing the fields -------------------------------------------------------------


def _inputs(root: QWidget) -> Iterator[QWidget]:
    """The input widgets under ``root`` in the order the form created them."""
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QSpinBox, QComboBox)) or (
            isinstance(widget, QAbstractButton) and widget.isCheckable()
        ):
            yield widget


def _is_secret(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, PasswordField):
            return True
        parent = parent.parentWidget()
    return False


def _value(widget: QWidget) -> Value:
    if _is_secret(widget):
        return None
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    return None


def capture(root: QWidget) -> list[Value]:
    """The values of every field under ``root``; ``None`` for a password field."""
    return [_value(widget) for widget in _inputs(root)]


def restore(root: QWidget, values: list[Value]) -> bool:
    """Puts ``values`` back into the fields under ``root``; False (nothing changed) when the form
    no longer has the same fields."""
    widgets = list(_inputs(root))
    if len(widgets) != len(values):
        return False
    for widget, value in zip(widgets, values, strict=True):
        if value is None or _is_secret(widget):
            continue
        if isinstance(widget, QSpinBox) and isinstance(value, int) and not isinstance(value, bool):
            widget.setValue(value)
        elif isinstance(widget, QComboBox) and isinstance(value, int) and not isinstance(value, bool):
            widget.setCurrentIndex(value)
        elif isinstance(widget, QAbstractButton) and isinstance(value, bool):
            widget.setChecked(value)
        elif isinstance(widget, QPlainTextEdit) and isinstance(value, str):
            widget.setPlainText(value)
        elif isinstance(widget, QLineEdit) and isinstance(value, str):
            widget.setText(value)
    return True


# -- the draft file -----------------------------------------------------------------------------


def write_draft(window: SettingsWindow) -> Path | None:
    """Saves the fields of every changed tab of ``window``; None when nothing was changed."""
    pages = {page.objectName(): capture(page) for page in window.modified_pages()}
    if not pages:
        return None
    path = draft_path(window.data_dir())
    data = {
        "version": DRAFT_VERSION,
        "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "pages": pages,
    }
    temporary = path.with_suffix(".tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(data, file, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError as error:
        log.warning("unsaved changes could not be kept: %s", error)
        return None
    log.info("unsaved changes kept in %s (tabs: %s)", path, ", ".join(pages))
    return path


def read_draft(data_dir: Path) -> dict[str, list[Value]] | None:
    """The pages of a draft left by the last run (None: none, or unreadable)."""
    path = draft_path(data_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        log.warning("unreadable draft %s dropped: %s", path, error)
        discard_draft(data_dir)
        return None
    pages = data.get("pages") if isinstance(data, dict) and data.get("version") == DRAFT_VERSION else None
    if not isinstance(pages, dict) or not pages:
        discard_draft(data_dir)
        return None
    return {str(name): list(values) for name, values in pages.items() if isinstance(values, list)}


def discard_draft(data_dir: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        draft_path(data_dir).unlink()


def apply_draft(window: SettingsWindow, pages: dict[str, list[Value]]) -> list[str]:
    """Puts the draft into ``window``'s tabs; returns the titles of the tabs it changed."""
    restored: list[str] = []
    for page in window.pages:
        values = pages.get(page.objectName())
        if values is not None and restore(page, values):
            restored.append(page.title())
    return restored


# -- the question on the next start -------------------------------------------------------------


class DraftRestoreBox(QMessageBox):
    """ "Przywróć niezapisane zmiany?" — Przywróć (Enter) / Odrzuć; Escape asks again next time."""

    def __init__(self, window: SettingsWindow, pages: dict[str, list[Value]], on_done: Callable[[], None]):
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Niezapisane zmiany"))
        self.setText(self.tr("Przywróć niezapisane zmiany?"))
        titles = [page.title() for page in window.pages if page.objectName() in pages]
        self.setInformativeText(
            self.tr(
                "Program został ostatnio zamknięty z zewnątrz (wylogowanie, wyłączenie komputera) "
                "przed zapisaniem zmian w zakładkach: {tabs}. Możesz je przywrócić do formularza "
                "i zapisać. Hasła nie są przechowywane — wpisz je ponownie."
            ).format(tabs=", ".join(titles))
        )
        self.restore_button = self.addButton(self.tr("&Przywróć"), QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = self.addButton(self.tr("&Odrzuć"), QMessageBox.ButtonRole.DestructiveRole)
        self.discard_button.setAutoDefault(False)
        self.later_button = self.addButton(self.tr("Później"), QMessageBox.ButtonRole.RejectRole)
        self.later_button.setAutoDefault(False)
        self.setDefaultButton(self.restore_button)
        self.setEscapeButton(self.later_button)
        self._window = window
        self._pages = pages
        self._on_done = on_done
        self.finished.connect(self._answered)

    def _answered(self) -> None:
        clicked = self.clickedButton()
        data_dir = self._window.data_dir()
        if clicked is self.restore_button:
            restored = apply_draft(self._window, self._pages)
            discard_draft(data_dir)
            if restored:
                self._window.statusBar().showMessage(
                    self.tr("Przywrócono niezapisane zmiany — sprawdź je i kliknij „Zapisz”."), 10000
                )
        elif clicked is self.discard_button:
            discard_draft(data_dir)
        self._on_done()


def offer_draft(window: SettingsWindow, on_done: Callable[[], None] = lambda: None) -> DraftRestoreBox | None:
    """Asks whether to restore the draft of ``window``'s data folder, if there is one."""
    pages = read_draft(window.data_dir())
    if not pages:
        return None
    box = DraftRestoreBox(window, pages, on_done)
    box.open()
    return box
